import type { TokenId } from '../types';
import { contextKey, continuationCounts, countNgrams, type Followers, type OrderCounts } from './counts';
import { type FollowerArrays, mixtureRow } from './mixture';

/** A trained interpolated Kneser-Ney model: raw probabilities over the vocabulary. */
export interface KneserNey {
  readonly order: number;
  readonly vocabSize: number;
  /** counts[k-1]: counts of n-grams of length k (raw for the top order, continuation below). */
  readonly counts: readonly OrderCounts[];
  /** Absolute discount per order (index k-1). */
  readonly discounts: readonly number[];
  /** The interpolated unigram level, already mixed with the uniform distribution. */
  readonly base: Float64Array;
  readonly bos: TokenId;
}

/** Modified-KN style discount D = n1 / (n1 + 2 n2) from the count-of-counts, kept in [0.1, 0.95]. */
function discountOf(counts: OrderCounts): number {
  let n1 = 0;
  let n2 = 0;
  for (const f of counts.values())
    for (const c of f.counts.values()) {
      if (c === 1) n1++;
      else if (c === 2) n2++;
    }
  const d = n1 + 2 * n2 > 0 ? n1 / (n1 + 2 * n2) : 0.75;
  return Math.min(0.95, Math.max(0.1, d));
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
  const counts: OrderCounts[] = new Array(order);
  counts[order - 1] = countNgrams(seqs, order, bos, onTokens);
  for (let k = order - 1; k >= 1; k--) counts[k - 1] = continuationCounts(counts[k], k);
  const discounts = counts.map(discountOf);
  const base = new Float64Array(vocabSize);
  const uni = counts[0].get('');
  if (uni === undefined) base.fill(1 / vocabSize);
  else {
    const d = discounts[0];
    const lambda = (d * uni.counts.size) / uni.total;
    base.fill(lambda / vocabSize);
    for (const [w, c] of uni.counts) base[w] += Math.max(c - d, 0) / uni.total;
  }
  // The padding token is never predicted. It never follows a context either, so with it out of
  // the base every interpolated distribution below sums to 1 without renormalising.
  base[bos] = 0;
  let total = 0;
  for (let i = 0; i < vocabSize; i++) total += base[i];
  for (let i = 0; i < vocabSize; i++) base[i] /= total;
  return { order, vocabSize, counts, discounts, base, bos };
}

/** One interpolation level found for a context: its followers, discount and weight (the
 * product of the interpolation weights of the levels above it). */
export interface KnLevel {
  readonly f: Followers;
  readonly d: number;
  readonly scale: number;
  /** The followers as typed arrays (mixture.ts), attached on first use. */
  arrays?: FollowerArrays;
}

/**
 * Interpolated KN after a context as the mixture it is: P(x) = sum over found levels of
 * scale * max(n(x) - d, 0) / total, plus `scale` * base(x) (the weight left for the base).
 * Levels run from the highest order down; unseen contexts pass straight through.
 */
export interface KnMixture {
  readonly levels: readonly KnLevel[];
  /** Weight of the base distribution. */
  readonly scale: number;
}

/**
 * The counts of each order keyed by the context as one number (base-V digits) where that fits
 * in a double's 53 bits: a numeric Map lookup instead of building and hashing a string per
 * order for each new context. Built once per model, on first use; null where it does not fit.
 */
const numericCounts = new WeakMap<KneserNey, (Map<number, Followers> | null)[]>();
function numericOf(m: KneserNey): (Map<number, Followers> | null)[] {
  let t = numericCounts.get(m);
  if (t === undefined) {
    // All or nothing: the longest context's key must fit (the shorter ones are its remainders).
    const fits = m.vocabSize ** (m.order - 1) <= Number.MAX_SAFE_INTEGER;
    t = m.counts.map((c, i) => {
      if (i === 0 || !fits) return null;
      const map = new Map<number, Followers>();
      for (const [key, f] of c) {
        let k = 0;
        for (const id of key.split(',')) k = k * m.vocabSize + Number(id);
        map.set(k, f);
      }
      return map;
    });
    numericCounts.set(m, t);
  }
  return t;
}

/** The mixture after ctx[0..len) (padded on the left with `bos`, as in training). */
export function kneserNeyMixture(m: KneserNey, ctx: readonly TokenId[], len: number): KnMixture {
  const numeric = numericOf(m);
  // The key of the whole context (order - 1 tokens); the key of its last o - 1 tokens is its
  // remainder modulo V^(o - 1).
  const V = m.vocabSize;
  let full = 0;
  for (let i = len - m.order + 1; i < len; i++) full = full * V + (i < 0 ? m.bos : ctx[i]);
  let pow = V ** (m.order - 1);
  let seq: readonly TokenId[] | null = null;
  let end = len;
  // P_N = s_N + g_N (s_{N-1} + g_{N-1} (... + g_2 base)): each level's sparse part and the
  // product of the interpolation weights above it.
  const levels: KnLevel[] = [];
  let scale = 1;
  for (let o = m.order; o >= 2; o--) {
    const table = numeric[o - 1];
    let f: Followers | undefined;
    if (table !== null) {
      f = table.get(full % pow);
      pow /= V;
    } else {
      if (seq === null) {
        const padded = len >= m.order - 1 ? null : [...new Array<TokenId>(m.order - 1 - len).fill(m.bos), ...ctx.slice(0, len)];
        seq = padded ?? ctx;
        end = padded ? padded.length : len;
      }
      f = m.counts[o - 1].get(contextKey(seq, end, o - 1));
    }
    if (f === undefined) continue; // unseen context: the level passes straight through
    const d = m.discounts[o - 1];
    levels.push({ f, d, scale });
    scale *= (d * f.counts.size) / f.total;
  }
  return { levels, scale };
}

/**
 * The full next-token distribution after ctx[0..len), by interpolating from the unigram level
 * up to the model's order (missing contexts fall back to the lower order). The padding token
 * gets zero and the rest is renormalised. Units: probabilities.
 */
export function kneserNeyDist(m: KneserNey, ctx: readonly TokenId[], len: number): Float64Array {
  return mixtureRow(m, kneserNeyMixture(m, ctx, len));
}
