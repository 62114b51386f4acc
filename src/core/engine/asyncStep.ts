import { sample } from '../dist';
import type { SimParams } from '../params';
import { makeStreams } from '../rng';
import { draftBudget, initialState, type RunSetup, type SimState, scratch, settle } from '../step';
import type { Proposal, Proposer, RngStreams, StepEvent, TextWorld, TokenId } from '../types';
import { logitScores, shapeLogits } from './scores';

/**
 * A model that answers "score these positions" asynchronously, from one forward pass: the raw
 * logits after ctx[0..j) for every j in [from, to]. A real model (src/real) implements it on
 * top of its KV cache; the core never sees tensors, devices or caches.
 */
export interface LogitModel {
  readonly vocabSize: number;
  logits(ctx: readonly TokenId[], from: number, to: number): Promise<{ rows: Float32Array[]; wallMs: number }>;
}

/** A proposer that may wait for a model (a real draft model); the lookup proposers (n-gram,
 * suffix) are synchronous and fit as they are. */
export interface AsyncProposer {
  readonly method: Proposer['method'];
  propose(ctx: readonly TokenId[], len: number, gamma: number, rng: RngStreams['draft']): Proposal | Promise<Proposal>;
}

/** A run over an asynchronous target: the world's text, the proposer and the target's logits. */
export interface AsyncSetup extends RunSetup<TextWorld, AsyncProposer> {
  readonly target: LogitModel;
}

const NO_PROPOSAL: Proposal = { tokens: [], q: [], draftCost: 0 };

/**
 * A draft model that answers asynchronously (vLLM method "draft_model"): gamma tokens, one
 * forward each, each sampled from the draft's logits shaped by the run's temperature and top-p
 * (the same shaping and the same sampling as the synchronous draftModelProposer). Drafting stops
 * after an end-of-text draft, which is verified like any token.
 */
export function asyncDraftProposer(draft: LogitModel, eos: TokenId | null, params: Readonly<SimParams>): AsyncProposer {
  return {
    method: 'draft',
    async propose(ctx, len, gamma, rng) {
      const buf = ctx as TokenId[];
      const tokens: TokenId[] = [];
      const q = [];
      const wallMs: number[] = [];
      for (let i = 0; i < gamma; i++) {
        const out = await draft.logits(buf, len + i, len + i);
        const d = shapeLogits(out.rows[0], params.temperature, params.topP);
        const x = sample(d, rng);
        buf[len + i] = x;
        tokens.push(x);
        q.push(d);
        wallMs.push(out.wallMs);
        if (x === eos) break;
      }
      return { tokens, q, draftCost: params.costRatio * tokens.length, wallMs };
    },
  };
}

/**
 * One step over an asynchronous target: propose, one target forward over the last committed
 * token and the drafts (gamma + 1 rows), then the same `settle` as the simulated step: the same
 * verification, shaping and random streams.
 */
export async function stepAsync(setup: AsyncSetup, state: SimState, rng: RngStreams, withDetail = true): Promise<{ state: SimState; event: StepEvent }> {
  const buf = scratch(state);
  const gamma = draftBudget(setup, state);
  const proposed = gamma === 0 || setup.proposer === null ? NO_PROPOSAL : setup.proposer.propose(buf, state.len, gamma, rng.draft);
  // A lookup proposer answers at once: no await (each is a microtask hop per step).
  const proposal = proposed instanceof Promise ? await proposed : proposed;
  if (proposal.parents) throw new Error('token trees are not available with real models');
  const k = proposal.tokens.length;
  const out = await setup.target.logits(buf, state.len, state.len + k);
  const scores = logitScores(out.rows, setup.params.temperature, setup.params.topP, out.wallMs);
  return settle(setup, state, buf, proposal, scores, rng, withDetail);
}

/** Safety net, as for simulated runs: every pass emits at least one token. */
const MAX_PASSES = 100000;

/**
 * A whole generation over an asynchronous target, step by step (the async twin of runSteps).
 * `cancelled` is asked between two steps, so a cancelled run stops between forwards.
 */
export async function* runStepsAsync(
  setup: AsyncSetup,
  runSeed: string,
  withDetail: boolean,
  cancelled: () => boolean = () => false,
): AsyncGenerator<StepEvent, SimState> {
  const rng = makeStreams(runSeed);
  let state = initialState(setup.world);
  while (!state.finished && state.passes < MAX_PASSES && !cancelled()) {
    const r = await stepAsync(setup, state, rng, withDetail);
    state = r.state;
    yield r.event;
  }
  return state;
}
