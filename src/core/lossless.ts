import type { SimParams } from './params';
import { drain, generatedTokens, runGeneration } from './run';
import { chiSquareHomogeneity } from './stats';
import type { PreparedWorld } from './worlds';

/** Below this p-value the check says the two distributions differ. */
export const LOSSLESS_ALPHA = 0.001;

/** The lossless check's outcome: both samples' top sequences, the test and its verdict. */
export interface LosslessResult {
  samples: number;
  length: number;
  /** Top sequences: tokens, count with speculation, count with the target alone. */
  rows: { tokens: string[]; spec: number; target: number }[];
  stat: number;
  df: number;
  pValue: number;
  /** Lossless: consistent with the same distribution at LOSSLESS_ALPHA. */
  pass: boolean;
  drafted: number;
  rejections: number;
}

/**
 * Draws `samples` sequences of `length` tokens with speculative decoding (the parameters as
 * given, including their acceptance rule) and as many with the target alone (autoregressive,
 * independent seeds), then tests homogeneity with a chi-square test. Yields progress.
 */
export function* losslessSteps(prepared: PreparedWorld, params: Readonly<SimParams>, samples: number, length: number): Generator<number, LosslessResult> {
  const spec = new Map<string, number>();
  const target = new Map<string, number>();
  let drafted = 0;
  let rejections = 0;
  const p = { ...params, length };
  const ar = { ...p, method: 'autoregressive' as const };
  for (let i = 0; i < samples; i++) {
    const r = runGeneration(prepared, p, `${params.seed}/spec/${i}`, false, `${params.seed}`);
    drafted += r.state.drafted;
    rejections += r.state.rejections;
    const a = runGeneration(prepared, ar, `${params.seed}/target/${i}`, false, `${params.seed}`);
    const ks = JSON.stringify(generatedTokens(r).slice(0, length));
    const kt = JSON.stringify(generatedTokens(a).slice(0, length));
    spec.set(ks, (spec.get(ks) ?? 0) + 1);
    target.set(kt, (target.get(kt) ?? 0) + 1);
    yield i + 1;
  }
  return losslessVerdict(spec, target, samples, length, drafted, rejections);
}

/**
 * The verdict on two tallies of sequences (keys: JSON arrays of token strings): a chi-square test
 * of homogeneity and the top rows. Shared by simulated and real-model checks.
 */
export function losslessVerdict(
  spec: ReadonlyMap<string, number>,
  target: ReadonlyMap<string, number>,
  samples: number,
  length: number,
  drafted: number,
  rejections: number,
): LosslessResult {
  const { stat, df, pValue } = chiSquareHomogeneity(spec, target);
  const keys = [...new Set([...spec.keys(), ...target.keys()])];
  keys.sort((x, y) => (spec.get(y) ?? 0) + (target.get(y) ?? 0) - (spec.get(x) ?? 0) - (target.get(x) ?? 0));
  const rows = keys.slice(0, 12).map((k) => ({ tokens: JSON.parse(k) as string[], spec: spec.get(k) ?? 0, target: target.get(k) ?? 0 }));
  return { samples, length, rows, stat, df, pValue, pass: pValue >= LOSSLESS_ALPHA, drafted, rejections };
}

/** losslessSteps run to the end. */
export function losslessCheck(prepared: PreparedWorld, params: Readonly<SimParams>, samples: number, length: number): LosslessResult {
  return drain(losslessSteps(prepared, params, samples, length));
}
