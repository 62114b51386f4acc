import { sample, topEntries } from '../dist';
import type { Dist, Model, Proposal, Proposer, TokenId } from '../types';

/** SGLang's names: speculative-num-steps (depth), speculative-eagle-topk, speculative-num-draft-tokens. */
export interface TreeSettings {
  depth: number;
  topk: number;
  draftTokens: number;
  /** 'topk': deterministic top-k children (EAGLE-2); 'sample': k children drawn from q
   * (SpecInfer), verified with min(1, p/q) and the residual update. */
  mode: 'topk' | 'sample';
}

interface Node {
  token: TokenId;
  parent: number;
  value: number;
  depth: number;
  /** The distribution a sampled child was drawn from (null: a top-k pick). */
  q: Dist | null;
}

/** Writes the path from the root to `i` into buf[len ..] and returns its length. */
export function writePath(nodes: readonly { token: TokenId; parent: number }[], i: number, buf: TokenId[], len: number): number {
  const path: TokenId[] = [];
  for (let j = i; j >= 0; j = nodes[j].parent) path.push(nodes[j].token);
  path.reverse();
  for (let k = 0; k < path.length; k++) buf[len + k] = path[k];
  return path.length;
}

/**
 * EAGLE-2-style token tree from a draft model: at each depth the top-k nodes by value (the
 * product of draft probabilities along the path) are expanded with their top-k children; after
 * `depth` levels the best `draftTokens` nodes overall are kept (a parent never ranks below its
 * child, so the kept set is a tree). Children are deterministic top-k picks, so the target
 * verifies them as point masses. In 'sample' mode each expanded node gets k children drawn from
 * q instead (kept whole, up to draftTokens nodes), verified with min(1, p/q) as SpecInfer does.
 * Drafting costs one batched draft pass per level. `propose`'s gamma is the deepest level
 * allowed (the room left before the world's end); the tree's own depth is s.depth.
 */
export function treeProposer(draft: Model, s: TreeSettings, costRatio: number): Proposer {
  return {
    method: 'tree',
    propose(ctx, len, maxDepth, rng): Proposal {
      const buf = ctx as TokenId[];
      const nodes: Node[] = [];
      let frontier = [-1];
      let full = false;
      // The step passes the room left before the world's end as maxDepth.
      const depth = Math.min(s.depth, maxDepth);
      for (let d = 1; d <= depth && !full; d++) {
        const born: number[] = [];
        for (const parent of frontier) {
          const plen = parent < 0 ? 0 : writePath(nodes, parent, buf, len);
          const q = draft.dist(buf, len + plen);
          const pv = parent < 0 ? 1 : nodes[parent].value;
          if (s.mode === 'sample') {
            // All k children of a node, or none: the verifier needs them i.i.d. from q.
            if (nodes.length + s.topk > s.draftTokens) {
              full = true;
              break;
            }
            for (let j = 0; j < s.topk; j++) {
              const token = sample(q, rng);
              nodes.push({ token, parent, value: pv * q[token], depth: d, q });
              born.push(nodes.length - 1);
            }
          } else
            for (const [token, prob] of topEntries(q, s.topk)) {
              nodes.push({ token, parent, value: pv * prob, depth: d, q: null });
              born.push(nodes.length - 1);
            }
        }
        born.sort((a, b) => nodes[b].value - nodes[a].value || a - b);
        frontier = born.slice(0, s.topk);
        if (frontier.length === 0) break;
      }
      if (s.mode === 'sample') {
        // No pruning (it would pick among siblings by value); nodes are already breadth-first.
        const levels = Math.max(0, ...nodes.map((n) => n.depth));
        return {
          tokens: nodes.map((n) => n.token),
          q: nodes.map((n) => n.q),
          parents: nodes.map((n) => n.parent),
          draftCost: costRatio * levels,
          info: { tree: { values: nodes.map((n) => n.value) } },
        };
      }
      // Keep the best nodes; ties go to the shallower node so parents come before children.
      const order = nodes.map((_, i) => i).sort((a, b) => nodes[b].value - nodes[a].value || nodes[a].depth - nodes[b].depth || a - b);
      const kept = new Set(order.slice(0, s.draftTokens));
      const ids = [...kept].sort((a, b) => nodes[a].depth - nodes[b].depth || nodes[b].value - nodes[a].value || a - b);
      const newIndex = new Map(ids.map((id, i) => [id, i]));
      const tokens = ids.map((i) => nodes[i].token);
      const parents = ids.map((i) => (nodes[i].parent < 0 ? -1 : (newIndex.get(nodes[i].parent) as number)));
      const values = ids.map((i) => nodes[i].value);
      const levels = Math.max(0, ...ids.map((i) => nodes[i].depth));
      return { tokens, q: tokens.map(() => null), parents, draftCost: costRatio * levels, info: { tree: { values } } };
    },
  };
}
