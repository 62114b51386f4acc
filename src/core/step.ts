import { argmax, sample, topEntries } from './dist';
import type { SimParams } from './params';
import { draftModelProposer } from './proposers/draftModel';
import { medusaProposer } from './proposers/medusa';
import { mtpProposer } from './proposers/mtp';
import { ngramProposer } from './proposers/ngramLookup';
import { globalSuffixTrie, SUFFIX_DEFAULTS, suffixProposer } from './proposers/suffix';
import type { SuffixTrie } from './proposers/suffixTree';
import { treeProposer } from './proposers/tree';
import type { Proposal, Proposer, RngStreams, StepEvent, TokenId, World } from './types';
import { TOP_K, verifyChain } from './verify';
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
export interface RunSetup {
  readonly world: World;
  /** null for autoregressive decoding. */
  readonly proposer: Proposer | null;
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
      return ngramProposer(params.lookupMin, params.lookupMax, params.targetMs);
    case 'suffix': {
      const settings = { ...SUFFIX_DEFAULTS, maxDepth: params.maxDepth, specFactor: params.specFactor, minTokenProb: params.minTokenProb };
      let global = globalTries.get(world.history);
      if (global === undefined || global.depth !== settings.maxDepth) {
        global = globalSuffixTrie(world.history, settings);
        globalTries.set(world.history, global);
      }
      return suffixProposer(settings, world.history.length > 0 ? global : null, params.targetMs, world.prompt.length);
    }
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

/** Global suffix tries per session history (built once, shared by runs). */
const globalTries = new WeakMap<readonly (readonly TokenId[])[], SuffixTrie>();

/** Sets up a run of `params` over a world. */
export function makeSetup(world: World, params: Readonly<SimParams>): RunSetup {
  const greedy = world.kind !== 'seed' && params.temperature <= 0;
  return { world, proposer: makeProposer(world, params), params, greedy };
}

/** The state before the first step. */
export function initialState(world: World): SimState {
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

/**
 * One target forward pass: propose (maybe nothing), verify, emit. Pure apart from the random
 * streams it draws from; every driver (animation, sweeps, runner, tests) calls this.
 * `state.tokens` is reused when this state is its latest owner, else copied (copy-on-write).
 */
export function step(setup: RunSetup, state: SimState, rng: RngStreams, withDetail = true): { state: SimState; event: StepEvent } {
  const { world, proposer, params, greedy } = setup;
  const start = state.len - state.promptLen;
  const buf = state.tokens.length === state.len ? state.tokens : state.tokens.slice(0, state.len);
  // Never draft past the world's own end (the notebook's min(k, remaining)); the length
  // budget is checked after the step, whose emitted tokens all count. A tree's budget is its
  // depth (gamma is not its parameter): the proposer reads it as the deepest level to draft.
  const budget = proposer?.method === 'tree' ? params.depth : params.gamma;
  const gamma = Math.max(0, Math.min(budget, world.maxNewTokens - start));
  const proposal = proposer === null || gamma === 0 ? NO_PROPOSAL : proposer.propose(buf, state.len, gamma, rng.draft);
  let emitted: TokenId[];
  let emittedKinds: StepEvent['emittedKinds'];
  let verdicts: StepEvent['verdicts'] = [];
  let positions: StepEvent['positions'] = null;
  let accepted = 0;
  let overlapSum = 0;
  let overlapCount = 0;
  let rejected = false;
  let info = proposal.info;
  if (proposer === null) {
    const p = world.target.dist(buf, state.len);
    emitted = [greedy ? argmax(p) : sample(p, rng.target)];
    emittedKinds = ['target'];
    if (withDetail) positions = [{ p: topEntries(p, TOP_K), q: [], token: null, pToken: 0, qToken: 0, overlap: 0, u: null, residual: null }];
  } else {
    const v = proposal.parents
      ? verifyTree(world.target, buf, state.len, proposal, greedy, rng, withDetail, params.acceptance)
      : verifyChain(world.target, buf, state.len, proposal, greedy, params.acceptance, rng, withDetail);
    ({ emitted, emittedKinds, verdicts, positions, accepted, overlapSum, overlapCount, rejected } = v);
    if ('path' in v) info = { ...proposal.info, tree: { ...(proposal.info?.tree as object), parents: proposal.parents, path: v.path } };
  }
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
  buf.length = state.len;
  for (const t of emitted) buf.push(t);
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
  const event: StepEvent = {
    index: state.passes,
    drafted: proposal.tokens,
    verdicts,
    emitted,
    emittedKinds,
    positions,
    timeMs,
    greedy,
    start,
    finished,
    endOfText,
    ...(info ? { info } : {}),
  };
  return { state: next, event };
}
