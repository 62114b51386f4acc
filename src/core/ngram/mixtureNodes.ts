import type { TokenId } from '../types';
import { type ContextTable, followerIndex } from './contextTable';
import { fillMixture, type KneserNey, KnMixture, mixtureNode, nodeOffsets } from './kneserNey';

/** Slots of the context -> slot cache (a power of two). */
const KEY_SLOTS = 1 << 14;

/**
 * The mixtures a high-order model meets, one per node (the longest context found: its lower
 * levels are that context's suffixes, so every context ending in it has the same mixture; see
 * nodeOffsets), each stored once in a flat array when first met and kept: a run's contexts are
 * mostly new, but their nodes are few (at most the contexts of all orders) and recur.
 *
 * A node's slot holds, in one stride of doubles: the base's weight, the number of levels, the
 * top order, and per level its context index and weight (mixture order: highest first). Reading
 * a mixture touches one or two cache lines, not an object and its arrays. Contexts met lately map
 * to their slot through a direct-mapped cache keyed by the context's ids.
 */
export class MixtureNodes {
  /** Levels at most (order - 1). */
  readonly L: number;
  /** Doubles per slot: scale, n, top, then (ctx, scl) per level. */
  readonly stride: number;
  /** Slots in use. */
  size = 0;
  /** The slots' data (grows by doubling). */
  data: Float64Array;
  /** Node -> slot + 1 (0: not met yet). */
  private readonly slotOf: Int32Array;
  private readonly offsets: Int32Array;
  private readonly span: number;
  /** Context keys (base-V digits, where they fit in 53 bits) and their slots. */
  private readonly keys: Float64Array;
  private readonly keySlot: Int32Array;
  private readonly numeric: boolean;
  private readonly scratch: KnMixture;

  constructor(private readonly m: KneserNey) {
    this.L = Math.max(1, m.order - 1);
    this.stride = 3 + 2 * this.L;
    this.offsets = nodeOffsets(m);
    this.slotOf = new Int32Array(this.offsets[m.order + 1]);
    this.data = new Float64Array(64 * this.stride);
    this.span = m.order - 1;
    this.numeric = m.vocabSize ** this.span <= Number.MAX_SAFE_INTEGER;
    this.keys = new Float64Array(this.numeric ? KEY_SLOTS : 0).fill(-1);
    this.keySlot = new Int32Array(this.keys.length);
    this.scratch = new KnMixture(this.L);
  }

  /** The slot of the mixture after ctx[0..len) (padded with bos), stored on first meeting. */
  slot(ctx: readonly TokenId[], len: number): number {
    if (!this.numeric) return this.slotOfNode(ctx, len);
    const { m, span } = this;
    const size = m.vocabSize;
    // The context's key and a hash of its ids, in one pass.
    let k = 0;
    let h = 0;
    for (let i = len - span; i < len; i++) {
      const t = i < 0 ? m.bos : ctx[i];
      k = k * size + t;
      h = Math.imul(h ^ t, 0x9e3779b1);
    }
    const c = (h ^ (h >>> 15)) & (KEY_SLOTS - 1);
    if (this.keys[c] === k) return this.keySlot[c];
    const s = this.slotOfNode(ctx, len);
    this.keys[c] = k;
    this.keySlot[c] = s;
    return s;
  }

  private slotOfNode(ctx: readonly TokenId[], len: number): number {
    const node = mixtureNode(this.m, ctx, len, this.offsets);
    const s1 = this.slotOf[node];
    if (s1 > 0) return s1 - 1;
    // First meeting: the mixture as fillMixture finds it, copied into a new slot.
    const mix = fillMixture(this.m, ctx, len, this.scratch);
    const s = this.size++;
    if ((s + 1) * this.stride > this.data.length) {
      const grown = new Float64Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    const { data, stride } = this;
    const o = s * stride;
    data[o] = mix.scale;
    data[o + 1] = mix.n;
    data[o + 2] = mix.n > 0 ? mix.ord[0] : 1;
    for (let l = 0; l < mix.n; l++) {
      data[o + 3 + 2 * l] = mix.ctx[l];
      data[o + 4 + 2 * l] = mix.scl[l];
    }
    this.slotOf[node] = s + 1;
    return s;
  }

  /** p(x) of slot s's mixture: mixtureProb's operations in its order (the same value). */
  prob(s: number, x: TokenId): number {
    const { data, m } = this;
    const o = s * this.stride;
    const n = data[o + 1];
    const top = data[o + 2];
    let v = data[o] * m.base[x];
    for (let l = 0; l < n; l++) {
      const t = m.tables[top - l - 1] as ContextTable;
      const ci = data[o + 3 + 2 * l];
      const j = followerIndex(t, ci, x);
      if (j >= 0) v += (data[o + 4 + 2 * l] * t.w[j]) / t.total[ci];
    }
    return v;
  }

  /** Slot s's mixture, written into `out` (by default a scratch mixture the next call reuses). */
  mixture(s: number, out: KnMixture = this.scratch): KnMixture {
    const { data } = this;
    const o = s * this.stride;
    const n = data[o + 1];
    const top = data[o + 2];
    out.scale = data[o];
    out.n = n;
    for (let l = 0; l < n; l++) {
      out.ord[l] = top - l;
      out.ctx[l] = data[o + 3 + 2 * l];
      out.scl[l] = data[o + 4 + 2 * l];
    }
    return out;
  }
}
