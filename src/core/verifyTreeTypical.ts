import { topEntries } from './dist';
import type { EmitKind, PositionDetail, Proposal, RngStreams, Scores, TokenId, Verdict } from './types';
import { typicalDraw } from './typical';
import { TOP_K, typicalThreshold, type Verification } from './verify';

/**
 * Medusa's typical acceptance on a token tree (FasterDecoding/Medusa medusa/model/utils.py,
 * evaluate_posterior): every node x is checked against the target's distribution p at its
 * parent, accepted if p(x) > min(eps, delta exp(-H(p))); each root-to-node path is accepted up to
 * its first failing node; the longest accepted prefix wins, ties to the likelier one (sum of
 * log p over the prefix), then to the first path. The target's own token after it is Medusa's
 * typical draw (get_typical_one_token) at the end of the chosen prefix. Lossy by design.
 */
export function verifyTreeTypical(scores: Scores, proposal: Proposal, rng: RngStreams, withDetail: boolean): Verification & { path: number[] } {
  const parents = proposal.parents as number[];
  const n = proposal.tokens.length;
  // Row node + 1 of the scores is p after the path to `node` (row 0: the root).
  const distAt = (node: number) => scores.dist(node + 1);
  // Parents come before their children (proposal order is breadth-first).
  const ok: boolean[] = new Array(n).fill(false);
  const depth: number[] = new Array(n).fill(0);
  const logLik: number[] = new Array(n).fill(0);
  let best = -1;
  for (let i = 0; i < n; i++) {
    const par = parents[i];
    if (par >= 0 && !ok[par]) continue;
    const p = distAt(par);
    const x = proposal.tokens[i];
    if (!(p[x] > typicalThreshold(p))) continue;
    ok[i] = true;
    depth[i] = (par < 0 ? 0 : depth[par]) + 1;
    logLik[i] = (par < 0 ? 0 : logLik[par]) + Math.log(p[x]);
    if (best < 0 || depth[i] > depth[best] || (depth[i] === depth[best] && logLik[i] > logLik[best])) best = i;
  }
  const path: number[] = [];
  for (let j = best; j >= 0; j = parents[j]) path.unshift(j);
  const onPath = new Set(path);
  const verdicts: Verdict[] = new Array(n).fill('discarded');
  const emitted: TokenId[] = [];
  const emittedKinds: EmitKind[] = [];
  const positions: PositionDetail[] | null = withDetail ? [] : null;
  let overlapSum = 0;
  let overlapCount = 0;
  // Along the chosen prefix, the children of each node on it (and of the root) were checked:
  // those that failed the threshold are rejected, the others not chosen are discarded.
  for (const at of [-1, ...path]) {
    const p = distAt(at);
    for (let i = 0; i < n; i++) {
      if (parents[i] !== at) continue;
      overlapSum += p[proposal.tokens[i]];
      overlapCount++;
      if (onPath.has(i)) verdicts[i] = 'accepted';
      else if (!ok[i]) verdicts[i] = 'rejected';
    }
  }
  for (const i of path) {
    const p = distAt(parents[i]);
    const x = proposal.tokens[i];
    emitted.push(x);
    emittedKinds.push('accepted');
    positions?.push({ p: topEntries(p, TOP_K), q: [[x, 1]], token: x, pToken: p[x], qToken: 1, overlap: p[x], u: null, residual: null });
  }
  const end = path.length > 0 ? path[path.length - 1] : -1;
  const p = distAt(end);
  const hasKids = parents.includes(end);
  emitted.push(typicalDraw(p, typicalThreshold(p), rng.target));
  emittedKinds.push(hasKids ? 'resampled' : path.length > 0 ? 'bonus' : 'target');
  positions?.push({ p: topEntries(p, TOP_K), q: [], token: null, pToken: 0, qToken: 0, overlap: 0, u: null, residual: null });
  return { verdicts, emitted, emittedKinds, accepted: path.length, overlapSum, overlapCount, positions, path, rejected: verdicts.includes('rejected') };
}
