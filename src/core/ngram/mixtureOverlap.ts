import type { Dist, TokenId } from '../types';
import { type ContextTable, followerIndex } from './contextTable';
import type { KneserNey, KnMixture } from './kneserNey';
import { levelTable } from './mixture';

/**
 * sum_x min(p(x), q(x)) for a KN mixture p and a whole row q, without p's row.
 *
 * Write p = T + c * P, where P is the lowest found level's own interpolated distribution
 * (its discounted counts plus its share of the base; the base itself when no level is found),
 * c the product of the interpolation weights above it, and T the sparse parts of the higher
 * levels (support H: the followers of the longer contexts, few). Then
 *   sum min(p, q) = F(c) + sum_{x in H} [min(p(x), q(x)) - min(c P(x), q(x))],
 * with F(c) = sum_x min(c P(x), q(x)) piecewise linear in c: sorting tokens by q(x) / P(x),
 * F(c) = (q's mass where q/P <= c) + c * (P's mass where q/P > c), two prefix sums and a binary
 * search. P depends only on the lowest context (for a bigram draft, the draft's own context),
 * so the sort is paid once per (P, q) pair and every later position costs O(|H| + log V).
 */
export interface Envelope {
  /** The distinct values of q(x) / P(x), ascending, over tokens with P(x) > 0. */
  readonly ratio: Float64Array;
  /** cumQ[j]: q's mass over tokens whose ratio is below ratio[j]. */
  readonly cumQ: Float64Array;
  /** sufP[j]: P's mass over tokens whose ratio is ratio[j] or above. */
  readonly sufP: Float64Array;
}

/**
 * The envelope of P against q. Tokens with equal ratios fall on the same side of any c, so
 * they share one entry (their masses summed in id order): most tokens lie outside both
 * levels' supports, where the ratio takes only a few values, so the arrays hold a few hundred
 * entries rather than V (smaller to build, to keep and to search). `scratch` holds V floats.
 */
function envelope(P: Dist, q: Dist, scratch: Float64Array): Envelope {
  let n = 0;
  for (let i = 0; i < P.length; i++) if (P[i] > 0) scratch[n++] = q[i] / P[i];
  // A native numeric sort, then the distinct values: no comparator calls.
  const sorted = scratch.subarray(0, n).sort();
  let m = 0;
  for (let j = 0; j < n; j++) if (m === 0 || sorted[j] !== sorted[m - 1]) sorted[m++] = sorted[j];
  const ratio = sorted.slice(0, m);
  const massQ = new Float64Array(m);
  const massP = new Float64Array(m);
  for (let i = 0; i < P.length; i++) {
    if (!(P[i] > 0)) continue;
    const r = q[i] / P[i];
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ratio[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    massQ[lo] += q[i];
    massP[lo] += P[i];
  }
  const cumQ = new Float64Array(m + 1);
  const sufP = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) cumQ[j + 1] = cumQ[j] + massQ[j];
  for (let j = m - 1; j >= 0; j--) sufP[j] = sufP[j + 1] + massP[j];
  return { ratio, cumQ, sufP };
}

function evalEnvelope(e: Envelope, c: number): number {
  let lo = 0;
  let hi = e.ratio.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.ratio[mid] <= c) lo = mid + 1;
    else hi = mid;
  }
  return e.cumQ[lo] + c * e.sufP[lo];
}

/**
 * Rows that KN models built and cache (the draft's q rows): they recur from step to step, so
 * an envelope per (P, q) pair pays for its sort. Other arrays (one-off rows of other models)
 * are summed over the target's row instead. For an unshaped row (T = 1) the registry also
 * holds the mixture it came from (the residual's sparse walk reads it).
 */
const cachedRows = new WeakMap<Dist, { m: KneserNey; mix: KnMixture } | null>();

/** Registers a row a model caches: with its mixture when unshaped, else null. */
export function registerRow(row: Dist, source: { m: KneserNey; mix: KnMixture } | null): void {
  cachedRows.set(row, source);
}

/** Whether `row` is a cached model row (registerRow). */
export function isRecurring(row: Dist): boolean {
  return cachedRows.has(row);
}

/** The mixture an unshaped cached row came from (undefined for any other array). */
export function rowSource(row: Dist): { m: KneserNey; mix: KnMixture } | null | undefined {
  return cachedRows.get(row);
}

/** Floats the cached envelopes of one model may hold before they are dropped. */
const MAX_CACHED_FLOATS = 1 << 23;

/**
 * What a lowest level keeps: the envelope of its own distribution P against one q row. P is
 * not kept (V floats per context): P(x) is g * b(x) plus the context's discounted share of x,
 * read back in O(log followers) (pAt) with the operations that built it.
 */
export interface LowCache {
  /** The level's table and context (null: the base itself is P). */
  readonly t: ContextTable | null;
  readonly c: number;
  q: Dist | null;
  env: Envelope | null;
}

/** Overlap of one KN model's mixtures with given q rows; holds its caches. */
export class MixtureOverlap {
  /** The base's cache (targets whose context no level has seen). */
  private readonly baseLow: LowCache;
  /** lows[o - 1][c]: the cache of context c of order o, as the lowest level found. */
  private lows: (LowCache | undefined)[][];
  /** Floats the caches hold. */
  private floats = 0;
  /** Scratch per token: a generation stamp, T(x) and the list of tokens touched. */
  private readonly stamp: Int32Array;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  /** Scratch: P over the vocabulary while an envelope is built. */
  private readonly P: Float64Array;
  private gen = 0;

  constructor(private readonly m: KneserNey) {
    this.stamp = new Int32Array(m.base.length);
    this.acc = new Float64Array(m.base.length);
    this.touched = new Int32Array(m.base.length);
    this.P = new Float64Array(m.base.length);
    this.baseLow = { t: null, c: 0, q: null, env: null };
    this.lows = m.tables.map(() => []);
  }

  /** The lowest level's cache, made on first use. */
  private lowOf(t: ContextTable, order: number, c: number): LowCache {
    let low = this.lows[order - 1][c];
    if (low === undefined) {
      if (this.floats > MAX_CACHED_FLOATS) {
        this.lows = this.m.tables.map(() => []);
        this.floats = 0;
      }
      low = { t, c, q: null, env: null };
      this.lows[order - 1][c] = low;
    }
    return low;
  }

  /** P over the vocabulary, into the scratch: g * b(i), then each follower's share added. */
  private fillP(low: LowCache): Float64Array {
    const { base } = this.m;
    const { t, c } = low;
    if (t === null) return base;
    const P = this.P;
    const g = t.gamma[c];
    for (let i = 0; i < P.length; i++) P[i] = g * base[i];
    const { ids, w, start } = t;
    const tot = t.total[c];
    for (let j = start[c]; j < start[c + 1]; j++) P[ids[j]] += w[j] / tot;
    return P;
  }

  /** P(x), the value fillP writes. */
  private pAt(low: LowCache, x: TokenId): number {
    const { base } = this.m;
    const { t, c } = low;
    if (t === null) return base[x];
    const v = t.gamma[c] * base[x];
    const j = followerIndex(t, c, x);
    return j < 0 ? v : v + t.w[j] / t.total[c];
  }

  /**
   * sum_x min(p(x), q(x)) for the mixture p. The value depends only on p and q (not on what
   * is cached), so runs reproduce to the last bit. Pays a sort per new (P, q) pair: use it for
   * q rows that recur (a model's cached rows), not for one-off arrays.
   */
  overlap(mix: KnMixture, q: Dist): number {
    const { m } = this;
    const levels = mix.n;
    const lowL = levels - 1;
    const lc = levels === 0 ? this.baseLow : this.lowOf(levelTable(m, mix, lowL), mix.ord[lowL], mix.ctx[lowL]);
    if (lc.q !== q || lc.env === null) {
      lc.env = envelope(this.fillP(lc), q, this.acc);
      lc.q = q;
      this.floats += 3 * lc.env.ratio.length;
    }
    const env = lc.env;
    const c = levels === 0 ? mix.scale : mix.scl[lowL];
    let ov = evalEnvelope(env, c);
    if (levels < 2) return ov;
    // Tokens of the higher levels: their sparse part T(x), summed per token, replaces
    // min(c P(x), q(x)) by min(T(x) + c P(x), q(x)).
    if (this.gen >= 0x3fffffff) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    const gen = ++this.gen;
    const { stamp, acc, touched } = this;
    let n = 0;
    for (let l = 0; l < lowL; l++) {
      const { ids, w, start, total } = levelTable(m, mix, l);
      const cl = mix.scl[l];
      const ci = mix.ctx[l];
      const tot = total[ci];
      for (let j = start[ci]; j < start[ci + 1]; j++) {
        const x = ids[j];
        if (stamp[x] !== gen) {
          stamp[x] = gen;
          acc[x] = 0;
          touched[n++] = x;
        }
        acc[x] += (cl * w[j]) / tot;
      }
    }
    for (let j = 0; j < n; j++) {
      const x = touched[j];
      const pl = c * this.pAt(lc, x);
      ov += Math.min(acc[x] + pl, q[x]) - Math.min(pl, q[x]);
    }
    return ov;
  }
}
