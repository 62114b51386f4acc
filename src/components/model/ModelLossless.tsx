import { useState } from 'react';
import type { SimParams } from '../../core';
import { modelsReady, startModelLossless } from '../../store/modelSync';
import { useStore } from '../../store/store';
import { NumberInput } from '../Field';
import { LosslessResultView } from '../tools/LosslessVerdict';
import { useT } from '../useT';

/**
 * The lossless check on the loaded pair: sequences sampled with speculation and from the target
 * alone, side by side, with the core's chi-square verdict (the same wording as the other worlds).
 */
export function ModelLossless() {
  const { t } = useT();
  const job = useStore((s) => s.model.lossless);
  const complete = useStore((s) => s.complete);
  const analysing = useStore((s) => s.model.compare?.status === 'running' || s.model.lossless?.status === 'running');
  useStore((s) => s.model.key); // modelsReady reads it
  const [rule, setRule] = useState<SimParams['acceptance']>('standard');
  // Real forwards are slow: a few hundred short samples, not the simulated worlds' thousands.
  const [samples, setSamples] = useState(300);
  const [length, setLength] = useState(1);
  const r = job?.result ?? null;
  return (
    <div className="lossless" data-testid="model-lossless">
      <h3>{t('tab.lossless')}</h3>
      <p className="small">{t('lossless.hint')}</p>
      <div className="tool-controls">
        <label>
          {t('lossless.rule')}{' '}
          <select data-testid="lossless-rule" value={rule} onChange={(e) => setRule(e.target.value as SimParams['acceptance'])}>
            <option value="standard">{t('acceptance.standard')}</option>
            <option value="pgeq">{t('acceptance.pgeq')}</option>
          </select>
        </label>
        <span className="inline-field">
          <label htmlFor="mll-samples">{t('lossless.samples')}</label>{' '}
          <NumberInput id="mll-samples" testId="lossless-samples" value={samples} min={20} max={20000} step={20} onCommit={setSamples} />
        </span>
        <span className="inline-field">
          <label htmlFor="mll-length">{t('lossless.length')}</label>{' '}
          <NumberInput id="mll-length" value={length} min={1} max={4} step={1} onCommit={setLength} />
        </span>
        <button
          type="button"
          data-testid="btn-lossless"
          disabled={!modelsReady() || !complete || analysing}
          onClick={() => startModelLossless(samples, length, rule)}
        >
          {t('lossless.run')}
        </button>
      </div>
      {job?.status === 'running' && (
        <div className="progress-row">
          <progress max={job.total} value={job.done} aria-label={t('progress', { done: job.done, total: job.total })} />
          <span className="small muted">{t('progress', { done: job.done, total: job.total })}</span>
        </div>
      )}
      {r && <LosslessResultView r={r} bars={false} show={(tokens) => tokens.join('').replace(/\n/g, '¶').replace(/ /g, '␣')} />}
    </div>
  );
}
