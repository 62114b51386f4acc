/**
 * vLLM's spec-decode metrics log line (vllm/v1/spec_decode/metrics.py, SpecDecodingLogging.log):
 * write it from simulated counts, read it back from a pasted log, and fit alpha to its
 * per-position acceptance rates. Throughputs are in tokens/s, rates are shares in [0, 1] except
 * the average draft acceptance rate, which vLLM prints in percent.
 */

import type { Notice } from './notices';

/** The fits live in metricsFit.ts (kept apart for file size); importers use this module. */
export { type AlphaFit, alphaFromMeanLength, fitAlpha } from './metricsFit';

/** The numbers vLLM aggregates over one logging interval. */
export interface VllmMetrics {
  /** Target passes that carried a draft (vLLM's num_drafts). */
  numDrafts: number;
  /** Draft tokens accepted (num_accepted_tokens). */
  accepted: number;
  /** Draft tokens proposed (num_draft_tokens). */
  drafted: number;
  /** perPositionAccepted[i]: drafts with more than i tokens accepted, i = 0..gamma-1. */
  perPositionAccepted: readonly number[];
  /** Accepted tokens per second of the interval. */
  acceptedThroughput: number;
  /** Drafted tokens per second of the interval. */
  draftedThroughput: number;
}

/** Raw counts of one interval, as the simulation core keeps them. */
export interface MetricsCounts {
  numDrafts: number;
  accepted: number;
  drafted: number;
  /** acceptedHist[i]: drafts with exactly i tokens accepted; length gamma + 1. */
  acceptedHist: readonly number[];
  /** Length of the interval in seconds. */
  elapsedS: number;
}

/** A metrics line read back; numDrafts is derived, so it carries the rounding of the line. */
export interface ParsedMetrics {
  meanAcceptanceLength: number;
  acceptedThroughput: number;
  draftedThroughput: number;
  accepted: number;
  drafted: number;
  /** perPosition[i]: share of drafts with more than i tokens accepted. */
  perPosition: number[];
  /** accepted / drafted, in percent. */
  avgDraftAcceptanceRate: number;
  /** perPosition.length (num_speculative_tokens). */
  gamma: number;
  /** round(accepted / (meanAcceptanceLength - 1)); NaN when the mean length is 1. */
  numDrafts: number;
  /** What looks wrong without making the line unreadable (a rate sum that vLLM's line cannot
   * have): shown as notices, never a refusal, since the printed values are rounded. */
  warnings: Notice[];
}

/** Builds the logged numbers from counts; per-position counts are tail sums of the histogram. */
export function metricsFromCounts(c: MetricsCounts): VllmMetrics {
  const gamma = Math.max(0, c.acceptedHist.length - 1);
  const perPositionAccepted: number[] = [];
  let tail = 0;
  // Walk from the top: drafts with more than i accepted = sum of hist[k] for k > i.
  for (let i = gamma - 1; i >= 0; i--) {
    tail += c.acceptedHist[i + 1];
    perPositionAccepted[i] = tail;
  }
  // vLLM reports 0 tokens/s when the interval has no length, rather than dividing by zero.
  const ok = c.elapsedS > 0;
  return {
    numDrafts: c.numDrafts,
    accepted: c.accepted,
    drafted: c.drafted,
    perPositionAccepted,
    acceptedThroughput: ok ? c.accepted / c.elapsedS : 0,
    draftedThroughput: ok ? c.drafted / c.elapsedS : 0,
  };
}

/**
 * Python's '%.Nf': like toFixed, except that exact binary ties round half to even (toFixed
 * rounds them up: 0.125 -> '0.13', Python gives '0.12'), and NaN/Infinity print as nan/inf.
 */
function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  const rounded = abs.toFixed(digits);
  // A tie is exactly representable with digits + 1 decimals; 100 decimals show every double
  // of this magnitude in full, so a trailing '5' followed only by zeros is a true tie.
  const full = abs.toFixed(100);
  const dot = full.indexOf('.');
  const rest = full.slice(dot + 1 + digits);
  if (dot < 0 || !/^50*$/.test(rest)) return sign + rounded;
  const truncated = full.slice(0, digits > 0 ? dot + 1 + digits : dot);
  const last = Number(truncated[truncated.length - 1]);
  return sign + (last % 2 === 0 ? truncated : rounded);
}

/** Python's '%d' of an integer count. */
function pyInt(x: number): string {
  return Number.isFinite(x) ? String(Math.trunc(x)) : pyFixed(x, 0);
}

/** The line exactly as vLLM logs it (without the logger's own prefix). */
export function formatVllmMetrics(m: VllmMetrics): string {
  const meanLen = 1 + m.accepted / m.numDrafts;
  const rates = m.perPositionAccepted.map((k) => pyFixed(k / m.numDrafts, 3)).join(', ');
  const avg = m.drafted > 0 ? (m.accepted / m.drafted) * 100 : Number.NaN;
  return (
    `SpecDecoding metrics: Mean acceptance length: ${pyFixed(meanLen, 2)}, ` +
    `Accepted throughput: ${pyFixed(m.acceptedThroughput, 2)} tokens/s, ` +
    `Drafted throughput: ${pyFixed(m.draftedThroughput, 2)} tokens/s, ` +
    `Accepted: ${pyInt(m.accepted)} tokens, Drafted: ${pyInt(m.drafted)} tokens, ` +
    `Per-position acceptance rate: ${rates}, Avg Draft acceptance rate: ${pyFixed(avg, 1)}%`
  );
}

const MARKER = 'SpecDecoding metrics:';
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The fields in vLLM's order, with the unit that follows each value. */
const FIELDS = [
  { name: 'Mean acceptance length', unit: '' },
  { name: 'Accepted throughput', unit: 'tokens/s' },
  { name: 'Drafted throughput', unit: 'tokens/s' },
  { name: 'Accepted', unit: 'tokens' },
  { name: 'Drafted', unit: 'tokens' },
  { name: 'Per-position acceptance rate', unit: '' },
  { name: 'Avg Draft acceptance rate', unit: '%' },
] as const;

type FieldName = (typeof FIELDS)[number]['name'];

/** Reads one number, or says which field is not one. */
function num(field: string, raw: string): number | { error: string } {
  return NUMBER.test(raw) ? Number(raw) : { error: `The field '${field}' is not a number (got "${raw}").` };
}

/**
 * Finds each field by its name. The per-position rates are joined by ', ' like the fields
 * themselves, so splitting on ', ' would misread them: a value runs from its name to the next
 * field name instead.
 */
function splitFields(body: string): Map<FieldName, string> | { error: string } {
  const found: { name: FieldName; unit: string; at: number; end: number }[] = [];
  for (const { name, unit } of FIELDS) {
    const key = `, ${name}:`;
    const at = body.indexOf(key);
    if (at < 0) return { error: `The field '${name}' is missing.` };
    if (body.indexOf(key, at + 1) >= 0) return { error: `The field '${name}' appears more than once.` };
    found.push({ name, unit, at, end: at + key.length });
  }
  found.sort((a, b) => a.at - b.at);
  if (found[0].at !== 0) return { error: `Unexpected text "${body.slice(2, found[0].at)}" before the first field.` };
  const out = new Map<FieldName, string>();
  found.forEach((f, k) => {
    let value = body.slice(f.end, k + 1 < found.length ? found[k + 1].at : body.length).trim();
    if (f.unit !== '' && value.endsWith(f.unit)) value = value.slice(0, -f.unit.length).trim();
    out.set(f.name, value);
  });
  return out;
}

/** Reads a vLLM metrics line (any log prefix before the marker); never throws. */
export function parseVllmMetrics(line: string): ParsedMetrics | { error: string } {
  if (typeof line !== 'string') return { error: 'The input is not a string of text.' };
  if (line.trim() === '') return { error: 'The line is empty.' };
  const start = line.indexOf(MARKER);
  if (start < 0) return { error: `The line has no '${MARKER}' marker, so it is not a vLLM spec-decode metrics line.` };
  const fields = splitFields(`, ${line.slice(start + MARKER.length).trim()}`);
  if ('error' in fields) return fields;
  const get = (name: FieldName) => fields.get(name) ?? '';
  const values: number[] = [];
  for (const name of ['Mean acceptance length', 'Accepted throughput', 'Drafted throughput', 'Accepted', 'Drafted', 'Avg Draft acceptance rate'] as const) {
    const v = num(name, get(name));
    if (typeof v !== 'number') return v;
    values.push(v);
  }
  const [meanLen, acceptedTp, draftedTp, accepted, drafted, avg] = values;
  const rawRates = get('Per-position acceptance rate');
  if (rawRates === '') return { error: "The field 'Per-position acceptance rate' has no rates." };
  const perPosition: number[] = [];
  for (const [i, raw] of rawRates.split(',').entries()) {
    const r = num(`Per-position acceptance rate ${i}`, raw.trim());
    if (typeof r !== 'number') return r;
    if (r < 0 || r > 1) return { error: `Per-position acceptance rate ${i} (${raw.trim()}) is outside [0, 1].` };
    // Drafts with more than i + 1 accepted are a subset of those with more than i.
    if (i > 0 && r > perPosition[i - 1])
      return { error: `Per-position acceptance rates must not increase, but rate ${i} (${r}) exceeds rate ${i - 1} (${perPosition[i - 1]}).` };
    perPosition.push(r);
  }
  for (const [name, v] of [
    ['Accepted', accepted],
    ['Drafted', drafted],
  ] as const)
    if (!Number.isInteger(v) || v < 0) return { error: `The field '${name}' must be a whole, non-negative number of tokens (got ${v}).` };
  if (accepted > drafted) return { error: `Accepted tokens (${accepted}) exceed drafted tokens (${drafted}), which is impossible.` };
  if (meanLen < 1) return { error: `The mean acceptance length must be at least 1, since it counts the bonus token (got ${meanLen}).` };
  if (acceptedTp < 0 || draftedTp < 0) return { error: `The ${acceptedTp < 0 ? 'accepted' : 'drafted'} throughput is negative.` };
  if (avg < 0 || avg > 100) return { error: `The average draft acceptance rate is a percentage, so it must lie in [0, 100] (got ${avg}).` };
  return {
    meanAcceptanceLength: meanLen,
    acceptedThroughput: acceptedTp,
    draftedThroughput: draftedTp,
    accepted,
    drafted,
    perPosition,
    avgDraftAcceptanceRate: avg,
    gamma: perPosition.length,
    numDrafts: meanLen > 1 ? Math.round(accepted / (meanLen - 1)) : Number.NaN,
    warnings: rateSumWarnings(meanLen, perPosition),
  };
}

/**
 * vLLM divides both the per-position counts and the accepted total by num_drafts
 * (vllm/v1/spec_decode/metrics.py), so the rates sum to mean acceptance length - 1 exactly before
 * printing. Printed, each rate is off by at most 0.0005 (%.3f) and the mean length by 0.005 (%.2f).
 */
function rateSumWarnings(meanLen: number, perPosition: readonly number[]): Notice[] {
  const sum = perPosition.reduce((a, b) => a + b, 0);
  const tolerance = 0.0005 * perPosition.length + 0.005 + 1e-9;
  if (Math.abs(sum - (meanLen - 1)) <= tolerance) return [];
  return [{ code: 'metricsRateSum', sum: sum.toFixed(3), expected: String(Number((meanLen - 1).toFixed(2))) }];
}
