import { argmax, sample } from '../dist';
import type { Dist, Proposal, Proposer, TokenId } from '../types';

/**
 * Extra prediction heads (Medusa, or MTP modules used as heads): head i gives the distribution
 * of the token i+1 ahead, from the context the target has seen (`len` tokens); drafts already
 * proposed this step sit in ctx[len .. len+i) for worlds whose heads read them.
 */
export type HeadsModel = (head: number, ctx: readonly TokenId[], len: number) => Dist;

/**
 * The "mtp" method: one draft token per head, each drawn from its head's distribution (the
 * argmax at temperature 0, where a head's distribution is a point mass). Heads run on the
 * target's last hidden state, so drafting costs about one head per token: `costRatio` each.
 */
export function mtpProposer(heads: HeadsModel, count: number, costRatio: number, argmaxDrafts = false): Proposer {
  return {
    method: 'mtp',
    propose(ctx, len, gamma, rng): Proposal {
      const buf = ctx as TokenId[];
      const tokens: TokenId[] = [];
      const q: (Dist | null)[] = [];
      for (let i = 0; i < Math.min(gamma, count); i++) {
        const d = heads(i, buf, len);
        // argmaxDrafts: vLLM's way (argmax, verified as a point mass), see draftModelProposer.
        const x = argmaxDrafts ? argmax(d) : sample(d, rng);
        buf[len + i] = x;
        tokens.push(x);
        q.push(argmaxDrafts ? null : d);
      }
      return { tokens, q, draftCost: costRatio * tokens.length, info: { heads: count } };
    },
  };
}
