import { useState } from 'react';
import { useStore } from '../../store/store';
import { startLab } from '../../store/sync';
import { Field, NumberInput, Slider } from '../Field';
import { useT } from '../useT';

/** The notebook's n-gram lab: train on a corpus, see next-token probabilities, sample sentences. */
export default function LabPanel() {
  const { t, num } = useT();
  const job = useStore((s) => s.jobs.lab);
  const [order, setOrder] = useState(2);
  const [context, setContext] = useState('我 喜欢');
  const [pasted, setPasted] = useState('');
  const [usePasted, setUsePasted] = useState(false);
  const [seed, setSeed] = useState(1);
  const r = job.result;
  const run = () => startLab(usePasted && pasted.trim() !== '' ? pasted : null, order, context, 5, seed);
  return (
    <div data-testid="ngram-lab">
      <p className="small">{t('lab.hint')}</p>
      <div className="tool-grid">
        <Field label={t('lab.corpus')} tip={t('lab.hint')} htmlFor="lab-corpus">
          <select id="lab-corpus" value={usePasted ? 'pasted' : 'seed'} onChange={(e) => setUsePasted(e.target.value === 'pasted')}>
            <option value="seed">{t('lab.seedCorpus')}</option>
            <option value="pasted">{t('lab.pasted')}</option>
          </select>
        </Field>
        {usePasted && <textarea aria-label={t('lab.pasted')} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        <Field label={t('lab.order')} tip={t('lab.hint')} htmlFor="lab-order">
          <Slider id="lab-order" value={order} min={1} max={5} step={1} onChange={setOrder} />
        </Field>
        <Field label={t('lab.context')} tip={t('lab.hint')} htmlFor="lab-context">
          <input id="lab-context" data-testid="lab-context" value={context} onChange={(e) => setContext(e.target.value)} />
        </Field>
        <Field label={t('param.seed')} tip={t('param.seed.tip')} htmlFor="lab-seed">
          <NumberInput id="lab-seed" value={seed} min={0} max={2147483647} step={1} onCommit={setSeed} />
        </Field>
        <button type="button" data-testid="btn-lab" onClick={run}>
          {t('lab.train')}
        </button>
      </div>
      {job.status === 'error' && <p className="notice notice-error">{job.error}</p>}
      {r && (
        <div className="two">
          <div>
            <h3>{t('lab.next')}</h3>
            {r.next.length === 0 ? (
              <p className="muted small">{t('lab.noNext')}</p>
            ) : (
              <table className="data-table" data-testid="lab-next">
                <tbody>
                  {r.next.map(([tok, p]) => (
                    <tr key={tok} data-token={tok} data-value={p}>
                      <th scope="row">{tok}</th>
                      <td className="bar-cell-wide">
                        <span className="hbar" style={{ width: `${100 * p}%` }} />
                        <span>{num(p, 2)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div>
            <h3>{t('lab.samples', { seed })}</h3>
            <ol className="small" data-testid="lab-samples">
              {r.sentences.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: samples may repeat
                <li key={i}>{s || '–'}</li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </div>
  );
}
