import { argmax, normalizeInPlace, overlap, sample, topEntries } from './dist';
import type { AcceptanceRule, EmitKind, PositionDetail, Proposal, RngStreams, Scores, TokenId, Verdict } from './types';
import { TOP_K, type Verification } from './verify';
import { verifyTreeTypical } from './verifyTreeTypical';

/**
 * Verifies a token tree in one target pass with tree attention: `scores` row 0 is the target
 * after the committed context, row i + 1 the target after the path to node i. Walking down from
 * the root, the children of the current node are tried in order, r starting as p. A top-k child
 * is a point mass: accept x with probability r(x), else zero x in r and renormalise. A child
 * sampled from q: accept with min(1, r(x)/q(x)), else r := norm(max(0, r - q)). Both are
 * SpecInfer's rules and lossless. If all fail, emit a sample of what is left of r; after an
 * accepted leaf, a bonus token from p.
 * Greedy: follow the child equal to the target's argmax; otherwise emit the argmax.
 * `rule` as for chains: 'pgeq' (deliberately wrong) accepts iff r(x) >= q(x) (q = 1 for a
 * top-k child), 'typical' is Medusa's tree selection (verifyTreeTypical). Greedy ignores it.
 */
export function verifyTree(
  scores: Scores,
  proposal: Proposal,
  greedy: boolean,
  rng: RngStreams,
  withDetail: boolean,
  rule: AcceptanceRule = 'standard',
): Verification & { path: number[] } {
  if (rule === 'typical' && !greedy) return verifyTreeTypical(scores, proposal, rng, withDetail);
  const parents = proposal.parents as number[];
  const n = proposal.tokens.length;
  const children: number[][] = [[]];
  for (let i = 0; i < n; i++) children.push([]);
  // children[0] holds the root's; children[i + 1] node i's (proposal order = best first).
  for (let i = 0; i < n; i++) children[parents[i] + 1].push(i);
  const verdicts: Verdict[] = new Array(n).fill('discarded');
  const emitted: TokenId[] = [];
  const emittedKinds: EmitKind[] = [];
  const positions: PositionDetail[] | null = withDetail ? [] : null;
  const path: number[] = [];
  let overlapSum = 0;
  let overlapCount = 0;
  let cur = -1;
  for (;;) {
    const p = scores.dist(cur + 1);
    const kids = children[cur + 1];
    let next = -1;
    let r: Float64Array | null = null;
    let u: number | null = null;
    if (greedy) {
      const a = argmax(p);
      for (const k of kids) {
        overlapSum += p[proposal.tokens[k]];
        overlapCount++;
        if (proposal.tokens[k] === a) {
          next = k;
          break;
        }
        verdicts[k] = 'rejected';
      }
    } else {
      r = Float64Array.from(p);
      for (const k of kids) {
        const x = proposal.tokens[k];
        const q = proposal.q[k];
        // A top-k pick is a point mass: accept w.p. r(x), else zero x. A child sampled from q:
        // accept w.p. min(1, r(x)/q(x)), else r := norm(max(0, r - q)) (SpecInfer).
        overlapSum += q === null ? r[x] : overlap(r, q);
        overlapCount++;
        // 'pgeq' (deliberately wrong) compares r(x) with q(x) and draws no uniform.
        u = rule === 'pgeq' ? null : rng.accept.next();
        if (u === null ? r[x] >= (q === null ? 1 : q[x]) : u < (q === null ? r[x] : r[x] / q[x])) {
          next = k;
          break;
        }
        verdicts[k] = 'rejected';
        if (q === null) r[x] = 0;
        else for (let i = 0; i < r.length; i++) r[i] = r[i] > q[i] ? r[i] - q[i] : 0;
        if (normalizeInPlace(r) <= 1e-12) r = Float64Array.from(p);
      }
    }
    if (next >= 0) {
      verdicts[next] = 'accepted';
      path.push(next);
      emitted.push(proposal.tokens[next]);
      emittedKinds.push('accepted');
      positions?.push({
        p: topEntries(p, TOP_K),
        q: [[proposal.tokens[next], 1]],
        token: proposal.tokens[next],
        pToken: p[proposal.tokens[next]],
        qToken: 1,
        overlap: p[proposal.tokens[next]],
        u,
        residual: null,
      });
      cur = next;
      continue;
    }
    // Nothing accepted here: the correction / residual sample, or the bonus after a leaf.
    const kind: EmitKind = kids.length === 0 ? (path.length > 0 ? 'bonus' : 'target') : 'resampled';
    const final = greedy ? argmax(p) : sample(r ?? p, rng.target);
    emitted.push(final);
    emittedKinds.push(kind);
    positions?.push({
      p: topEntries(p, TOP_K),
      q: [],
      token: null,
      pToken: 0,
      qToken: 0,
      overlap: 0,
      u: null,
      residual: r && kids.length > 0 ? topEntries(r, TOP_K) : null,
    });
    return { verdicts, emitted, emittedKinds, accepted: path.length, overlapSum, overlapCount, positions, path, rejected: verdicts.includes('rejected') };
  }
}
