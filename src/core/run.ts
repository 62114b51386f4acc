import type { SimParams } from './params';
import { makeStreams, trialStreams } from './rng';
import { initialState, makeSetup, type SimState, step } from './step';
import { tokenizerFor } from './tokenizer';
import type { StepEvent, TextWorld, Tokenizer, World } from './types';
import type { PreparedWorld } from './worlds';

/** A finished generation: the world it ran in, every step's event and the final state. */
export interface RunResult {
  readonly world: TextWorld;
  readonly events: StepEvent[];
  readonly state: SimState;
}

/** Safety net: no run takes more passes than this (every pass emits at least one token). */
const MAX_PASSES = 100000;

/**
 * One generation in a world, step by step: yields each step's event and returns the final
 * state. The three random streams derive from `runSeed`. Drivers that must pause between
 * steps (the worker) iterate it; the rest drain it with runGeneration.
 */
export function* runSteps(world: World, params: Readonly<SimParams>, runSeed: string, withDetail: boolean): Generator<StepEvent, SimState> {
  const setup = makeSetup(world, params);
  const rng = makeStreams(runSeed);
  let state = initialState(world);
  while (!state.finished && state.passes < MAX_PASSES) {
    const r = step(setup, state, rng, withDetail);
    state = r.state;
    yield r.event;
  }
  return state;
}

/**
 * A generation's final state only (sweeps, sampling): the same steps as runSteps, without
 * events kept or a generator suspended between steps (the per-step cost a sweep of 16,000
 * generations notices). The state's tokens are the text.
 */
export function finalState(world: World, params: Readonly<SimParams>, runSeed: string): SimState {
  const setup = makeSetup(world, params);
  const rng = trialStreams(runSeed);
  let state = initialState(world);
  while (!state.finished && state.passes < MAX_PASSES) state = step(setup, state, rng, false).state;
  return state;
}

/** Runs a generator to its end and returns what it returns (its yields are progress only). */
export function drain<R>(it: Generator<unknown, R>): R {
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs one generation to its end (length reached or end of text). The three random streams
 * derive from `runSeed`, the world (the synthetic world's salt) from `worldSeed`.
 */
export function runGeneration(
  prepared: PreparedWorld,
  params: Readonly<SimParams>,
  runSeed = `${params.seed}`,
  withDetail = true,
  worldSeed = runSeed,
): RunResult {
  const world = prepared.at(worldSeed);
  const it = runSteps(world, params, runSeed, withDetail);
  const events: StepEvent[] = [];
  for (;;) {
    const r = it.next();
    if (r.done) return { world, events, state: r.value };
    events.push(r.value);
  }
}

/** The generated token strings of a run (prompt excluded). */
export function generatedTokens(r: RunResult): string[] {
  return r.state.tokens.slice(r.state.promptLen, r.state.len).map((t) => r.world.vocab.tokens[t]);
}

/** The runner's `run --json` document, also the playground's download format. */
export interface TraceJson {
  prompt: string[];
  tokens: string[];
  text: string;
  steps: { drafted: string[]; verdicts: string[]; emitted: string[]; emittedKinds: string[]; timeMs: number }[];
}

/** Builds the `run --json` document from what a page also has: vocabulary, prompt, events. */
export function traceToJson(vocab: readonly string[], prompt: readonly number[], tokenizer: Tokenizer['kind'], events: readonly StepEvent[]): TraceJson {
  const name = (t: number) => vocab[t];
  const tokens = events.flatMap((e) => e.emitted.map(name));
  return {
    prompt: prompt.map(name),
    tokens,
    text: tokenizerFor(tokenizer).join(tokens),
    steps: events.map((e) => ({
      drafted: e.drafted.map(name),
      verdicts: [...e.verdicts],
      emitted: e.emitted.map(name),
      emittedKinds: [...e.emittedKinds],
      timeMs: e.timeMs,
    })),
  };
}

/** The `run --json` document of a finished run. */
export function runToJson(r: RunResult): TraceJson {
  return traceToJson(r.world.vocab.tokens, r.world.prompt, r.world.tokenizer.kind, r.events);
}
