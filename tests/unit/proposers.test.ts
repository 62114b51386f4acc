import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, prepareWorld, sweepPoint } from '../../src/core';
import { NgramIndex, ngramLookupNaive, resolveLookup } from '../../src/core/proposers/ngramLookup';
import { SuffixTrie, speculateFromTrie } from '../../src/core/proposers/suffixTree';
import { params } from './helpers';

const lookup = (ctx: number[], min: number, max: number, k: number) => new NgramIndex(min, max).lookup(ctx, ctx.length, k).proposal;

describe('ngram lookup', () => {
  test('NgramIndex - vLLM known answers', () => {
    expect(lookup([1, 2, 3, 4, 2, 3], 2, 3, 4)).toEqual([4, 2, 3]);
    expect(lookup([1, 1, 1, 1], 2, 3, 4)).toEqual([1]);
  });

  test('NgramIndex - the longest n wins over an earlier shorter match', () => {
    // [7,8] occurs at 0 (short); [6,7,8] at 3 (long): the longer match is used.
    expect(lookup([7, 8, 1, 6, 7, 8, 2, 9, 6, 7, 8], 2, 3, 2)).toEqual([2, 9]);
  });

  test('NgramIndex - ties go to the earliest occurrence', () => {
    expect(lookup([5, 6, 1, 5, 6, 2, 5, 6], 2, 2, 1)).toEqual([1]);
  });

  test('NgramIndex - overlapping matches and a match at the very start', () => {
    expect(lookup([3, 3, 3], 2, 2, 3)).toEqual([3]);
    expect(lookup([4, 5, 9, 4, 5], 2, 2, 3)).toEqual([9, 4, 5]);
  });

  test('NgramIndex - the proposal is cut by the end of the context; no match gives nothing', () => {
    expect(lookup([1, 2, 9, 1, 2], 2, 2, 10)).toEqual([9, 1, 2]);
    expect(lookup([1, 2, 3, 4, 5], 2, 3, 4)).toEqual([]);
    expect(lookup([1], 1, 1, 4)).toEqual([]);
  });

  test('resolveLookup - vLLM defaulting: both unset = 5, one set copies to the other', () => {
    expect(resolveLookup(0, 0)).toEqual({ min: 5, max: 5 });
    expect(resolveLookup(0, 4)).toEqual({ min: 4, max: 4 });
    expect(resolveLookup(2, 0)).toEqual({ min: 2, max: 2 });
    expect(resolveLookup(2, 3)).toEqual({ min: 2, max: 3 });
  });

  test('NgramIndex - agrees with the naive scan, also when used incrementally (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 8 }),
        (seq, min, extra, k) => {
          const max = min + extra;
          const index = new NgramIndex(min, max);
          for (let len = 1; len <= seq.length; len++) expect(index.lookup(seq, len, k)).toEqual(ngramLookupNaive(seq, len, min, max, k));
        },
      ),
      { numRuns: 400, seed: 3 },
    );
  });
});

describe('suffix decoding', () => {
  test('SuffixTrie - counts every substring up to the depth', () => {
    const t = new SuffixTrie(3);
    t.extend([1, 2, 1, 2, 1]);
    expect(t.find([1, 2], 0, 2)?.count).toBe(2);
    expect(t.find([2, 1], 0, 2)?.count).toBe(2);
    expect(t.find([1], 0, 1)?.count).toBe(3);
    expect(t.find([1, 2, 1, 2], 0, 4)).toBeNull(); // deeper than 3
  });

  test('speculateFromTrie - running probabilities are count(child)/count(node) products, stopping under min prob', () => {
    const t = new SuffixTrie(8);
    const ctx = [5, 1, 2, 3, 5, 1, 2, 4, 5, 1, 2, 3, 5, 1];
    t.extend(ctx);
    const c = speculateFromTrie(t, ctx, ctx.length, 6, 1, 0.1, 'local');
    expect(c).not.toBeNull();
    // Every proposal continues an earlier occurrence of the matched suffix.
    const seen = (suffix: number[], cont: number[]) => {
      const want = [...suffix, ...cont];
      for (let i = 0; i + want.length <= ctx.length; i++) if (want.every((x, j) => ctx[i + j] === x)) return true;
      return false;
    };
    const cand = c as NonNullable<typeof c>;
    expect(seen(ctx.slice(ctx.length - cand.matchLen), cand.tokens)).toBe(true);
    for (let i = 1; i < cand.probs.length; i++) expect(cand.probs[i]).toBeLessThanOrEqual(cand.probs[i - 1]);
    expect(cand.probs.every((p) => p >= 0.1)).toBe(true);
    expect(cand.score).toBeCloseTo(
      cand.probs.reduce((a, b) => a + b, 0),
      12,
    );
    // A higher minimum probability stops earlier; the spec factor caps the length by the match.
    const strict = speculateFromTrie(t, ctx, ctx.length, 6, 1, 0.6, 'local');
    expect((strict?.tokens.length ?? 0) <= cand.tokens.length).toBe(true);
    const capped = speculateFromTrie(t, ctx, ctx.length, 6, 0.5, 0.0, 'local');
    expect(capped?.tokens.length ?? 0).toBeLessThanOrEqual(Math.floor((capped?.matchLen ?? 0) * 0.5));
  });

  test('speculateFromTrie - exact probabilities on a small case', () => {
    const t = new SuffixTrie(4);
    const ctx = [1, 2, 1, 3, 1];
    t.extend(ctx);
    // Suffix [1] occurs 3 times (count 3); children 2 (1) and 3 (1): best = 2 (lower id), p = 1/3.
    const c = speculateFromTrie(t, ctx, ctx.length, 4, 1, 0.0, 'local');
    expect(c?.matchLen).toBe(1);
    expect(c?.tokens).toEqual([2]);
    expect(c?.probs[0]).toBeCloseTo(1 / 3, 12);
  });

  test('sweepPoint - in the multi-turn chat scenario suffix decoding beats n-gram lookup on tokens per step', () => {
    const p = params({ scenario: 'chat', temperature: 0, length: 40 });
    const prepared = prepareWorld(p);
    const suffix = sweepPoint(prepared, { ...p, method: 'suffix' }, 5, 3);
    const ngram = sweepPoint(prepared, { ...p, method: 'ngram' }, 5, 3);
    expect(suffix.tokensPerStep).toBeGreaterThan(ngram.tokensPerStep + 0.5);
  });

  test('sweepPoint - in the code-editing scenario lookup methods beat autoregressive decoding', () => {
    const p = params({ scenario: 'code', temperature: 0, length: 60, lookupMin: 2, lookupMax: 4 });
    const prepared = prepareWorld(p);
    expect(sweepPoint(prepared, { ...p, method: 'ngram' }, 5, 2).tokensPerStep).toBeGreaterThan(1.5);
    expect(DEFAULT_PARAMS.maxDepth).toBe(24);
  });
});
