import { describe, expect, test } from 'vitest';
import { sample } from '../../src/core/dist';
import { makeRng } from '../../src/core/rng';
import type { Dist, Model } from '../../src/core/types';
import { ngramModel } from '../../src/core/worlds/ngramModel';
import { seedCorpus, textCorpus, trainNgramModels } from '../../src/core/worlds/ngramWorld';
import { syntheticBank, syntheticWorld } from '../../src/core/worlds/syntheticWorld';
import { TEXTS } from './helpers';

/**
 * drawWithRow must be the draft proposer's old two calls in one: the row dist(ctx, len) gives
 * and the token sample(row) draws from the same uniform (the golden traces depend on it).
 */
function checkAgainstScan(model: Model, contexts: number[][], seed: string): void {
  const a = makeRng(seed);
  const b = makeRng(seed);
  const draw = model.drawWithRow as NonNullable<Model['drawWithRow']>;
  for (const ctx of contexts)
    for (let rep = 0; rep < 20; rep++) {
      const rows: Dist[] = [];
      const x = draw(ctx, ctx.length, a, rows);
      const row = model.dist(ctx, ctx.length);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toEqual(row);
      expect(x).toBe(sample(row, b));
    }
}

/** Contexts: empty, short, and random ids over a vocabulary of `size`. */
function contexts(size: number, seed: string): number[][] {
  const rng = makeRng(seed);
  const out: number[][] = [[], [1], [2, 3]];
  for (let i = 0; i < 60; i++) out.push(Array.from({ length: 1 + (i % 6) }, () => Math.floor(rng.next() * size)));
  return out;
}

/**
 * drawChain must be `count` drawWithRow calls in a row, each drawn token written into the
 * context before the next: the same tokens, rows, context and uniforms, stopping after `stop`.
 */
function checkChainAgainstSteps(model: Model, contexts: number[][], seed: string, stop: number | null): void {
  const a = makeRng(seed);
  const b = makeRng(seed);
  const chain = model.drawChain as NonNullable<Model['drawChain']>;
  const draw = model.drawWithRow as NonNullable<Model['drawWithRow']>;
  for (const ctx of contexts)
    for (const count of [0, 1, 3, 9]) {
      const fastCtx = [...ctx];
      const fastRows: Dist[] = [];
      const n = chain(fastCtx, ctx.length, count, a, fastRows, stop);
      const slowCtx = [...ctx];
      const slowRows: Dist[] = [];
      let m = 0;
      while (m < count) {
        const x = draw(slowCtx, ctx.length + m, b, slowRows);
        slowCtx[ctx.length + m] = x;
        m++;
        if (x === stop) break;
      }
      expect(n).toBe(m);
      expect(fastCtx).toEqual(slowCtx);
      expect(fastRows.length).toBe(slowRows.length);
      for (let i = 0; i < m; i++) expect(fastRows[i]).toBe(slowRows[i]);
    }
  // Both streams drew the same number of uniforms.
  expect(a.next()).toBe(b.next());
}

describe('drawWithRow', () => {
  for (const T of [1, 0.7, 0])
    test(`drawChain - the synthetic draft's chain is drawWithRow token by token (T ${T})`, () => {
      const bank = syntheticBank(16, 0.7, T, 1, 5);
      const draft = syntheticWorld(bank, 'c', [], []).draft as Model;
      checkChainAgainstSteps(draft, contexts(16, `c${T}`), `cu${T}`, null);
      // A stop token (end-of-text) ends the chain after it is drawn.
      checkChainAgainstSteps(draft, contexts(16, `d${T}`), `du${T}`, 3);
    });

  for (const T of [1, 0.7, 0])
    test(`drawWithRow - the synthetic draft's row and the token sample(row) draws (T ${T})`, () => {
      const bank = syntheticBank(32, 0.8, T, 1, 9);
      const draft = syntheticWorld(bank, 'w', [], []).draft as Model;
      checkAgainstScan(draft, contexts(32, `s${T}`), `u${T}`);
    });

  test('drawWithRow - the n-gram draft (kept rows) and a high-order model (no kept rows)', () => {
    const en = trainNgramModels(textCorpus('en', TEXTS.en as string), 4, 2);
    checkAgainstScan(ngramModel(en.draft, 1, 1), contexts(en.vocab.tokens.length, 'en'), 'en-u');
    // A high-order model over a small vocabulary keeps no rows: short rows are scanned.
    const seed = trainNgramModels(seedCorpus, 3, 3);
    checkAgainstScan(ngramModel(seed.draft, 1, 1), contexts(seed.vocab.tokens.length, 'seed'), 'seed-u');
  });
});
