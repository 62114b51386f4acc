import { describe, expect, test } from 'vitest';
import { rowCdf, sample } from '../../src/core/dist';
import { buildTable } from '../../src/core/ngram/contextTable';
import { fillMixture, kneserNeyDist, kneserNeyMixture, newMixture } from '../../src/core/ngram/kneserNey';
import { baseCdf, mixtureProb, mixtureRow } from '../../src/core/ngram/mixture';
import { guardBand, guardedDraw, indexCdf, mixtureIndex } from '../../src/core/ngram/mixtureIndex';
import { MixtureNodes } from '../../src/core/ngram/mixtureNodes';
import { type ResidualWalk, SharedBase, walkDraw } from '../../src/core/ngram/mixtureResidual';
import { makeRng } from '../../src/core/rng';
import type { Model, Rng } from '../../src/core/types';
import { ngramModel } from '../../src/core/worlds/ngramModel';
import { type NgramModels, seedCorpus, textCorpus, trainNgramModels } from '../../src/core/worlds/ngramWorld';
import { TEXTS } from './helpers';

const trained: [string, NgramModels][] = [
  ['en 4/2', trainNgramModels(textCorpus('en', TEXTS.en as string), 4, 2)],
  ['zh 5/1', trainNgramModels(textCorpus('zh', TEXTS.zh as string), 5, 1)],
  ['seed 3/2', trainNgramModels(seedCorpus, 3, 2)],
];

/** Contexts a run meets: corpus n-grams (long contexts found), their variants with an older
 * token changed (the same node when the longest context found is shorter), random ids (few
 * levels found) and short padded ones. */
function contexts(m: NgramModels, seed: string): number[][] {
  const s = m.seqs[0];
  const V = m.vocab.tokens.length;
  const rng = makeRng(seed);
  const out: number[][] = [[], s.slice(0, 1), s.slice(0, 2)];
  for (let i = 0; i < 40; i++) {
    const at = Math.floor(rng.next() * (s.length - 6));
    const c = s.slice(at, at + 5);
    out.push(c);
    const v = c.slice();
    v[1] = 1 + Math.floor(rng.next() * (V - 1));
    out.push(v);
    out.push(Array.from({ length: 4 }, () => 1 + Math.floor(rng.next() * (V - 1))));
  }
  return out;
}

/** A fixed uniform, once. */
const at = (u: number): Rng => ({ next: () => u });

describe('ngram nodes', () => {
  for (const [name, m] of trained)
    test(`MixtureNodes - a context's slot holds fillMixture's mixture, p(x) is mixtureProb's, contexts share a slot only with an equal mixture (${name})`, () => {
      const nodes = new MixtureNodes(m.target);
      const bySlot = new Map<number, string>();
      // Twice: slots met before (through the context cache or the node) answer the same.
      for (let pass = 0; pass < 2; pass++)
        for (const ctx of contexts(m, name)) {
          const s = nodes.slot(ctx, ctx.length);
          const want = fillMixture(m.target, ctx, ctx.length, newMixture(m.target));
          const got = nodes.mixture(s, newMixture(m.target));
          const fields = (x: typeof want) => JSON.stringify([x.n, x.scale, [...x.ord].slice(0, x.n), [...x.ctx].slice(0, x.n), [...x.scl].slice(0, x.n)]);
          expect(fields(got)).toBe(fields(want));
          const seen = bySlot.get(s);
          if (seen !== undefined) expect(seen).toBe(fields(want));
          bySlot.set(s, fields(want));
          for (let x = 0; x < m.vocab.tokens.length; x += 7) expect(nodes.prob(s, x)).toBe(mixtureProb(m.target, want, x));
        }
      // Some contexts did share a slot (variants of a context whose oldest tokens do not count).
      expect(bySlot.size).toBeLessThan(contexts(m, name).length);
    });

  for (const [name, m] of trained)
    test(`ngramModel - the target's rows and p(x) are kneserNeyDist's, bit for bit, over contexts that share nodes (${name})`, () => {
      const model = ngramModel(m.target, 1, 1);
      const prob = model.prob as NonNullable<Model['prob']>;
      for (const ctx of contexts(m, `${name}:rows`)) {
        const want = kneserNeyDist(m.target, ctx, ctx.length);
        expect(Array.from(model.dist(ctx, ctx.length))).toEqual(Array.from(want));
        for (let x = 0; x < want.length; x += 5) expect(prob(ctx, ctx.length, x)).toBe(want[x]);
      }
    });

  for (const [name, m] of trained)
    test(`guardedDraw - the token sample(row) gives, or -1 within the guard band of a boundary; the draft's draw is sample(row) (${name})`, () => {
      const draft = ngramModel(m.draft, 1, 1);
      const draw = draft.draw as NonNullable<Model['draw']>;
      const band = guardBand(m.draft, m.draft.order - 1);
      let guarded = 0;
      for (const ctx of contexts(m, `${name}:draw`).slice(0, 40)) {
        const mix = kneserNeyMixture(m.draft, ctx, ctx.length);
        const row = mixtureRow(m.draft, mix);
        const idx = mixtureIndex(m.draft, mix);
        const cdf = rowCdf(row);
        const us = [0, 1 - 2 ** -53, cdf[cdf.length - 1]];
        // Each running-sum value, its neighbours, and points just inside and outside the band.
        for (let i = 0; i < cdf.length; i += 3)
          us.push(cdf[i], cdf[i] * (1 - 2 ** -52), cdf[i] * (1 + 2 ** -52), cdf[i] - 2 * band, cdf[i] + 2 * band, cdf[i] - band / 2);
        const rng = makeRng(`u:${ctx.join(',')}`);
        for (let i = 0; i < 300; i++) us.push(rng.next());
        for (const u of us.filter((v) => v >= 0 && v < 1)) {
          const want = sample(row, at(u));
          const x = guardedDraw(idx, u, band);
          if (x < 0) guarded++;
          else expect(x).toBe(want);
          expect(draw(ctx, ctx.length, at(u))).toBe(want);
        }
        // The index's CDF at every token is the formula's running sum: within the band of the row's.
        for (let x = 0; x < cdf.length; x++) expect(Math.abs(indexCdf(idx, x) - cdf[x])).toBeLessThanOrEqual(band);
      }
      // Uniforms on a boundary fall back to the row.
      expect(guarded).toBeGreaterThan(0);
    });

  test('guardedDraw - a uniform far from every boundary never falls back', () => {
    const m = trained[0][1];
    const band = guardBand(m.draft, 1);
    for (const ctx of contexts(m, 'far').slice(0, 20)) {
      const mix = kneserNeyMixture(m.draft, ctx, ctx.length);
      const idx = mixtureIndex(m.draft, mix);
      const cdf = rowCdf(mixtureRow(m.draft, mix));
      // Midpoints of the intervals with mass.
      for (let x = 0; x < cdf.length; x++) {
        const lo = x === 0 ? 0 : cdf[x - 1];
        if (cdf[x] - lo > 1e-9) expect(guardedDraw(idx, (lo + cdf[x]) / 2, band)).toBe(x);
      }
    }
  });

  test('walkDraw - the token the walk in id order gives (linear reference), for uniforms on every event boundary', () => {
    const m = trained[0][1];
    const shared = new SharedBase(m.target);
    const draft = ngramModel(m.draft, 1, 1);
    const B = baseCdf(m.target);
    /** The walk read event by event, first to last (what the binary search must agree with). */
    const linear = (w: ResidualWalk, v: number): number => {
      let acc = 0;
      for (let e = 0; e < w.events; e++) {
        if (w.after[e] > v) {
          const t = w.tok[e];
          if (t >= 0) return t;
          for (let y = ~t; y < w.gapEnd[e]; y++) if (acc + w.c0 * (B[y] - w.from[e]) > v) return y;
          return w.gapEnd[e];
        }
        acc = w.after[e];
      }
      return w.end;
    };
    let checked = 0;
    for (const ctx of contexts(m, 'walk')) {
      const mix = kneserNeyMixture(m.target, ctx, ctx.length);
      const qMix = kneserNeyMixture(m.draft, ctx, ctx.length);
      const q = draft.dist(ctx, ctx.length);
      const w = shared.walk(mix, q, m.draft, qMix);
      if (w.mass <= 1e-12 || w.end < 0) continue;
      const vs = [0, w.mass * (1 - 2 ** -53)];
      for (let e = 0; e < w.events; e++) vs.push(w.after[e], w.after[e] * (1 - 2 ** -52), w.after[e] * (1 + 2 ** -52));
      for (const v of vs.filter((x) => x >= 0 && x < w.mass)) {
        // walkDraw scales its uniform by the mass: hand it v / mass back (exact when it rounds
        // back to v; skip the others).
        const u = v / w.mass;
        if (u * w.mass !== v) continue;
        expect(walkDraw(m.target, mix, w, at(u))).toBe(linear(w, v));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('context tables', () => {
  /** Counts of tuples by a plain map: context (the first k ids) -> follower -> count. */
  function reference(tuples: Int32Array, count: number, k: number): string[] {
    const map = new Map<string, number>();
    for (let r = 0; r < count; r++) {
      const t = Array.from(tuples.subarray(r * (k + 1), (r + 1) * (k + 1)));
      const key = t.join(',');
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    const cmp = (a: number[], b: number[]) => {
      for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j] - b[j];
      return 0;
    };
    return [...map]
      .map(([key, n]): [number[], number] => [key.split(',').map(Number), n])
      .sort((a, b) => cmp(a[0], b[0]))
      .map(([t, n]) => `${t.join(',')}:${n}`);
  }

  for (const [label, maxId] of [
    ['ids packed into one number each (native sort)', 50],
    ['ids too large to pack (comparator sort)', 1 << 20],
  ] as const)
    test(`buildTable - contexts in lexicographic order with their followers and counts, ${label}`, () => {
      const rng = makeRng(label);
      const k = 3;
      const count = 3000;
      const tuples = new Int32Array(count * (k + 1));
      // Few distinct values per position, so tuples repeat; the largest id decides the path.
      for (let i = 0; i < tuples.length; i++) tuples[i] = Math.floor(rng.next() * 6) * Math.floor(maxId / 6);
      tuples[5] = maxId;
      const t = buildTable(tuples, count, k, () => 0.5);
      const got: string[] = [];
      for (let c = 0; c + 1 < t.start.length; c++)
        for (let e = t.start[c]; e < t.start[c + 1]; e++) got.push(`${Array.from(t.keys.subarray(c * k, (c + 1) * k)).join(',')},${t.ids[e]}:${t.n[e]}`);
      expect(got).toEqual(reference(tuples, count, k));
    });
});
