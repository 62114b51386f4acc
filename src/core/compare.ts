import type { SimParams } from './params';
import { drain } from './run';
import { SweepAccumulator, type SweepPoint } from './sweep';
import type { MethodKind } from './types';
import type { PreparedWorld } from './worlds';

/** Every method, in the order the compare view lists them. */
export const METHODS: readonly MethodKind[] = ['autoregressive', 'draft', 'ngram', 'suffix', 'mtp', 'medusa', 'tree'];

/** One method's measurement under the same seed, scenario and cost model. */
export interface CompareRow {
  method: MethodKind;
  point: SweepPoint;
}

/**
 * Runs `trials` generations per method (same seeds, same world), yielding the number of trials
 * done after each one (so a driver can report progress and stop), and returns the methods
 * ranked by modelled speedup, then tokens per step.
 */
export function* compareSteps(
  prepared: PreparedWorld,
  params: Readonly<SimParams>,
  trials: number,
  methods: readonly MethodKind[] = METHODS,
): Generator<number, CompareRow[]> {
  const rows: CompareRow[] = [];
  let done = 0;
  for (const method of methods) {
    const acc = new SweepAccumulator(prepared, { ...params, method });
    for (let t = 0; t < trials; t++) {
      acc.runTrials(t, t + 1);
      yield ++done;
    }
    rows.push({ method, point: acc.point() });
  }
  return rows.sort((a, b) => b.point.speedup - a.point.speedup || b.point.tokensPerStep - a.point.tokensPerStep);
}

/** compareSteps run to the end. */
export function compareMethods(prepared: PreparedWorld, params: Readonly<SimParams>, trials: number, methods: readonly MethodKind[] = METHODS): CompareRow[] {
  return drain(compareSteps(prepared, params, trials, methods));
}
