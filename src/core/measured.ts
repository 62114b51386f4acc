import { alphaFromMeanLength, formatVllmMetrics, metricsFromCounts } from './metrics';
import { expectedSpeedup, optimalGamma } from './theory';
import type { StepEvent } from './types';

/**
 * What a real run measured and what it teaches: per-position acceptance with intervals, alpha,
 * the measured clock (forward times the real engine recorded in `event.wall`) against an
 * autoregressive run of the same target, and the cost model's prediction with c measured.
 * Times in ms; every figure is derived from the events, never stored twice.
 */

/** A share with its Wilson score interval (z = 1.96: 95 %). */
export interface Share {
  readonly k: number;
  readonly n: number;
  readonly rate: number;
  readonly lo: number;
  readonly hi: number;
}

/** Wilson score interval of k successes in n trials; NaN rate and [0, 1] when n = 0. */
export function wilson(k: number, n: number, z = 1.96): Share {
  if (n <= 0) return { k, n, rate: Number.NaN, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { k, n, rate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Sums of a trace's measured forward times. */
export interface Clock {
  /** Produced tokens (output and end-of-text). */
  readonly produced: number;
  /** Wall time of every forward, draft and target, ms. */
  readonly wallMs: number;
  readonly draftForwards: number;
  readonly draftMs: number;
  readonly targetForwards: number;
  readonly targetMs: number;
}

/** Adds up the measured forward times of `events` (events without `wall` count as 0 ms). */
export function clockOf(events: readonly StepEvent[]): Clock {
  let produced = 0;
  let draftForwards = 0;
  let draftMs = 0;
  let targetMs = 0;
  for (const e of events) {
    produced += e.emitted.length + (e.endOfText ? 1 : 0);
    if (e.wall === undefined) continue;
    draftForwards += e.wall.draftMs.length;
    for (const ms of e.wall.draftMs) draftMs += ms;
    targetMs += e.wall.targetMs;
  }
  return { produced, wallMs: draftMs + targetMs, draftForwards, draftMs, targetForwards: events.length, targetMs };
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Milliseconds per produced token with every forward at its kind's median time (target and
 * draft apart): what a typical forward costs, times the forwards the method needed. The
 * comparison of methods uses it. Sums (clockOf) keep every pause of a busy machine, and with the
 * tiny test pair (forwards of 1-3 ms) a single pause, or a frame drawn on the same core, moved
 * one row's speedup between 1.3x and 7.7x from run to run while its forward count stayed put.
 */
export function typicalMsPerToken(events: readonly StepEvent[]): number {
  const { produced } = clockOf(events);
  const target: number[] = [];
  const draft: number[] = [];
  for (const e of events) {
    if (e.wall === undefined) continue;
    target.push(e.wall.targetMs);
    for (const ms of e.wall.draftMs) draft.push(ms);
  }
  if (produced === 0 || target.length === 0) return Number.NaN;
  return (target.length * median(target) + (draft.length > 0 ? draft.length * median(draft) : 0)) / produced;
}

/** Cumulative measured wall time after each step (index i = after i steps), ms. */
export function wallPrefix(events: readonly StepEvent[]): number[] {
  const out = [0];
  for (const e of events) out.push(out[out.length - 1] + (e.wall === undefined ? 0 : e.wall.targetMs + e.wall.draftMs.reduce((a, b) => a + b, 0)));
  return out;
}

/** What a run's verdicts teach: per-position acceptance, mean acceptance length, alpha. */
export interface AcceptanceLesson {
  /** Steps that carried a draft (vLLM's num_drafts). */
  readonly drafts: number;
  readonly drafted: number;
  readonly accepted: number;
  /** perPosition[i]: share of drafts with more than i tokens accepted (vLLM's per-position rate). */
  readonly perPosition: readonly Share[];
  /** 1 + accepted / drafts; NaN without drafts. */
  readonly meanAcceptanceLength: number;
  /** The i.i.d. acceptance rate that gives this mean length at this gamma (Leviathan). */
  readonly alpha: number;
  /** acceptedHist[a]: drafts with exactly a tokens accepted (length gamma + 1). */
  readonly acceptedHist: readonly number[];
}

/** Counts a trace's drafts and verdicts; positions beyond `gamma` are folded into the last. */
export function acceptanceLesson(events: readonly StepEvent[], gamma: number): AcceptanceLesson {
  const hist = new Array<number>(gamma + 1).fill(0);
  let drafts = 0;
  let drafted = 0;
  let accepted = 0;
  for (const e of events) {
    if (e.drafted.length === 0) continue;
    const a = e.verdicts.filter((v) => v === 'accepted').length;
    drafts++;
    drafted += e.drafted.length;
    accepted += a;
    hist[Math.min(a, gamma)]++;
  }
  const perPosition: Share[] = [];
  let tail = 0;
  for (let i = gamma - 1; i >= 0; i--) {
    tail += hist[i + 1];
    perPosition[i] = wilson(tail, drafts);
  }
  const meanAcceptanceLength = drafts > 0 ? 1 + accepted / drafts : Number.NaN;
  return {
    drafts,
    drafted,
    accepted,
    perPosition,
    meanAcceptanceLength,
    alpha: drafts > 0 ? alphaFromMeanLength(meanAcceptanceLength, gamma) : Number.NaN,
    acceptedHist: hist,
  };
}

/** The run's vLLM `SpecDecoding metrics:` line, throughputs over its measured wall time. */
export function measuredVllmLine(events: readonly StepEvent[], gamma: number): string | null {
  const lesson = acceptanceLesson(events, gamma);
  if (lesson.drafts === 0) return null;
  const elapsedS = clockOf(events).wallMs / 1000;
  return formatVllmMetrics(
    metricsFromCounts({ numDrafts: lesson.drafts, accepted: lesson.accepted, drafted: lesson.drafted, acceptedHist: lesson.acceptedHist, elapsedS }),
  );
}

/** The measured race against autoregressive decoding, and the cost model's prediction. */
export interface MeasuredSpeedup {
  /** ms per produced token, speculative and autoregressive. */
  readonly specMsPerToken: number;
  readonly arMsPerToken: number;
  /** arMsPerToken / specMsPerToken. */
  readonly measured: number;
  /** Mean draft forward over mean autoregressive target forward (Leviathan's c), measured. */
  readonly c: number;
  /** Extra verify cost per checked draft token, as a fraction of a target forward, measured (>= 0). */
  readonly v: number;
  readonly alpha: number;
  /** Leviathan's prediction with c measured: expectedSpeedup(alpha, gamma, c) (verification free). */
  readonly predicted: number;
  /** The same with the measured verify cost: expectedSpeedup(alpha, gamma, c, v); this accounts for
   * nearly all the measured time, so the gap to `predicted` is what verifying gamma tokens costs. */
  readonly predictedWithV: number;
  readonly optimal: { gamma: number; speedup: number };
}

/**
 * Compares a speculative trace with an autoregressive trace of the same target, device, prompt
 * and length. Per-token rates make runs that stop at different lengths comparable. Returns null
 * until both have measured time.
 */
export function measuredSpeedup(spec: readonly StepEvent[], ar: readonly StepEvent[], gamma: number): MeasuredSpeedup | null {
  const s = clockOf(spec);
  const a = clockOf(ar);
  if (s.produced === 0 || a.produced === 0 || s.wallMs <= 0 || a.targetMs <= 0) return null;
  const arForward = a.targetMs / a.targetForwards;
  const c = s.draftForwards > 0 ? s.draftMs / s.draftForwards / arForward : 0;
  // Verify forwards over 1 + k tokens cost more than one-token forwards; the excess per checked
  // draft, in target forwards, is the cost model's v.
  let extraMs = 0;
  let checked = 0;
  for (const e of spec) {
    if (e.wall === undefined || e.drafted.length === 0) continue;
    extraMs += e.wall.targetMs - arForward;
    checked += e.drafted.length;
  }
  const v = checked > 0 ? Math.min(10, Math.max(0, extraMs / checked / arForward)) : 0;
  const lesson = acceptanceLesson(spec, gamma);
  const alpha = Number.isFinite(lesson.alpha) ? lesson.alpha : 0;
  const specMsPerToken = s.wallMs / s.produced;
  const arMsPerToken = a.targetMs / a.produced;
  return {
    specMsPerToken,
    arMsPerToken,
    measured: arMsPerToken / specMsPerToken,
    c,
    v,
    alpha,
    predicted: expectedSpeedup(alpha, gamma, c),
    predictedWithV: expectedSpeedup(alpha, gamma, c, v),
    optimal: optimalGamma(alpha, c, v),
  };
}
