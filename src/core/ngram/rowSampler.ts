import { rowCdf } from '../dist';
import type { Rng, TokenId } from '../types';

/**
 * A kept row's running sum with a guide table (Chen's "index table" inversion): guide[k] is
 * the first id whose running sum exceeds k / K. A draw looks up the uniform's bucket and walks
 * forward from there, so it reads one or two cache lines of the row instead of the ~log2 V
 * scattered ones of a binary search (the draft's rows are many and large: cache misses were
 * most of the draw's cost). It returns exactly the token `rowDraw(row, rowCdf(row), rng)`
 * returns (the first id whose running sum exceeds u) from the same single uniform.
 */
export interface RowSampler {
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
  /** The token a uniform at or past the row's total falls on (the last with mass, else 0). */
  readonly last: TokenId;
}

/** Builds the sampler of a row (one pass over it and one over the buckets). */
export function rowSampler(row: Float64Array): RowSampler {
  const cdf = rowCdf(row);
  const n = cdf.length;
  // One bucket per id: the expected walk is under one step.
  const guide = new Int32Array(n);
  let i = 0;
  for (let k = 0; k < n; k++) {
    const t = k / n;
    while (i < n && !(cdf[i] > t)) i++;
    guide[k] = i;
  }
  let last = 0;
  for (let j = n - 1; j > 0; j--)
    if (row[j] > 0) {
      last = j;
      break;
    }
  return { cdf, guide, last };
}

/** A draw with one uniform: the first id whose running sum exceeds it (as rowDraw). */
export function samplerDraw(s: RowSampler, rng: Rng): TokenId {
  const u = rng.next();
  const { cdf, guide } = s;
  const n = cdf.length;
  if (!(u < cdf[n - 1])) return s.last;
  let k = Math.floor(u * n);
  if (k >= n) k = n - 1;
  let i = guide[k];
  // u * n can round up into the next bucket: then the answer may lie before the guide's id.
  if (i > 0 && cdf[i - 1] > u) {
    let lo = 0;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  while (!(cdf[i] > u)) i++;
  return i;
}
