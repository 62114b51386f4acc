import { argmax, sample } from '../dist';
import type { Dist, Proposal, Proposer, TokenId } from '../types';

/** A world's MTP modules: module k's distribution of the token at `len`, read from ctx[0..len). */
export type MtpModules = (module: number, ctx: readonly TokenId[], len: number) => Dist;

/**
 * The "mtp" method (DeepSeek-V3's multi-token prediction, vLLM method "mtp"): drafts
 * autoregressively through the MTP module(s), module k reading the k drafts before it (chained).
 * Each module is one small forward pass: `costRatio` of a target pass per drafted token.
 * `argmaxDrafts`: vLLM's way, argmax verified as a point mass (see draftModelProposer).
 */
export function mtpProposer(modules: MtpModules, count: number, costRatio: number, argmaxDrafts = false): Proposer {
  return {
    method: 'mtp',
    propose(ctx, len, gamma, rng): Proposal {
      const buf = ctx as TokenId[];
      const tokens: TokenId[] = [];
      const q: (Dist | null)[] = [];
      for (let i = 0; i < Math.min(gamma, count); i++) {
        const d = modules(i, buf, len + i);
        const x = argmaxDrafts ? argmax(d) : sample(d, rng);
        buf[len + i] = x;
        tokens.push(x);
        q.push(argmaxDrafts ? null : d);
      }
      // ms: one small module pass per drafted token, c of a target pass each.
      return { tokens, q, draftCost: costRatio * tokens.length, info: { heads: count } };
    },
  };
}
