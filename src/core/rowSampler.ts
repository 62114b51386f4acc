import { firstAbove, rowCdf } from './dist';
import type { Rng, TokenId } from './types';

/**
 * A kept row's running sum with a guide table (Chen's "index table" inversion) over K = 2V
 * equal buckets of [0, 1). Where a bucket lies wholly inside one token's interval of the
 * running sum, its entry is that token and a draw landing there reads nothing else; elsewhere
 * it is ~i, i the first id whose running sum exceeds the bucket's start, and the draw walks
 * forward from i. So most draws touch one cache line of the guide instead of the ~log2 V
 * scattered ones of a binary search (the draft's rows are many and large: cache misses were
 * most of the draw's cost). It returns exactly the token `sample(row, rng)` returns (the first
 * id whose running sum exceeds u) from the same single uniform.
 */
export interface RowSampler {
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
  /** The row's total (its running sum at the last id). */
  readonly total: number;
  /** The token a uniform at or past the total falls on (the last with mass, else 0). */
  readonly last: TokenId;
}

/** Buckets per token. */
const PER_TOKEN = 2;
/** Margin, in buckets, that keeps a bucket's rounding (u K is rounded) off its neighbours. */
const MARGIN = 1e-6;

/** Builds the sampler of a row (one pass over it and one over the buckets). */
export function rowSampler(row: Float64Array): RowSampler {
  const cdf = rowCdf(row);
  const n = cdf.length;
  const K = PER_TOKEN * n;
  const guide = new Int32Array(K);
  let i = 0;
  for (let k = 0; k < K; k++) {
    while (i < n && !(cdf[i] > k / K)) i++;
    // Every u whose bucket is k lies in ((k - MARGIN) / K, (k + 1 + MARGIN) / K): token i
    // when that interval is inside [cdf[i - 1], cdf[i]).
    const certain = i < n && (i === 0 || cdf[i - 1] <= (k - MARGIN) / K) && cdf[i] > (k + 1 + MARGIN) / K;
    guide[k] = certain ? i : ~i;
  }
  let last = 0;
  for (let j = n - 1; j > 0; j--)
    if (row[j] > 0) {
      last = j;
      break;
    }
  return { cdf, guide, total: cdf[n - 1], last };
}

/** A draw with one uniform: the first id whose running sum exceeds it (as `sample`). */
export function samplerDraw(s: RowSampler, rng: Rng): TokenId {
  const u = rng.next();
  if (!(u < s.total)) return s.last;
  const { cdf, guide } = s;
  const K = guide.length;
  let k = Math.floor(u * K);
  if (k >= K) k = K - 1;
  const g = guide[k];
  if (g >= 0) return g;
  let i = ~g;
  // u K can round up into the next bucket: then the answer may lie before the guide's id.
  if (i > 0 && cdf[i - 1] > u) return firstAbove(cdf, u, 0, i - 1);
  while (!(cdf[i] > u)) i++;
  return i;
}
