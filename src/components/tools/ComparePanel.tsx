import { useState } from 'react';
import { useStore } from '../../store/store';
import { startCompare } from '../../store/sync';
import { NumberInput } from '../Field';
import { useT } from '../useT';
import { Progress } from './Progress';

/** Every method on the same scenario, seed and cost model, ranked: a table and bars. */
export default function ComparePanel() {
  const { t, num } = useT();
  const job = useStore((s) => s.jobs.compare);
  const scenario = useStore((s) => s.params.scenario);
  const [trials, setTrials] = useState(10);
  const rows = job.result ?? [];
  const best = Math.max(1, ...rows.map((r) => r.point.speedup).filter(Number.isFinite));
  return (
    <div data-testid="compare-view" data-status={job.status}>
      <p className="small">{t('compare.hint')}</p>
      <div className="tool-controls">
        <span className="inline-field">
          <label htmlFor="cmp-trials">{t('compare.trials')}</label>{' '}
          <NumberInput id="cmp-trials" value={trials} min={1} max={500} step={1} onCommit={setTrials} />
        </span>
        <button type="button" data-testid="btn-compare" onClick={() => startCompare(trials)}>
          {t('compare.run')}
        </button>
        <span className="small muted">{t(`scenario.${scenario}`)}</span>
      </div>
      <Progress channel="compare" />
      {rows.length > 0 && (
        <table className="data-table compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.rank')}</th>
              <th scope="col">{t('compare.method')}</th>
              <th scope="col">{t('compare.tps')}</th>
              <th scope="col">{t('compare.rate')}</th>
              <th scope="col">{t('compare.speedup')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.method} data-method={r.method} data-speedup={r.point.speedup} data-tokens-per-step={r.point.tokensPerStep}>
                <td>{i + 1}</td>
                <td>{t(`method.${r.method}`)}</td>
                <td>
                  {num(r.point.tokensPerStep, 2)} <span className="muted small">± {num(1.96 * r.point.tokensPerStepStderr, 2)}</span>
                </td>
                <td>{Number.isFinite(r.point.acceptanceRate) ? `${num(100 * r.point.acceptanceRate, 1)}%` : '–'}</td>
                <td className="bar-cell-wide">
                  <span className="hbar" style={{ width: `${(100 * (Number.isFinite(r.point.speedup) ? r.point.speedup : 0)) / best}%` }} />
                  <span>{num(r.point.speedup, 2)}×</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
