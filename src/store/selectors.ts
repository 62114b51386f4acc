import { type RunSummary, type StepEvent, summarize, tokenizerFor } from '../core';
import type { WorldInfo } from '../worker/protocol';

/** Cumulative counters after each step (index i = after i steps), computed once per trace. */
export interface Prefix {
  tokens: number[];
  /** End-of-text tokens produced (0 or 1 by the end). */
  eos: number[];
  passes: number[];
  drafted: number[];
  accepted: number[];
  drafts: number[];
  timeMs: number[];
}

/** Prefix sums over a trace, so any cursor's counters cost O(1). */
export function prefixOf(events: readonly StepEvent[]): Prefix {
  const p: Prefix = { tokens: [0], eos: [0], passes: [0], drafted: [0], accepted: [0], drafts: [0], timeMs: [0] };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const acc = e.verdicts.filter((v) => v === 'accepted').length;
    p.tokens.push(p.tokens[i] + e.emitted.length);
    p.eos.push(p.eos[i] + (e.endOfText ? 1 : 0));
    p.passes.push(i + 1);
    p.drafted.push(p.drafted[i] + e.drafted.length);
    p.accepted.push(p.accepted[i] + acc);
    p.drafts.push(p.drafts[i] + (e.drafted.length > 0 ? 1 : 0));
    p.timeMs.push(p.timeMs[i] + e.timeMs);
  }
  return p;
}

/** The run's figures after `cursor` steps (derived, never stored). */
export function summaryAt(prefix: Prefix, cursor: number, targetMs: number): RunSummary {
  const c = Math.min(cursor, prefix.passes.length - 1);
  return summarize(
    {
      len: prefix.tokens[c],
      promptLen: 0,
      passes: prefix.passes[c],
      drafted: prefix.drafted[c],
      accepted: prefix.accepted[c],
      drafts: prefix.drafts[c],
      timeMs: prefix.timeMs[c],
      eos: prefix.eos[c],
    },
    targetMs,
  );
}

/** A token id as display text (paragraph breaks shown as a pilcrow). */
export function tokenText(world: WorldInfo | null, t: number): string {
  const s = world?.vocab[t] ?? '?';
  return s.replace(/\n/g, '¶');
}

/** One token on its own (inspector rows): as tokenText, with a lone space and a piece's leading
 * or trailing spaces shown as ␣, which a table cell would otherwise swallow. */
export function pieceText(world: WorldInfo | null, t: number): string {
  return tokenText(world, t).replace(/^ +| +$/g, (m) => '␣'.repeat(m.length));
}

/** The emitted text after `cursor` steps, joined as the world's tokeniser joins it. */
export function textAt(world: WorldInfo | null, events: readonly StepEvent[], cursor: number): string {
  if (world === null) return '';
  const tokens = events.slice(0, cursor).flatMap((e) => e.emitted.map((t) => world.vocab[t]));
  return tokenizerFor(world.tokenizer).join(tokens);
}

/**
 * The last `k` emitted token ids before token number `n` of the run (`prefixTokens` from
 * prefixOf): walks back from the step that holds token n, so it costs O(k + log steps), not the
 * whole trace.
 */
export function tokensBefore(events: readonly StepEvent[], prefixTokens: readonly number[], n: number, k: number): number[] {
  let lo = 0;
  let hi = prefixTokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefixTokens[mid] >= n) hi = mid;
    else lo = mid + 1;
  }
  const out: number[] = [];
  for (let s = lo - 1; s >= 0 && out.length < k; s--) {
    const e = events[s];
    for (let i = e.emitted.length - 1; i >= 0 && out.length < k; i--) if (prefixTokens[s] + i < n) out.push(e.emitted[i]);
  }
  return out.reverse();
}
