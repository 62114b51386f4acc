/**
 * Closed forms of speculative decoding under i.i.d. acceptance with rate alpha
 * (Leviathan et al. 2023). gamma = num_speculative_tokens; c = draft / target cost per token;
 * v = verification cost per extra token checked, as a fraction of one target pass.
 */

/** Expected tokens emitted per target pass: (1 - a^(g+1)) / (1 - a). */
export function expectedTokensPerStep(alpha: number, gamma: number): number {
  if (alpha >= 1) return gamma + 1;
  return (1 - alpha ** (gamma + 1)) / (1 - alpha);
}

/** Expected accepted / drafted (vLLM's draft acceptance rate): a (1 - a^g) / (g (1 - a)). */
export function expectedAcceptanceRate(alpha: number, gamma: number): number {
  if (alpha >= 1) return 1;
  return (alpha * (1 - alpha ** gamma)) / (gamma * (1 - alpha));
}

/** Share of steps with more than i drafts accepted (i from 0): a^(i+1). */
export function perPositionAcceptance(alpha: number, i: number): number {
  return alpha ** (i + 1);
}

/** Walltime improvement E / (1 + g c + g v); Leviathan's formula when v = 0. */
export function expectedSpeedup(alpha: number, gamma: number, c: number, v = 0): number {
  return expectedTokensPerStep(alpha, gamma) / (1 + gamma * c + gamma * v);
}

/** Increase in arithmetic operations: (1 - a)(g c-hat + g + 1) / (1 - a^(g+1)). */
export function operationsFactor(alpha: number, gamma: number, cHat: number): number {
  return (gamma * cHat + gamma + 1) / expectedTokensPerStep(alpha, gamma);
}

/** The gamma in 1..maxGamma with the largest expected speedup (ties to the smaller gamma). */
export function optimalGamma(alpha: number, c: number, v = 0, maxGamma = 16): { gamma: number; speedup: number } {
  let best = { gamma: 1, speedup: expectedSpeedup(alpha, 1, c, v) };
  for (let g = 2; g <= maxGamma; g++) {
    const s = expectedSpeedup(alpha, g, c, v);
    if (s > best.speedup + 1e-12) best = { gamma: g, speedup: s };
  }
  return best;
}

/** The alpha at which a chain of `gamma` drafts gives `tau` tokens per step (bisection). */
export function alphaFromTau(tau: number, gamma: number): number {
  if (tau <= 1) return 0;
  if (tau >= gamma + 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (expectedTokensPerStep(mid, gamma) < tau) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
