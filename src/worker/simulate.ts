import {
  type CorpusTexts,
  initialState,
  makeSetup,
  makeStreams,
  prepareWorld,
  type SimParams,
  type StepEvent,
  SweepAccumulator,
  type SweepPoint,
  step,
} from '../core';
import type { FromWorker, ToWorker } from './protocol';

/** Posts a message to the page (or to a test's collector). */
export type Post = (m: FromWorker) => void;
/** Yields to the event loop so cancel messages can arrive (a timer in the worker). */
export type Yield = () => Promise<void>;
/** A clock for chunking work, ms (performance.now in the worker). */
export type Clock = () => number;

/** Work per chunk before the worker yields and posts, ms. */
const CHUNK_MS = 12;

/**
 * The worker's job runner: drives the core's step function for runs and the sweep
 * accumulator for sweeps, posting results in chunks and stopping when a newer job or a
 * cancel arrives. Independent of the Worker global so tests can drive it directly.
 */
export class Simulator {
  private current = -1;

  constructor(
    private readonly texts: CorpusTexts,
    private readonly post: Post,
    private readonly yieldNow: Yield,
    private readonly clock: Clock,
  ) {}

  /** Handles one message; resolves when its job ends (finished, superseded or cancelled). */
  async handle(m: ToWorker): Promise<void> {
    if (m.type === 'cancel') {
      if (m.runId === this.current) this.current = -1;
      return;
    }
    this.current = m.runId;
    try {
      if (m.type === 'run') await this.run(m.runId, m.params, m.customCorpus);
      else await this.sweep(m.runId, m.params, m.gammas, m.trials, m.customCorpus);
    } catch (e) {
      this.post({ type: 'error', runId: m.runId, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private live(runId: number): boolean {
    return this.current === runId;
  }

  private textsWith(custom?: string): CorpusTexts {
    return custom === undefined ? this.texts : { ...this.texts, custom };
  }

  private async run(runId: number, params: SimParams, custom?: string): Promise<void> {
    const world = prepareWorld(params, this.textsWith(custom)).at(`${params.seed}`);
    this.post({
      type: 'run-start',
      runId,
      world: { vocab: [...world.vocab.tokens], prompt: [...world.prompt], tokenizer: world.tokenizer.kind, eos: world.eos, notes: [...world.notes] },
    });
    const setup = makeSetup(world, params);
    const rng = makeStreams(`${params.seed}`);
    let state = initialState(world);
    let batch: StepEvent[] = [];
    let t0 = this.clock();
    while (!state.finished) {
      const r = step(setup, state, rng, true);
      state = r.state;
      batch.push(r.event);
      if (this.clock() - t0 > CHUNK_MS && !state.finished) {
        this.post({ type: 'run-events', runId, events: batch, done: false });
        batch = [];
        await this.yieldNow();
        if (!this.live(runId)) return;
        t0 = this.clock();
      }
    }
    this.post({ type: 'run-events', runId, events: batch, done: true });
  }

  private async sweep(runId: number, params: SimParams, gammas: number[], trials: number, custom?: string): Promise<void> {
    const prepared = prepareWorld(params, this.textsWith(custom));
    const points: SweepPoint[] = [];
    const total = gammas.length * trials;
    let done = 0;
    let t0 = this.clock();
    for (const gamma of gammas) {
      const acc = new SweepAccumulator(prepared, { ...params, gamma });
      for (let t = 0; t < trials; ) {
        // Run trials one at a time until the chunk's time is spent.
        acc.runTrials(t, t + 1);
        t++;
        done++;
        if (this.clock() - t0 > CHUNK_MS) {
          this.post({ type: 'sweep-progress', runId, done, total, points: [...points, acc.point()] });
          await this.yieldNow();
          if (!this.live(runId)) return;
          t0 = this.clock();
        }
      }
      points.push(acc.point());
    }
    this.post({ type: 'sweep-done', runId, points });
  }
}
