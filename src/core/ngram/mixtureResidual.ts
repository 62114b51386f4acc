import type { Dist, Rng, TokenId } from '../types';
import type { KneserNey, KnMixture } from './kneserNey';
import { baseCdf, levelTable, mixtureDraw } from './mixture';

/** Entries per chunk of walk storage. */
const CHUNK = 1 << 15;

/**
 * Walks are views into shared chunks (a new chunk when one is full; a full one lives on as long
 * as walks view it): thousands of walks are a few buffers, not thousands of small ArrayBuffers
 * for the garbage collector to track.
 */
class Chunks<A extends Float64Array | Int32Array> {
  /** The chunk being filled, and how much of it is taken. */
  buf: A;
  used = 0;
  constructor(private readonly make: (n: number) => A) {
    this.buf = make(0);
  }
  /** The start, in `buf`, of `k` free entries (in a new chunk when this one is full). */
  reserve(k: number): number {
    if (this.used + k > this.buf.length) {
      this.buf = this.make(Math.max(CHUNK, k));
      this.used = 0;
    }
    const p = this.used;
    this.used += k;
    return p;
  }
}

/**
 * A target KN mixture p against a draft's row q that is itself a KN mixture over the same base
 * (the n-gram world's draft): the residual norm(max(0, p - q)) after a rejection, without p's
 * row.
 *
 * Outside S, the union of both mixtures' level supports, p(y) = sp b(y) and q(y) = sq b(y)
 * (sp, sq: the weights left for the base). So there the residual is (sp - sq)^+ b(y), whose
 * running sum over a gap of ids is a difference of the base's running sums. Tokens of S are
 * taken one by one: O(|S| log |S|) plus a binary search in one gap, instead of O(V).
 */
export class SharedBase {
  private readonly stamp: Int32Array;
  private readonly ids: Int32Array;
  /** p(y) for the tokens of S, as the row has it (the same operations in the same order). */
  private readonly pv: Float64Array;
  private gen = 0;
  /** The chunks walks are laid out in. */
  private readonly f64 = new Chunks((n) => new Float64Array(n));
  private readonly i32 = new Chunks((n) => new Int32Array(n));

  constructor(private readonly m: KneserNey) {
    this.stamp = new Int32Array(m.base.length);
    this.ids = new Int32Array(m.base.length);
    this.pv = new Float64Array(m.base.length);
  }

  /** Collects S into ids[0..n) (unsorted) with p(y) in pv; returns n. */
  private gather(mix: KnMixture, qm: KneserNey, qMix: KnMixture): number {
    if (this.gen >= 0x3fffffff) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    const gen = ++this.gen;
    const { stamp, ids, pv, m } = this;
    const { base } = m;
    const sp = mix.scale;
    let n = 0;
    const add = (mm: KneserNey, mx: KnMixture) => {
      for (let l = 0; l < mx.n; l++) {
        const t = levelTable(mm, mx, l);
        const a = t.ids;
        const ci = mx.ctx[l];
        for (let j = t.start[ci]; j < t.start[ci + 1]; j++) {
          const y = a[j];
          if (stamp[y] !== gen) {
            stamp[y] = gen;
            ids[n++] = y;
            pv[y] = sp * base[y];
          }
        }
      }
    };
    add(m, mix);
    add(qm, qMix);
    // p's levels in order over the base part: the row's own sums, bit for bit.
    for (let l = 0; l < mix.n; l++) {
      const { ids: a, w, start, total } = levelTable(m, mix, l);
      const c = mix.scl[l];
      const ci = mix.ctx[l];
      const tot = total[ci];
      for (let j = start[ci]; j < start[ci + 1]; j++) pv[a[j]] += (c * w[j]) / tot;
    }
    return n;
  }

  /**
   * The walk of norm(max(0, p - q)) over ids in order, as sampleResidual walks the rows, laid
   * out once for the pair: its events (a gap between tokens of S, where the residual is
   * c0 b(y), or a token of S with residual mass) with the running sum after each. Drawing from
   * it (walkDraw) gives the token the walk gives for the same uniform (up to rounding at a
   * boundary, about 1e-16, against the rows).
   */
  walk(mix: KnMixture, q: Dist, qm: KneserNey, qMix: KnMixture): ResidualWalk {
    const { m } = this;
    const n = this.gather(mix, qm, qMix);
    const S = this.ids.subarray(0, n).sort();
    const { pv, stamp, gen } = this;
    const B = baseCdf(m);
    const V = m.base.length;
    const c0 = mix.scale > qMix.scale ? mix.scale - qMix.scale : 0;
    let massS = 0;
    let baseS = 0;
    for (let j = 0; j < n; j++) {
      const y = S[j];
      if (pv[y] > q[y]) massS += pv[y] - q[y];
      baseS += m.base[y];
    }
    const mass = massS + c0 * (B[V - 1] - baseS);
    // At most a gap before each token of S, the token, and the gap after the last.
    const cap = 2 * n + 1;
    const fp = this.f64.reserve(2 * cap);
    const ip = this.i32.reserve(2 * cap);
    // Written in place: after at fc[fa..], from at fc[ff..], tok at ic[it..], gapEnd at ic[ig..].
    const fc = this.f64.buf;
    const ic = this.i32.buf;
    const fa = fp;
    const ff = fp + cap;
    const it = ip;
    const ig = ip + cap;
    let events = 0;
    let acc = 0;
    let prev = -1; // the last id walked
    let last = -1; // the last token of S with residual mass
    for (let j = 0; j <= n; j++) {
      const y = j < n ? S[j] : V;
      // The gap (prev, y): residual c0 * b(y') over it.
      if (c0 > 0 && y - prev > 1) {
        const f = prev < 0 ? 0 : B[prev];
        const gap = c0 * (B[y - 1] - f);
        acc += gap;
        fc[fa + events] = acc;
        ic[it + events] = ~(prev + 1);
        ic[ig + events] = y - 1;
        fc[ff + events] = f;
        events++;
      }
      if (j === n) break;
      if (pv[y] > q[y]) {
        acc += pv[y] - q[y];
        fc[fa + events] = acc;
        ic[it + events] = y;
        events++;
        last = y;
      }
      prev = y;
    }
    // Rounding: u at the very end falls on the last token with residual mass (-1: draw p).
    let end = last;
    if (c0 > 0)
      for (let y = V - 1; y > last; y--)
        if (m.base[y] > 0 && stamp[y] !== gen) {
          end = y;
          break;
        }
    // Only the events written are kept (the reservations shrink to them).
    this.f64.used = fp + cap + events;
    this.i32.used = ip + cap + events;
    return {
      mass,
      c0,
      events,
      after: fc.subarray(fa, fa + events),
      tok: ic.subarray(it, it + events),
      gapEnd: ic.subarray(ig, ig + events),
      from: fc.subarray(ff, ff + events),
      end,
      B,
    };
  }

  /** A draw from norm(max(0, p - q)) (walk: p's mixture `mix` against q). */
  residual(mix: KnMixture, q: Dist, qm: KneserNey, qMix: KnMixture, rng: Rng): TokenId {
    return walkDraw(this.m, mix, this.walk(mix, q, qm, qMix), rng);
  }
}

/** A residual's walk (SharedBase.walk): events in id order and the running sum after each. */
export interface ResidualWalk {
  /** The residual's total mass (at most 1e-12: nothing left, p itself is drawn). */
  readonly mass: number;
  /** The base's weight in the residual outside S. */
  readonly c0: number;
  readonly events: number;
  /** The running sum after each event. */
  readonly after: Float64Array;
  /** The event's token, or for a gap ~(its first id). */
  readonly tok: Int32Array;
  /** A gap's last id, and the base's running sum before its first. */
  readonly gapEnd: Int32Array;
  readonly from: Float64Array;
  /** The token a uniform past the last event falls on (-1: a draw from p). */
  readonly end: TokenId;
  /** The base's running sum (baseCdf). */
  readonly B: Float64Array;
}

/**
 * A draw from a residual's walk with one uniform (or p's draw when nothing is left): the first
 * event whose running sum exceeds it, found by binary search (the sums never decrease, so it is
 * the event the walk in id order stops at), and within a gap the same search over the base.
 */
export function walkDraw(m: KneserNey, mix: KnMixture, w: ResidualWalk, rng: Rng): TokenId {
  // Nothing left (p == q): p itself, as sampleResidual does.
  if (w.mass <= 1e-12) return mixtureDraw(m, mix, rng);
  const u = rng.next() * w.mass;
  const { after } = w;
  let lo = 0;
  let hi = w.events;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  if (lo === w.events) return w.end >= 0 ? w.end : mixtureDraw(m, mix, rng);
  const t = w.tok[lo];
  if (t >= 0) return t;
  // In a gap: acc + c0 * (B[y] - from) over its ids, acc the running sum before it.
  const acc = lo > 0 ? after[lo - 1] : 0;
  const from = w.from[lo];
  const { c0, B } = w;
  let a = ~t;
  let b = w.gapEnd[lo];
  while (a < b) {
    const mid = (a + b) >> 1;
    if (acc + c0 * (B[mid] - from) > u) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Whether two KN models share their base distribution (checked once per pair). */
const sameBaseMemo = new WeakMap<KneserNey, WeakMap<KneserNey, boolean>>();
export function sameBase(a: KneserNey, b: KneserNey): boolean {
  let inner = sameBaseMemo.get(a);
  if (inner === undefined) {
    inner = new WeakMap();
    sameBaseMemo.set(a, inner);
  }
  let same = inner.get(b);
  if (same === undefined) {
    same = a.base.length === b.base.length && a.base.every((v, i) => v === b.base[i]);
    inner.set(b, same);
  }
  return same;
}
