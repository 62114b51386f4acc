import { argmax, sample, topEntries } from './dist';
import type { SimParams } from './params';
import { draftModelProposer } from './proposers/draftModel';
import type { Proposal, Proposer, RngStreams, StepEvent, TokenId, World } from './types';
import { TOP_K, verifyChain } from './verify';

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
      return draftModelProposer(world.draft, world.eos, params.costRatio);
    default:
      throw new Error(`method ${params.method} is not available yet`);
  }
}

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
  // budget is checked after the step, whose emitted tokens all count.
  const gamma = Math.max(0, Math.min(params.gamma, world.maxNewTokens - start));
  const proposal = proposer === null || gamma === 0 ? NO_PROPOSAL : proposer.propose(buf, state.len, gamma, rng.draft);
  let emitted: TokenId[];
  let emittedKinds: StepEvent['emittedKinds'];
  let verdicts: StepEvent['verdicts'] = [];
  let positions: StepEvent['positions'] = null;
  let accepted = 0;
  let overlapSum = 0;
  let overlapCount = 0;
  if (proposer === null) {
    const p = world.target.dist(buf, state.len);
    emitted = [greedy ? argmax(p) : sample(p, rng.target)];
    emittedKinds = ['target'];
    if (withDetail) positions = [{ p: topEntries(p, TOP_K), q: [], token: null, pToken: 0, qToken: 0, overlap: 0, u: null, residual: null }];
  } else {
    const v = verifyChain(world.target, buf, state.len, proposal, greedy, params.acceptance, rng, withDetail);
    ({ emitted, emittedKinds, verdicts, positions, accepted, overlapSum, overlapCount } = v);
  }
  // End of text: the EOS token and anything after it are not output.
  let finished = false;
  const eosAt = world.eos === null ? -1 : emitted.indexOf(world.eos);
  if (eosAt >= 0) {
    emitted = emitted.slice(0, eosAt);
    emittedKinds = emittedKinds.slice(0, eosAt);
    finished = true;
  }
  buf.length = state.len;
  for (const t of emitted) buf.push(t);
  const generated = start + emitted.length;
  if (generated >= Math.min(params.length, world.maxNewTokens)) finished = true;
  const k = proposal.tokens.length;
  // Modelled time, ms: one target pass, the drafting, and verification of k extra tokens.
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
    ...(proposal.info ? { info: proposal.info } : {}),
  };
  return { state: next, event };
}
