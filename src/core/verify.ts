import { argmax, residual, topEntries } from './dist';
import type { AcceptanceRule, Dist, EmitKind, PositionDetail, Proposal, RngStreams, Scores, TokenId, Verdict } from './types';
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
 * Verifies a chain proposal against the target's rows (`scores`: row i is the target's
 * distribution after the first i drafted tokens, one forward pass for all). Speculative sampling:
 * accept x_i if u_i < p(x_i)/q(x_i); at the first rejection emit a sample of norm(max(0, p - q));
 * if all pass, emit a bonus token from p. Greedy: accept while x_i is the target's argmax, then
 * emit the argmax (the correction / bonus). With nothing proposed, the target samples one token
 * ('target'). Rows past the first rejection are never read.
 * Simulated and real targets both verify here: only where `scores` come from differs.
 */
export function verifyChain(scores: Scores, proposal: Proposal, greedy: boolean, rule: AcceptanceRule, rng: RngStreams, withDetail: boolean): Verification {
  const k = proposal.tokens.length;
  const emitted: TokenId[] = [];
  const positions: PositionDetail[] | null = withDetail ? [] : null;
  let overlapSum = 0;
  for (let i = 0; i < k; i++) {
    const x = proposal.tokens[i];
    const q = proposal.q[i];
    // Only the rule or the detail need the whole row; p(x) and sum min(p, q) are O(order)
    // where the model has fast paths. A point-mass draft's overlap is p(x).
    const p = withDetail || greedy || rule === 'typical' ? scores.dist(i) : null;
    const px = p === null ? scores.prob(i, x) : p[x];
    const ov = q === null ? px : scores.overlap(i, q);
    overlapSum += ov;
    let ok: boolean;
    let u: number | null = null;
    if (greedy) ok = x === argmax(p as Dist);
    else if (rule === 'pgeq') ok = px >= (q === null ? 1 : q[x]);
    else if (rule === 'typical') ok = px > typicalThreshold(p as Dist);
    else {
      u = rng.accept.next();
      ok = u < (q === null ? px : px / q[x]);
    }
    if (ok) {
      emitted.push(x);
      if (positions !== null) positions.push(detail(p as Dist, q, x, u, ov, null));
      continue;
    }
    // The replacement: the target's greedy token (greedy), Medusa's typical draw (typical
    // acceptance, lossy; the same draw as its bonus), else a draw from the residual
    // norm(max(0, p - q)), which the scores answer without p's row where the model can. The
    // residual array is built only for display. (p is the row whenever greedy, typical or detail
    // need it.)
    const typical = rule === 'typical' && !greedy;
    const res = greedy || typical || !withDetail ? null : residual(p as Dist, q, x);
    emitted.push(greedy ? argmax(p as Dist) : typical ? typicalDraw(p as Dist, typicalThreshold(p as Dist), rng.target) : scores.residual(i, q, x, rng.target));
    positions?.push(detail(p as Dist, q, x, u, ov, res));
    return {
      verdicts: chainVerdicts(k, i),
      emitted,
      emittedKinds: chainKinds(i, 'resampled'),
      accepted: i,
      overlapSum,
      overlapCount: i + 1,
      positions,
      rejected: true,
    };
  }
  if (greedy) emitted.push(scores.argmax(k));
  else if (rule === 'typical') {
    const p = scores.dist(k);
    emitted.push(typicalDraw(p, typicalThreshold(p), rng.target));
  } else emitted.push(scores.sample(k, rng.target));
  if (positions !== null) positions.push(detail(scores.dist(k), null, null, null, 0, null));
  return {
    verdicts: chainVerdicts(k, k),
    emitted,
    emittedKinds: chainKinds(k, k > 0 ? 'bonus' : 'target'),
    accepted: k,
    overlapSum,
    overlapCount: k,
    positions,
    rejected: false,
  };
}

/**
 * A chain's verdicts, by drafted and accepted tokens: accepted..., then (if one was rejected)
 * 'rejected' and 'discarded' for the rest. Built once per pair and shared by every step's event
 * (frozen: events only read them), as the emitted kinds (chainKinds) are: a step allocates
 * neither.
 */
function chainVerdicts(k: number, accepted: number): Verdict[] {
  let byAccepted = verdictLists[k];
  if (byAccepted === undefined) {
    byAccepted = [];
    verdictLists[k] = byAccepted;
  }
  let v = byAccepted[accepted];
  if (v === undefined) {
    // Filled in order (accepted..., rejected, then discarded): a packed array, no holes.
    const list: Verdict[] = [];
    for (let j = 0; j < k; j++) list.push(j < accepted ? 'accepted' : j === accepted ? 'rejected' : 'discarded');
    v = Object.freeze(list) as Verdict[];
    byAccepted[accepted] = v;
  }
  return v;
}
const verdictLists: Verdict[][][] = [];

/** A chain's emitted kinds: `accepted` times 'accepted', then the last token's kind (shared,
 * frozen, as chainVerdicts). */
function chainKinds(accepted: number, last: 'resampled' | 'bonus' | 'target'): EmitKind[] {
  const lists = kindLists[last];
  let v = lists[accepted];
  if (v === undefined) {
    const list: EmitKind[] = [];
    for (let j = 0; j < accepted; j++) list.push('accepted');
    list.push(last);
    v = Object.freeze(list) as EmitKind[];
    lists[accepted] = v;
  }
  return v;
}
const kindLists: Record<'resampled' | 'bonus' | 'target', EmitKind[][]> = { resampled: [], bonus: [], target: [] };
