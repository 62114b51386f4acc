import {
  type CorpusTexts,
  compareSteps,
  labNext,
  labSentences,
  losslessSteps,
  prepareWorld,
  runSteps,
  type SimParams,
  type StepEvent,
  sweepSteps,
  trainLab,
} from '../core';
import type { Channel, FromWorker, ToWorker } from './protocol';

/** Posts a message to the page (or to a test's collector). */
export type Post = (m: FromWorker) => void;
/** Yields to the event loop so cancel messages can arrive (a timer in the worker). */
export type Yield = () => Promise<void>;
/** A clock for chunking work, ms (performance.now in the worker). */
export type Clock = () => number;

/** Work per chunk before the worker yields and posts, ms. */
const CHUNK_MS = 12;

/**
 * The worker's job runner: drives the core (the step function for runs, the sweep, compare and
 * lossless generators for analyses), posting results in chunks. A new job replaces the running
 * one of the same channel; a cancel stops it. Independent of the Worker global, so tests can
 * drive it directly.
 */
export class Simulator {
  private current = new Map<Channel, number>();

  /** Built-in corpora fetched so far (each loads on first use: the first chips need none). */
  private readonly texts: CorpusTexts = {};

  constructor(
    /** Fetches a built-in corpus (a lazy chunk in the worker, a file read in tests). */
    private readonly loadCorpus: (name: 'en' | 'zh') => Promise<string>,
    private readonly post: Post,
    private readonly yieldNow: Yield,
    private readonly clock: Clock,
  ) {}

  /** Handles one message; resolves when its job ends (finished, superseded or cancelled). */
  async handle(m: ToWorker): Promise<void> {
    if (m.type === 'crash') {
      setTimeout(() => {
        throw new Error('the simulation worker crashed (on request)');
      }, 0);
      return;
    }
    if (m.type === 'cancel') {
      if (this.current.get(m.channel) === m.runId) this.current.delete(m.channel);
      return;
    }
    const channel: Channel = m.type as Channel;
    this.current.set(channel, m.runId);
    try {
      if (m.type === 'run') await this.run(m.runId, m.params, m.customCorpus);
      else if (m.type === 'lab') this.lab(m);
      else await this.analysis(m);
    } catch (e) {
      this.post({ type: 'error', runId: m.runId, channel, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private live(channel: Channel, runId: number): boolean {
    return this.current.get(channel) === runId;
  }

  /** The corpus texts `params` need: a built-in corpus is loaded the first time it is used. */
  private async textsFor(params: SimParams, custom?: string): Promise<CorpusTexts> {
    const name = params.corpus;
    if (params.scenario === 'none' && params.world === 'ngram' && (name === 'en' || name === 'zh') && this.texts[name] === undefined)
      this.texts[name] = await this.loadCorpus(name);
    return custom === undefined ? this.texts : { ...this.texts, custom };
  }

  private async run(runId: number, params: SimParams, custom?: string): Promise<void> {
    // Training a pasted corpus can take seconds: report progress as it counts.
    const training =
      custom === undefined
        ? undefined
        : (done: number, total: number) => this.post({ type: 'progress', runId, channel: 'run', phase: 'training', done, total });
    const texts = await this.textsFor(params, custom);
    if (!this.live('run', runId)) return;
    const world = prepareWorld(params, texts, training).at(`${params.seed}`);
    this.post({
      type: 'run-start',
      runId,
      world: { vocab: [...world.vocab.tokens], prompt: [...world.prompt], tokenizer: world.tokenizer.kind, eos: world.eos, notes: [...world.notes] },
    });
    const steps = runSteps(world, params, `${params.seed}`, true);
    let batch: StepEvent[] = [];
    let t0 = this.clock();
    for (let r = steps.next(); !r.done; r = steps.next()) {
      batch.push(r.value);
      if (this.clock() - t0 > CHUNK_MS && !r.value.finished) {
        this.post({ type: 'run-events', runId, events: batch, done: false });
        batch = [];
        await this.yieldNow();
        if (!this.live('run', runId)) return;
        t0 = this.clock();
      }
    }
    this.post({ type: 'run-events', runId, events: batch, done: true });
  }

  /** Drives a generator in time slices, posting progress between them; null if cancelled. */
  private async drive<Y, R>(channel: Channel, runId: number, it: Generator<Y, R>, progress: (y: Y) => FromWorker): Promise<R | null> {
    let t0 = this.clock();
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
      if (this.clock() - t0 > CHUNK_MS) {
        this.post(progress(r.value));
        await this.yieldNow();
        if (!this.live(channel, runId)) return null;
        t0 = this.clock();
      }
    }
  }

  private async analysis(m: Extract<ToWorker, { type: 'sweep' | 'compare' | 'lossless' }>): Promise<void> {
    const prepared = prepareWorld(m.params, await this.textsFor(m.params, m.customCorpus));
    const { runId } = m;
    if (m.type === 'sweep') {
      const t0 = this.clock();
      const total = m.gammas.length * m.trials;
      const points = await this.drive('sweep', runId, sweepSteps(prepared, m.params, m.gammas, m.trials), (y) => ({
        type: 'progress',
        runId,
        channel: 'sweep',
        done: y.done,
        total,
        points: [...y.points, y.current.point()],
      }));
      if (points) this.post({ type: 'sweep-done', runId, points, ms: this.clock() - t0 });
    } else if (m.type === 'compare') {
      const total = 6 * m.trials;
      const rows = await this.drive('compare', runId, compareSteps(prepared, m.params, m.trials), (done) => ({
        type: 'progress',
        runId,
        channel: 'compare',
        done,
        total,
      }));
      if (rows) this.post({ type: 'compare-done', runId, rows });
    } else {
      const total = m.samples;
      const result = await this.drive('lossless', runId, losslessSteps(prepared, m.params, m.samples, m.length), (done) => ({
        type: 'progress',
        runId,
        channel: 'lossless',
        done,
        total,
      }));
      if (result) this.post({ type: 'lossless-done', runId, result });
    }
  }

  private lab(m: Extract<ToWorker, { type: 'lab' }>): void {
    const lab = trainLab(m.text, m.order);
    const { context, next } = labNext(lab, m.context);
    this.post({
      type: 'lab-done',
      runId: m.runId,
      result: { context, next, sentences: labSentences(lab, m.samples, m.seed), vocabSize: lab.vocab.tokens.length - 2 },
    });
  }
}
