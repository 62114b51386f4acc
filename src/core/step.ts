import { modelScores, treeModelScores } from './engine/scores';
import type { SimParams } from './params';
import { draftModelProposer } from './proposers/draftModel';
import { medusaProposer } from './proposers/medusa';
import { mtpProposer } from './proposers/mtp';
import { ngramProposer } from './proposers/ngramLookup';
import { globalSuffixTrie, SUFFIX_DEFAULTS, suffixProposer } from './proposers/suffix';
import type { SuffixTrie } from './proposers/suffixTree';
import { treeProposer } from './proposers/tree';
import type { Proposal, Proposer, RngStreams, Scores, StepEvent, TextWorld, TokenId, World } from './types';
import { verifyChain } from './verify';
import { verifyTree } from './verifyTree';

/** Everything a run has done so far. Counters follow vLLM's spec-decode metrics. */
export interface SimState {
  /** Prompt + generated tokens; entries past `len` are scratch. */
  readonly tokens: TokenId[];
  readonly len: number;
  readonly promptLen: number;
  /** Target forward passes (= steps). */
  readonly passes: number;
  /** Passes that proposed at least one token (vLLM's num_drafts). */
  readonly drafts: number;
  readonly drafted: number;
  readonly accepted: number;
  /** Sum and count of min(p, q) over verified drafted positions (for alpha). */
  readonly overlapSum: number;
  readonly overlapCount: number;
  /** acceptedHist[i]: steps with exactly i drafted tokens accepted. */
  readonly acceptedHist: readonly number[];
  /** Modelled time so far, ms. */
  readonly timeMs: number;
  readonly finished: boolean;
  /** 1 once the target emitted end-of-text: a produced token that is not output. */
  readonly eos: number;
  /** Steps in which a drafted token was rejected. */
  readonly rejections: number;
}

/** The fixed parts of a run: its world, its proposer and the parameters that matter per step. */
export interface RunSetup<W extends TextWorld = World, P = Proposer> {
  readonly world: W;
  /** null for autoregressive decoding. */
  readonly proposer: P | null;
  readonly params: Readonly<SimParams>;
  readonly greedy: boolean;
}

/** The proposer for the method in `params` (null = autoregressive). */
export function makeProposer(world: World, params: Readonly<SimParams>): Proposer | null {
  switch (params.method) {
    case 'autoregressive':
      return null;
    case 'draft':
      if (world.draft === null) throw new Error(`the ${world.kind} world has no draft model`);
      return draftModelProposer(world.draft, world.eos, params.costRatio, params.draftSampling === 'argmax');
    case 'ngram':
    case 'suffix':
      return lookupProposer(world, params);
    case 'mtp':
      if (world.mtpModules === null) throw new Error(`the ${world.kind} world has no MTP modules`);
      return mtpProposer(world.mtpModules, params.heads, params.costRatio, params.draftSampling === 'argmax');
    case 'medusa':
      if (world.medusaHeads === null) throw new Error(`the ${world.kind} world has no Medusa heads`);
      return medusaProposer(world.medusaHeads, params.heads, params.draftSampling === 'argmax');
    case 'tree':
      if (world.draft === null) throw new Error(`the ${world.kind} world has no draft model`);
      return treeProposer(world.draft, { depth: params.depth, topk: params.topk, draftTokens: params.draftTokens, mode: params.treeMode }, params.costRatio);
  }
}

/**
 * The proposers that read only token ids (n-gram prompt lookup, suffix decoding): they work
 * unchanged over any world, a real model's included.
 */
export function lookupProposer(world: TextWorld, params: Readonly<SimParams>): Proposer {
  if (params.method === 'ngram') return ngramProposer(params.lookupMin, params.lookupMax, params.targetMs);
  if (params.method !== 'suffix') throw new Error(`${params.method} is not a lookup method`);
  const settings = { ...SUFFIX_DEFAULTS, maxDepth: params.maxDepth, specFactor: params.specFactor, minTokenProb: params.minTokenProb };
  let global = globalTries.get(world.history);
  if (global === undefined || global.depth !== settings.maxDepth) {
    global = globalSuffixTrie(world.history, settings);
    globalTries.set(world.history, global);
  }
  return suffixProposer(settings, world.history.length > 0 ? global : null, params.targetMs, world.prompt.length);
}

/** Global suffix tries per session history (built once, shared by runs). */
const globalTries = new WeakMap<readonly (readonly TokenId[])[], SuffixTrie>();

/** Sets up a run of `params` over a world. */
export function makeSetup(world: World, params: Readonly<SimParams>): RunSetup {
  const greedy = world.kind !== 'seed' && params.temperature <= 0;
  return { world, proposer: makeProposer(world, params), params, greedy };
}

/** The state before the first step. */
export function initialState(world: TextWorld): SimState {
  return {
    tokens: [...world.prompt],
    len: world.prompt.length,
    promptLen: world.prompt.length,
    passes: 0,
    drafts: 0,
    drafted: 0,
    accepted: 0,
    overlapSum: 0,
    overlapCount: 0,
    acceptedHist: new Array<number>(MAX_GAMMA + 1).fill(0),
    timeMs: 0,
    finished: world.maxNewTokens <= 0,
    eos: 0,
    rejections: 0,
  };
}

/** The largest gamma any method uses (the UI's and runner's upper bound). */
export const MAX_GAMMA = 16;

const NO_PROPOSAL: Proposal = { tokens: [], q: [], draftCost: 0 };

/** The token buffer a step may write into: the state's own when it is the latest owner, else a
 * copy (copy-on-write). Entries from `state.len` on are scratch space for drafts. */
export function scratch(state: SimState): TokenId[] {
  return state.tokens.length === state.len ? state.tokens : state.tokens.slice(0, state.len);
}

/** How many tokens this step may draft: gamma, never past the world's own end (the notebook's
 * min(k, remaining)); the length budget is checked after the step, whose emitted tokens all count.
 * A tree's budget is its depth (gamma is not its parameter): the proposer reads it as the deepest
 * level to draft. */
export function draftBudget(setup: RunSetup<TextWorld, { readonly method: string }>, state: SimState): number {
  const { proposer, params } = setup;
  if (proposer === null) return 0;
  const budget = proposer.method === 'tree' ? params.depth : params.gamma;
  return Math.max(0, Math.min(budget, setup.world.maxNewTokens - (state.len - state.promptLen)));
}

/**
 * One target forward pass over a simulated world: propose (maybe nothing), score, verify, emit.
 * Pure apart from the random streams it draws from; the animation, sweeps, runner and tests
 * drive it. Real models take the same path through stepAsync (engine/asyncStep.ts): both end
 * in `settle`, so verification and bookkeeping are one code.
 */
export function step(setup: RunSetup, state: SimState, rng: RngStreams, withDetail = true): { state: SimState; event: StepEvent } {
  const buf = scratch(state);
  const gamma = draftBudget(setup, state);
  const proposal = gamma === 0 || setup.proposer === null ? NO_PROPOSAL : setup.proposer.propose(buf, state.len, gamma, rng.draft);
  const target = setup.world.target;
  const scores = proposal.parents ? treeModelScores(target, buf, state.len, proposal) : modelScores(target, buf, state.len, proposal.tokens.length + 1);
  return settle(setup, state, buf, proposal, scores, rng, withDetail);
}

/**
 * The second half of every step, simulated or real: verify the proposal against the target's
 * scores, cut at end-of-text, commit the emitted tokens into `buf` and count. `buf` is
 * scratch(state) with the drafts after state.len.
 */
export function settle(
  setup: RunSetup<TextWorld, unknown>,
  state: SimState,
  buf: TokenId[],
  proposal: Proposal,
  scores: Scores,
  rng: RngStreams,
  withDetail: boolean,
): { state: SimState; event: StepEvent } {
  const { world, proposer, params, greedy } = setup;
  const start = state.len - state.promptLen;
  // Autoregressive decoding is a chain of nothing: the target's own token from row 0.
  const v = proposal.parents
    ? verifyTree(scores, proposal, greedy, rng, withDetail, params.acceptance)
    : verifyChain(scores, proposal, greedy, params.acceptance, rng, withDetail);
  const { verdicts, positions, accepted, overlapSum, overlapCount, rejected } = v;
  let { emitted, emittedKinds } = v;
  let info = proposal.info;
  if ('path' in v) info = { ...proposal.info, tree: { ...(proposal.info?.tree as object), parents: proposal.parents, path: v.path } };
  // End of text: the EOS token and anything after it are not output.
  let finished = false;
  let endOfText = false;
  const eosAt = world.eos === null ? -1 : emitted.indexOf(world.eos);
  if (eosAt >= 0) {
    emitted = emitted.slice(0, eosAt);
    emittedKinds = emittedKinds.slice(0, eosAt);
    finished = true;
    endOfText = true;
  }
  // The emitted tokens over the drafts (the accepted ones are the same), then the length.
  const end = state.len + emitted.length;
  for (let j = 0; j < emitted.length; j++) buf[state.len + j] = emitted[j];
  if (buf.length !== end) buf.length = end;
  const generated = start + emitted.length;
  if (generated >= Math.min(params.length, world.maxNewTokens)) finished = true;
  const k = proposal.tokens.length;
  // Modelled time, ms: one target pass, the drafting, and verification of k extra tokens
  // (for a tree, every node is an extra token checked).
  const timeMs = params.targetMs * (1 + proposal.draftCost + (proposer === null ? 0 : k * params.verifyCost));
  const hist = state.acceptedHist.slice();
  if (k > 0) hist[accepted] += 1;
  const next: SimState = {
    tokens: buf,
    len: buf.length,
    promptLen: state.promptLen,
    passes: state.passes + 1,
    drafts: state.drafts + (k > 0 ? 1 : 0),
    drafted: state.drafted + k,
    accepted: state.accepted + accepted,
    overlapSum: state.overlapSum + overlapSum,
    overlapCount: state.overlapCount + overlapCount,
    acceptedHist: hist,
    timeMs: state.timeMs + timeMs,
    finished,
    eos: state.eos + (endOfText ? 1 : 0),
    rejections: state.rejections + (rejected ? 1 : 0),
  };
  // Optional fields are set only when present (no object spreads: this runs every step).
  const event: {
    -readonly [K in keyof StepEvent]: StepEvent[K];
  } = { index: state.passes, drafted: proposal.tokens, verdicts, emitted, emittedKinds, positions, timeMs, greedy, start, finished, endOfText };
  if (scores.wallMs !== undefined) event.wall = { draftMs: proposal.wallMs ?? [], targetMs: scores.wallMs };
  if (info) event.info = info;
  return { state: next, event };
}
