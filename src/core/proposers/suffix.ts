import type { Proposal, Proposer, TokenId } from '../types';
import { LOOKUP_MS_PER_TOKEN } from './ngramLookup';
import { type SuffixCandidate, SuffixTrie, speculateFromTrie } from './suffixTree';

/** vLLM's suffix decoding settings (vllm/config/speculative.py defaults). */
export interface SuffixSettings {
  maxDepth: number;
  specFactor: number;
  minTokenProb: number;
  /** suffix_decoding_max_cached_requests: earlier responses kept, oldest dropped first. */
  maxCachedRequests: number;
}

export const SUFFIX_DEFAULTS: SuffixSettings = { maxDepth: 24, specFactor: 1, minTokenProb: 0.1, maxCachedRequests: 10000 };

/** The global cache: one trie over earlier responses (FIFO-bounded), shared by runs. */
export function globalSuffixTrie(history: readonly (readonly TokenId[])[], s: SuffixSettings): SuffixTrie {
  const trie = new SuffixTrie(s.maxDepth);
  for (const h of history.slice(-s.maxCachedRequests)) {
    // Each response is its own sequence: suffixes must not run across responses.
    const fresh = new SuffixTrie(s.maxDepth);
    fresh.extend(h);
    mergeInto(trie.root, fresh.root);
  }
  return trie;
}

function mergeInto(into: SuffixTrie['root'], from: SuffixTrie['root']): void {
  into.count += from.count;
  for (const [t, child] of from.children) {
    let mine = into.children.get(t);
    if (mine === undefined) {
      mine = { count: 0, children: new Map() };
      into.children.set(t, mine);
    }
    mergeInto(mine, child);
  }
}

/**
 * SuffixDecoding (vLLM method "suffix"): a local trie over this request's prompt and output,
 * grown as tokens are accepted, and the global trie of earlier responses; the better-scoring
 * path is proposed (it may be shorter than gamma, or empty). q is a point mass.
 */
export function suffixProposer(s: SuffixSettings, global: SuffixTrie | null, targetMs: number): Proposer {
  let local = new SuffixTrie(s.maxDepth);
  let followed: readonly TokenId[] | null = null;
  return {
    method: 'suffix',
    propose(ctx, len, gamma): Proposal {
      if (ctx !== followed || len < local.length) {
        local = new SuffixTrie(s.maxDepth);
        followed = ctx;
      }
      local.extend(ctx, local.length, len);
      const cands = [
        speculateFromTrie(local, ctx, len, gamma, s.specFactor, s.minTokenProb, 'local'),
        global ? speculateFromTrie(global, ctx, len, gamma, s.specFactor, s.minTokenProb, 'global') : null,
      ].filter((c): c is SuffixCandidate => c !== null);
      cands.sort((a, b) => b.score - a.score || b.matchLen - a.matchLen);
      const best = cands[0] ?? null;
      const tokens = best ? best.tokens : [];
      const buf = ctx as TokenId[];
      for (let i = 0; i < tokens.length; i++) buf[len + i] = tokens[i];
      return {
        tokens,
        q: tokens.map(() => null),
        draftCost: (tokens.length * LOOKUP_MS_PER_TOKEN) / targetMs,
        info: {
          suffix: best
            ? { matchLen: best.matchLen, probs: best.probs, counts: best.counts, score: best.score, source: best.source, start: len - best.matchLen }
            : null,
        },
      };
    },
  };
}
