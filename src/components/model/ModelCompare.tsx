import { acceptanceLesson, clockOf, typicalMsPerToken } from '../../core/measured';
import { modelsReady, startModelCompare } from '../../store/modelSync';
import { useStore } from '../../store/store';
import { useT } from '../useT';
import { WideTable } from '../WideTable';
import { useModelT } from './useModelT';

/** The draft model, n-gram lookup and suffix decoding against the same target, on this prompt, measured. */
export function ModelCompare() {
  const { t, num } = useModelT();
  const tMain = useT().t;
  const compare = useStore((s) => s.model.compare);
  const gamma = useStore((s) => s.params.gamma);
  const complete = useStore((s) => s.complete);
  const baselineReady = useStore((s) => s.model.baseline !== null);
  // One analysis at a time: the lossless check and the compare share the worker's models.
  const lossless = useStore((s) => s.model.lossless?.status === 'running');
  useStore((s) => s.model.key); // modelsReady reads it
  const ar = compare?.rows.find((r) => r.method === 'autoregressive');
  const arMsPerToken = ar ? typicalMsPerToken(ar.events) : Number.NaN;
  return (
    <>
      <h3>{t('compare.title')}</h3>
      <div className="buttons">
        <button
          type="button"
          data-testid="btn-model-compare"
          onClick={startModelCompare}
          disabled={!modelsReady() || !complete || !baselineReady || compare?.status === 'running' || lossless}
        >
          {t('compare.run')}
        </button>
        {compare?.status === 'running' && (
          <span className="small muted" role="status">
            {t('compare.running', { done: compare.rows.length, total: compare.total })}
          </span>
        )}
      </div>
      {compare && compare.rows.length > 0 && (
        <>
          <WideTable label={t('compare.title')}>
            <table className="compare-table" data-testid="model-compare">
              <thead>
                <tr>
                  <th scope="col">{t('compare.method')}</th>
                  <th scope="col">{t('compare.speedup')}</th>
                  <th scope="col">{t('compare.tokens')}</th>
                  <th scope="col">{t('compare.forwards')}</th>
                  <th scope="col">{t('compare.meanLen')}</th>
                  <th scope="col">{t('compare.msPerToken')}</th>
                </tr>
              </thead>
              {/* The speedup right after the method: on a phone the table scrolls sideways. */}
              <tbody>
                {compare.rows.map((r) => {
                  const c = clockOf(r.events);
                  const l = acceptanceLesson(r.events, gamma);
                  const msPerToken = typicalMsPerToken(r.events);
                  return (
                    <tr key={r.method} data-method={r.method}>
                      <th scope="row">{tMain(`method.${r.method}`)}</th>
                      <td data-value={arMsPerToken / msPerToken}>{num(arMsPerToken / msPerToken, 2)}×</td>
                      <td>{num(c.produced, 0)}</td>
                      <td>{num(c.targetForwards, 0)}</td>
                      <td>{r.method === 'autoregressive' ? '–' : num(l.meanAcceptanceLength, 2)}</td>
                      <td>{num(msPerToken, 1)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </WideTable>
          <p className="small muted">{t('compare.note')}</p>
        </>
      )}
    </>
  );
}
