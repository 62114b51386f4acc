import type { TokenId } from '../types';
import { type ContextTable, cumUpTo } from './contextTable';
import type { KneserNey, KnMixture } from './kneserNey';
import { baseCdf, levelTable } from './mixture';

/**
 * A mixture's CDF in id order (the one mixtureDraw inverts, cdfAt there) laid out for search.
 * Between two consecutive tokens of U, the union of the levels' followers, every level's
 * running sum is constant, so there the CDF is scale * B(x) plus constant level terms (B: the
 * base's running sum). The index keeps U, the CDF at each token of U and the level terms after
 * it, with a guide table over U's CDF values; the base has one guide table per model. A draw
 * finds its token of U or its gap through the first guide and its place in a gap through the
 * second: a few reads of small arrays, against O(log V) CDF evaluations of O(levels * log
 * followers) each, or a row's V-long running sum (a cache miss per draw when rows are many).
 * Every CDF value is computed with the same operations in the same order as cdfAt.
 */
export interface MixtureIndex {
  /** U: the levels' followers, ascending, distinct. */
  readonly ids: Int32Array;
  /** cdfAt(ids[i]). */
  readonly cdf: Float64Array;
  /** terms[i * levels + l]: level l's term (scl * cumUpTo(ids[i])) / total, in cdfAt's order. */
  readonly terms: Float64Array;
  readonly levels: number;
  /** The base's weight (mix.scale) and running sum. */
  readonly scale: number;
  readonly B: Float64Array;
  /** guide[b]: the number of U's CDF values at or below b / guide.length. */
  readonly guide: Int32Array;
  /** The base's guide: baseGuide[b] is the first id whose B exceeds b / baseGuide.length. */
  readonly baseGuide: Int32Array;
}

/** Guide buckets per entry guided. */
const PER_ENTRY = 2;

/** The number of values of the ascending `cdf` at or below u, from a first guess `i`. */
function rankFrom(cdf: Float64Array, u: number, i: number): number {
  while (i > 0 && cdf[i - 1] > u) i--;
  while (i < cdf.length && !(cdf[i] > u)) i++;
  return i;
}

/** A guide table over ascending values: entry b is the number of them at or below b / K. */
function guideOf(cdf: Float64Array, K: number): Int32Array {
  const guide = new Int32Array(K);
  let i = 0;
  for (let b = 0; b < K; b++) {
    i = rankFrom(cdf, b / K, i);
    guide[b] = i;
  }
  return guide;
}

/** The base's guide table, per model. */
const baseGuides = new WeakMap<KneserNey, Int32Array>();
function baseGuide(m: KneserNey): Int32Array {
  let g = baseGuides.get(m);
  if (g === undefined) {
    g = guideOf(baseCdf(m), PER_ENTRY * m.base.length);
    baseGuides.set(m, g);
  }
  return g;
}

/** Builds the index of a mixture. */
export function mixtureIndex(m: KneserNey, mix: KnMixture): MixtureIndex {
  const levels = mix.n;
  const tables: ContextTable[] = [];
  let total = 0;
  for (let l = 0; l < levels; l++) {
    const t = levelTable(m, mix, l);
    tables.push(t);
    total += t.start[mix.ctx[l] + 1] - t.start[mix.ctx[l]];
  }
  // The union of the followers, sorted and made distinct.
  const all = new Int32Array(total);
  let k = 0;
  for (let l = 0; l < levels; l++) {
    const t = tables[l];
    const c = mix.ctx[l];
    for (let j = t.start[c]; j < t.start[c + 1]; j++) all[k++] = t.ids[j];
  }
  if (levels > 1) all.sort();
  let n = 0;
  for (let j = 0; j < total; j++) if (n === 0 || all[j] !== all[n - 1]) all[n++] = all[j];
  const ids = all.slice(0, n);
  const cdf = new Float64Array(n);
  const terms = new Float64Array(n * levels);
  const B = baseCdf(m);
  for (let i = 0; i < n; i++) {
    const x = ids[i];
    let s = mix.scale * B[x];
    for (let l = 0; l < levels; l++) {
      const t = tables[l];
      const c = mix.ctx[l];
      const term = (mix.scl[l] * cumUpTo(t, c, x)) / t.total[c];
      terms[i * levels + l] = term;
      s += term;
    }
    cdf[i] = s;
  }
  return { ids, cdf, terms, levels, scale: mix.scale, B, guide: guideOf(cdf, PER_ENTRY * n + 1), baseGuide: baseGuide(m) };
}

/** The CDF at x within the gap after U's token i (i = -1: before U's first token, where every
 * level's term is (scl * 0) / total = 0 and adds nothing). */
function gapCdf(idx: MixtureIndex, x: TokenId, i: number): number {
  let s = idx.scale * idx.B[x];
  if (i < 0) return s;
  const { terms, levels } = idx;
  for (let l = 0; l < levels; l++) s += terms[i * levels + l];
  return s;
}

/** cdfAt(x) read from the index (the same value). */
export function indexCdf(idx: MixtureIndex, x: TokenId): number {
  const { ids } = idx;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && ids[lo - 1] === x) return idx.cdf[lo - 1];
  return gapCdf(idx, x, lo - 1);
}

/** A guess of the first id in [a, b) whose CDF (gap after U's token i) exceeds u: where the
 * base's running sum reaches (u - the gap's level terms) / scale, by the base's guide. */
function gapGuess(idx: MixtureIndex, i: number, a: number, b: number, u: number): number {
  const terms = i < 0 ? 0 : idx.cdf[i] - idx.scale * idx.B[idx.ids[i]];
  const t = (u - terms) / idx.scale;
  const g = idx.baseGuide;
  const k = t * g.length;
  // (NaN, should scale be 0: the first id; any guess is checked.)
  const x = k >= 0 ? (k < g.length ? g[Math.floor(k)] : idx.B.length) : 0;
  return Math.max(a, Math.min(x, b - 1));
}

/** The first id in [a, b) whose CDF (gap after U's token i) exceeds u, else b; the CDF values
 * are monotone, so any search finds the same id. Starts at the guide's guess and checks its
 * neighbour; a binary search if that fails. */
function firstInGap(idx: MixtureIndex, i: number, a: number, b: number, u: number): number {
  if (a >= b) return b;
  const x = gapGuess(idx, i, a, b, u);
  if (gapCdf(idx, x, i) > u) {
    if (x === a || !(gapCdf(idx, x - 1, i) > u)) return x;
    b = x - 1;
  } else {
    if (x + 1 === b || (x + 1 < b && gapCdf(idx, x + 1, i) > u)) return x + 1;
    a = x + 2;
  }
  while (a < b) {
    const mid = (a + b) >> 1;
    if (gapCdf(idx, mid, i) > u) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Guard band of indexed draws from a model's kept rows: a bound on how far the CDF formula
 * and the row's running sum (rowCdf) can part, with a factor 2 to spare. Each of the V + 2
 * terms of either sum has at most (2 levels + 4) roundings of relative size 2^-53, and the
 * level's running sums at most V more. */
export function guardBand(m: KneserNey, levels: number): number {
  const V = m.base.length;
  return ((levels + 2) * V + 8 * levels + 16) * 2 ** -52;
}

/**
 * The token `sample(row, u)` gives for a kept row of the mixture (row = mixtureRow, its running
 * sum rowCdf), when the index can tell: the token x the CDF formula gives, if u lies more than
 * `band` inside its interval [cdf(x - 1), cdf(x)) (the row's running sum then puts u in the
 * same interval). -1 when u is within `band` of an edge or past the end: the caller then reads
 * the row's own running sum (about 2 * band of every uniform, never in practice).
 */
export function guardedDraw(idx: MixtureIndex, u: number, band: number): TokenId {
  const { ids, cdf, B } = idx;
  const n = cdf.length;
  const V = B.length;
  // Where u falls among U (the guide's guess, corrected).
  const guide = idx.guide;
  const kk = u * guide.length;
  let lo = kk >= 0 ? (kk < guide.length ? guide[Math.floor(kk)] : n) : 0;
  while (lo > 0 && cdf[lo - 1] > u) lo--;
  while (lo < n && !(cdf[lo] > u)) lo++;
  // The gap before U's token lo: ids [from, end); then that token (end), or V past U's last.
  const from = lo > 0 ? ids[lo - 1] + 1 : 0;
  const end = lo < n ? ids[lo] : V;
  const i = lo - 1;
  // The CDF at x (the first id above u) and at x - 1 (-1: x is 0, nothing before).
  let x = end;
  let at = lo < n ? cdf[lo] : Number.NaN;
  let before = lo > 0 ? cdf[lo - 1] : -1;
  if (from < end) {
    let g = gapGuess(idx, i, from, end, u);
    let cg = gapCdf(idx, g, i);
    if (cg > u) {
      // x <= g: usually g itself.
      let cp = g > from ? gapCdf(idx, g - 1, i) : before;
      if (cp > u) {
        g = firstInGap(idx, i, from, g - 1, u);
        cg = gapCdf(idx, g, i);
        cp = g > from ? gapCdf(idx, g - 1, i) : before;
      }
      x = g;
      at = cg;
      before = cp;
    } else if (g + 1 < end) {
      // x > g: usually g + 1.
      const ca = gapCdf(idx, g + 1, i);
      if (ca > u) {
        x = g + 1;
        at = ca;
        before = cg;
      } else {
        x = firstInGap(idx, i, g + 2, end, u);
        if (x < end) {
          at = gapCdf(idx, x, i);
          before = gapCdf(idx, x - 1, i);
        } else before = gapCdf(idx, end - 1, i);
      }
    } else before = cg;
  }
  if (x >= V) return -1;
  if (!(at - u > band)) return -1;
  return x === 0 || u - before >= band ? x : -1;
}
