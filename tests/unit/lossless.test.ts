import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatedTokens, prepareWorld, runGeneration, type SimParams, sampleSequences } from '../../src/core';
import { chiSquareCritical, chiSquareGof } from '../../src/core/stats';
import { exactSequenceProbs, params, TEXTS } from './helpers';

/** z of the chi-square bound: a correct rule fails with probability about 1e-6 per test. */
const Z = 4.75;

function gof(p: SimParams, samples: number, length: number) {
  const prepared = prepareWorld(p, TEXTS);
  const s = sampleSequences(prepared, p, samples, length);
  const expected = exactSequenceProbs(prepared.at(`${p.seed}`), length);
  const observed = new Map(s.sequences.map((q) => [JSON.stringify(q.tokens), q.count]));
  const { stat, df } = chiSquareGof(observed, expected, samples);
  return { stat, df, critical: chiSquareCritical(df, Z), drafted: s.drafted, accepted: s.accepted, rejections: s.rejections };
}

describe('lossless', () => {
  test('step - greedy speculative output equals greedy autoregressive, token for token (property)', () => {
    const worlds = [
      prepareWorld(params({ world: 'synthetic', temperature: 0 }), TEXTS),
      prepareWorld(params({ world: 'ngram', corpus: 'en', temperature: 0 }), TEXTS),
      prepareWorld(params({ world: 'ngram', corpus: 'zh', temperature: 0, order: 5, draftOrder: 1 }), TEXTS),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.float({ min: Math.fround(0.3), max: Math.fround(0.95), noNaN: true }),
        (wi, gamma, seed, alpha) => {
          const base = params({
            ...[
              { world: 'synthetic' as const },
              { world: 'ngram' as const, corpus: 'en' as const },
              { world: 'ngram' as const, corpus: 'zh' as const, order: 5, draftOrder: 1 },
            ][wi],
            temperature: 0,
            seed,
            length: 40,
            alpha,
          });
          const prepared = wi === 0 ? prepareWorld(base, TEXTS) : worlds[wi];
          const ar = generatedTokens(runGeneration(prepared, { ...base, method: 'autoregressive' }));
          const spec = runGeneration(prepared, { ...base, method: 'draft', gamma });
          const out = generatedTokens(spec);
          // The last step may overshoot the length: compare on the common prefix, which is all of ar.
          expect(out.slice(0, ar.length)).toEqual(ar);
          expect(out.length).toBeGreaterThanOrEqual(40);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  test('step - greedy text does not depend on gamma', () => {
    const p = params({ world: 'ngram', corpus: 'en', temperature: 0, length: 30 });
    const prepared = prepareWorld(p, TEXTS);
    const texts = [1, 2, 5, 9, 16].map((g) =>
      generatedTokens(runGeneration(prepared, { ...p, gamma: g }))
        .slice(0, 30)
        .join(' '),
    );
    expect(new Set(texts).size).toBe(1);
  });

  // Speculative sampling: the distribution of 2-token sequences matches the target's exact one.
  test.each([
    ['synthetic T=1', params({ world: 'synthetic', temperature: 1, alpha: 0.6, vocab: 8, gamma: 3, seed: 3 })],
    ['synthetic T=0.7 top-p 0.9', params({ world: 'synthetic', temperature: 0.7, topP: 0.9, alpha: 0.5, vocab: 12, gamma: 4, seed: 5 })],
    ['ngram seed corpus', params({ world: 'ngram', corpus: 'seed', temperature: 1.5, order: 3, draftOrder: 1, gamma: 3, seed: 7 })],
    ['ngram en', params({ world: 'ngram', corpus: 'en', temperature: 1, order: 3, draftOrder: 1, gamma: 2, seed: 9, prompt: 'the draft model' })],
  ])('sampleSequences - speculative sampling matches the target (%s)', (_name, p) => {
    const r = gof(p, 20000, 2);
    // The test means something only if drafts were made and some were rejected.
    expect(r.drafted).toBeGreaterThan(10000);
    expect(r.accepted).toBeGreaterThan(1000);
    expect(r.rejections).toBeGreaterThan(1000);
    expect(r.stat).toBeLessThan(r.critical);
  });

  test('sampleSequences - autoregressive sampling matches the target too (the test itself is sound)', () => {
    const r = gof(params({ world: 'synthetic', method: 'autoregressive', temperature: 1, vocab: 8, seed: 3 }), 20000, 2);
    expect(r.stat).toBeLessThan(r.critical);
  });

  test.each([
    ['synthetic', params({ world: 'synthetic', temperature: 1, alpha: 0.6, vocab: 8, gamma: 3, seed: 3, acceptance: 'pgeq' })],
    ['ngram seed corpus', params({ world: 'ngram', corpus: 'seed', temperature: 1.5, order: 3, draftOrder: 1, gamma: 3, seed: 7, acceptance: 'pgeq' })],
  ])('sampleSequences - the same test FAILS with the wrong rule accept-iff-p>=q (%s)', (_name, p) => {
    const r = gof(p, 20000, 2);
    expect(r.rejections).toBeGreaterThan(100);
    expect(r.stat).toBeGreaterThan(r.critical);
  });

  // Every method keeps the target's distribution under speculative sampling, in a world where it
  // proposes and gets rejected.
  test.each([
    ['ngram lookup, code scenario', params({ scenario: 'code', method: 'ngram', lookupMin: 1, lookupMax: 2, temperature: 1.3, gamma: 3, seed: 2 })],
    ['suffix, chat scenario', params({ scenario: 'chat', method: 'suffix', temperature: 1.3, gamma: 4, seed: 4, prompt: 'to reset your password , open the' })],
    [
      'draft model, argmax drafts verified as point masses (vLLM), synthetic',
      params({ world: 'synthetic', draftSampling: 'argmax', alpha: 0.6, vocab: 8, temperature: 1, gamma: 3, seed: 18 }),
    ],
    [
      'medusa heads, synthetic',
      params({ world: 'synthetic', method: 'medusa', heads: 3, alpha: 0.7, headDecay: 0.8, vocab: 8, temperature: 1, gamma: 3, seed: 6 }),
    ],
    ['medusa heads, ngram seed corpus', params({ world: 'ngram', corpus: 'seed', method: 'medusa', heads: 2, temperature: 1.5, order: 3, gamma: 2, seed: 8 })],
    [
      'mtp modules, synthetic',
      params({ world: 'synthetic', method: 'mtp', heads: 3, alpha: 0.7, headDecay: 0.8, vocab: 8, temperature: 1, gamma: 3, seed: 6 }),
    ],
    ['mtp modules, ngram seed corpus', params({ world: 'ngram', corpus: 'seed', method: 'mtp', heads: 2, temperature: 1.5, order: 3, gamma: 2, seed: 8 })],
    ['tree, synthetic', params({ world: 'synthetic', method: 'tree', topk: 2, depth: 3, draftTokens: 6, alpha: 0.6, vocab: 8, temperature: 1, seed: 10 })],
    [
      'tree with sampled children, synthetic',
      params({ world: 'synthetic', method: 'tree', treeMode: 'sample', topk: 2, depth: 3, draftTokens: 8, alpha: 0.6, vocab: 8, temperature: 1, seed: 14 }),
    ],
    [
      'tree with sampled children, ngram seed corpus',
      params({
        world: 'ngram',
        corpus: 'seed',
        method: 'tree',
        treeMode: 'sample',
        topk: 3,
        depth: 2,
        draftTokens: 9,
        temperature: 1.5,
        order: 3,
        draftOrder: 1,
        seed: 16,
      }),
    ],
    [
      'tree, ngram seed corpus',
      params({ world: 'ngram', corpus: 'seed', method: 'tree', topk: 3, depth: 2, draftTokens: 6, temperature: 1.5, order: 3, draftOrder: 1, seed: 12 }),
    ],
  ])('sampleSequences - %s is lossless', (_name, p) => {
    const r = gof(p, 20000, 2);
    expect(r.drafted).toBeGreaterThan(5000);
    expect(r.accepted).toBeGreaterThan(500);
    expect(r.rejections).toBeGreaterThan(500);
    expect(r.stat).toBeLessThan(r.critical);
  });

  test('sampleSequences - Medusa typical acceptance is lossy: the same test fails', () => {
    const r = gof(
      params({ world: 'synthetic', method: 'mtp', heads: 3, alpha: 0.7, vocab: 8, temperature: 1, gamma: 3, seed: 6, acceptance: 'typical' }),
      20000,
      2,
    );
    expect(r.rejections).toBeGreaterThan(100);
    expect(r.stat).toBeGreaterThan(r.critical);
  });
});
