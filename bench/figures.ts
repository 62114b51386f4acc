/**
 * The benchmark's table: every figure with its budget beside it, the median of several runs,
 * and the verdict (npm run bench exits non-zero when a figure is over its budget).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Runs per figure (the median is reported); BENCH_RUNS overrides. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);

export const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The median of some numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A figure: its median, the runs it came from, and an upper budget (null: reported only). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly runs: readonly number[];
  readonly budget: number | null;
  /** Shown beside the figure (what it was measured against). */
  readonly note?: string;
}

const figures: Figure[] = [];

/** Records a figure (printed at once, judged at the end). */
export function report(f: Figure): void {
  figures.push(f);
  const digits = f.value < 10 ? 2 : 0;
  const budget = f.budget === null ? 'no budget' : `budget <= ${fmt(f.budget, 2)} ${f.unit}`;
  const verdict = f.budget === null ? '' : f.value <= f.budget ? '  ok' : '  OVER BUDGET';
  const runs = f.runs.length > 1 ? `  (median of ${f.runs.length}: ${f.runs.map((r) => fmt(r, digits)).join(', ')})` : '';
  console.log(`${f.name}: ${fmt(f.value, digits)} ${f.unit}   [${budget}]${verdict}${runs}${f.note ? `\n    ${f.note}` : ''}`);
}

/** The machine the figures come from. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `machine: nproc ${availableParallelism()}, load average ${fmt(one, 2)} (1 min) ${fmt(five, 2)} (5 min), node ${process.version}`;
}

/** Figures over budget (for the exit code). */
export function overBudget(): Figure[] {
  return figures.filter((f) => f.budget !== null && !(f.value <= f.budget));
}

/** Wall time of a whole process, ms (throws with its stderr if it fails). */
export function timeProcess(cmd: string, args: readonly string[], cwd: string): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error}`);
  return { ms, stdout: r.stdout };
}
