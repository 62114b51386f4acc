import { useMemo, useState } from 'react';
import { alphaFromMeanLength, fitAlpha, formatVllmMetrics, metricsFromCounts, noticeVars, parseVllmMetrics } from '../../core';
import { useStore } from '../../store/store';
import { useT } from '../useT';
import { METRICS_EXAMPLE } from './metricsExample';

/** Real-engine numbers in and out: read a vLLM metrics line and reproduce it; print our own. */
export default function EnginePanel() {
  const { t, num } = useT();
  const events = useStore((s) => s.events);
  const gamma = useStore((s) => s.params.gamma);
  const setParams = useStore((s) => s.setParams);
  const [line, setLine] = useState(METRICS_EXAMPLE);
  const parsed = parseVllmMetrics(line);
  const ok = !('error' in parsed);
  const fit = ok ? fitAlpha(parsed.perPosition) : null;
  const alphaLen = ok ? alphaFromMeanLength(parsed.meanAcceptanceLength, parsed.gamma) : Number.NaN;
  // This run's own line, in vLLM's exact format (elapsed = modelled time).
  const own = useMemo(() => {
    const drafts = events.filter((e) => e.drafted.length > 0);
    if (drafts.length === 0) return null;
    const g = Math.max(gamma, ...drafts.map((e) => e.drafted.length));
    const hist = new Array<number>(g + 1).fill(0);
    let accepted = 0;
    let drafted = 0;
    for (const e of drafts) {
      const a = e.verdicts.filter((v) => v === 'accepted').length;
      hist[Math.min(a, g)]++;
      accepted += a;
      drafted += e.drafted.length;
    }
    const ms = events.reduce((s, e) => s + e.timeMs, 0);
    return formatVllmMetrics(metricsFromCounts({ numDrafts: drafts.length, accepted, drafted, acceptedHist: hist, elapsedS: ms / 1000 }));
  }, [events, gamma]);
  return (
    <div className="engine">
      <h3>{t('engine.in')}</h3>
      <p className="small">{t('engine.hint')}</p>
      <textarea data-testid="metrics-input" rows={3} value={line} onChange={(e) => setLine(e.target.value)} aria-label={t('engine.in')} />
      {'error' in parsed ? (
        <p className="notice notice-error" data-testid="metrics-error">
          {parsed.error}
        </p>
      ) : (
        <div data-testid="metrics-parsed" data-alpha={fit?.alpha}>
          {parsed.warnings.map((w) => (
            <p className="notice" key={w.code} data-testid="metrics-warning" data-code={w.code}>
              {t(`notice.${w.code}`, noticeVars(w))}
            </p>
          ))}
          <dl className="insp-facts">
            <dt>gamma (num_speculative_tokens)</dt>
            <dd>{parsed.gamma}</dd>
            <dt>{t('engine.meanLength')}</dt>
            <dd>{num(parsed.meanAcceptanceLength, 2)}</dd>
            <dt>{t('engine.accepted')}</dt>
            <dd>
              {parsed.accepted} / {parsed.drafted}
            </dd>
            <dt>{t('engine.perPosition')}</dt>
            <dd>{parsed.perPosition.map((r) => num(r, 3)).join(', ')}</dd>
            <dt>{t('engine.fitAlpha')}</dt>
            <dd data-testid="metrics-alpha">{num(fit?.alpha ?? Number.NaN, 3)}</dd>
            <dt>{t('engine.fitDecay')}</dt>
            <dd>
              {num(fit?.first ?? Number.NaN, 3)} × {num(fit?.decay ?? Number.NaN, 3)}^i
            </dd>
            <dt>{t('engine.alphaFromLength')}</dt>
            <dd>{num(alphaLen, 3)}</dd>
          </dl>
          <button
            type="button"
            data-testid="btn-reproduce"
            onClick={() =>
              fit &&
              setParams({
                world: 'synthetic',
                scenario: 'none',
                method: 'draft',
                alpha: Number(Math.min(1, Math.max(0, fit.alpha)).toFixed(3)),
                gamma: parsed.gamma,
              })
            }
          >
            {t('engine.reproduce')}
          </button>
        </div>
      )}
      <h3>{t('engine.out')}</h3>
      <pre className="metrics-line" data-testid="metrics-output">
        {own ?? t('engine.noRun')}
      </pre>
    </div>
  );
}
