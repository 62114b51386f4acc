import { makeStreams, type SimParams, type TokenId } from '../core';
import { ngramProposer } from '../core/proposers/ngramLookup';
import { SUFFIX_DEFAULTS, suffixProposer } from '../core/proposers/suffix';

/** One proposal of a lookup method over a context of integer token ids (the runner's `propose`);
 * the tokens are the prompt (no response yet, so the suffix method's global tree is empty). */
export function proposeOnce(method: 'ngram' | 'suffix', tokens: readonly TokenId[], p: SimParams): TokenId[] {
  const proposer =
    method === 'ngram'
      ? ngramProposer(p.lookupMin, p.lookupMax, p.targetMs)
      : suffixProposer({ ...SUFFIX_DEFAULTS, maxDepth: p.maxDepth, specFactor: p.specFactor, minTokenProb: p.minTokenProb }, null, p.targetMs, tokens.length);
  const ctx = [...tokens];
  return proposer.propose(ctx, ctx.length, p.gamma, makeStreams('propose').draft).tokens;
}
