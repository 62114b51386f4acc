import type { SimState } from './step';

/** Display figures of a run so far, derived from its state (never stored twice). */
export interface RunSummary {
  tokens: number;
  passes: number;
  drafted: number;
  accepted: number;
  /** accepted / drafted; NaN before anything was drafted. */
  acceptanceRate: number;
  /** Produced tokens (output, plus end-of-text) per target pass. */
  tokensPerStep: number;
  /** vLLM's mean acceptance length, 1 + accepted / drafts. */
  meanAcceptanceLength: number;
  /** Modelled time, ms. */
  timeMs: number;
  /** Autoregressive time of the same tokens (and end-of-text): one target pass each, ms. */
  autoregressiveMs: number;
  speedup: number;
}

/** Summarises a state under a target pass time of `targetMs` ms. */
export function summarize(
  s: Pick<SimState, 'len' | 'promptLen' | 'passes' | 'drafted' | 'accepted' | 'drafts' | 'timeMs' | 'eos'>,
  targetMs: number,
): RunSummary {
  const tokens = s.len - s.promptLen;
  // End-of-text is produced like any token (one autoregressive pass) though it is not output.
  const produced = tokens + s.eos;
  const autoregressiveMs = produced * targetMs;
  return {
    tokens,
    passes: s.passes,
    drafted: s.drafted,
    accepted: s.accepted,
    acceptanceRate: s.drafted > 0 ? s.accepted / s.drafted : Number.NaN,
    tokensPerStep: s.passes > 0 ? produced / s.passes : Number.NaN,
    meanAcceptanceLength: s.drafts > 0 ? 1 + s.accepted / s.drafts : Number.NaN,
    timeMs: s.timeMs,
    autoregressiveMs,
    speedup: s.timeMs > 0 ? autoregressiveMs / s.timeMs : Number.NaN,
  };
}
