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

/** What a suffix proposal says about itself (a step event's `info.suffix`; null: no match):
 * the path found, its counts and probabilities, the tree it came from and where the matched
 * context suffix starts. */
export type SuffixInfo = Omit<SuffixCandidate, 'tokens'> & { start: number };

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
 * SuffixDecoding (vLLM method "suffix", ArcticInference's SuffixDecodingCache): a local trie over
 * this request's prompt and output, and the global tree: the earlier responses plus this
 * request's own response so far, each its own sequence (add_active_response appends to both
 * trees). The local result stands unless the global one scores strictly higher
 * (snowflakedb/ArcticInference arctic_inference/suffix_decoding/cache.py, speculate). The
 * proposal may be shorter than gamma, or empty. q is a point mass.
 * `global` is the shared trie of earlier responses (null: none); it is never written to, the
 * response lives in a trie of its own read together with it.
 */
export function suffixProposer(s: SuffixSettings, global: SuffixTrie | null, targetMs: number, promptLen = 0): Proposer {
  let local = new SuffixTrie(s.maxDepth);
  let response = new SuffixTrie(s.maxDepth);
  let followed: readonly TokenId[] | null = null;
  // max_cached_requests = 0 disables the global tree, the current response included.
  const globalOn = s.maxCachedRequests !== 0;
  return {
    method: 'suffix',
    propose(ctx, len, gamma): Proposal {
      if (ctx !== followed || len < local.length) {
        local = new SuffixTrie(s.maxDepth);
        response = new SuffixTrie(s.maxDepth);
        followed = ctx;
      }
      local.extend(ctx, local.length, len);
      response.extend(ctx, promptLen + response.length, len);
      const localBest = speculateFromTrie(local, ctx, len, gamma, s.specFactor, s.minTokenProb, 'local');
      const tries = global === null ? [response] : [global, response];
      const globalBest = globalOn ? speculateFromTrie(tries, ctx, len, gamma, s.specFactor, s.minTokenProb, 'global') : null;
      // Ties keep the local result, whatever the match lengths.
      const best: SuffixCandidate | null = globalBest !== null && globalBest.score > (localBest?.score ?? 0) ? globalBest : localBest;
      const tokens = best ? best.tokens : [];
      const buf = ctx as TokenId[];
      for (let i = 0; i < tokens.length; i++) buf[len + i] = tokens[i];
      return {
        tokens,
        q: tokens.map(() => null),
        draftCost: (tokens.length * LOOKUP_MS_PER_TOKEN) / targetMs,
        info: {
          suffix: best
            ? ({
                matchLen: best.matchLen,
                probs: best.probs,
                counts: best.counts,
                score: best.score,
                source: best.source,
                start: len - best.matchLen,
              } satisfies SuffixInfo)
            : null,
        },
      };
    },
  };
}
