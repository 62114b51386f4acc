import './model.css';
import { ModelLoader } from './ModelLoader';
import { PromptBox } from './PromptBox';

export { ModelRace } from './ModelRace';
export { RunLessons } from './RunLessons';

/** The Real models world's top: the loader (pair, size, Load, progress, cache) and the prompt box. */
export function ModelTop() {
  return (
    <div className="model-top">
      <ModelLoader />
      <PromptBox />
    </div>
  );
}
