import type { SimParams } from './params';
import { generatedTokens, runGeneration } from './run';
import type { SimState } from './step';
import type { PreparedWorld } from './worlds';

/** A distinct generated sequence and how many samples produced it. */
export interface SequenceCount {
  tokens: string[];
  count: number;
}

/** What `samples` generations produced, and how much speculation happened on the way. */
export interface SampleResult {
  sequences: SequenceCount[];
  drafted: number;
  accepted: number;
  /** Steps that rejected a drafted token. */
  rejections: number;
}

/** Counts generated sequences and the speculation behind them, run by run. */
export class SequenceTally {
  private readonly counts = new Map<string, SequenceCount>();
  private drafted = 0;
  private accepted = 0;
  private rejections = 0;

  /** Counts one run's generated tokens (already cut to the sample length) and its counters. */
  add(tokens: string[], state: Pick<SimState, 'drafted' | 'accepted' | 'rejections'>): void {
    this.drafted += state.drafted;
    this.accepted += state.accepted;
    this.rejections += state.rejections;
    const key = JSON.stringify(tokens);
    const c = this.counts.get(key);
    if (c) c.count++;
    else this.counts.set(key, { tokens, count: 1 });
  }

  /** Distinct sequences, most frequent first (ties in a fixed order). */
  result(): SampleResult {
    const sequences = [...this.counts.values()].sort((a, b) => b.count - a.count || (JSON.stringify(a.tokens) < JSON.stringify(b.tokens) ? -1 : 1));
    return { sequences, drafted: this.drafted, accepted: this.accepted, rejections: this.rejections };
  }
}

/**
 * Draws `samples` generations of exactly `length` tokens (longer ones truncated; shorter only
 * at end of text) from the same prompt and the same world (the one of seed `${seed}`), run i
 * drawing its random streams from seed `${seed}/${i}`; counts each sequence,
 * most frequent first.
 */
export function sampleSequences(prepared: PreparedWorld, params: Readonly<SimParams>, samples: number, length: number): SampleResult {
  const tally = new SequenceTally();
  const p = { ...params, length };
  for (let i = 0; i < samples; i++) {
    const r = runGeneration(prepared, p, `${params.seed}/${i}`, false, `${params.seed}`);
    tally.add(generatedTokens(r).slice(0, length), r.state);
  }
  return tally.result();
}
