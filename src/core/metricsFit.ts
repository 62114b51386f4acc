/**
 * Fitting the chain model to vLLM's per-position acceptance rates. Under i.i.d. acceptance with
 * rate alpha (reference section 1), the share of drafts with more than i tokens accepted is
 * alpha^(i+1); real drafters decay faster or slower, which the two-parameter fit shows.
 */

import { alphaFromTau } from './theory';

/** The fitted acceptance: alpha from the chain model, and the two-parameter model a * d^i. */
export interface AlphaFit {
  /** exp(slope) of log r_i = (i + 1) log alpha, a least-squares line through the origin. */
  alpha: number;
  /** d of r_i = a * d^i: how much each further position multiplies the rate by. */
  decay: number;
  /** a of r_i = a * d^i: the first-position acceptance. */
  first: number;
  /**
   * Standard error of alpha from the residuals of the log fit (delta method, alpha * se(slope));
   * absent with fewer than two positive rates. It measures misfit to the chain model, not
   * sampling noise: exact rates alpha^(i+1) give 0 whatever the sample size.
   */
  stderr?: number;
}

/**
 * Fits alpha to per-position rates (share of drafts with more than i accepted, i from 0) by least
 * squares on log rates. Zero rates have no logarithm and are left out; all zeros give alpha 0,
 * an empty list NaN. decay and first are NaN when fewer than two positive rates remain.
 */
export function fitAlpha(perPosition: readonly number[]): AlphaFit {
  const xs: number[] = [];
  const ys: number[] = [];
  perPosition.forEach((r, i) => {
    if (r > 0 && Number.isFinite(r)) {
      xs.push(i);
      ys.push(Math.log(r));
    }
  });
  const n = xs.length;
  if (n === 0) {
    const none = perPosition.length > 0 && perPosition.every((r) => r === 0);
    return { alpha: none ? 0 : Number.NaN, decay: Number.NaN, first: none ? 0 : Number.NaN };
  }
  // Through the origin: minimise sum (y_i - (i + 1) b)^2, so b = sum (i + 1) y_i / sum (i + 1)^2.
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] + 1) * ys[k];
    sxx += (xs[k] + 1) ** 2;
  }
  const b = sxy / sxx;
  const alpha = Math.exp(b);
  if (n < 2) return { alpha, decay: Number.NaN, first: xs[0] === 0 ? Math.exp(ys[0]) : Number.NaN };

  // Residual variance with one fitted parameter, then se(b) = sqrt(s^2 / sum x^2).
  let rss = 0;
  for (let k = 0; k < n; k++) rss += (ys[k] - (xs[k] + 1) * b) ** 2;
  const stderr = alpha * Math.sqrt(rss / (n - 1) / sxx);

  // Two parameters: ordinary least squares of log r_i on i, with an intercept (log a).
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let cxy = 0;
  let cxx = 0;
  for (let k = 0; k < n; k++) {
    cxy += (xs[k] - mx) * (ys[k] - my);
    cxx += (xs[k] - mx) ** 2;
  }
  const slope = cxy / cxx;
  return { alpha, decay: Math.exp(slope), first: Math.exp(my - slope * mx), stderr };
}

/**
 * The alpha whose chain of `gamma` drafts gives vLLM's mean acceptance length (tokens per
 * drafted pass, bonus included; it is tau of reference section 2). Assumes every draft had
 * `gamma` tokens, which n-gram and suffix proposers break when they propose fewer.
 */
export function alphaFromMeanLength(meanLen: number, gamma: number): number {
  return alphaFromTau(meanLen, gamma);
}
