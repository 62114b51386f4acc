import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, ErrorBar, Legend, Line, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type MethodTheory, methodTheory, type SweepPoint } from '../../core';
import { useStore } from '../../store/store';
import { startSweep } from '../../store/sync';
import { NumberInput } from '../Field';
import { useT } from '../useT';
import { ChartFrame } from './ChartFrame';
import { acceptanceRows, alphaRows, histogramRows, optimalGamma, optimalSentence, pooledAlpha, positionRows, speedupRows } from './chartData';
import { Progress } from './Progress';

const GAMMAS = Array.from({ length: 16 }, (_, i) => i + 1);
const H = 260;
/** Charts redraw at most this often during a sweep, ms. */
const REDRAW_MS = 2000;
const NO_POINTS: SweepPoint[] = [];
const MEASURED = '#0072b2';
const THEORY = '#d55e00';
const fmt = (x: unknown) => (typeof x === 'number' ? (Number.isFinite(x) ? x.toFixed(3) : '–') : String(x));

/** Acceptance and speedup against gamma, theory beside measurement (Recharts, lazily loaded). */
export default function AnalysisPanel() {
  const { t, num } = useT();
  const job = useStore((s) => s.jobs.sweep);
  const params = useStore((s) => s.params);
  const [trials, setTrials] = useState(200);
  const [length, setLength] = useState(128);
  // While running, redraw the charts at most every 2 s (each redraw is main-thread work): a
  // short sweep draws once at the end, a long one still shows its finished gammas.
  const [snapshot, setSnapshot] = useState<SweepPoint[]>([]);
  const lastDraw = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new sweep restarts the clock
  useEffect(() => {
    lastDraw.current = performance.now();
    setSnapshot([]);
  }, [job.runId]);
  useEffect(() => {
    if (job.status !== 'running') return;
    const done = Math.max(0, job.partial.length - 1);
    const now = performance.now();
    if (done > snapshot.length && now - lastDraw.current > REDRAW_MS) {
      lastDraw.current = now;
      setSnapshot(job.partial.slice(0, done));
    }
  }, [job.partial, job.status, snapshot.length]);
  const points = job.result ? job.result.points : job.status === 'running' ? snapshot : NO_POINTS;
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
  const classic = alphaRows(
    [1, 2, 4, 8, gamma].filter((g, i, a) => a.indexOf(g) === i),
    c,
    v,
  );
  const current = points.find((p) => p.gamma === gamma) ?? points[points.length - 1];
  const positions = current ? positionRows(current, alpha, theory) : [];
  const absent = theory.applies ? undefined : <TheoryAbsent theory={theory} />;
  const hist = current ? histogramRows(current) : [];
  return (
    <div className="charts" data-points={points.length}>
      <ChartFrame id="chart-acceptance" title={t('chart.acceptance')} rows={acc} caption={absent}>
        <div className="chart-pair">
          <ResponsiveContainer width="100%" height={H}>
            <ComposedChart data={acc} margin={MARGIN}>
              {gammaFrame(t('axis.acceptance'), [0, 1])}
              {theory.applies && theoryLine(t('series.theory'), 'theoryAcceptanceRate')}
              {measuredPoints(t('series.measured'), 'acceptanceRate', 'acceptanceRateCi')}
            </ComposedChart>
          </ResponsiveContainer>
          <ResponsiveContainer width="100%" height={H}>
            <ComposedChart data={acc} margin={MARGIN}>
              {gammaFrame(t('axis.tokensPerStep'))}
              {theory.applies && theoryLine(t('series.theory'), 'theoryTokensPerStep')}
              {measuredPoints(t('series.measured'), 'tokensPerStep', 'tokensPerStepCi')}
              <Line
                name={t('series.meanAcceptanceLength')}
                dataKey="meanAcceptanceLength"
                stroke="#009e73"
                strokeDasharray="4 3"
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </ChartFrame>
      <ChartFrame order={1} id="chart-speedup" title={t('chart.speedup')} rows={speed} caption={absent ?? optimalSentence(t, num, alpha, c, v)}>
        <ResponsiveContainer width="100%" height={H}>
          <ComposedChart data={speed} margin={MARGIN}>
            {gammaFrame(t('axis.speedup'))}
            {theory.applies && (
              <ReferenceLine
                x={best.gamma}
                stroke="#009e73"
                strokeDasharray="4 3"
                label={{ value: t('chart.optimal', { g: best.gamma }), position: 'insideTopRight', fontSize: 11 }}
              />
            )}
            {theory.applies && theoryLine(t('series.theory'), 'theorySpeedup')}
            {measuredPoints(t('series.measured'), 'speedup', 'speedupCi')}
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame order={2} id="chart-alpha" title={t('chart.alpha')} rows={classic} caption={absent}>
        {theory.applies && (
          <ResponsiveContainer width="100%" height={H}>
            <ComposedChart data={classic} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="alpha" type="number" domain={[0, 1]} label={{ value: 'alpha', position: 'insideBottom', offset: -10 }} />
              <YAxis label={{ value: t('axis.speedup'), angle: -90, position: 'insideLeft', offset: 14, fontSize: 12, style: { textAnchor: 'middle' } }} />
              <Tooltip formatter={fmt} />
              <Legend verticalAlign="top" align="right" height={26} wrapperStyle={{ fontSize: 12 }} />
              {Object.keys(classic[0])
                .filter((k) => k !== 'alpha')
                .map((k, i) => (
                  <Line
                    key={k}
                    name={k.replace('gamma', 'gamma ')}
                    dataKey={k}
                    stroke={['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00'][i % 5]}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              {Number.isFinite(alpha) && (
                <ReferenceDot x={Math.round(alpha * 50) / 50} y={classic[Math.round(alpha * 50)]?.[`gamma${gamma}`] ?? 1} r={6} fill="#000" stroke="#fff" />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </ChartFrame>
      <ChartFrame order={3} id="chart-positions" title={t('chart.positions', { g: current?.gamma ?? gamma })} rows={positions} caption={absent}>
        <div className="chart-pair">
          <ResponsiveContainer width="100%" height={H}>
            <ComposedChart data={positions} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="position" label={{ value: t('axis.position'), position: 'insideBottom', offset: -10 }} />
              <YAxis domain={[0, 1]} />
              <Tooltip formatter={fmt} />
              <Legend verticalAlign="top" align="right" height={26} wrapperStyle={{ fontSize: 12 }} />
              {theory.applies && <Line name="alpha^(i+1)" dataKey="theory" stroke={THEORY} dot={false} isAnimationActive={false} />}
              <Line name={t('series.measured')} dataKey="rate" stroke="none" legendType="circle" dot={{ r: 3, fill: MEASURED }} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
          <ResponsiveContainer width="100%" height={H}>
            <ComposedChart data={hist} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="accepted" label={{ value: t('axis.acceptedLength'), position: 'insideBottom', offset: -10 }} />
              <YAxis />
              <Tooltip formatter={fmt} />
              <Bar name={t('series.steps')} dataKey="count" fill={MEASURED} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </ChartFrame>
    </div>
  );
});

const MARGIN = { top: 14, right: 16, bottom: 22, left: 8 };

/** Grid, gamma axis, y axis with its label, tooltip and legend: the frame of a gamma chart.
 * (Plain element lists, not components: Recharts reads its children directly.) */
function gammaFrame(yLabel: string, yDomain?: [number, number]) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="gamma"
      type="number"
      domain={[1, 16]}
      ticks={[1, 2, 4, 8, 12, 16]}
      label={{ value: 'gamma', position: 'insideBottom', offset: -12, fontSize: 12 }}
    />,
    <YAxis key="y" domain={yDomain} label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 14, fontSize: 12, style: { textAnchor: 'middle' } }} />,
    <Tooltip key="tip" formatter={fmt} />,
    <Legend key="legend" verticalAlign="top" align="right" height={26} wrapperStyle={{ fontSize: 12 }} />,
  ];
}

/** A theory curve. */
function theoryLine(name: string, dataKey: string) {
  return <Line key={dataKey} name={name} dataKey={dataKey} stroke={THEORY} dot={false} isAnimationActive={false} />;
}

/** Measured points with their 95% interval as error bars. */
function measuredPoints(name: string, dataKey: string, ciKey: string) {
  return (
    <Line key={dataKey} name={name} dataKey={dataKey} stroke="none" legendType="circle" dot={{ r: 3, fill: MEASURED }} isAnimationActive={false}>
      <ErrorBar dataKey={ciKey} width={3} stroke={MEASURED} />
    </Line>
  );
}
