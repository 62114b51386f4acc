import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type PreparedWorld, type SimParams, type SimState, SweepAccumulator, type SweepPoint, sweepTrial } from '../core';
import { MAX_THREADS } from './args';

/** Fewer trials than this per thread are not worth a thread's start-up (~50 ms). */
const MIN_TRIALS_PER_THREAD = 50;

/** A trial's final state as a thread sends it: the counters (SweepAccumulator.add reads no tokens). */
export type TrialCounts = Omit<SimState, 'tokens'>;

/** What a sweep thread is given: the runner's own arguments and its block of trials. */
export interface SweepShare {
  readonly argv: readonly string[];
  readonly from: number;
  readonly to: number;
}

/** Trials [from, to) of every gamma, in order: result[g][t - from]. */
export function runShare(prepared: PreparedWorld, params: Readonly<SimParams>, gammas: readonly number[], from: number, to: number): TrialCounts[][] {
  return gammas.map((gamma) => {
    const p = { ...params, gamma };
    const out: TrialCounts[] = [];
    for (let t = from; t < to; t++) {
      const { tokens: _, ...counts } = sweepTrial(prepared, p, t);
      out.push(counts);
    }
    return out;
  });
}

/** Threads for a sweep of `trials` trials: `asked`, else one per core (at most MAX_THREADS). */
export function threadCount(trials: number, asked: number | null): number {
  const want = asked ?? Math.min(availableParallelism(), MAX_THREADS);
  return Math.max(1, Math.min(want, Math.floor(trials / MIN_TRIALS_PER_THREAD)));
}

/**
 * The sweep of `gammas` x `trials` shared among `threads` threads: this one and threads - 1
 * workers running `entry` (the runner itself, which runs a SweepShare when not the main thread),
 * each a contiguous block of trials. The trials are then counted in trial order, so the points
 * are the ones a single thread computes, bit for bit.
 */
export async function threadedSweep(
  entry: URL,
  argv: readonly string[],
  prepared: PreparedWorld,
  params: Readonly<SimParams>,
  gammas: readonly number[],
  trials: number,
  threads: number,
): Promise<SweepPoint[]> {
  const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.round((i * trials) / threads));
  const others = bounds.slice(1, -1).map(
    (from, i) =>
      new Promise<TrialCounts[][]>((resolve, reject) => {
        const share: SweepShare = { argv, from, to: bounds[i + 2] };
        const w = entry.pathname.endsWith('.ts')
          ? // Unbundled (npx tsx src/cli/sim.ts): the thread registers tsx's loader, then runs the entry.
            new Worker(
              `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => t.register()).then(() => import(${JSON.stringify(entry.href)}))`,
              {
                eval: true,
                workerData: share,
              },
            )
          : new Worker(entry, { workerData: share });
        w.once('message', resolve);
        w.once('error', reject);
        w.once('exit', (code) => reject(new Error(`a sweep thread stopped (exit code ${code})`)));
      }),
  );
  // This thread's block while the others run theirs.
  const mine = runShare(prepared, params, gammas, 0, bounds[1]);
  const shares = [mine, ...(await Promise.all(others))];
  return gammas.map((gamma, g) => {
    const acc = new SweepAccumulator(null, { ...params, gamma });
    for (const share of shares) for (const s of share[g]) acc.add(s as SimState);
    return acc.point();
  });
}
