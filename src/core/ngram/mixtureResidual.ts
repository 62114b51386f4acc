import type { Dist, Rng, TokenId } from '../types';
import type { KneserNey, KnMixture } from './kneserNey';
import { baseCdf, levelTable, mixtureDraw } from './mixture';

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
   * A draw from norm(max(0, p - q)) walking ids in order, as sampleResidual walks the rows: the
   * same token for the same uniform (up to rounding at a boundary, about 1e-16).
   */
  residual(mix: KnMixture, q: Dist, qm: KneserNey, qMix: KnMixture, rng: Rng): TokenId {
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
    // Nothing left (p == q): p itself, as sampleResidual does.
    if (mass <= 1e-12) return mixtureDraw(m, mix, rng);
    const u = rng.next() * mass;
    let acc = 0;
    let prev = -1; // the last id walked
    let last = -1; // the last token of S with residual mass
    for (let j = 0; j <= n; j++) {
      const y = j < n ? S[j] : V;
      // The gap (prev, y): residual c0 * b(y') over it.
      if (c0 > 0 && y - prev > 1) {
        const from = prev < 0 ? 0 : B[prev];
        const gap = c0 * (B[y - 1] - from);
        if (acc + gap > u) {
          let lo = prev + 1;
          let hi = y - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (acc + c0 * (B[mid] - from) > u) hi = mid;
            else lo = mid + 1;
          }
          return lo;
        }
        acc += gap;
      }
      if (j === n) break;
      if (pv[y] > q[y]) {
        acc += pv[y] - q[y];
        last = y;
        if (u < acc) return y;
      }
      prev = y;
    }
    // Rounding: u at the very end falls on the last token with residual mass.
    if (c0 > 0) for (let y = V - 1; y > last; y--) if (m.base[y] > 0 && stamp[y] !== gen) return y;
    return last >= 0 ? last : mixtureDraw(m, mix, rng);
  }
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
