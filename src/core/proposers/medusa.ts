import { argmax, sample } from '../dist';
import type { Dist, Proposal, Proposer, TokenId } from '../types';

/** A world's Medusa heads: head i's distribution of the token at len + i, from ctx[0..len) only. */
export type MedusaHeads = (head: number, ctx: readonly TokenId[], len: number) => Dist;

/**
 * The "medusa" method (Cai et al. 2024, vLLM method "medusa"): k heads on the target's last
 * hidden state each draft one position ahead, all from the committed context at once
 * (parallel: head i never sees the tokens drafted before it). The heads run inside the
 * target's own pass, so drafting adds no pass: draftCost 0 (their small share of the pass is in
 * targetMs; verifyCost charges the extra positions checked). Medusa verifies a tree of each
 * head's top-k; specplay drafts one token per head, a chain.
 * `argmaxDrafts`: vLLM's way, argmax verified as a point mass (see draftModelProposer).
 */
export function medusaProposer(heads: MedusaHeads, count: number, argmaxDrafts = false): Proposer {
  return {
    method: 'medusa',
    propose(ctx, len, gamma, rng): Proposal {
      const buf = ctx as TokenId[];
      const tokens: TokenId[] = [];
      const q: (Dist | null)[] = [];
      const n = Math.min(gamma, count);
      // Every head reads ctx[0..len) only; the drafts are written after all of them ran.
      for (let i = 0; i < n; i++) {
        const d = heads(i, buf, len);
        tokens.push(argmaxDrafts ? argmax(d) : sample(d, rng));
        q.push(argmaxDrafts ? null : d);
      }
      for (let i = 0; i < n; i++) buf[len + i] = tokens[i];
      return { tokens, q, draftCost: 0, info: { heads: count } };
    },
  };
}
