import { methodTheory, type TheoryAbsence } from './methodTheory';
import type { SimParams } from './params';
import { finalState } from './run';
import { RatioStat } from './stats';
import { MAX_GAMMA, type SimState } from './step';
import { expectedAcceptanceRate, expectedSpeedup, expectedTokensPerStep } from './theory';
import type { PreparedWorld } from './worlds';

/** One gamma's measurements over all trials, with the theory at the measured alpha. */
export interface SweepPoint {
  gamma: number;
  trials: number;
  /** Target passes over all trials. */
  steps: number;
  drafted: number;
  accepted: number;
  /** Passes that proposed at least one token. */
  drafts: number;
  /** accepted / drafted (vLLM's draft acceptance rate). */
  acceptanceRate: number;
  acceptanceRateStderr: number;
  /** Emitted tokens / target passes. */
  tokensPerStep: number;
  tokensPerStepStderr: number;
  /** 1 + accepted / drafts (vLLM's mean acceptance length). */
  meanAcceptanceLength: number;
  /** Mean of sum min(p, q) over verified drafted positions (p(x) for a point-mass draft). For a
   * tree: the mean conditional acceptance of the siblings tried, each given the ones before failed. */
  alpha: number;
  /** Verified drafted positions (up to and including each step's first rejection). */
  verified: number;
  /** Leviathan's chain theory at the measured alpha: null where it does not describe the
   * method (theoryAbsent says why). */
  theoryTokensPerStep: number | null;
  theoryAcceptanceRate: number | null;
  /** Autoregressive time for the same tokens / speculative time (modelled clock). */
  speedup: number;
  speedupStderr: number;
  /** E / (1 + g c + g v) with the c the method is charged; null where absent. */
  theorySpeedup: number | null;
  /** Why there is no theory for this method (null: there is). */
  theoryAbsent: TheoryAbsence | null;
  /** perPosition[i]: share of drafts with more than i tokens accepted. */
  perPosition: number[];
  /** acceptedHist[i]: steps with exactly i tokens accepted. */
  acceptedHist: number[];
}

/** Trial t of a sweep point (params carry its gamma): a whole generation from seed `${seed}/${t}`,
 * its final state. */
function sweepTrial(prepared: PreparedWorld, params: Readonly<SimParams>, t: number): SimState {
  const seed = `${params.seed}/${t}`;
  return finalState(prepared.at(seed), params, seed);
}

/** Accumulates trials of one gamma; trials can be added in chunks (for streamed progress). */
export class SweepAccumulator {
  private tps = new RatioStat();
  private rate = new RatioStat();
  private speed = new RatioStat();
  private steps = 0;
  private drafted = 0;
  private accepted = 0;
  private drafts = 0;
  private overlapSum = 0;
  private overlapCount = 0;
  private hist = new Array<number>(MAX_GAMMA + 1).fill(0);
  private trials = 0;

  constructor(
    /** The simulated world runTrials draws from (null: trials are added with `add`). */
    private readonly prepared: PreparedWorld | null,
    private readonly params: Readonly<SimParams>,
  ) {}

  /** Runs trials [from, to) of this gamma. Trial t's seed is `${seed}/${t}` for every gamma
   * (common random numbers: the same trial sees the same world at every gamma). */
  runTrials(from: number, to: number): void {
    const p = this.params;
    const prepared = this.prepared;
    if (prepared === null) throw new Error('runTrials needs a simulated world');
    for (let t = from; t < to; t++) this.add(sweepTrial(prepared, p, t));
  }

  /** Counts one finished trial (a real-model run's final state comes in here too). */
  add(s: SimState): void {
    const p = this.params;
    // End-of-text counts as a produced token (it took a pass) though it is not output.
    const tokens = s.len - s.promptLen + s.eos;
    this.tps.add(tokens, s.passes);
    this.rate.add(s.accepted, s.drafted);
    // Autoregressive time of these tokens over speculative time: a ratio of sums too.
    this.speed.add(tokens * p.targetMs, s.timeMs);
    this.steps += s.passes;
    this.drafted += s.drafted;
    this.accepted += s.accepted;
    this.drafts += s.drafts;
    this.overlapSum += s.overlapSum;
    this.overlapCount += s.overlapCount;
    for (let i = 0; i < this.hist.length; i++) this.hist[i] += s.acceptedHist[i];
    this.trials++;
  }

  /** The point so far. */
  point(): SweepPoint {
    const { gamma, verifyCost } = this.params;
    const theory = methodTheory(this.params);
    const alpha = this.overlapCount > 0 ? this.overlapSum / this.overlapCount : Number.NaN;
    const hist = this.hist.slice(0, gamma + 1);
    const perPosition: number[] = [];
    let atLeast = this.drafts;
    for (let i = 0; i < gamma; i++) {
      atLeast -= hist[i];
      perPosition.push(this.drafts > 0 ? atLeast / this.drafts : Number.NaN);
    }
    return {
      gamma,
      trials: this.trials,
      steps: this.steps,
      drafted: this.drafted,
      accepted: this.accepted,
      drafts: this.drafts,
      acceptanceRate: this.rate.ratio,
      acceptanceRateStderr: this.rate.stderr,
      tokensPerStep: this.tps.ratio,
      tokensPerStepStderr: this.tps.stderr,
      meanAcceptanceLength: this.drafts > 0 ? 1 + this.accepted / this.drafts : Number.NaN,
      alpha,
      verified: this.overlapCount,
      theoryTokensPerStep: theory.applies ? expectedTokensPerStep(alpha, gamma) : null,
      theoryAcceptanceRate: theory.applies ? expectedAcceptanceRate(alpha, gamma) : null,
      speedup: this.speed.ratio,
      speedupStderr: this.speed.stderr,
      theorySpeedup: theory.applies ? expectedSpeedup(alpha, gamma, theory.c, verifyCost) : null,
      theoryAbsent: theory.applies ? null : theory.reason,
      perPosition,
      acceptedHist: hist,
    };
  }
}

/** Measures one gamma over `trials` runs of `params.length` tokens each. */
export function sweepPoint(prepared: PreparedWorld, params: Readonly<SimParams>, gamma: number, trials: number): SweepPoint {
  const acc = new SweepAccumulator(prepared, { ...params, gamma });
  acc.runTrials(0, trials);
  return acc.point();
}

/** Progress of a streamed sweep: the points finished, and the accumulator of the current
 * gamma (its point() is the partial result; built only by a consumer that wants it). */
export interface SweepProgress {
  done: number;
  total: number;
  points: SweepPoint[];
  current: SweepAccumulator;
}

/**
 * Measures every gamma in `gammas`, yielding progress after each trial so a driver (the
 * worker) can post it and stop between trials; returns the points.
 */
export function* sweepSteps(
  prepared: PreparedWorld,
  params: Readonly<SimParams>,
  gammas: readonly number[],
  trials: number,
): Generator<SweepProgress, SweepPoint[]> {
  const points: SweepPoint[] = [];
  const total = gammas.length * trials;
  let done = 0;
  for (const gamma of gammas) {
    const acc = new SweepAccumulator(prepared, { ...params, gamma });
    for (let t = 0; t < trials; t++) {
      acc.runTrials(t, t + 1);
      done++;
      yield { done, total, points, current: acc };
    }
    points.push(acc.point());
  }
  return points;
}

/** Measures every gamma in `gammas`. */
export function sweep(prepared: PreparedWorld, params: Readonly<SimParams>, gammas: readonly number[], trials: number): SweepPoint[] {
  return gammas.map((g) => sweepPoint(prepared, params, g, trials));
}
