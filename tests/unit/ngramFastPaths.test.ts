import { describe, expect, test } from 'vitest';
import { overlap, residual, rowCdf, sample, sampleResidual } from '../../src/core/dist';
import { sameBase } from '../../src/core/ngram/mixtureResidual';
import { makeRng } from '../../src/core/rng';
import { rowSampler, samplerDraw } from '../../src/core/rowSampler';
import { chiSquareCritical, chiSquareGof } from '../../src/core/stats';
import type { Model, Rng } from '../../src/core/types';
import { ngramModel } from '../../src/core/worlds/ngramModel';
import { type NgramModels, seedCorpus, textCorpus, trainNgramModels } from '../../src/core/worlds/ngramWorld';
import { TEXTS } from './helpers';

/** z of the chi-square bounds: a correct draw fails with probability about 1e-6 per check. */
const Z = 4.75;

const trained: [string, NgramModels][] = [
  ['en 4/2', trainNgramModels(textCorpus('en', TEXTS.en as string), 4, 2)],
  ['zh 5/1', trainNgramModels(textCorpus('zh', TEXTS.zh as string), 5, 1)],
  ['seed 3/1', trainNgramModels(seedCorpus, 3, 1)],
];

/** Contexts a run meets: the empty one, short (padded) ones, corpus n-grams and unseen ones. */
function contexts(m: NgramModels): number[][] {
  const s = m.seqs[0];
  const rng = makeRng('contexts');
  const out: number[][] = [[], s.slice(0, 1), s.slice(0, 2)];
  for (let i = 0; i < 30; i++) {
    const at = Math.floor(rng.next() * (s.length - 6));
    out.push(s.slice(at, at + 5));
  }
  // Random token ids: mostly contexts the corpus never had (levels pass through).
  for (let i = 0; i < 10; i++) out.push(Array.from({ length: 4 }, () => 1 + Math.floor(rng.next() * (m.vocab.tokens.length - 1))));
  return out;
}

/** Fresh models (no cache shared with another check). */
const target = (m: NgramModels) => ngramModel(m.target, 1, 1);
const draft = (m: NgramModels) => ngramModel(m.draft, 1, 1);

/** A stream that repeats the uniforms another stream gives. */
function recorded(seed: string): { rng: Rng; replay: () => Rng } {
  const inner = makeRng(seed);
  const us: number[] = [];
  return {
    rng: { next: () => us[us.push(inner.next()) - 1] },
    replay: () => {
      let i = 0;
      return { next: () => us[i++] };
    },
  };
}

describe('ngram fast paths', () => {
  for (const [name, m] of trained)
    test(`ngramModel - prob(x) equals dist[x] bit for bit, for target and draft (${name})`, () => {
      for (const model of [target(m), draft(m)]) {
        const prob = model.prob as NonNullable<Model['prob']>;
        for (const ctx of contexts(m)) {
          const d = model.dist(ctx, ctx.length);
          expect(Array.from(d, (_, x) => prob(ctx, ctx.length, x))).toEqual(Array.from(d));
        }
      }
    });

  for (const [name, m] of trained)
    test(`ngramModel - draw returns the token sample(dist) returns for the same uniform (${name})`, () => {
      for (const model of [target(m), draft(m)]) {
        const draw = model.draw as NonNullable<Model['draw']>;
        for (const ctx of contexts(m)) {
          const d = model.dist(ctx, ctx.length);
          const r = recorded(`draw:${ctx.join(',')}`);
          const fast = Array.from({ length: 200 }, () => draw(ctx, ctx.length, r.rng));
          const replay = r.replay();
          expect(fast).toEqual(Array.from({ length: 200 }, () => sample(d, replay)));
        }
      }
    });

  test('samplerDraw - the token sample gives for every uniform, at bucket edges and running-sum boundaries too', () => {
    const m = trained[0][1];
    const q = draft(m);
    for (const ctx of contexts(m)) {
      const row = q.dist(ctx, ctx.length) as Float64Array;
      const cdf = rowCdf(row);
      const s = rowSampler(row);
      const K = s.guide.length;
      const us: number[] = [0, 1 - 2 ** -53, cdf[cdf.length - 1]];
      // Each running-sum value and its neighbours, and each bucket's edges.
      for (let i = 0; i < cdf.length; i += 7) us.push(cdf[i], cdf[i] * (1 - 2 ** -52), cdf[i] * (1 + 2 ** -52));
      for (let k = 0; k < K; k += 5) us.push(k / K, (k / K) * (1 - 2 ** -52), (k + 1) / K - 2 ** -53);
      for (const u of us.filter((v) => v >= 0 && v < 1)) {
        const one = () => ({ next: () => u });
        expect(samplerDraw(s, one())).toBe(sample(row, one()));
      }
    }
  });

  test('ngramModel - draws are distributed as dist (chi-square, z 4.75), and a wrong distribution fails', () => {
    const m = trained[0][1];
    const model = target(m);
    const draw = model.draw as NonNullable<Model['draw']>;
    const n = 20000;
    for (const ctx of contexts(m).slice(0, 8)) {
      const d = model.dist(ctx, ctx.length);
      const rng = makeRng(`chi:${ctx.join(',')}`);
      const observed = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const k = `${draw(ctx, ctx.length, rng)}`;
        observed.set(k, (observed.get(k) ?? 0) + 1);
      }
      const expected = new Map(Array.from(d, (p, x): [string, number] => [`${x}`, p]));
      const { stat, df } = chiSquareGof(observed, expected, n);
      expect(stat).toBeLessThan(chiSquareCritical(df, Z));
      // The same draws against a wrong distribution (dist shifted by one token id) are rejected.
      const wrong = chiSquareGof(observed, new Map(Array.from(d, (_, x): [string, number] => [`${x}`, d[(x + 1) % d.length]])), n);
      expect(wrong.stat).toBeGreaterThan(chiSquareCritical(wrong.df, Z));
    }
  });

  for (const [name, m] of trained)
    test(`ngramModel - overlap(q) equals sum min(p, q) over the rows (${name})`, () => {
      const p = target(m);
      const q = draft(m);
      const fast = p.overlap as NonNullable<Model['overlap']>;
      // Twice: the first use of a (context, q) pair and the later ones give the same value.
      for (let pass = 0; pass < 2; pass++)
        for (const ctx of contexts(m)) {
          const qRow = q.dist(ctx, ctx.length);
          expect(fast(ctx, ctx.length, qRow)).toBeCloseTo(overlap(p.dist(ctx, ctx.length), qRow), 12);
          // A one-off array (not a cached row) takes the row sum.
          const copy = Float64Array.from(qRow);
          expect(fast(ctx, ctx.length, copy)).toBeCloseTo(overlap(p.dist(ctx, ctx.length), copy), 12);
        }
    });

  for (const [name, m] of trained)
    test(`ngramModel - residual(q, x) returns the token sampleResidual(rows) returns for the same uniform (${name})`, () => {
      const p = target(m);
      const q = draft(m);
      const fast = p.residual as NonNullable<Model['residual']>;
      // Order 4 over a bigram draft share the base (the sparse walk runs); a unigram draft's
      // base differs (the row path runs).
      expect(sameBase(m.target, m.draft)).toBe(m.draft.order === 2);
      for (const ctx of contexts(m)) {
        const pRow = p.dist(ctx, ctx.length);
        const qRow = q.dist(ctx, ctx.length);
        for (const [qq, x] of [
          [qRow, 3],
          [null, 3],
          [Float64Array.from(qRow), 5],
        ] as const) {
          const r = recorded(`res:${ctx.join(',')}:${x}`);
          const got = Array.from({ length: 100 }, () => fast(ctx, ctx.length, qq, x, r.rng));
          const replay = r.replay();
          expect(got).toEqual(Array.from({ length: 100 }, () => sampleResidual(pRow, qq, x, replay)));
        }
      }
    });

  test('ngramModel - residual draws are distributed as norm(max(0, p - q)) (chi-square, z 4.75)', () => {
    const m = trained[0][1];
    const p = target(m);
    const q = draft(m);
    const fast = p.residual as NonNullable<Model['residual']>;
    const n = 20000;
    for (const ctx of contexts(m).slice(0, 8)) {
      const qRow = q.dist(ctx, ctx.length);
      const res = residual(p.dist(ctx, ctx.length), qRow, 0);
      const rng = makeRng(`reschi:${ctx.join(',')}`);
      const observed = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const k = `${fast(ctx, ctx.length, qRow, 0, rng)}`;
        observed.set(k, (observed.get(k) ?? 0) + 1);
      }
      const { stat, df } = chiSquareGof(observed, new Map(Array.from(res, (v, x): [string, number] => [`${x}`, v])), n);
      expect(stat).toBeLessThan(chiSquareCritical(df, Z));
    }
  });

  test('ngramModel - temperature or top-p reshape the row: no fast paths there', () => {
    const m = trained[0][1];
    for (const [t, topP] of [
      [0.7, 1],
      [1, 0.9],
      [0, 1],
    ]) {
      const model = ngramModel(m.target, t, topP);
      expect([model.prob, model.draw, model.overlap, model.residual]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });
});
