import { memo, useDeferredValue, useMemo, useState } from 'react';
import { type MethodTheory, methodTheory, type SweepPoint } from '../../core';
import { useStore } from '../../store/store';
import { startSweep } from '../../store/sync';
import { NumberInput } from '../Field';
import { useT } from '../useT';
import { ChartFrame } from './ChartFrame';
import { acceptanceRows, alphaRows, histogramRows, optimalGamma, optimalSentence, pooledAlpha, positionRows, speedupRows } from './chartData';
import { Progress } from './Progress';
import { type Series, SvgChart } from './SvgChart';

const GAMMAS = Array.from({ length: 16 }, (_, i) => i + 1);
const H = 260;
const NO_POINTS: SweepPoint[] = [];
const MEASURED = '#0072b2';
const THEORY = '#d55e00';

/** Acceptance and speedup against gamma, theory beside measurement (loaded on first use). */
export default function AnalysisPanel() {
  const { t, num } = useT();
  const job = useStore((s) => s.jobs.sweep);
  const params = useStore((s) => s.params);
  const [trials, setTrials] = useState(200);
  const [length, setLength] = useState(128);
  // While running, the charts redraw each time a gamma finishes (16 redraws at most, each a
  // fraction of a millisecond): progress messages in between leave them alone.
  const done = job.status === 'running' ? Math.max(0, job.partial.length - 1) : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly finished gamma redraws
  const streamed = useMemo(() => job.partial.slice(0, done), [done, job.runId]);
  const points = job.result ? job.result.points : job.status === 'running' ? streamed : NO_POINTS;
  const alpha = points.length > 0 ? pooledAlpha(points) : params.world === 'synthetic' ? params.alpha : 0.8;
  // Leviathan's chain curves only where they describe the method, with the c it is charged
  // (memoised: a new object per progress message would redraw the memoised charts each time).
  const theory = useMemo(() => methodTheory(params), [params]);
  // Charts render in a transition: React slices the work so the page stays responsive.
  const deferred = useDeferredValue(points);
  return (
    <div className="analysis">
      <div className="tool-controls">
        <span className="inline-field">
          <label htmlFor="sw-trials">{t('sweep.trials')}</label> <NumberInput id="sw-trials" value={trials} min={1} max={5000} step={1} onCommit={setTrials} />
        </span>
        <span className="inline-field">
          <label htmlFor="sw-length">{t('sweep.length')}</label> <NumberInput id="sw-length" value={length} min={1} max={2000} step={1} onCommit={setLength} />
        </span>
        <button type="button" data-testid="btn-sweep" onClick={() => startSweep(GAMMAS, trials, length)}>
          {t('sweep.run')}
        </button>
        {job.status === 'done' && job.result && <span className="small muted">{t('sweep.took', { ms: num(job.result.ms, 0) })}</span>}
        {job.status === 'cancelled' && <span className="small muted">{t('sweep.cancelled')}</span>}
      </div>
      <Progress channel="sweep" testId="sweep-progress" />
      <p className="small" data-testid="optimal-gamma">
        {points.length > 0 ? t(params.method === 'tree' ? 'sweep.alphaTree' : 'sweep.alpha', { alpha: num(alpha, 3) }) : t('sweep.hint')}{' '}
        {theory.applies ? optimalSentence(t, num, alpha, theory.c, params.verifyCost) : <TheoryAbsent theory={theory} />}
      </p>
      <SweepCharts points={deferred} alpha={deferred === points ? alpha : pooledAlpha(deferred)} theory={theory} v={params.verifyCost} gamma={params.gamma} />
    </div>
  );
}

/** Why a chart has no theory curve, in the page's language (a stable test id for the e2e). */
function TheoryAbsent({ theory }: { theory: MethodTheory }) {
  const { t, num } = useT();
  if (theory.applies) return null;
  return (
    <span className="theory-absent" data-testid="theory-absent" data-reason={theory.reason}>
      {t('theory.absent', { why: t(`theory.why.${theory.reason}`), c: num(theory.c, 4) })}
    </span>
  );
}

/** The four charts; memoised so progress messages during a sweep do not redraw them. */
const SweepCharts = memo(function SweepCharts({
  points,
  alpha,
  theory,
  v,
  gamma,
}: {
  points: SweepPoint[];
  alpha: number;
  theory: MethodTheory;
  v: number;
  gamma: number;
}) {
  const { t, num } = useT();
  const c = theory.c;
  const acc = acceptanceRows(points, alpha, theory);
  const speed = speedupRows(points, alpha, theory, v);
  const best = optimalGamma(alpha, c, v);
  const classicGammas = [1, 2, 4, 8, gamma].filter((g, i, a) => a.indexOf(g) === i);
  const classic = alphaRows(classicGammas, c, v);
  const current = points.find((p) => p.gamma === gamma) ?? points[points.length - 1];
  const positions = current ? positionRows(current, alpha, theory) : [];
  const hist = current ? histogramRows(current) : [];
  const absent = theory.applies ? undefined : <TheoryAbsent theory={theory} />;
  // Theory series only where the chain formulas describe the method.
  const curve = (dataKey: string, name = t('series.theory')): Series[] => (theory.applies ? [{ name, dataKey, color: THEORY, kind: 'line' }] : []);
  const measured = (dataKey: string, errorKey: string): Series => ({ name: t('series.measured'), dataKey, errorKey, color: MEASURED, kind: 'points' });
  const gammaAxis = { xKey: 'gamma', xLabel: 'gamma', xDomain: [1, 16] as [number, number], xTicks: GAMMA_TICKS, height: H };
  return (
    <div className="charts" data-points={points.length}>
      <ChartFrame id="chart-acceptance" title={t('chart.acceptance')} rows={acc} caption={absent}>
        <div className="chart-pair">
          <SvgChart
            {...gammaAxis}
            label={t('axis.acceptance')}
            rows={acc}
            yLabel={t('axis.acceptance')}
            yDomain={[0, 1]}
            series={[...curve('theoryAcceptanceRate'), measured('acceptanceRate', 'acceptanceRateCi')]}
          />
          <SvgChart
            {...gammaAxis}
            label={t('axis.tokensPerStep')}
            rows={acc}
            yLabel={t('axis.tokensPerStep')}
            series={[
              ...curve('theoryTokensPerStep'),
              measured('tokensPerStep', 'tokensPerStepCi'),
              { name: t('series.meanAcceptanceLength'), dataKey: 'meanAcceptanceLength', color: '#009e73', dash: '4 3', kind: 'line' },
            ]}
          />
        </div>
      </ChartFrame>
      <ChartFrame id="chart-speedup" title={t('chart.speedup')} rows={speed} caption={absent ?? optimalSentence(t, num, alpha, c, v)}>
        <SvgChart
          {...gammaAxis}
          label={t('chart.speedup')}
          rows={speed}
          yLabel={t('axis.speedup')}
          refX={theory.applies ? { x: best.gamma, label: t('chart.optimal', { g: best.gamma }), color: '#009e73' } : undefined}
          series={[...curve('theorySpeedup'), measured('speedup', 'speedupCi')]}
        />
      </ChartFrame>
      <ChartFrame id="chart-alpha" title={t('chart.alpha')} rows={classic} caption={absent}>
        {theory.applies && (
          <SvgChart
            label={t('chart.alpha')}
            rows={classic}
            xKey="alpha"
            xLabel="alpha"
            xDomain={[0, 1]}
            xTicks={ALPHA_TICKS}
            yLabel={t('axis.speedup')}
            height={H}
            series={classicGammas.map((g, i) => ({ name: `gamma ${g}`, dataKey: `gamma${g}`, color: PALETTE[i % PALETTE.length], kind: 'line' }))}
            refDot={Number.isFinite(alpha) ? { x: Math.round(alpha * 50) / 50, y: classic[Math.round(alpha * 50)]?.[`gamma${gamma}`] ?? 1 } : undefined}
          />
        )}
      </ChartFrame>
      <ChartFrame id="chart-positions" title={t('chart.positions', { g: current?.gamma ?? gamma })} rows={positions} caption={absent}>
        <div className="chart-pair">
          <SvgChart
            label={t('axis.position')}
            rows={positions}
            xKey="position"
            xLabel={t('axis.position')}
            yDomain={[0, 1]}
            height={H}
            series={[...curve('theory', 'alpha^(i+1)'), { name: t('series.measured'), dataKey: 'rate', color: MEASURED, kind: 'points' }]}
          />
          <SvgChart
            label={t('axis.acceptedLength')}
            rows={hist}
            xKey="accepted"
            xLabel={t('axis.acceptedLength')}
            height={H}
            series={[{ name: t('series.steps'), dataKey: 'count', color: MEASURED, kind: 'bars' }]}
          />
        </div>
      </ChartFrame>
    </div>
  );
});

const GAMMA_TICKS = [1, 2, 4, 8, 12, 16];
const ALPHA_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00'];
