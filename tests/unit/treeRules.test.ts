import { describe, expect, test } from 'vitest';
import { type Model, type Proposal, prepareWorld, type SimParams, sampleSequences } from '../../src/core';
import { treeModelScores } from '../../src/core/engine/scores';
import { losslessCheck } from '../../src/core/lossless';
import { makeStreams } from '../../src/core/rng';
import { chiSquareCritical, chiSquareGof } from '../../src/core/stats';
import { verifyTree } from '../../src/core/verifyTree';
import { exactSequenceProbs, params, TEXTS } from './helpers';

/** z of the chi-square bound, as in lossless.test.ts. */
const Z = 4.75;

function gof(p: SimParams, samples: number, length: number) {
  const prepared = prepareWorld(p, TEXTS);
  const s = sampleSequences(prepared, p, samples, length);
  const expected = exactSequenceProbs(prepared.at(`${p.seed}`), length);
  const observed = new Map(s.sequences.map((q) => [JSON.stringify(q.tokens), q.count]));
  const { stat, df } = chiSquareGof(observed, expected, samples);
  return { stat, critical: chiSquareCritical(df, Z), rejections: s.rejections };
}

const TREE = params({ world: 'synthetic', method: 'tree', topk: 2, depth: 3, draftTokens: 6, alpha: 0.6, vocab: 8, temperature: 1, seed: 10 });
const SAMPLED = params({ ...TREE, treeMode: 'sample', draftTokens: 8, seed: 14 });

describe('tree verification honours the acceptance rule', () => {
  test.each([
    ['top-k tree, p >= q', { ...TREE, acceptance: 'pgeq' as const }],
    ['sampled tree, p >= q', { ...SAMPLED, acceptance: 'pgeq' as const }],
    ['top-k tree, typical', { ...TREE, acceptance: 'typical' as const }],
    ['sampled tree, typical', { ...SAMPLED, acceptance: 'typical' as const }],
  ])('sampleSequences - %s fails the lossless test, as it does for chains', (_name, p) => {
    const r = gof(p, 20000, 2);
    expect(r.rejections).toBeGreaterThan(100);
    expect(r.stat).toBeGreaterThan(r.critical);
  });

  test('losslessCheck - the page check reports a deliberately wrong rule on a tree as not lossless', () => {
    const prepared = prepareWorld(TREE, TEXTS);
    expect(losslessCheck(prepared, { ...TREE, acceptance: 'pgeq' }, 3000, 2).pass).toBe(false);
  });

  test('verifyTree - typical acceptance picks the longest accepted path, ties by likelihood (Medusa evaluate_posterior)', () => {
    // Root children a=0 (p .5) and b=1 (p .4); each has one child c=2. Under a, p(2) = .6 passes;
    // under b, p(2) = .8 passes: both paths have length 2, b-c is likelier (.4 * .8 > .5 * .6).
    const at = (ctx: readonly number[], len: number): Float64Array => {
      if (len === 1) return Float64Array.from([0.5, 0.4, 0.05, 0.05]);
      if (ctx[1] === 0) return Float64Array.from([0.2, 0.1, 0.6, 0.1]);
      return Float64Array.from([0.05, 0.05, 0.8, 0.1]);
    };
    const target: Model = { vocabSize: 4, dist: (ctx, len) => (len <= 2 ? at(ctx, len) : Float64Array.from([0.97, 0.01, 0.01, 0.01])) };
    const proposal: Proposal = { tokens: [0, 1, 2, 2], q: [null, null, null, null], parents: [-1, -1, 0, 1], draftCost: 0 };
    const v = verifyTree(treeModelScores(target, [3], 1, proposal), proposal, false, makeStreams('t'), false, 'typical');
    expect(v.path).toEqual([1, 3]);
    expect(v.emitted.slice(0, 2)).toEqual([1, 2]);
    // a passed the threshold too but is not on the chosen path: discarded, not rejected.
    expect(v.verdicts).toEqual(['discarded', 'accepted', 'discarded', 'accepted']);
    // After the leaf, the bonus is Medusa's typical draw: token 0 is the only one above 0.09.
    expect(v.emitted[2]).toBe(0);
    expect(v.emittedKinds).toEqual(['accepted', 'accepted', 'bonus']);
  });
});
