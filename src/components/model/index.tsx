import './model.css';
import { modelEn, modelZh } from '../../i18n/model';
import { useStore } from '../../store/store';
import { FontWarmup } from '../FontWarmup';
import { MODEL_STRIKES } from '../fontStrikes';
import { ModelLoader } from './ModelLoader';
import { PromptBox } from './PromptBox';

export { ModelRace } from './ModelRace';
export { RunLessons } from './RunLessons';

/** The Real models world's top: the loader (pair, size, Load, progress, cache) and the prompt box. */
export function ModelTop() {
  const lang = useStore((s) => s.lang);
  return (
    <div className="model-top">
      <ModelLoader />
      <PromptBox />
      {/* Results appear while a model decodes: their fonts are made before (FontWarmup). */}
      <FontWarmup name="model" strikes={MODEL_STRIKES} table={lang === 'zh' ? modelZh : modelEn} />
    </div>
  );
}
