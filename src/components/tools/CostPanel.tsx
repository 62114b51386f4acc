import { useState } from 'react';
import { ACCELERATOR_PRESETS, explainPublished, PUBLISHED, rooflineCost, rooflineOptimalGamma } from '../../core';
import { useStore } from '../../store/store';
import { Field, NumberInput } from '../Field';
import { useT } from '../useT';
import { WideTable } from '../WideTable';

const BATCHES = [1, 2, 8, 32, 64, 128, 256, 512];

/** The modelled clock: cost inputs, a roofline helper deriving them, and published presets. */
export default function CostPanel() {
  const { t, num } = useT();
  const p = useStore((s) => s.params);
  const setParams = useStore((s) => s.setParams);
  const preset = ACCELERATOR_PRESETS[p.hardware === 'h200' ? 1 : 0];
  const [bandwidth, setBandwidth] = useState<number | null>(null);
  const [flops, setFlops] = useState<number | null>(null);
  const accelerator = { ...preset, memoryBandwidth: (bandwidth ?? preset.memoryBandwidth / 1e12) * 1e12, peakFlops: (flops ?? preset.peakFlops / 1e12) * 1e12 };
  const input = { paramsB: p.modelB, bytesPerParam: p.bytesPerParam, draftParamsB: p.draftB, batch: p.batch, accelerator, gamma: p.gamma };
  const cost = rooflineCost(input);
  const alpha = p.world === 'synthetic' ? p.alpha : 0.8;
  const num2 = (key: 'modelB' | 'draftB' | 'bytesPerParam' | 'batch', min: number, max: number, step: number) => (
    <Field label={t(`roof.${key}`)} tip={t(`roof.${key}.tip`)} htmlFor={`roof-${key}`}>
      <NumberInput id={`roof-${key}`} testId={`param-${key}`} value={p[key]} min={min} max={max} step={step} onCommit={(v) => setParams({ [key]: v })} />
    </Field>
  );
  return (
    <div className="cost" data-testid="cost-panel">
      <h3>{t('roof.title')}</h3>
      <p className="small">{t('roof.hint')}</p>
      <div className="tool-grid">
        {num2('modelB', 0.1, 2000, 1)}
        {num2('bytesPerParam', 0.25, 4, 0.25)}
        {num2('draftB', 0.01, 500, 0.1)}
        {num2('batch', 1, 4096, 1)}
        <Field label={t('roof.hardware')} tip={t('roof.hardware.tip')} htmlFor="roof-hw">
          <select id="roof-hw" data-testid="param-hardware" value={p.hardware} onChange={(e) => setParams({ hardware: e.target.value as 'h100' | 'h200' })}>
            <option value="h100">H100 SXM</option>
            <option value="h200">H200</option>
          </select>
        </Field>
        <Field label={t('roof.bandwidth')} tip={t('roof.bandwidth.tip')} htmlFor="roof-bw">
          <NumberInput id="roof-bw" value={accelerator.memoryBandwidth / 1e12} min={0.1} max={100} step={0.05} onCommit={setBandwidth} />
        </Field>
        <Field label={t('roof.flops')} tip={t('roof.flops.tip')} htmlFor="roof-flops">
          <NumberInput id="roof-flops" value={accelerator.peakFlops / 1e12} min={1} max={100000} step={1} onCommit={setFlops} />
        </Field>
      </div>
      <p data-testid="roofline-result" data-target-ms={cost.targetMs} data-cost-ratio={cost.costRatio} data-verify-cost={cost.verifyCost}>
        {t('roof.result', {
          ms: num(cost.targetMs, 2),
          c: num(cost.costRatio, 3),
          v: num(cost.verifyCost, 3),
          bound: t(cost.memoryBound ? 'roof.memory' : 'roof.compute'),
        })}{' '}
        <button
          type="button"
          data-testid="btn-apply-roofline"
          onClick={() =>
            setParams({
              targetMs: Number(cost.targetMs.toFixed(3)),
              costRatio: Number(cost.costRatio.toFixed(4)),
              verifyCost: Number(cost.verifyCost.toFixed(4)),
            })
          }
        >
          {t('roof.apply')}
        </button>
      </p>
      <table className="data-table">
        <caption className="small">{t('roof.batchTable', { alpha: num(alpha, 2) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roof.batch')}</th>
            <th scope="col">v</th>
            <th scope="col">{t('roof.bestGamma')}</th>
            <th scope="col">{t('compare.speedup')}</th>
          </tr>
        </thead>
        <tbody>
          {BATCHES.map((b) => {
            const o = rooflineOptimalGamma({ ...input, batch: b }, alpha);
            return (
              <tr key={b}>
                <td>{b}</td>
                <td>{num(o.cost.verifyCost, 3)}</td>
                <td>{o.gamma}</td>
                <td>{num(o.speedup, 2)}×</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('pub.title')}</h3>
      <WideTable label={t('pub.title')}>
        <table className="data-table small" data-testid="published-table">
          <thead>
            <tr>
              <th scope="col">{t('pub.source')}</th>
              <th scope="col">{t('pub.setting')}</th>
              <th scope="col">gamma</th>
              <th scope="col">alpha / tau</th>
              <th scope="col">{t('pub.published')}</th>
              <th scope="col">{t('pub.specplay')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {PUBLISHED.map((row) => {
              const e = explainPublished(row, p.gamma);
              return (
                <tr key={row.id} data-preset={row.id}>
                  <td>{row.source}</td>
                  <td>
                    {row.setting}
                    {row.note && <span className="muted"> ({row.note})</span>}
                  </td>
                  <td>{row.gamma ?? '–'}</td>
                  <td>{row.alpha !== null ? `alpha ${row.alpha}` : `tau ${row.tau}`}</td>
                  <td>{row.speedup !== null ? `${row.speedup}×` : '–'}</td>
                  <td className="pub-explain">
                    {e.predicted !== null
                      ? t('pub.predicted', { s: num(e.predicted, 2) })
                      : e.tau !== null
                        ? t(e.structure === 'tree' ? 'pub.tauTree' : 'pub.tauChain', { tau: num(e.tau, 2) })
                        : t('pub.noPrediction')}
                  </td>
                  <td>
                    {e.alpha !== null && (
                      <button
                        type="button"
                        onClick={() =>
                          setParams({
                            world: 'synthetic',
                            scenario: 'none',
                            method: 'draft',
                            alpha: Number(e.alpha?.toFixed(3)),
                            gamma: e.gamma,
                            ...(row.c !== null ? { costRatio: row.c } : {}),
                          })
                        }
                      >
                        {t('pub.use')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
    </div>
  );
}
