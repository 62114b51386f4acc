import type { SimState } from './step';

/** Display figures of a run so far, derived from its state (never stored twice). */
export interface RunSummary {
  tokens: number;
  passes: number;
  drafted: number;
  accepted: number;
  /** accepted / drafted; NaN before anything was drafted. */
  acceptanceRate: number;
  /** Emitted tokens per target pass. */
  tokensPerStep: number;
  /** vLLM's mean acceptance length, 1 + accepted / drafts. */
  meanAcceptanceLength: number;
  /** Modelled time, ms. */
  timeMs: number;
  /** Autoregressive time of the same tokens: one target pass each, ms. */
  autoregressiveMs: number;
  speedup: number;
}

/** Summarises a state under a target pass time of `targetMs` ms. */
export function summarize(s: Pick<SimState, 'len' | 'promptLen' | 'passes' | 'drafted' | 'accepted' | 'drafts' | 'timeMs'>, targetMs: number): RunSummary {
  const tokens = s.len - s.promptLen;
  const autoregressiveMs = tokens * targetMs;
  return {
    tokens,
    passes: s.passes,
    drafted: s.drafted,
    accepted: s.accepted,
    acceptanceRate: s.drafted > 0 ? s.accepted / s.drafted : Number.NaN,
    tokensPerStep: s.passes > 0 ? tokens / s.passes : Number.NaN,
    meanAcceptanceLength: s.drafts > 0 ? 1 + s.accepted / s.drafts : Number.NaN,
    timeMs: s.timeMs,
    autoregressiveMs,
    speedup: s.timeMs > 0 ? autoregressiveMs / s.timeMs : Number.NaN,
  };
}
