import type { Dist, Rng, TokenId, TopEntries } from './types';

/** Index of the largest entry (ties to the lowest id). */
export function argmax(d: ArrayLike<number>): TokenId {
  let best = 0;
  for (let i = 1; i < d.length; i++) if (d[i] > d[best]) best = i;
  return best;
}

/** A point mass on `token` over `size` tokens. */
export function pointMass(size: number, token: TokenId): Dist {
  const d = new Float64Array(size);
  d[token] = 1;
  return d;
}

/** Divides by the sum in place; an all-zero vector stays zero. Returns the sum. */
export function normalizeInPlace(d: Float64Array): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i];
  if (s > 0) for (let i = 0; i < d.length; i++) d[i] /= s;
  return s;
}

/**
 * Shapes raw probabilities by the sampling parameters, into a new array:
 * temperature 0 gives a point mass on the argmax; otherwise p^(1/T) renormalised, then
 * top-p keeps the smallest set of most likely tokens whose mass reaches topP.
 */
export function shapeDist(raw: ArrayLike<number>, temperature: number, topP: number): Dist {
  const n = raw.length;
  if (temperature <= 0) return pointMass(n, argmax(raw));
  const out = new Float64Array(n);
  if (temperature === 1) for (let i = 0; i < n; i++) out[i] = raw[i];
  else {
    // Work in logs relative to the max so small T does not underflow everything.
    let m = 0;
    for (let i = 0; i < n; i++) if (raw[i] > m) m = raw[i];
    const invT = 1 / temperature;
    for (let i = 0; i < n; i++) out[i] = raw[i] > 0 ? Math.exp(invT * Math.log(raw[i] / m)) : 0;
  }
  normalizeInPlace(out);
  if (topP < 1) applyTopP(out, topP);
  return out;
}

/** Nucleus filter in place: keeps the most likely tokens until their mass reaches topP. */
export function applyTopP(d: Float64Array, topP: number): void {
  const order = Array.from(d.keys()).sort((a, b) => d[b] - d[a] || a - b);
  let mass = 0;
  let k = 0;
  while (k < order.length && mass < topP) mass += d[order[k++]];
  for (let j = k; j < order.length; j++) d[order[j]] = 0;
  normalizeInPlace(d);
}

/** Draws a token from `d` with one uniform. */
export function sample(d: ArrayLike<number>, rng: Rng): TokenId {
  const u = rng.next();
  let acc = 0;
  let last = 0;
  for (let i = 0; i < d.length; i++) {
    const p = d[i];
    if (p <= 0) continue;
    acc += p;
    last = i;
    if (u < acc) return i;
  }
  return last; // rounding: u just below 1 and acc just below 1
}

/**
 * The first index in [lo, hi) whose running sum exceeds u (hi if none), by binary search: the
 * token a draw with uniform u takes from a running sum (the same as `sample`'s linear scan).
 */
export function firstAbove(cdf: Float64Array, u: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The running sum of a row in id order, as `sample` accumulates it. */
export function rowCdf(row: Float64Array): Float64Array {
  const cdf = new Float64Array(row.length);
  let acc = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] > 0) acc += row[i];
    cdf[i] = acc;
  }
  return cdf;
}

/** sum_x min(p(x), q(x)) = 1 - TV(p, q): the probability a draft from q is accepted. */
export function overlap(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.min(p[i], q[i]);
  return s;
}

/**
 * The residual norm(max(0, p - q)). With q null (a point mass on `token`), p with that
 * token zeroed and renormalised. If nothing is left (p == q), p itself.
 */
export function residual(p: Dist, q: Dist | null, token: TokenId): Dist {
  const r = new Float64Array(p.length);
  if (q === null) {
    r.set(p);
    r[token] = 0;
  } else for (let i = 0; i < p.length; i++) r[i] = p[i] > q[i] ? p[i] - q[i] : 0;
  if (normalizeInPlace(r) <= 1e-12) r.set(p);
  return r;
}

/**
 * Draws from norm(max(0, p - q)) (q null: p without `token`) with one uniform, without
 * building the residual. Falls back to p itself when nothing is left (p == q).
 */
export function sampleResidual(p: Dist, q: Dist | null, token: TokenId, rng: Rng): TokenId {
  let mass = 0;
  if (q === null) mass = 1 - p[token];
  else for (let i = 0; i < p.length; i++) if (p[i] > q[i]) mass += p[i] - q[i];
  if (mass <= 1e-12) return sample(p, rng);
  const u = rng.next() * mass;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    const r = q === null ? (i === token ? 0 : p[i]) : p[i] > q[i] ? p[i] - q[i] : 0;
    if (r <= 0) continue;
    acc += r;
    last = i;
    if (u < acc) return i;
  }
  return last;
}

/**
 * Writes the residual norm(max(0, p - q))'s running sum in id order, as sampleResidual
 * accumulates it (unnormalised: its total, the mass, is the last entry), to cdf[off, off + n)
 * (n = p.length), for a pair of rows that recurs; returns the last id with mass (0 if none).
 */
export function fillResidualCdf(p: Dist, q: Dist, cdf: Float64Array, off: number): TokenId {
  let acc = 0;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] > q[i]) {
      acc += p[i] - q[i];
      last = i;
    }
    cdf[off + i] = acc;
  }
  return last;
}

/**
 * The token `sampleResidual(p, q, x, rng)` draws, by binary search in the pair's running sum
 * at cdf[off, off + n) (fillResidualCdf, which returned `last`): the same terms summed in the
 * same order, so the same token for the same uniform (the first id whose running sum exceeds u
 * has mass of its own).
 */
export function residualDraw(p: Dist, cdf: Float64Array, off: number, last: TokenId, rng: Rng): TokenId {
  const n = p.length;
  const mass = cdf[off + n - 1];
  if (mass <= 1e-12) return sample(p, rng);
  const i = firstAbove(cdf, rng.next() * mass, off, off + n) - off;
  return i < n ? i : last;
}

/** The k largest entries, descending, ties to the lower id. */
export function topEntries(d: ArrayLike<number>, k: number): TopEntries {
  const out: TopEntries = [];
  for (let i = 0; i < d.length; i++) {
    const p = d[i];
    if (p <= 0) continue;
    if (out.length < k) out.push([i, p]);
    else if (p > out[k - 1][1]) out[k - 1] = [i, p];
    else continue;
    for (let j = out.length - 1; j > 0 && out[j][1] > out[j - 1][1]; j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
  }
  return out;
}
