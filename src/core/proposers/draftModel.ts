import { argmax, sample } from '../dist';
import type { Dist, Model, Proposal, Proposer, TokenId } from '../types';

/** Without drawWithRow: rows up to this long are sampled by a linear scan, longer ones by the
 * model's draw. */
const SCAN_MAX = 64;

/**
 * A draft model (vLLM method "draft_model"): samples gamma tokens autoregressively from q.
 * Drafting stops after the draft samples end-of-text; that token is proposed and verified like
 * any other (dropping it instead would bias the output: the draft's EOS mass would never be
 * checked against the target's).
 * Drafts are written into `ctx` after `len` (the caller owns that scratch space).
 * `argmaxDrafts`: draft the argmax of q instead and hand no q to the verifier, which then checks
 * the token as a point mass (accept with probability p(x)): what vLLM v1 does
 * (vllm-project/vllm vllm/v1/spec_decode/eagle.py "we always use argmax to sample the draft
 * tokens"; gpu_model_runner.py calls the rejection sampler with draft_probs None).
 */
export function draftModelProposer(draft: Model, eos: TokenId | null, costRatio: number, argmaxDrafts = false): Proposer {
  return {
    method: 'draft',
    propose(ctx, len, gamma, rng): Proposal {
      const buf = ctx as TokenId[];
      if (!argmaxDrafts && draft.drawChain !== undefined) {
        // The whole chain in one call (the same tokens, rows and uniforms as the loop below).
        const q: Dist[] = [];
        const n = draft.drawChain(buf, len, gamma, rng, q, eos);
        return { tokens: buf.slice(len, len + n), q, draftCost: costRatio * n };
      }
      const tokens: TokenId[] = [];
      const q: Dist[] = [];
      for (let i = 0; i < gamma; i++) {
        // q's row is kept for verification (overlap, residual). Every way of drawing gives the
        // same token for the same uniform (sample's linear scan, the model's running-sum draw);
        // drawWithRow looks the context up once for both the token and the row.
        let x: TokenId;
        if (argmaxDrafts) x = argmax(draft.dist(buf, len + i));
        else if (draft.drawWithRow !== undefined) x = draft.drawWithRow(buf, len + i, rng, q);
        else {
          const d = draft.dist(buf, len + i);
          q.push(d);
          x = draft.draw !== undefined && d.length > SCAN_MAX ? draft.draw(buf, len + i, rng) : sample(d, rng);
        }
        buf[len + i] = x;
        tokens.push(x);
        if (x === eos) break;
      }
      // Drafting cost: c per drafted token (one small-model pass each). argmax drafts hand no
      // q: the verifier checks each as a point mass.
      return { tokens, q: argmaxDrafts ? tokens.map(() => null) : q, draftCost: costRatio * tokens.length };
    },
  };
}
