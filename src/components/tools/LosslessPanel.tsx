import { useState } from 'react';
import type { SimParams } from '../../core';
import { useStore } from '../../store/store';
import { startLossless } from '../../store/sync';
import { NumberInput } from '../Field';
import { useT } from '../useT';
import { LosslessResultView } from './LosslessVerdict';
import { Progress } from './Progress';

/** Samples with speculation and with the target alone, side by side, with a chi-square verdict. */
export default function LosslessPanel() {
  const { t } = useT();
  const job = useStore((s) => s.jobs.lossless);
  const world = useStore((s) => s.world);
  const [rule, setRule] = useState<SimParams['acceptance']>('standard');
  const [samples, setSamples] = useState(4000);
  const [length, setLength] = useState(2);
  const r = job.result;
  const sep = world?.tokenizer === 'words' ? ' ' : '';
  return (
    <div className="lossless">
      <p className="small">{t('lossless.hint')}</p>
      <div className="tool-controls">
        <label>
          {t('lossless.rule')}{' '}
          <select data-testid="lossless-rule" value={rule} onChange={(e) => setRule(e.target.value as SimParams['acceptance'])}>
            <option value="standard">{t('acceptance.standard')}</option>
            <option value="pgeq">{t('acceptance.pgeq')}</option>
            <option value="typical">{t('acceptance.typical')}</option>
          </select>
        </label>
        <span className="inline-field">
          <label htmlFor="ll-samples">{t('lossless.samples')}</label>{' '}
          <NumberInput id="ll-samples" value={samples} min={100} max={100000} step={100} onCommit={setSamples} />
        </span>
        <span className="inline-field">
          <label htmlFor="ll-length">{t('lossless.length')}</label> <NumberInput id="ll-length" value={length} min={1} max={8} step={1} onCommit={setLength} />
        </span>
        <button type="button" data-testid="btn-lossless" onClick={() => startLossless(samples, length, rule)}>
          {t('lossless.run')}
        </button>
      </div>
      <Progress channel="lossless" />
      {r && <LosslessResultView r={r} bars show={(tokens) => tokens.map((x) => (x === '\n' ? '¶' : x)).join(sep)} />}
    </div>
  );
}
