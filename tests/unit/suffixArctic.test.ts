import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { globalSuffixTrie, SUFFIX_DEFAULTS, type SuffixSettings, suffixProposer } from '../../src/core/proposers/suffix';
import { SuffixTrie, speculateFromTrie } from '../../src/core/proposers/suffixTree';

/**
 * ArcticInference's SuffixDecodingCache.speculate, rebuilt from scratch for every call
 * (snowflakedb/ArcticInference arctic_inference/suffix_decoding/cache.py):
 * - the local tree holds this request's prompt and its response so far;
 * - add_active_response also appends the response to the global tree, as its own sequence
 *   beside the earlier responses;
 * - the local tree's result stands unless the global one scores strictly higher.
 */
function oracle(history: number[][], prompt: number[], response: number[], gamma: number, s: SuffixSettings): number[] {
  const ctx = [...prompt, ...response];
  const local = new SuffixTrie(s.maxDepth);
  local.extend(ctx);
  const global = globalSuffixTrie([...history, response], s);
  const l = speculateFromTrie(local, ctx, ctx.length, gamma, s.specFactor, s.minTokenProb, 'local');
  const g = speculateFromTrie(global, ctx, ctx.length, gamma, s.specFactor, s.minTokenProb, 'global');
  return g !== null && g.score > (l?.score ?? 0) ? g.tokens : (l?.tokens ?? []);
}

const seq = (max: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: max });

describe('suffix decoding (ArcticInference)', () => {
  test('suffixProposer - matches a from-scratch oracle of SuffixDecodingCache.speculate at every step (property)', () => {
    fc.assert(
      fc.property(
        fc.array(seq(12), { maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        seq(24),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 3, max: 8 }),
        fc.constantFrom(0.5, 1, 2),
        fc.constantFrom(0, 0.1, 0.3),
        (history, prompt, response, gamma, maxDepth, specFactor, minTokenProb) => {
          const s: SuffixSettings = { ...SUFFIX_DEFAULTS, maxDepth, specFactor, minTokenProb };
          const proposer = suffixProposer(s, globalSuffixTrie(history, s), 30, prompt.length);
          const buf = [...prompt, ...response];
          for (let k = 0; k <= response.length; k++) {
            const ctx = buf.slice();
            const got = proposer.propose(ctx, prompt.length + k, gamma, { next: () => 0 }).tokens;
            expect(got, `step ${k}`).toEqual(oracle(history, prompt, response.slice(0, k), gamma, s));
            // The proposer wrote its drafts after len: restore the true continuation.
            for (let i = 0; i < buf.length; i++) ctx[i] = buf[i];
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  test('suffixProposer - on a score tie the local tree wins, even against a longer global match', () => {
    const s: SuffixSettings = { ...SUFFIX_DEFAULTS, maxDepth: 8, specFactor: 1, minTokenProb: 0 };
    // Local [0 3 0]: "0" occurs twice, once followed by 3: proposes [3] with score 1/2.
    // Global [3 0 1], [3 0 2]: "3 0" occurs twice, followed by 1 or 2 (tie to the lower id):
    // proposes [1] with score 1/2 from a longer match. Arctic keeps local unless global > local.
    const proposer = suffixProposer(
      s,
      globalSuffixTrie(
        [
          [3, 0, 1],
          [3, 0, 2],
        ],
        s,
      ),
      30,
      3,
    );
    const got = proposer.propose([0, 3, 0], 3, 2, { next: () => 0 });
    expect(got.tokens).toEqual([3]);
    expect(got.info?.suffix).toMatchObject({ source: 'local', score: 0.5, matchLen: 1 });
  });
});
