import './learn.css';
import { useT } from '../useT';
import { useNarration } from './useNarration';

/**
 * What happened in the current step, in plain words, above the stage. Not a live region: the
 * Announcer speaks the same words once per step.
 */
export function Narration() {
  const { t } = useT();
  const n = useNarration();
  return (
    <section className="panel narration-box" aria-label={t('narration')}>
      <span className="narration-step small muted">{n ? t('narration.step', { step: n.step }) : t('narration')}</span>{' '}
      <span data-testid="narration" data-step={n?.step ?? 0} data-codes={n?.lines.map((l) => l.code).join(' ') ?? ''}>
        {n?.text}
      </span>
      {!n && <span className="muted">{t('narration.none')}</span>}
    </section>
  );
}
