import { describe, expect, test } from 'vitest';
import { prepareWorld, sweepPoint } from '../../src/core';
import { overlap, sampleResidual } from '../../src/core/dist';
import { makeRng } from '../../src/core/rng';
import { expectedAcceptanceRate, expectedTokensPerStep } from '../../src/core/theory';
import type { Model } from '../../src/core/types';
import { syntheticBank, syntheticWorld } from '../../src/core/worlds/syntheticWorld';
import { params } from './helpers';

/** Allowed distance from the formula, in standard errors. */
const Z = 4;

describe('synthetic world', () => {
  test('syntheticBank - sum min(p, q) equals alpha exactly at every context', () => {
    for (const [alpha, T, topP] of [
      [0.5, 1, 1],
      [0.8, 0.7, 0.9],
      [0.95, 1.3, 1],
    ]) {
      const bank = syntheticBank(32, alpha, T, topP, 17);
      for (const e of bank.entries) {
        expect(overlap(e.p, e.q)).toBeCloseTo(alpha, 12);
        expect(e.q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  test('syntheticWorld - at T=0 the draft top token equals the target top with probability alpha', () => {
    const bank = syntheticBank(32, 0.8, 0, 1, 5);
    const w = syntheticWorld(bank, 'x', [], []);
    const draft = w.draft as NonNullable<typeof w.draft>;
    let right = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      // Distinct contexts: the position and the last tokens differ.
      const ctx = [i % 32, (i >> 5) % 32, (i >> 10) % 32, i % 7];
      const len = 4;
      if (draft.dist(ctx, len).indexOf(1) === w.target.dist(ctx, len).indexOf(1)) right++;
    }
    const se = Math.sqrt((0.8 * 0.2) / n);
    expect(Math.abs(right / n - 0.8)).toBeLessThan(Z * se);
  });

  test("syntheticWorld - the target's residual fast path draws the token sampleResidual draws", () => {
    for (const [alpha, T] of [
      [0.8, 1],
      [0.5, 0.7],
      [1, 1],
    ]) {
      const bank = syntheticBank(32, alpha, T, 1, 3);
      const w = syntheticWorld(bank, 'r', [], []);
      const residual = w.target.residual as NonNullable<Model['residual']>;
      const draft = w.draft as Model;
      const a = makeRng('a');
      const b = makeRng('a');
      for (let i = 0; i < 3000; i++) {
        const ctx = [i % 32, (i * 7) % 32, (i >> 3) % 32];
        const len = 1 + (i % 3);
        const p = w.target.dist(ctx, len);
        // The draft's own row (the fast path), another entry's row, and a point mass.
        const q = i % 3 === 0 ? draft.dist(ctx, len) : i % 3 === 1 ? draft.dist([i % 5], 1) : null;
        const x = i % 32;
        expect(residual(ctx, len, q, x, a)).toBe(sampleResidual(p, q, x, b));
      }
    }
  });

  for (const temperature of [1, 0])
    for (const alpha of [0.5, 0.8, 0.95])
      test(`sweepPoint - tokens per step and acceptance rate match the formulas (alpha ${alpha}, T ${temperature}, gamma 1..8)`, () => {
        const p = params({ world: 'synthetic', alpha, temperature, length: 128, seed: 11 });
        const prepared = prepareWorld(p);
        for (let gamma = 1; gamma <= 8; gamma++) {
          const pt = sweepPoint(prepared, p, gamma, 150);
          expect(Math.abs(pt.tokensPerStep - expectedTokensPerStep(alpha, gamma))).toBeLessThan(Z * pt.tokensPerStepStderr);
          expect(Math.abs(pt.acceptanceRate - expectedAcceptanceRate(alpha, gamma))).toBeLessThan(Z * pt.acceptanceRateStderr);
          expect(pt.tokensPerStepStderr).toBeGreaterThan(0);
        }
      });
});
