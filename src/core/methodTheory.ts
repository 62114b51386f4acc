import type { SimParams } from './params';
import { LOOKUP_MS_PER_TOKEN } from './proposers/ngramLookup';

/**
 * Where Leviathan's chain formulas describe a method. E = (1 - a^(g+1)) / (1 - a) assumes gamma
 * drafts every step, each accepted with the same probability a; the speedup also needs the cost
 * c the method is charged per drafted token. Only the draft model fits:
 * - tree: gamma is not its parameter (it drafts depth x topk nodes), and its alpha is a mean of
 *   conditional sibling acceptances, not of sum min(p, q);
 * - lookup (n-gram, suffix): they propose fewer than gamma tokens, or none when nothing matches;
 * - perHead (MTP, Medusa): acceptance changes with the module or head;
 * - noDraft: autoregressive decoding drafts nothing.
 */
export type TheoryAbsence = 'tree' | 'lookup' | 'perHead' | 'noDraft';

/** The chain theory for a method: its c, or why there is none (with the c it is charged). */
export type MethodTheory = { applies: true; c: number } | { applies: false; reason: TheoryAbsence; c: number };

/**
 * The drafting cost a method is charged per drafted token (per level for a tree), as a
 * fraction of one target pass: what its proposer puts on the modelled clock.
 */
export function chargedCost(p: Readonly<SimParams>): number {
  switch (p.method) {
    case 'ngram':
    case 'suffix':
      // A CPU lookup: LOOKUP_MS_PER_TOKEN ms per proposed token, against targetMs per pass.
      return LOOKUP_MS_PER_TOKEN / p.targetMs;
    case 'medusa':
      // The heads run inside the target's own pass.
      return 0;
    case 'autoregressive':
      return 0;
    default:
      return p.costRatio;
  }
}

/** Whether the chain theory describes `p.method`, with the c to use. */
export function methodTheory(p: Readonly<SimParams>): MethodTheory {
  const c = chargedCost(p);
  switch (p.method) {
    case 'draft':
      return { applies: true, c };
    case 'tree':
      return { applies: false, reason: 'tree', c };
    case 'ngram':
    case 'suffix':
      return { applies: false, reason: 'lookup', c };
    case 'mtp':
    case 'medusa':
      return { applies: false, reason: 'perHead', c };
    case 'autoregressive':
      return { applies: false, reason: 'noDraft', c };
  }
}
