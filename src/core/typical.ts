import type { Dist, Rng, TokenId } from './types';

/**
 * Medusa's typical sampling of the target's own token (FasterDecoding/Medusa
 * medusa/model/utils.py, get_typical_one_token): tokens with p below the posterior threshold
 * are removed (`probs < threshold` set to -inf), the rest renormalised and sampled. Medusa's
 * generate_candidates draws every step's base-model token this way, so it is the same draw after
 * a rejection and after a fully accepted proposal (the bonus). `threshold` is
 * min(eps, delta exp(-H(p))) (typicalThreshold); the most likely token always survives it,
 * since max p >= exp(-H) >= delta exp(-H).
 * Note: Medusa's default medusa_generate(fast=True) takes the argmax for that token instead;
 * specplay follows the sampled path so that temperature still matters (see docs/engines.md).
 */
export function typicalDraw(p: Dist, threshold: number, rng: Rng): TokenId {
  let mass = 0;
  for (let i = 0; i < p.length; i++) if (p[i] >= threshold) mass += p[i];
  const u = rng.next() * mass;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < threshold || p[i] <= 0) continue;
    acc += p[i];
    last = i;
    if (u < acc) return i;
  }
  return last; // rounding: u just below the kept mass
}
