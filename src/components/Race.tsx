import { tokensBefore, tokenText } from '../store/selectors';
import { useStore } from '../store/store';
import { useT } from './useT';
import { usePacedCursor, usePrefix } from './useTrace';

/**
 * Two lanes on one modelled clock: the speculative run as it stands at the cursor, and
 * autoregressive decoding of the same tokens, one per target pass.
 */
export function Race() {
  const { t, num } = useT();
  const prefix = usePrefix();
  const cursor = usePacedCursor(4);
  const events = useStore((s) => s.events);
  const world = useStore((s) => s.world);
  const targetMs = useStore((s) => s.params.targetMs);
  const last = prefix.tokens.length - 1;
  const total = prefix.tokens[last];
  const clock = prefix.timeMs[cursor] ?? 0;
  const specTokens = prefix.tokens[cursor] ?? 0;
  const arTokens = Math.min(total, Math.floor(clock / targetMs + 1e-9));
  const specEnd = prefix.timeMs[last];
  const arEnd = total * targetMs;
  const tail = (n: number) =>
    tokensBefore(world ? events : [], prefix.tokens, n, 12)
      .map((tok) => tokenText(world, tok))
      .join(world?.tokenizer === 'words' ? ' ' : '');
  const lane = (id: string, label: string, tokens: number, end: number) => (
    <div className={`lane lane-${id}`} data-testid={id} data-tokens={tokens}>
      <div className="lane-head">
        <span>{label}</span>
        <span className="muted">
          {t('race.tokens', { n: num(tokens, 0) })} · {t('race.done', { t: num(end, 0) })}
        </span>
      </div>
      <div className="lane-track" role="img" aria-label={`${label}: ${tokens} / ${total}`}>
        <div className="lane-fill" style={{ width: `${total > 0 ? (100 * tokens) / total : 0}%` }} />
      </div>
      <div className="lane-text">{tail(tokens)}</div>
    </div>
  );
  return (
    <section className="panel race" data-testid="race" aria-label={t('race')}>
      <h2>{t('race')}</h2>
      <p className="race-clock" data-testid="race-clock" data-value={clock}>
        {t('race.clock', { t: num(clock, 0) })}
      </p>
      {lane('race-spec', t('race.spec'), specTokens, specEnd)}
      {lane('race-ar', t('race.ar'), arTokens, arEnd)}
    </section>
  );
}
