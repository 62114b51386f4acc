import type { SimParams } from './params';
import { generatedTokens, runGeneration } from './run';
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

/**
 * Draws `samples` generations of exactly `length` tokens (longer ones truncated; shorter only
 * at end of text) from the same prompt and the same world (the one of seed `${seed}`), run i
 * drawing its random streams from seed `${seed}/${i}`; counts each sequence,
 * most frequent first.
 */
export function sampleSequences(prepared: PreparedWorld, params: Readonly<SimParams>, samples: number, length: number): SampleResult {
  const counts = new Map<string, SequenceCount>();
  let drafted = 0;
  let accepted = 0;
  let rejections = 0;
  const p = { ...params, length };
  for (let i = 0; i < samples; i++) {
    const r = runGeneration(prepared, p, `${params.seed}/${i}`, false, `${params.seed}`);
    const tokens = generatedTokens(r).slice(0, length);
    drafted += r.state.drafted;
    accepted += r.state.accepted;
    rejections += r.state.rejections;
    const key = JSON.stringify(tokens);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { tokens, count: 1 });
  }
  const sequences = [...counts.values()].sort((a, b) => b.count - a.count || (JSON.stringify(a.tokens) < JSON.stringify(b.tokens) ? -1 : 1));
  return { sequences, drafted, accepted, rejections };
}
