import { useNarration } from './learn/useNarration';
import { useT } from './useT';

/** A polite live region announcing each step for screen-reader users, in the narration's words
 * (paced at top speed, as the narration is). */
export function Announcer() {
  const { t } = useT();
  const n = useNarration();
  const text = n ? `${t('narration.step', { step: n.step })} ${n.text}` : '';
  return (
    <div className="sr-only" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
