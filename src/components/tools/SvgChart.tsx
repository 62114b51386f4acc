import { useWidth } from '../useWidth';

/** One row of chart data (a CSV row too): numbers, labels, or null for a missing value. */
export type Row = Record<string, number | string | null>;

/** A series drawn from `rows[i][dataKey]` against `rows[i][xKey]`. */
export interface Series {
  /** Name in the legend and the tooltips. */
  name: string;
  dataKey: string;
  color: string;
  /** A curve (theory), measured points (with 95% error bars from `errorKey`), or bars. */
  kind: 'line' | 'points' | 'bars';
  dash?: string;
  /** Half-width of the 95% interval, same units as the value. */
  errorKey?: string;
}

export interface SvgChartProps {
  rows: readonly Row[];
  xKey: string;
  xLabel: string;
  yLabel?: string;
  /** Defaults to the data's extent (bars: half a step either side). */
  xDomain?: [number, number];
  xTicks?: readonly number[];
  /** Defaults to 0 .. a round number above the data (error bars included). */
  yDomain?: [number, number];
  series: readonly Series[];
  /** A vertical marker (the optimal gamma). */
  refX?: { x: number; label: string; color: string };
  /** A highlighted point (where the run sits on a theory curve). */
  refDot?: { x: number; y: number };
  /** Pixels. */
  height: number;
  /** What the figure shows, for screen readers. */
  label: string;
}

/** Margins inside the SVG, px: room for the axis labels (the legend adds rows on top). */
const M = { right: 14, bottom: 38, left: 50 };
/** Height of a legend row, px. */
const LEGEND_ROW = 15;

/** About `count` round ticks from a round number at or below `lo` to one at or above `hi`. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi > lo ? hi - lo : 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil((lo + span) / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(10)));
  return ticks;
}

const num = (v: Row[string] | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const fmt = (v: number) => String(Number(v.toFixed(Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)));

/**
 * A small SVG chart: lines, measured points with error bars, bars, a legend and axes. Hand-drawn
 * because a sweep redraws its charts as points arrive: this draws a chart in well under a
 * millisecond of main-thread work, where the charting library took tens per redraw.
 */
export function SvgChart({ rows, xKey, xLabel, yLabel, xDomain, xTicks, yDomain, series, refX, refDot, height, label }: SvgChartProps) {
  const { ref, width } = useWidth();
  const xs = rows.map((r) => num(r[xKey])).filter((v): v is number => v !== null);
  const bars = series.some((s) => s.kind === 'bars');
  const [x0, x1] = xDomain ?? (xs.length > 0 ? (bars ? [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5] : [Math.min(...xs), Math.max(...xs)]) : [0, 1]);
  let yMax = 0;
  let yMin = 0;
  for (const r of rows)
    for (const s of series) {
      const v = num(r[s.dataKey]);
      if (v === null) continue;
      const e = s.errorKey ? (num(r[s.errorKey]) ?? 0) : 0;
      yMax = Math.max(yMax, v + e);
      yMin = Math.min(yMin, v - e);
    }
  const yTicks = yDomain ? niceTicks(yDomain[0], yDomain[1]) : niceTicks(yMin, yMax > yMin ? yMax : yMin + 1);
  const [y0, y1] = yDomain ?? [Math.min(yMin, yTicks[0]), Math.max(yMax, yTicks[yTicks.length - 1])];
  const w = Math.max(0, width - M.left - M.right);
  const legend = legendLayout(series, 0, M.left + w);
  const top = 16 + legend.rows * LEGEND_ROW;
  const h = height - top - M.bottom;
  const sx = (v: number) => M.left + (x1 > x0 ? ((v - x0) / (x1 - x0)) * w : w / 2);
  const sy = (v: number) => top + h - (y1 > y0 ? ((v - y0) / (y1 - y0)) * h : 0);
  const ticksX = xTicks ?? (bars || x1 - x0 <= 16 ? xs : niceTicks(x0, x1));
  const barW = bars && xs.length > 0 ? Math.max(2, (w / Math.max(1, x1 - x0)) * 0.7) : 0;
  return (
    <div ref={ref} className="svg-chart" style={{ height }}>
      {width > 0 && (
        <svg className="chart-surface" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
          <g className="chart-grid" stroke="var(--line)" strokeDasharray="3 3">
            {yTicks.map((t) => (
              <line key={`y${t}`} x1={M.left} x2={M.left + w} y1={sy(t)} y2={sy(t)} />
            ))}
            {ticksX.map((t) => (
              <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={top} y2={top + h} />
            ))}
          </g>
          <g className="chart-text" fontSize={11} fill="var(--muted)">
            {yTicks.map((t) => (
              <text key={`y${t}`} x={M.left - 5} y={sy(t) + 4} textAnchor="end">
                {fmt(t)}
              </text>
            ))}
            {ticksX.map((t) => (
              <text key={`x${t}`} x={sx(t)} y={top + h + 14} textAnchor="middle">
                {fmt(t)}
              </text>
            ))}
            <text x={M.left + w / 2} y={height - 6} textAnchor="middle" fontSize={12}>
              {xLabel}
            </text>
            {yLabel && (
              <text transform={`translate(12 ${top + h / 2}) rotate(-90)`} textAnchor="middle" fontSize={12}>
                {yLabel}
              </text>
            )}
          </g>
          <path d={`M${M.left} ${top}V${top + h}H${M.left + w}`} stroke="var(--muted)" fill="none" />
          {refX && (
            <g className="chart-ref">
              <line x1={sx(refX.x)} x2={sx(refX.x)} y1={top} y2={top + h} stroke={refX.color} strokeDasharray="4 3" />
              <text x={sx(refX.x) - 4} y={top + 12} textAnchor="end" fontSize={11} fill={refX.color}>
                {refX.label}
              </text>
            </g>
          )}
          {series.map((s) => (
            <SeriesMarks key={s.dataKey} s={s} rows={rows} xKey={xKey} sx={sx} sy={sy} barW={barW} base={sy(Math.max(0, y0))} />
          ))}
          {refDot && <circle cx={sx(refDot.x)} cy={sy(refDot.y)} r={6} fill="var(--fg)" stroke="var(--panel)" strokeWidth={2} />}
          <Legend items={legend.items} />
        </svg>
      )}
    </div>
  );
}

function SeriesMarks({
  s,
  rows,
  xKey,
  sx,
  sy,
  barW,
  base,
}: {
  s: Series;
  rows: readonly Row[];
  xKey: string;
  sx: (v: number) => number;
  sy: (v: number) => number;
  barW: number;
  base: number;
}) {
  const pts = rows.flatMap((r) => {
    const x = num(r[xKey]);
    const y = num(r[s.dataKey]);
    return x === null || y === null ? [] : [{ x, y, e: s.errorKey ? (num(r[s.errorKey]) ?? 0) : 0 }];
  });
  const tip = (p: { x: number; y: number; e: number }) => `${s.name}: ${xKey} ${fmt(p.x)}, ${p.y.toFixed(3)}${p.e > 0 ? ` ± ${p.e.toFixed(3)}` : ''}`;
  if (s.kind === 'line')
    return (
      <path
        className="chart-line"
        d={pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`).join('')}
        stroke={s.color}
        strokeWidth={1.5}
        strokeDasharray={s.dash}
        fill="none"
      />
    );
  if (s.kind === 'bars')
    return (
      <g className="chart-bars" fill={s.color}>
        {pts.map((p) => (
          <rect key={p.x} x={sx(p.x) - barW / 2} y={Math.min(sy(p.y), base)} width={barW} height={Math.abs(base - sy(p.y))}>
            <title>{tip(p)}</title>
          </rect>
        ))}
      </g>
    );
  return (
    <>
      {s.errorKey && (
        <g className="chart-errorbars" stroke={s.color}>
          {pts.map((p) => (
            <path
              key={p.x}
              className="chart-errorbar"
              d={`M${sx(p.x)} ${sy(p.y - p.e)}V${sy(p.y + p.e)}M${sx(p.x) - 3} ${sy(p.y - p.e)}h6M${sx(p.x) - 3} ${sy(p.y + p.e)}h6`}
            />
          ))}
        </g>
      )}
      <g className="chart-dots" fill={s.color}>
        {pts.map((p) => (
          <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3}>
            <title>{tip(p)}</title>
          </circle>
        ))}
      </g>
    </>
  );
}

/** Where each legend entry goes: right-aligned rows above the plot, wrapping when narrow. */
function legendLayout(series: readonly Series[], left: number, right: number) {
  const items: { s: Series; x: number; row: number }[] = [];
  let x = right;
  let row = 0;
  for (const s of [...series].reverse()) {
    const w = 18 + s.name.length * 6.6;
    if (x - w < left && x < right) {
      row++;
      x = right;
    }
    x -= w + 10;
    items.push({ s, x: Math.max(left, x), row });
  }
  return { items, rows: row + 1 };
}

/** Series names top right, each with its mark (a line or a dot). */
function Legend({ items }: { items: ReturnType<typeof legendLayout>['items'] }) {
  return (
    <g className="chart-legend chart-text" fontSize={11} fill="var(--muted)">
      {items.map(({ s, x, row }) => (
        <g key={s.dataKey} transform={`translate(${x} ${12 + row * LEGEND_ROW})`}>
          {s.kind === 'line' ? (
            <line x1={0} x2={12} y1={0} y2={0} stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} />
          ) : (
            <circle cx={6} cy={0} r={4} fill={s.color} />
          )}
          <text x={16} y={4}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}
