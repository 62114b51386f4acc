import { expectedAcceptanceRate, expectedSpeedup, expectedTokensPerStep, type MethodTheory, optimalGamma, type SweepPoint } from '../../core';
import type { MessageKey } from '../../i18n';

/** 95% normal interval half-width from a standard error. */
const Z95 = 1.96;

/** The alpha that explains a whole sweep: drafted-position weighted mean over its points. */
export function pooledAlpha(points: readonly SweepPoint[]): number {
  let s = 0;
  let w = 0;
  for (const p of points)
    if (Number.isFinite(p.alpha)) {
      s += p.alpha * p.verified;
      w += p.verified;
    }
  return w > 0 ? s / w : Number.NaN;
}

/** Rows for the acceptance / tokens-per-step charts: measured with 95% CI, theory at alpha
 * (null where the chain theory does not describe the method). */
export function acceptanceRows(points: readonly SweepPoint[], alpha: number, theory: MethodTheory) {
  return points.map((p) => ({
    gamma: p.gamma,
    acceptanceRate: p.acceptanceRate,
    acceptanceRateCi: Z95 * p.acceptanceRateStderr,
    theoryAcceptanceRate: theory.applies ? expectedAcceptanceRate(alpha, p.gamma) : null,
    tokensPerStep: p.tokensPerStep,
    tokensPerStepCi: Z95 * p.tokensPerStepStderr,
    theoryTokensPerStep: theory.applies ? expectedTokensPerStep(alpha, p.gamma) : null,
    meanAcceptanceLength: p.meanAcceptanceLength,
  }));
}

/** Rows for speedup vs gamma: measured (modelled clock) with CI, and E / (1 + g c + g v) with
 * the c the method is charged (null where the theory is absent). */
export function speedupRows(points: readonly SweepPoint[], alpha: number, theory: MethodTheory, v: number) {
  const gammas = points.length > 0 ? points.map((p) => p.gamma) : Array.from({ length: 16 }, (_, i) => i + 1);
  return gammas.map((g) => {
    const p = points.find((q) => q.gamma === g);
    return {
      gamma: g,
      speedup: p ? p.speedup : null,
      speedupCi: p ? Z95 * p.speedupStderr : null,
      theorySpeedup: theory.applies ? expectedSpeedup(alpha, g, theory.c, v) : null,
    };
  });
}

/** The classic figure: speedup vs alpha for a few gammas. */
export function alphaRows(gammas: readonly number[], c: number, v: number) {
  const rows: Record<string, number>[] = [];
  for (let i = 0; i <= 49; i++) {
    const a = i / 50;
    const row: Record<string, number> = { alpha: a };
    for (const g of gammas) row[`gamma${g}`] = expectedSpeedup(a, g, c, v);
    rows.push(row);
  }
  return rows;
}

/** Per-position acceptance (share of drafts with more than i accepted) and its theory. */
export function positionRows(p: SweepPoint, alpha: number, theory: MethodTheory) {
  return p.perPosition.map((rate, i) => ({ position: i + 1, rate, theory: theory.applies ? alpha ** (i + 1) : null, steps: p.acceptedHist[i + 1] ?? 0 }));
}

/** Histogram of accepted lengths per step. */
export function histogramRows(p: SweepPoint) {
  return p.acceptedHist.map((count, accepted) => ({ accepted, count }));
}

export { optimalGamma };

/** The optimal gamma said in words, in the page's language. */
export function optimalSentence(
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  num: (n: number, d?: number) => string,
  alpha: number,
  c: number,
  v: number,
  maxGamma = 16,
): string {
  if (c === 0 && v === 0) return t('opt.free', { max: maxGamma });
  const { gamma, speedup } = optimalGamma(alpha, c, v, maxGamma);
  return gamma < maxGamma ? t('opt.best', { g: gamma, s: num(speedup, 2), next: gamma + 1 }) : t('opt.bestMax', { g: gamma, s: num(speedup, 2) });
}
