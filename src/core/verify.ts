import { argmax, overlap, residual, sample, sampleResidual, topEntries } from './dist';
import type { AcceptanceRule, Dist, EmitKind, Model, PositionDetail, Proposal, RngStreams, TokenId, Verdict } from './types';
import { typicalDraw } from './typical';

/** Medusa's typical acceptance: epsilon and delta (Cai et al. 2024 defaults). */
export const TYPICAL_EPS = 0.09;
export const TYPICAL_DELTA = 0.3;

/** Typical acceptance threshold min(eps, delta * exp(-H(p))), H in nats. Lossy. H is Medusa's:
 * -sum p log(p + 1e-5) (FasterDecoding/Medusa medusa/model/utils.py, evaluate_posterior). */
export function typicalThreshold(p: Dist): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i] + 1e-5);
  return Math.min(TYPICAL_EPS, TYPICAL_DELTA * Math.exp(-h));
}

/**
 * sum min(p, q), remembered per distribution pair: models hand out cached arrays (the synthetic
 * world's bank, the n-gram caches), so the same pair recurs and the O(V) sum is paid once.
 */
const overlapMemo = new WeakMap<Dist, { p: Dist; ov: number }>();
function overlapOf(p: Dist, q: Dist): number {
  const m = overlapMemo.get(q);
  if (m !== undefined && m.p === p) return m.ov;
  const ov = overlap(p, q);
  overlapMemo.set(q, { p, ov });
  return ov;
}

/** How many entries of p, q and the residual an event keeps per position. */
export const TOP_K = 8;

/** What verifying one chain proposal produced. */
export interface Verification {
  verdicts: Verdict[];
  emitted: TokenId[];
  emittedKinds: EmitKind[];
  accepted: number;
  /** sum of min(p, q) over the verified drafted positions (up to the first rejection). */
  overlapSum: number;
  overlapCount: number;
  /** Some drafted token was rejected. */
  rejected: boolean;
  positions: PositionDetail[] | null;
}

function detail(p: Dist, q: Dist | null, token: TokenId | null, u: number | null, ov: number, res: Dist | null): PositionDetail {
  const qTop = q === null ? (token === null ? [] : ([[token, 1]] as [number, number][])) : topEntries(q, TOP_K);
  return {
    p: topEntries(p, TOP_K),
    q: qTop,
    token,
    pToken: token === null ? 0 : p[token],
    qToken: token === null ? 0 : q === null ? 1 : q[token],
    overlap: ov,
    u,
    residual: res === null ? null : topEntries(res, TOP_K),
  };
}

/**
 * Verifies a chain proposal whose tokens sit in ctx[len .. len+k) against the target, in one
 * (modelled) forward pass. Speculative sampling: accept x_i if u_i < p(x_i)/q(x_i); at the first
 * rejection emit a sample of norm(max(0, p - q)); if all pass, emit a bonus token from p.
 * Greedy: accept while x_i is the target's argmax, then emit the argmax (the correction / bonus).
 * With nothing proposed, the target samples one token ('target').
 */
export function verifyChain(
  target: Model,
  ctx: readonly TokenId[],
  len: number,
  proposal: Proposal,
  greedy: boolean,
  rule: AcceptanceRule,
  rng: RngStreams,
  withDetail: boolean,
): Verification {
  const k = proposal.tokens.length;
  const verdicts: Verdict[] = new Array(k).fill('discarded');
  const emitted: TokenId[] = [];
  const emittedKinds: EmitKind[] = [];
  const positions: PositionDetail[] | null = withDetail ? [] : null;
  let overlapSum = 0;
  for (let i = 0; i < k; i++) {
    const p = target.dist(ctx, len + i);
    const x = proposal.tokens[i];
    const q = proposal.q[i];
    const ov = q === null ? p[x] : overlapOf(p, q);
    overlapSum += ov;
    let ok: boolean;
    let u: number | null = null;
    if (greedy) ok = x === argmax(p);
    else if (rule === 'pgeq') ok = p[x] >= (q === null ? 1 : q[x]);
    else if (rule === 'typical') ok = p[x] > typicalThreshold(p);
    else {
      u = rng.accept.next();
      ok = u < (q === null ? p[x] : p[x] / q[x]);
    }
    if (ok) {
      verdicts[i] = 'accepted';
      emitted.push(x);
      emittedKinds.push('accepted');
      positions?.push(detail(p, q, x, u, ov, null));
      continue;
    }
    verdicts[i] = 'rejected';
    // The residual is built only for display; sampling it needs no array. Typical acceptance
    // (lossy) draws the target's token as Medusa does, the same way as its bonus.
    const typical = rule === 'typical' && !greedy;
    const res = greedy || typical || !withDetail ? null : residual(p, q, x);
    emitted.push(greedy ? argmax(p) : typical ? typicalDraw(p, typicalThreshold(p), rng.target) : sampleResidual(p, q, x, rng.target));
    emittedKinds.push('resampled');
    positions?.push(detail(p, q, x, u, ov, res));
    return { verdicts, emitted, emittedKinds, accepted: i, overlapSum, overlapCount: i + 1, positions, rejected: true };
  }
  const p = target.dist(ctx, len + k);
  emitted.push(greedy ? argmax(p) : rule === 'typical' ? typicalDraw(p, typicalThreshold(p), rng.target) : sample(p, rng.target));
  emittedKinds.push(k > 0 ? 'bonus' : 'target');
  positions?.push(detail(p, null, null, null, 0, null));
  return { verdicts, emitted, emittedKinds, accepted: k, overlapSum, overlapCount: k, positions, rejected: false };
}
