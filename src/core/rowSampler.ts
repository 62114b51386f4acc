import { firstAbove } from './dist';
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

/**
 * Writes a row's running sum (as `sample` accumulates it) to cdf[off, off + n) and its guide
 * table to guide[gOff, gOff + 2n) (n = row.length); returns the row's last id with mass (0 if
 * none). One pass over the row and one over the buckets.
 */
function fillSampler(row: ArrayLike<number>, cdf: Float64Array, off: number, guide: Int32Array, gOff: number): TokenId {
  const n = row.length;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    if (row[i] > 0) acc += row[i];
    cdf[off + i] = acc;
  }
  const K = PER_TOKEN * n;
  let i = 0;
  for (let k = 0; k < K; k++) {
    while (i < n && !(cdf[off + i] > k / K)) i++;
    // Every u whose bucket is k lies in ((k - MARGIN) / K, (k + 1 + MARGIN) / K): token i
    // when that interval is inside [cdf[i - 1], cdf[i]).
    const certain = i < n && (i === 0 || cdf[off + i - 1] <= (k - MARGIN) / K) && cdf[off + i] > (k + 1 + MARGIN) / K;
    guide[gOff + k] = certain ? i : ~i;
  }
  for (let j = n - 1; j > 0; j--) if (row[j] > 0) return j;
  return 0;
}

/**
 * The token a uniform u takes from a sampler stored at cdf[off, off + n), guide[gOff, gOff + K)
 * (K = 2n) with its total and last: the first id whose running sum exceeds u (as `sample`).
 */
function guidedDraw(cdf: Float64Array, off: number, guide: Int32Array, gOff: number, K: number, total: number, last: TokenId, u: number): TokenId {
  if (!(u < total)) return last;
  let k = Math.floor(u * K);
  if (k >= K) k = K - 1;
  const g = guide[gOff + k];
  if (g >= 0) return g;
  let i = ~g;
  // u K can round up into the next bucket: then the answer may lie before the guide's id.
  if (i > 0 && cdf[off + i - 1] > u) return firstAbove(cdf, u, off, off + i - 1) - off;
  while (!(cdf[off + i] > u)) i++;
  return i;
}

/** Builds the sampler of a row (one pass over it and one over the buckets). */
export function rowSampler(row: Float64Array): RowSampler {
  const n = row.length;
  const cdf = new Float64Array(n);
  const guide = new Int32Array(PER_TOKEN * n);
  const last = fillSampler(row, cdf, 0, guide, 0);
  return { cdf, guide, total: cdf[n - 1], last };
}

/** A draw with one uniform: the first id whose running sum exceeds it (as `sample`). */
export function samplerDraw(s: RowSampler, rng: Rng): TokenId {
  const { guide } = s;
  return guidedDraw(s.cdf, 0, guide, 0, guide.length, s.total, s.last, rng.next());
}

/**
 * The samplers of a fixed set of rows of one length n (a bank's), stored flat: row r's running
 * sum at cdf[r n, (r + 1) n), its guide at guide[r K, (r + 1) K). A draw reads the flat arrays
 * at an offset instead of following an object per row to its arrays (fewer dependent loads and
 * cache lines per draw). All rows are built up front (a draw has nothing to check, and stays
 * small enough to inline where it is called); draws give exactly the token rowSampler's would
 * (the same construction and walk).
 */
export class SamplerRows {
  private readonly cdf: Float64Array;
  private readonly guide: Int32Array;
  private readonly total: Float64Array;
  private readonly last: Int32Array;
  private readonly K: number;
  constructor(
    rows: readonly Float64Array[],
    private readonly n: number,
  ) {
    const K = PER_TOKEN * n;
    this.K = K;
    this.cdf = new Float64Array(rows.length * n);
    this.guide = new Int32Array(rows.length * K);
    this.total = new Float64Array(rows.length);
    this.last = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      this.last[r] = fillSampler(rows[r], this.cdf, r * n, this.guide, r * K);
      this.total[r] = this.cdf[r * n + n - 1];
    }
  }
  /** The token uniform u takes from row r (the first id whose running sum exceeds u). */
  draw(r: number, u: number): TokenId {
    const { n, K } = this;
    return guidedDraw(this.cdf, r * n, this.guide, r * K, K, this.total[r], this.last[r], u);
  }
}
