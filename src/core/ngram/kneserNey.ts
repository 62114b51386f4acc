import type { TokenId } from '../types';
import { buildTable, type ContextTable, findContext, HASH_SEED, hashStep } from './contextTable';
import { mixtureRow } from './mixture';

/** A trained interpolated Kneser-Ney model: raw probabilities over the vocabulary. */
export interface KneserNey {
  readonly order: number;
  readonly vocabSize: number;
  /** tables[o - 1]: the contexts of order o (o - 1 tokens) and their followers, raw counts for
   * the top order and continuation counts below; null for o = 1 (the unigram level is `base`). */
  readonly tables: readonly (ContextTable | null)[];
  /** Absolute discount per order (index k-1). */
  readonly discounts: readonly number[];
  /** The interpolated unigram level, already mixed with the uniform distribution. */
  readonly base: Float64Array;
  readonly bos: TokenId;
}

/** Modified-KN style discount D = n1 / (n1 + 2 n2) from the count-of-counts, kept in [0.1, 0.95]. */
function discountOf(counts: ArrayLike<number>): number {
  let n1 = 0;
  let n2 = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 1) n1++;
    else if (counts[i] === 2) n2++;
  }
  const d = n1 + 2 * n2 > 0 ? n1 / (n1 + 2 * n2) : 0.75;
  return Math.min(0.95, Math.max(0.1, d));
}

/** Every n-gram of length `order` over the sequences padded with order-1 `bos`, as tuples of
 * the context (most recent first) and the follower. */
function ngramTuples(seqs: readonly (readonly TokenId[])[], order: number, bos: TokenId, onTokens?: (n: number) => void): [Int32Array, number] {
  let count = 0;
  for (const s of seqs) count += s.length;
  const tuples = new Int32Array(count * order);
  let p = 0;
  for (const s of seqs)
    for (let i = 0; i < s.length; i++) {
      for (let j = 1; j < order; j++) tuples[p++] = i - j < 0 ? bos : s[i - j];
      tuples[p++] = s[i];
      // Progress for long corpora, every 2^17 tokens.
      if (onTokens && ((i + 1) & 0x1ffff) === 0) onTokens(0x20000);
    }
  return [tuples, count];
}

/** Kneser-Ney continuation tuples one order down: for each (v h, w) of the higher table, (h, w). */
function continuationTuples(higher: ContextTable): [Int32Array, number] {
  const k = higher.k - 1;
  const count = higher.ids.length;
  const tuples = new Int32Array(count * (k + 1));
  let p = 0;
  for (let c = 0; c + 1 < higher.start.length; c++)
    for (let e = higher.start[c]; e < higher.start[c + 1]; e++) {
      // Most recent first: dropping v, the oldest token, drops the key's last id.
      for (let j = 0; j < k; j++) tuples[p++] = higher.keys[c * higher.k + j];
      tuples[p++] = higher.ids[e];
    }
  return [tuples, count];
}

/**
 * Trains interpolated Kneser-Ney of the given order over the sequences (padded with `bos`).
 * Tokens listed in `never` (e.g. the padding token) get probability zero.
 */
export function trainKneserNey(
  seqs: readonly (readonly TokenId[])[],
  order: number,
  vocabSize: number,
  bos: TokenId,
  onTokens?: (n: number) => void,
): KneserNey {
  const tables: (ContextTable | null)[] = new Array(order).fill(null);
  // The unigram level's counts: raw for a unigram model, else continuation counts.
  const uni = new Int32Array(vocabSize);
  if (order === 1) {
    for (const s of seqs) for (let i = 0; i < s.length; i++) uni[s[i]]++;
  } else {
    let [tuples, count] = ngramTuples(seqs, order, bos, onTokens);
    for (let o = order; o >= 2; o--) {
      const t = buildTable(tuples, count, o - 1, discountOf);
      tables[o - 1] = t;
      if (o > 2) [tuples, count] = continuationTuples(t);
    }
    const t2 = tables[1] as ContextTable;
    for (let e = 0; e < t2.ids.length; e++) uni[t2.ids[e]]++;
  }
  const nonzero = Array.from(uni).filter((c) => c > 0);
  const discounts = tables.map((t, i) => (i === 0 ? discountOf(nonzero) : (t as ContextTable).d));
  const base = new Float64Array(vocabSize);
  const uniTotal = nonzero.reduce((a, c) => a + c, 0);
  if (uniTotal === 0) base.fill(1 / vocabSize);
  else {
    const d = discounts[0];
    const lambda = (d * nonzero.length) / uniTotal;
    base.fill(lambda / vocabSize);
    for (let w = 0; w < vocabSize; w++) if (uni[w] > 0) base[w] += Math.max(uni[w] - d, 0) / uniTotal;
  }
  // The padding token is never predicted. It never follows a context either, so with it out of
  // the base every interpolated distribution below sums to 1 without renormalising.
  base[bos] = 0;
  let total = 0;
  for (let i = 0; i < vocabSize; i++) total += base[i];
  for (let i = 0; i < vocabSize; i++) base[i] /= total;
  return { order, vocabSize, tables, discounts, base, bos };
}

/**
 * Interpolated KN after a context as the mixture it is: P(x) = sum over found levels of
 * scale * max(n(x) - d, 0) / total, plus `scale` * base(x) (the weight left for the base).
 * Levels run from the highest order down; unseen contexts pass straight through. Filled in
 * place (fillMixture), so a cache can reuse one per slot.
 */
export class KnMixture {
  /** Levels found. */
  n = 0;
  /** Per level, highest order first: its order, its context index in that order's table and
   * its weight (the product of the interpolation weights of the levels above it). */
  readonly ord: Int32Array;
  readonly ctx: Int32Array;
  readonly scl: Float64Array;
  /** Weight of the base distribution. */
  scale = 1;

  constructor(maxLevels: number) {
    this.ord = new Int32Array(maxLevels);
    this.ctx = new Int32Array(maxLevels);
    this.scl = new Float64Array(maxLevels);
  }
}

/** A fresh mixture sized for the model. */
export function newMixture(m: KneserNey): KnMixture {
  return new KnMixture(Math.max(1, m.order - 1));
}

/**
 * Fills `mix` with the mixture after ctx[0..len) (padded on the left with `bos`, as in
 * training). A context unseen at some order is unseen at every higher one (a continuation
 * count exists wherever a longer context was counted), so the search stops at the first miss.
 */
export function fillMixture(m: KneserNey, ctx: readonly TokenId[], len: number, mix: KnMixture): KnMixture {
  const { tables, bos } = m;
  // Context indices found, by order (orders 2..top), found from the shortest context up.
  let h = HASH_SEED;
  let top = 1;
  const found = mix.ctx;
  for (let o = 2; o <= m.order; o++) {
    const i = len - o + 1;
    h = hashStep(h, i < 0 ? bos : ctx[i]);
    const c = findContext(tables[o - 1] as ContextTable, h, ctx, len, bos);
    if (c < 0) break;
    // Stored ascending for now (index o - 2); reversed below.
    found[o - 2] = c;
    top = o;
  }
  // P_N = s_N + g_N (s_{N-1} + g_{N-1} (... + g_2 base)): each level's sparse part and the
  // product of the interpolation weights above it.
  const n = top - 1;
  for (let a = 0, b = n - 1; a < b; a++, b--) {
    const t = found[a];
    found[a] = found[b];
    found[b] = t;
  }
  let scale = 1;
  for (let l = 0; l < n; l++) {
    const o = top - l;
    mix.ord[l] = o;
    mix.scl[l] = scale;
    scale *= (tables[o - 1] as ContextTable).gamma[found[l]];
  }
  mix.n = n;
  mix.scale = scale;
  return mix;
}

/**
 * A mixture depends only on the longest context found (its lower levels are that context's
 * suffixes): node ids name them, 0 for the base alone (no level found) and offsets[o] + c for
 * context c of order o. offsets[order + 1] is the number of nodes.
 */
export function nodeOffsets(m: KneserNey): Int32Array {
  const offsets = new Int32Array(m.order + 2);
  let next = 1;
  for (let o = 2; o <= m.order; o++) {
    offsets[o] = next;
    next += (m.tables[o - 1] as ContextTable).start.length - 1;
  }
  offsets[m.order + 1] = next;
  return offsets;
}

/** The node of the mixture after ctx[0..len): the same search as fillMixture, no fill. */
export function mixtureNode(m: KneserNey, ctx: readonly TokenId[], len: number, offsets: Int32Array): number {
  const { tables, bos } = m;
  let h = HASH_SEED;
  let node = 0;
  for (let o = 2; o <= m.order; o++) {
    const i = len - o + 1;
    h = hashStep(h, i < 0 ? bos : ctx[i]);
    const c = findContext(tables[o - 1] as ContextTable, h, ctx, len, bos);
    if (c < 0) break;
    node = offsets[o] + c;
  }
  return node;
}

/** The mixture after ctx[0..len), freshly allocated. */
export function kneserNeyMixture(m: KneserNey, ctx: readonly TokenId[], len: number): KnMixture {
  return fillMixture(m, ctx, len, newMixture(m));
}

/**
 * The full next-token distribution after ctx[0..len), by interpolating from the unigram level
 * up to the model's order (missing contexts fall back to the lower order). The padding token
 * gets zero and the rest is renormalised. Units: probabilities.
 */
export function kneserNeyDist(m: KneserNey, ctx: readonly TokenId[], len: number): Float64Array {
  return mixtureRow(m, kneserNeyMixture(m, ctx, len));
}
