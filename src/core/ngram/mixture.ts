import type { Rng, TokenId } from '../types';
import type { Followers } from './counts';
import type { KneserNey, KnLevel, KnMixture } from './kneserNey';

/**
 * One KN level's followers as typed arrays in id order: `ids` ascending, `w` = max(n - d, 0)
 * (the discounted count) and `cum` its running sum. Built once per context and order; they
 * answer p(x) (through the Map), a cumulative sum up to any id (binary search) and the
 * whole-row sum, without iterating a Map.
 */
export interface FollowerArrays {
  readonly ids: Int32Array;
  readonly w: Float64Array;
  readonly cum: Float64Array;
}

/** The follower arrays of a level (kept on the Followers: one context of one order). */
export function followerArrays(f: Followers, d: number): FollowerArrays {
  let a = f.arrays;
  if (a === undefined) {
    const ids = Int32Array.from(f.counts.keys()).sort();
    const w = new Float64Array(ids.length);
    const cum = new Float64Array(ids.length);
    let acc = 0;
    for (let j = 0; j < ids.length; j++) {
      w[j] = Math.max((f.counts.get(ids[j]) as number) - d, 0);
      acc += w[j];
      cum[j] = acc;
    }
    a = { ids, w, cum };
    f.arrays = a;
  }
  return a;
}

/** A level's follower arrays, kept on the level after the first use. */
export function levelArrays(l: KnLevel): FollowerArrays {
  if (l.arrays === undefined) l.arrays = followerArrays(l.f, l.d);
  return l.arrays;
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
  for (const l of mix.levels) {
    const { ids, w } = levelArrays(l);
    const c = l.scale;
    const total = l.f.total;
    for (let j = 0; j < ids.length; j++) v[ids[j]] += (c * w[j]) / total;
  }
  return v;
}

/**
 * p(x) of a mixture in O(levels): the same floating-point operations, in the same order, as
 * the row's entry x (so the fast path and the row agree bit for bit).
 */
export function mixtureProb(m: KneserNey, mix: KnMixture, x: TokenId): number {
  let v = mix.scale * m.base[x];
  for (const { f, d, scale: c } of mix.levels) {
    const n = f.counts.get(x);
    if (n !== undefined) v += (c * Math.max(n - d, 0)) / f.total;
  }
  return v;
}

/** Sum of a level's discounted counts over ids <= x (binary search in its id order). */
function cumUpTo(a: FollowerArrays, x: TokenId): number {
  let lo = 0;
  let hi = a.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.ids[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : a.cum[lo - 1];
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
  if (!(u < cdfAt(base, mix, last))) return lastWithMass(m, mix);
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdfAt(base, mix, mid) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The mixture's CDF at x: sum_{y <= x} p(y). */
function cdfAt(base: Float64Array, mix: KnMixture, x: TokenId): number {
  let s = mix.scale * base[x];
  for (const l of mix.levels) s += (l.scale * cumUpTo(levelArrays(l), x)) / l.f.total;
  return s;
}

function lastWithMass(m: KneserNey, mix: KnMixture): TokenId {
  for (let i = m.base.length - 1; i > 0; i--) if (mixtureProb(m, mix, i) > 0) return i;
  return 0;
}
