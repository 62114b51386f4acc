import type { Proposal, Proposer, TokenId } from '../types';

/**
 * vLLM's prompt_lookup_min / prompt_lookup_max after its defaulting rules (0 = not set): both
 * unset is 5 and 5 (older vLLM; newer vLLM asks for one), one unset copies the other. min above
 * max throws, as vLLM raises (vllm/config/speculative.py): callers check `refusals` first.
 */
export function resolveLookup(min: number, max: number): { min: number; max: number } {
  if (min === 0 && max === 0) return { min: 5, max: 5 };
  if (min === 0) return { min: max, max };
  if (max === 0) return { min, max: min };
  if (min > max) throw new Error(`prompt_lookup_min=${min} must be <= prompt_lookup_max=${max}`);
  return { min, max };
}

/** Where a lookup matched: the suffix of length `n` also starts at `start`; the proposal was
 * copied from `from` on. Positions index the context (prompt + output). */
export interface LookupMatch {
  start: number;
  n: number;
  from: number;
}

/**
 * The reference semantics, by plain scanning (vLLM v1 ngram_proposer): the longest n in
 * [min, max] whose last-n tokens occur earlier in the context (overlaps allowed); among equally
 * long matches the EARLIEST occurrence; propose up to k following tokens, fewer if the context
 * ends first. O(L * n) per call: used as the oracle in tests.
 */
export function ngramLookupNaive(
  ctx: readonly TokenId[],
  len: number,
  min: number,
  max: number,
  k: number,
): { proposal: TokenId[]; match: LookupMatch | null } {
  for (let n = Math.min(max, len - 1); n >= min; n--) {
    for (let i = 0; i + n < len; i++) {
      let same = true;
      for (let j = 0; j < n && same; j++) same = ctx[i + j] === ctx[len - n + j];
      if (same) return { proposal: ctx.slice(i + n, Math.min(i + n + k, len)) as TokenId[], match: { start: i, n, from: i + n } };
    }
  }
  return { proposal: [], match: null };
}

/**
 * An incremental index of the earliest start of every n-gram (n in [min, max]) of an
 * append-only context, so each lookup costs O(max - min) instead of a rescan. It follows one
 * context array; a different array or a shorter length rebuilds it.
 */
export class NgramIndex {
  private first: Map<string, number>[] = [];
  private ctx: readonly TokenId[] | null = null;
  /** Context length covered: every n-gram starting before covered - n is indexed. */
  private covered = 0;

  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    for (let n = min; n <= max; n++) this.first.push(new Map());
  }

  private key(ctx: readonly TokenId[], i: number, n: number): string {
    let s = `${ctx[i]}`;
    for (let j = 1; j < n; j++) s += `,${ctx[i + j]}`;
    return s;
  }

  /** Brings the index to context length `len` (n-grams strictly before the suffix). */
  private sync(ctx: readonly TokenId[], len: number): void {
    if (ctx !== this.ctx || len < this.covered) {
      for (const m of this.first) m.clear();
      this.ctx = ctx;
      this.covered = 0;
    }
    // An n-gram starting at i counts as "earlier" for length L when i + n < L.
    for (let L = this.covered + 1; L <= len; L++)
      for (let n = this.min; n <= this.max; n++) {
        const i = L - 1 - n;
        if (i < 0) continue;
        const m = this.first[n - this.min];
        const key = this.key(ctx, i, n);
        if (!m.has(key)) m.set(key, i);
      }
    this.covered = len;
  }

  /** The same answer as ngramLookupNaive, from the index. */
  lookup(ctx: readonly TokenId[], len: number, k: number): { proposal: TokenId[]; match: LookupMatch | null } {
    this.sync(ctx, len);
    for (let n = Math.min(this.max, len - 1); n >= this.min; n--) {
      const i = this.first[n - this.min].get(this.key(ctx, len - n, n));
      if (i !== undefined) return { proposal: ctx.slice(i + n, Math.min(i + n + k, len)) as TokenId[], match: { start: i, n, from: i + n } };
    }
    return { proposal: [], match: null };
  }
}

/** Lookup cost per proposed token, ms (a CPU scan; small next to a target pass). */
export const LOOKUP_MS_PER_TOKEN = 0.02;

/** vLLM's "ngram" method: prompt lookup over prompt + output; q is a point mass. */
export function ngramProposer(lookupMin: number, lookupMax: number, targetMs: number): Proposer {
  const { min, max } = resolveLookup(lookupMin, lookupMax);
  const index = new NgramIndex(min, max);
  return {
    method: 'ngram',
    propose(ctx, len, gamma): Proposal {
      const { proposal, match } = index.lookup(ctx, len, gamma);
      const buf = ctx as TokenId[];
      for (let i = 0; i < proposal.length; i++) buf[len + i] = proposal[i];
      return {
        tokens: proposal,
        q: proposal.map(() => null),
        draftCost: (proposal.length * LOOKUP_MS_PER_TOKEN) / targetMs,
        info: match ? { lookup: match } : { lookup: null },
      };
    },
  };
}
