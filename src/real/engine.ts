import { type AsyncProposer, type AsyncSetup, asyncDraftProposer, runStepsAsync } from '../core/engine/asyncStep';
import type { SimParams } from '../core/params';
import { generatedTokens, type RunResult } from '../core/run';
import { type SampleResult, SequenceTally } from '../core/sample';
import type { SimState } from '../core/step';
import { lookupProposer } from '../core/step';
import { SweepAccumulator, type SweepPoint } from '../core/sweep';
import type { StepEvent, TextWorld, Tokenizer } from '../core/types';
import { type CacheCheck, cachedLogitModel } from './logitModel';
import { UNAVAILABLE_WITH_REAL_MODELS } from './methods';
import type { CausalLm, LmTokenizer } from './types';

/** A loaded pair: the target, the draft (null when only lookup methods run) and their tokenizer. */
export interface ModelPair {
  readonly target: CausalLm;
  readonly draft: CausalLm | null;
  readonly tokenizer: LmTokenizer;
}

/**
 * A session over one loaded pair: the two models behind the core's LogitModel seam (each with
 * its KV cache kept between runs), and the text world (vocabulary, prompt, end of text).
 */
export interface ModelSession {
  readonly pair: ModelPair;
  readonly world: TextWorld;
  readonly target: ReturnType<typeof cachedLogitModel>;
  readonly draft: ReturnType<typeof cachedLogitModel> | null;
  /** What the first cached verify's check against a full recompute found (per model). */
  readonly checks: CacheCheck[];
}

/** The text world of a real pair: token pieces as the vocabulary, the prompt tokenised (in the
 * chat template when asked and the model has one). */
export function modelWorld(tok: LmTokenizer, params: Readonly<SimParams>, logitWidth = tok.vocabSize): TextWorld {
  // The logits may be wider than the tokenizer (padded vocabularies): those ids never decode.
  const tokens = Array.from({ length: logitWidth }, (_, i) => (i < tok.vocabSize ? tok.piece(i) : ''));
  const ids = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!ids.has(t)) ids.set(t, i);
  });
  const tokenizer: Tokenizer = {
    kind: 'chars',
    split: (text) => tok.encode(text).map((i) => tokens[i]),
    join: (pieces) => pieces.join(''),
  };
  const text = params.prompt === '' ? 'Write a short story about a robot who learns to paint.' : params.prompt;
  const prompt = (params.chat === 1 ? tok.chat(text) : null) ?? tok.encode(text);
  if (prompt.length === 0) throw new Error('the prompt is empty after tokenisation');
  return { kind: 'model', vocab: { tokens, ids }, tokenizer, history: [], prompt, eos: tok.eos, maxNewTokens: Number.POSITIVE_INFINITY, notes: [] };
}

/** Opens a session over a loaded pair. */
export function openSession(pair: ModelPair, params: Readonly<SimParams>): ModelSession {
  const checks: CacheCheck[] = [];
  const record = (c: CacheCheck) => checks.push(c);
  return {
    pair,
    world: modelWorld(pair.tokenizer, params, pair.target.vocabSize),
    target: cachedLogitModel(pair.target, record),
    draft: pair.draft === null ? null : cachedLogitModel(pair.draft, record),
    checks,
  };
}

/** The asynchronous setup of one run: the same proposers and verification as simulated runs. */
export function realSetup(session: ModelSession, params: Readonly<SimParams>): AsyncSetup {
  const why = UNAVAILABLE_WITH_REAL_MODELS[params.method];
  if (why !== undefined) throw new Error(`${params.method} is not available with real models: ${why}`);
  let proposer: AsyncProposer | null = null;
  if (params.method === 'draft') {
    if (session.draft === null) throw new Error('the draft-model method needs a draft model');
    proposer = asyncDraftProposer(session.draft, session.world.eos, params);
  } else if (params.method === 'ngram' || params.method === 'suffix') proposer = lookupProposer(session.world, params);
  return { world: session.world, proposer, target: session.target, params, greedy: params.temperature <= 0 };
}

/** One generation to its end (or until `cancelled`), with every step's event. */
export async function runReal(
  session: ModelSession,
  params: Readonly<SimParams>,
  runSeed = `${params.seed}`,
  withDetail = true,
  onEvent?: (e: StepEvent) => void,
  cancelled?: () => boolean,
): Promise<RunResult> {
  const it = runStepsAsync(realSetup(session, params), runSeed, withDetail, cancelled);
  const events: StepEvent[] = [];
  for (;;) {
    const r = await it.next();
    if (r.done) return { world: session.world, events, state: r.value as SimState };
    events.push(r.value);
    onEvent?.(r.value);
  }
}

/** `samples` generations of `length` tokens, run i seeded `${seed}/${i}`, counted by sequence
 * (the same contract as the simulated sampleSequences). */
export async function sampleReal(session: ModelSession, params: Readonly<SimParams>, samples: number, length: number): Promise<SampleResult> {
  const tally = new SequenceTally();
  const p = { ...params, length };
  for (let i = 0; i < samples; i++) {
    const r = await runReal(session, p, `${params.seed}/${i}`, false);
    tally.add(generatedTokens(r).slice(0, length), r.state);
  }
  return tally.result();
}

/** Acceptance and speedup against gamma on the real pair: `trials` runs per gamma, the same
 * trial seeds at every gamma (as the simulated sweep). */
export async function sweepReal(session: ModelSession, params: Readonly<SimParams>, gammas: readonly number[], trials: number): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const gamma of gammas) {
    const p = { ...params, gamma };
    const acc = new SweepAccumulator(null, p);
    for (let t = 0; t < trials; t++) acc.add((await runReal(session, p, `${params.seed}/${t}`, false)).state);
    points.push(acc.point());
  }
  return points;
}
