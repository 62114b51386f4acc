import { describe, expect, test } from 'vitest';
import { overlap, rowCdf, sample, sampleResidual } from '../../src/core/dist';
import { modelScores } from '../../src/core/engine/scores';
import { makeRng } from '../../src/core/rng';
import { SamplerRows } from '../../src/core/rowSampler';
import type { Dist, Model, Rng } from '../../src/core/types';
import { syntheticBank, syntheticWorld } from '../../src/core/worlds/syntheticWorld';

/** A stream that answers `u` once. */
const one = (u: number): Rng => ({ next: () => u });

/**
 * The synthetic world's flat bank (BankRows, SamplerRows) and the row fast paths the scores use
 * (rowOverlap, rowResidual): each must give exactly what the plain functions give for the same
 * rows and uniforms, and must not claim rows that are not the bank's own.
 */
describe('synthetic bank rows', () => {
  test('SamplerRows - every row draws the token sample draws, at bucket edges and running-sum boundaries too', () => {
    const rng = makeRng('rows');
    const rows: Float64Array[] = [];
    for (let r = 0; r < 6; r++) {
      const n = 7;
      const row = new Float64Array(n);
      // Zeros among the entries (a top-p cut), and one row summing a little below 1.
      for (let i = 0; i < n; i++) row[i] = (r + i) % 3 === 0 ? 0 : rng.next();
      const s = row.reduce((a, b) => a + b, 0);
      for (let i = 0; i < n; i++) row[i] /= r === 5 ? s * (1 + 1e-9) : s;
      rows.push(row);
    }
    const flat = new SamplerRows(rows, 7);
    for (const r of [3, 0, 5, 1, 4, 2]) {
      const row = rows[r];
      const cdf = rowCdf(row);
      const K = 2 * row.length;
      const us: number[] = [0, 1 - 2 ** -53];
      for (const c of cdf) us.push(c, c * (1 - 2 ** -52), c * (1 + 2 ** -52));
      for (let k = 0; k < K; k++) us.push(k / K, (k / K) * (1 - 2 ** -52), (k + 1) / K - 2 ** -53);
      for (let i = 0; i < 200; i++) us.push(rng.next());
      for (const u of us.filter((v) => v >= 0 && v < 1)) expect(flat.draw(r, u)).toBe(sample(row, one(u)));
    }
  });

  for (const T of [1, 0.7, 0])
    test(`rowOverlap / rowResidual - the sums and draws of the plain functions, for the bank's rows only (T ${T})`, () => {
      const bank = syntheticBank(24, 0.7, T, T === 0.7 ? 0.9 : 1, 11);
      const w = syntheticWorld(bank, 'rows', [], []);
      const target = w.target;
      const draft = w.draft as Model;
      const rowOverlap = target.rowOverlap as NonNullable<Model['rowOverlap']>;
      const rowResidual = target.rowResidual as NonNullable<Model['rowResidual']>;
      const a = makeRng('a');
      const b = makeRng('a');
      let known = 0;
      for (let i = 0; i < 2000; i++) {
        const ctx = [i % 24, (i * 7) % 24, (i >> 3) % 24];
        const len = 1 + (i % 3);
        const p = target.dist(ctx, len);
        // The draft's own row here, another context's row, a copy of the own row, a point mass.
        const own = draft.dist(ctx, len);
        const qs: (Dist | null)[] = [own, draft.dist([i % 5], 1), Float64Array.from(own), null];
        for (const q of qs) {
          if (q !== null) {
            const ov = rowOverlap(p, q);
            if (ov !== undefined) {
              known++;
              expect(ov).toBe(overlap(p, q));
            }
            // Not the bank's row (a copy): nothing is known about it.
            expect(rowOverlap(Float64Array.from(p), q)).toBeUndefined();
          }
          const x = i % 24;
          expect(rowResidual(p, q, x, a)).toBe(sampleResidual(p, q, x, b));
          // A row that is not the bank's (a copy) draws as sampleResidual too.
          expect(rowResidual(Float64Array.from(p), q, x, a)).toBe(sampleResidual(p, q, x, b));
        }
      }
      // The draft's own row (and at T = 0 the wrong one) is known at every context.
      expect(known).toBeGreaterThanOrEqual(2000);
    });

  test("modelScores - overlap and residual through the row fast paths equal the plain functions over the target's rows", () => {
    const bank = syntheticBank(16, 0.6, 1, 1, 4);
    const w = syntheticWorld(bank, 'scores', [], []);
    const draft = w.draft as Model;
    const { rowOverlap, rowResidual, ...plain } = w.target;
    expect(rowOverlap).toBeDefined();
    expect(rowResidual).toBeDefined();
    const a = makeRng('s');
    const b = makeRng('s');
    for (let i = 0; i < 300; i++) {
      const ctx = [i % 16, (i * 5) % 16, (i * 3) % 16, 0, 0, 0];
      const len = 3;
      for (let r = 0; r < 3; r++) ctx[len + r] = (i + r) % 16;
      const fast = modelScores(w.target, ctx, len, 4);
      const slow = modelScores(plain, ctx, len, 4);
      for (let r = 0; r < 4; r++) {
        const q = draft.dist(ctx, len + r);
        expect(fast.overlap(r, q)).toBe(overlap(slow.dist(r), q));
        expect(fast.residual(r, q, i % 16, a)).toBe(slow.residual(r, q, i % 16, b));
      }
    }
  });
});
