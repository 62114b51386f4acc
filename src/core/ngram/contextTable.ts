import type { TokenId } from '../types';

/**
 * One n-gram order's contexts and their followers, as flat typed arrays built once at training
 * time: an open-addressing table from a context (its k tokens) to a context index c, and per
 * context its followers in id order with the discounted counts and their running sum. A lookup
 * hashes the context's ids (no string, no Map, no boxed key), a level's followers are a slice
 * of shared arrays (nothing built lazily, nothing allocated per call).
 *
 * A context's ids are stored most recent first: hashing walks back from the newest token, so
 * the hash of the k-token context extends the hash of its (k-1)-token suffix (hashStep), and
 * one pass over the context serves every order.
 */
export interface ContextTable {
  /** Context length (the order minus one), >= 1. */
  readonly k: number;
  /** Absolute discount of this order. */
  readonly d: number;
  /** Slot -> context index + 1 (0: empty); the slot count is a power of two. */
  readonly slots: Int32Array;
  /** log2 of the slot count. */
  readonly bits: number;
  /** Context c's ids, most recent first, at [c k, c k + k). */
  readonly keys: Int32Array;
  /** Context c's followers are entries [start[c], start[c + 1]). */
  readonly start: Int32Array;
  /** Follower ids, ascending within a context. */
  readonly ids: Int32Array;
  /** Raw count of each follower (a continuation count below the top order). */
  readonly n: Int32Array;
  /** max(n - d, 0): the discounted count. */
  readonly w: Float64Array;
  /** Running sum of w within the context, in id order. */
  readonly cum: Float64Array;
  /** Context c's total count. */
  readonly total: Float64Array;
  /** Context c's interpolation weight: d * (distinct followers) / total. */
  readonly gamma: Float64Array;
}

/** Hash seed before any token. */
export const HASH_SEED = 0x2545f491;

/** The hash of a context extended one token further back. */
export function hashStep(h: number, id: TokenId): number {
  const x = Math.imul(h ^ (id + 0x7f4a7c15), 0x85ebca6b);
  return x ^ (x >>> 13);
}

/** The first slot probed for a hash (multiplicative hashing: the top bits). */
function slotOf(h: number, bits: number): number {
  return Math.imul(h, 0xc2b2ae35) >>> (32 - bits);
}

/**
 * The index of the context whose ids (most recent first) are `at(0) .. at(k-1)`, given their
 * hash; -1 if the order never saw it.
 */
export function findContext(t: ContextTable, h: number, ctx: readonly TokenId[], len: number, bos: TokenId): number {
  const { slots, keys, k } = t;
  const mask = slots.length - 1;
  for (let s = slotOf(h, t.bits); ; s = (s + 1) & mask) {
    const c1 = slots[s];
    if (c1 === 0) return -1;
    const base = (c1 - 1) * k;
    let j = 0;
    for (; j < k; j++) {
      const i = len - 1 - j;
      if (keys[base + j] !== (i < 0 ? bos : ctx[i])) break;
    }
    if (j === k) return c1 - 1;
  }
}

/**
 * The tuples (count of them, `stride` ids each) in lexicographic order. Where every tuple fits
 * in a double as base-W digits (W: the largest id + 1), as one number each sorted natively
 * (no comparator calls), then read back; else by index with a comparator. Equal tuples are
 * equal either way, so both give the same sequence.
 */
function sortTuples(tuples: Int32Array, count: number, stride: number): Int32Array {
  const out = new Int32Array(count * stride);
  let W = 1;
  for (let i = 0; i < count * stride; i++) if (tuples[i] >= W) W = tuples[i] + 1;
  if (W ** stride <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      let v = 0;
      for (let j = 0; j < stride; j++) v = v * W + tuples[r * stride + j];
      packed[r] = v;
    }
    packed.sort();
    for (let r = 0; r < count; r++) {
      let v = packed[r];
      for (let j = stride - 1; j >= 0; j--) {
        const d = v % W;
        out[r * stride + j] = d;
        v = (v - d) / W;
      }
    }
    return out;
  }
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => {
    const pa = a * stride;
    const pb = b * stride;
    for (let j = 0; j < stride; j++) {
      const diff = tuples[pa + j] - tuples[pb + j];
      if (diff !== 0) return diff;
    }
    return 0;
  });
  for (let r = 0; r < count; r++) for (let j = 0; j < stride; j++) out[r * stride + j] = tuples[order[r] * stride + j];
  return out;
}

/**
 * Builds the table of one order from n-grams given as tuples of k + 1 ids (the context most
 * recent first, then the follower), each counted once; `d` from the counts (discountOf).
 */
export function buildTable(tuples: Int32Array, count: number, k: number, discount: (n: Int32Array) => number): ContextTable {
  const stride = k + 1;
  const sorted = sortTuples(tuples, count, stride);
  const same = (a: number, b: number, len: number) => {
    for (let j = 0; j < len; j++) if (sorted[a * stride + j] !== sorted[b * stride + j]) return false;
    return true;
  };
  // Distinct contexts and distinct (context, follower) entries.
  let contexts = 0;
  let entries = 0;
  for (let r = 0; r < count; r++) {
    if (r === 0 || !same(r, r - 1, k)) contexts++;
    if (r === 0 || !same(r, r - 1, stride)) entries++;
  }
  const keys = new Int32Array(contexts * k);
  const start = new Int32Array(contexts + 1);
  const ids = new Int32Array(entries);
  const n = new Int32Array(entries);
  let c = -1;
  let e = -1;
  for (let r = 0; r < count; r++) {
    const p = r * stride;
    if (r === 0 || !same(r, r - 1, k)) {
      c++;
      for (let j = 0; j < k; j++) keys[c * k + j] = sorted[p + j];
      start[c] = e + 1;
    }
    if (r === 0 || !same(r, r - 1, stride)) {
      e++;
      ids[e] = sorted[p + k];
    }
    n[e]++;
  }
  start[contexts] = entries;
  const d = discount(n);
  const w = new Float64Array(entries);
  const cum = new Float64Array(entries);
  const total = new Float64Array(contexts);
  const gamma = new Float64Array(contexts);
  for (let ci = 0; ci < contexts; ci++) {
    let acc = 0;
    let tot = 0;
    for (let j = start[ci]; j < start[ci + 1]; j++) {
      w[j] = Math.max(n[j] - d, 0);
      acc += w[j];
      cum[j] = acc;
      tot += n[j];
    }
    total[ci] = tot;
    gamma[ci] = (d * (start[ci + 1] - start[ci])) / tot;
  }
  // At most half full, so probes stay short.
  let bits = 4;
  while (1 << bits < 2 * contexts) bits++;
  const slots = new Int32Array(1 << bits);
  const mask = slots.length - 1;
  for (let ci = 0; ci < contexts; ci++) {
    let h = HASH_SEED;
    for (let j = 0; j < k; j++) h = hashStep(h, keys[ci * k + j]);
    let s = slotOf(h, bits);
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = ci + 1;
  }
  return { k, d, slots, bits, keys, start, ids, n, w, cum, total, gamma };
}

/** The index of `x` among context c's followers, or -1 (binary search in id order). */
export function followerIndex(t: ContextTable, c: number, x: TokenId): number {
  const { ids } = t;
  let lo = t.start[c];
  let hi = t.start[c + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const y = ids[mid];
    if (y === x) return mid;
    if (y < x) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** Sum of context c's discounted counts over followers with id <= x. */
export function cumUpTo(t: ContextTable, c: number, x: TokenId): number {
  const { ids } = t;
  const from = t.start[c];
  let lo = from;
  let hi = t.start[c + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === from ? 0 : t.cum[lo - 1];
}
