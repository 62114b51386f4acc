import type { Rng, TokenId } from '../types';
import { type ContextTable, cumUpTo, followerIndex } from './contextTable';
import type { KneserNey, KnMixture } from './kneserNey';

/** The table of a mixture's level l. */
export function levelTable(m: KneserNey, mix: KnMixture, l: number): ContextTable {
  return m.tables[mix.ord[l] - 1] as ContextTable;
}

/** Cumulative base probabilities in id order (the base CDF), per model. */
const baseCdfs = new WeakMap<KneserNey, Float64Array>();
export function baseCdf(m: KneserNey): Float64Array {
  let c = baseCdfs.get(m);
  if (c === undefined) {
    c = new Float64Array(m.base.length);
    let acc = 0;
    for (let i = 0; i < c.length; i++) {
      acc += m.base[i];
      c[i] = acc;
    }
    baseCdfs.set(m, c);
  }
  return c;
}

/** The whole distribution of a mixture (one pass over the vocabulary), as kneserNeyDist. */
export function mixtureRow(m: KneserNey, mix: KnMixture): Float64Array {
  const v = new Float64Array(m.base.length);
  const { scale } = mix;
  for (let i = 0; i < v.length; i++) v[i] = scale * m.base[i];
  for (let l = 0; l < mix.n; l++) {
    const { ids, w, start, total } = levelTable(m, mix, l);
    const c = mix.scl[l];
    const ci = mix.ctx[l];
    const tot = total[ci];
    for (let j = start[ci]; j < start[ci + 1]; j++) v[ids[j]] += (c * w[j]) / tot;
  }
  return v;
}

/**
 * p(x) of a mixture in O(levels): the same floating-point operations, in the same order, as
 * the row's entry x (so the fast path and the row agree bit for bit).
 */
export function mixtureProb(m: KneserNey, mix: KnMixture, x: TokenId): number {
  let v = mix.scale * m.base[x];
  for (let l = 0; l < mix.n; l++) {
    const t = levelTable(m, mix, l);
    const ci = mix.ctx[l];
    const j = followerIndex(t, ci, x);
    if (j >= 0) v += (mix.scl[l] * t.w[j]) / t.total[ci];
  }
  return v;
}

/**
 * A draw from the mixture with one uniform, by inverting its CDF in id order: the token that
 * `sample(row, rng)` returns for the same uniform (up to rounding at a boundary, about 1e-16),
 * so runs with and without the fast path, and over a real model's rows, give the same text.
 * O(log V * levels * log followers), no row.
 */
export function mixtureDraw(m: KneserNey, mix: KnMixture, rng: Rng): TokenId {
  const u = rng.next();
  const base = baseCdf(m);
  const last = m.base.length - 1;
  // Rounding: u above the last cumulative value falls on the last token with mass.
  if (!(u < cdfAt(m, base, mix, last))) return lastWithMass(m, mix);
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdfAt(m, base, mix, mid) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The mixture's CDF at x: sum_{y <= x} p(y). */
function cdfAt(m: KneserNey, base: Float64Array, mix: KnMixture, x: TokenId): number {
  let s = mix.scale * base[x];
  for (let l = 0; l < mix.n; l++) {
    const t = levelTable(m, mix, l);
    const ci = mix.ctx[l];
    s += (mix.scl[l] * cumUpTo(t, ci, x)) / t.total[ci];
  }
  return s;
}

function lastWithMass(m: KneserNey, mix: KnMixture): TokenId {
  for (let i = m.base.length - 1; i > 0; i--) if (mixtureProb(m, mix, i) > 0) return i;
  return 0;
}
