import { useMemo } from 'react';
import { measuredSpeedup, wallPrefix } from '../../core/measured';
import { useStore } from '../../store/store';
import { useT } from '../useT';
import { useModelT } from './useModelT';

/**
 * The race on the measured clock: the speculative lane as it stands at the cursor (the forward
 * times the engine recorded), the target alone measured on the same prompt, device and length,
 * and the measured speedup beside the cost model's prediction with c measured.
 */
export function ModelRace() {
  const { t, num } = useModelT();
  const tMain = useT().t;
  const events = useStore((s) => s.events);
  const cursor = useStore((s) => s.cursor);
  const complete = useStore((s) => s.complete);
  const gamma = useStore((s) => s.params.gamma);
  const method = useStore((s) => s.params.method);
  const baseline = useStore((s) => s.model.baseline);
  const spec = useMemo(() => wallPrefix(events), [events]);
  const ar = useMemo(() => (baseline ? wallPrefix(baseline.events) : null), [baseline]);
  const arTokens = useMemo(() => {
    if (!baseline) return null;
    const out = [0];
    for (const e of baseline.events) out.push(out[out.length - 1] + e.emitted.length);
    return out;
  }, [baseline]);
  const m = useMemo(() => (baseline && complete ? measuredSpeedup(events, baseline.events, gamma) : null), [baseline, complete, events, gamma]);
  const clock = spec[Math.min(cursor, spec.length - 1)] ?? 0;
  const specTokens = events.slice(0, cursor).reduce((a, e) => a + e.emitted.length, 0);
  const total = Math.max(
    events.reduce((a, e) => a + e.emitted.length, 0),
    arTokens ? arTokens[arTokens.length - 1] : 0,
  );
  // Tokens the target alone had produced by the same clock.
  let arAt = 0;
  if (ar && arTokens) for (let i = 0; i < ar.length && ar[i] <= clock + 1e-9; i++) arAt = arTokens[i];
  const lane = (id: string, label: string, tokens: number, endMs: number | null) => (
    <div className={`lane lane-${id}`} data-testid={id} data-tokens={tokens}>
      <div className="lane-head">
        <span>{label}</span>
        <span className="muted">
          {t('race.tokens', { n: num(tokens, 0) })}
          {endMs !== null && ` · ${num(endMs, 0)} ms`}
        </span>
      </div>
      <div className="lane-track" role="img" aria-label={`${label}: ${tokens} / ${total}`}>
        <div className="lane-fill" style={{ width: `${total > 0 ? (100 * tokens) / total : 0}%` }} />
      </div>
    </div>
  );
  return (
    <section className="panel race" data-testid="model-race" aria-label={t('race.title')}>
      <h2>{t('race.title')}</h2>
      <p className="race-clock" data-testid="race-clock" data-value={clock}>
        {t('race.clock', { t: num(clock, 0) })}
      </p>
      {lane('race-spec', t('race.spec', { method: tMain(`method.${method}`) }), specTokens, spec[spec.length - 1] ?? null)}
      {ar ? lane('race-ar', t('race.ar'), arAt, ar[ar.length - 1]) : <p className="small muted">{events.length > 0 ? t('race.waiting') : ''}</p>}
      <dl className="stats">
        <div className="stat">
          <dt>{t('race.measured')}</dt>
          <dd data-testid="measured-speedup" data-value={m ? m.measured : ''}>
            {m ? `${num(m.measured, 2)}×` : '–'}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('race.predicted')}</dt>
          <dd data-testid="predicted-speedup" data-value={m ? m.predicted : ''}>
            {m ? `${num(m.predicted, 2)}×` : '–'}
          </dd>
        </div>
      </dl>
      {m && (
        <p className="small muted">
          {t('race.withV', { s: num(m.predictedWithV, 2) })} {t('race.cv', { c: num(m.c, 3), v: num(m.v, 3), alpha: num(m.alpha, 2) })} ·{' '}
          {t('race.msPerToken', { ms: num(m.specMsPerToken, 1) })} / {t('race.msPerToken', { ms: num(m.arMsPerToken, 1) })}
        </p>
      )}
      <p className="small muted">{t('race.prefill')}</p>
    </section>
  );
}
