import type { SimParams, StepEvent } from '../core';
import { parseModelRef, resolveDevice, resolveDtype } from '../real/catalogue';
import { type ModelPair, type ModelSession, openSession } from '../real/engine';
import { classifyError, type FileProgress, type FromModel, type LoadRequest, type ModelNote, type ToModel } from './modelProtocol';
import { driveRun, losslessOnPair, prefillPrompt } from './modelRuns';

/** What loading needs from the outside world (transformers.js in the worker; fakes in tests). */
export interface ModelHostDeps {
  load(req: {
    target: string;
    draft: string | null;
    device: 'webgpu' | 'wasm';
    /** As chosen: 'auto' lets the loader try the formats the model has (q4f16 / q4 / fp32...). */
    dtype: SimParams['dtype'];
    onProgress: (p: FileProgress) => void;
    signal: AbortSignal;
  }): Promise<ModelPair>;
  /** Whether WebGPU has an adapter here, and whether it has shader-f16. */
  probe(): Promise<{ webgpu: boolean; shaderF16: boolean }>;
  online(): boolean;
  /** ms, for throttling progress and batching events. */
  clock(): number;
  post(m: FromModel): void;
  /** Resolves after `ms` (a timer; tests resolve at once). */
  sleep(ms: number): Promise<void>;
}

/** Least time between two progress or event messages, ms (the page renders each one). */
const POST_EVERY_MS = 100;
/**
 * Backpressure: after a batch of run events the worker waits, before its next forward, until the
 * page says it has drawn the batch ('drawn'; a hidden tab says so at once), or at most this long
 * (an answer that never comes must not stall the run). On two cores the forwards and the page's
 * frames otherwise compete for a core, and the page's frames took 2-4x their own CPU time in
 * wall time. Forward times are measured per forward, so the
 * waits do not enter them.
 */
const DRAWN_TIMEOUT_MS = 250;

/**
 * The model worker's job runner. One pair is loaded at a time; runs and compares are queued so
 * that two jobs never share the models' KV caches at once; a newer run cancels an older one
 * between two forwards. Every failure is posted as a `model-error` and the host takes new work.
 */
export class ModelHost {
  private pair: ModelPair | null = null;
  private info: { notes: ModelNote[] } | null = null;
  private session: { key: string; session: ModelSession } | null = null;
  private loading: { loadId: number; abort: AbortController } | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The run and the compare allowed to continue; anything else stops between forwards. */
  private live = { run: -1, compare: -1 };
  /** The run waiting for the page to draw its last batch, and how to wake it. */
  private waiting: { runId: number; wake: () => void } | null = null;

  constructor(private readonly deps: ModelHostDeps) {}

  /** Handles one message; resolves when its job is done (tests await it). */
  handle(m: ToModel): Promise<void> {
    if (m.type === 'cancel-load') {
      if (this.loading?.loadId === m.loadId) this.loading.abort.abort();
      return Promise.resolve();
    }
    if (m.type === 'drawn') {
      if (this.waiting?.runId === m.runId) this.waiting.wake();
      return Promise.resolve();
    }
    if (m.type === 'cancel') {
      // A run waiting for the page stops now, not after the wait.
      if (this.waiting?.runId === m.runId) this.waiting.wake();
      if (this.live.run === m.runId) this.live.run = -1;
      if (this.live.compare === m.runId) this.live.compare = -1;
      return Promise.resolve();
    }
    if (m.type === 'load') {
      this.loading?.abort.abort();
      this.live = { run: -1, compare: -1 };
      const abort = new AbortController();
      this.loading = { loadId: m.loadId, abort };
      return this.enqueue(() => this.load(m.loadId, m.request, abort.signal));
    }
    // A new run makes the old run and any compare of the old parameters stale; a compare waits
    // in the queue behind the run.
    if (m.type === 'run') this.live = { run: m.runId, compare: -1 };
    else this.live.compare = m.runId;
    if (m.type === 'run') return this.enqueue(() => this.run(m.runId, m.params));
    if (m.type === 'compare') return this.enqueue(() => this.compare(m.runId, m.params, m.methods));
    return this.enqueue(() => this.lossless(m.runId, m.params, m.samples, m.length));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(job, job);
    return this.queue;
  }

  private fail(id: number, scope: 'load' | 'run' | 'compare' | 'lossless', e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.deps.post({ type: 'model-error', id, scope, code: classifyError(message, this.deps.online()), message });
  }

  private async load(loadId: number, req: LoadRequest, signal: AbortSignal): Promise<void> {
    if (signal.aborted) {
      this.deps.post({ type: 'load-cancelled', loadId });
      return;
    }
    const target = parseModelRef(req.target);
    const draft = req.draft.trim() === '' ? null : parseModelRef(req.draft);
    for (const [ref, raw] of [
      [target, req.target],
      [draft, req.draft],
    ] as const) {
      if (ref?.kind === 'invalid') {
        this.deps.post({
          type: 'model-error',
          id: loadId,
          scope: 'load',
          code: 'badRef',
          message: `not a hub id or a path on this site: "${raw.slice(0, 80)}"`,
        });
        return;
      }
    }
    // Free the old pair first: two pairs of real models may not fit in memory together.
    await this.unload();
    const probe = await this.deps.probe().catch(() => ({ webgpu: false, shaderF16: false }));
    const { device, fellBack } = resolveDevice(req.device, probe.webgpu);
    // What auto should pick; the loader's own answer (the format it found) wins when it has one.
    const expected = resolveDtype(req.dtype, device, probe.shaderF16);
    const files = new Map<string, FileProgress>();
    let last = Number.NEGATIVE_INFINITY;
    const flush = () => {
      last = this.deps.clock();
      this.deps.post({ type: 'load-progress', loadId, files: [...files.values()] });
    };
    const onProgress = (p: FileProgress) => {
      if (signal.aborted) return;
      files.set(p.file, p);
      if (this.deps.clock() - last >= POST_EVERY_MS || (p.total > 0 && p.loaded >= p.total)) flush();
    };
    try {
      const pair = await this.deps.load({
        target: req.target.trim(),
        draft: draft === null ? null : req.draft.trim(),
        device,
        dtype: req.dtype,
        onProgress,
        signal,
      });
      if (signal.aborted) {
        await disposePair(pair);
        this.deps.post({ type: 'load-cancelled', loadId });
        return;
      }
      flush();
      this.pair = pair;
      const notes: ModelNote[] = [];
      if (fellBack) notes.push({ code: 'noWebgpu' });
      if (pair.draft === null) notes.push({ code: 'noDraft' });
      this.info = { notes };
      const tok = pair.tokenizer;
      const vocab = Array.from({ length: tok.vocabSize }, (_, i) => tok.piece(i));
      const dtype = (pair.target as { dtype?: string }).dtype ?? expected;
      this.deps.post({ type: 'loaded', loadId, info: { target: req.target.trim(), draft: req.draft.trim(), device, dtype, vocab, eos: tok.eos, notes } });
    } catch (e) {
      if (signal.aborted || (e instanceof Error && e.name === 'AbortError')) this.deps.post({ type: 'load-cancelled', loadId });
      else this.fail(loadId, 'load', e);
    } finally {
      if (this.loading?.loadId === loadId) this.loading = null;
    }
  }

  private async unload(): Promise<void> {
    const old = this.pair;
    this.pair = null;
    this.session = null;
    if (old) await disposePair(old).catch(() => undefined);
  }

  /** The session for these parameters: kept while the prompt and template stay (its KV caches too). */
  private sessionFor(params: SimParams): ModelSession {
    if (this.pair === null) throw new Error('load the models first');
    const key = JSON.stringify([params.prompt, params.chat]);
    if (this.session?.key !== key) this.session = { key, session: openSession(this.pair, params) };
    return this.session.session;
  }

  private isLive(runId: number): boolean {
    return this.live.run === runId || this.live.compare === runId;
  }

  /** Runs one generation on the session while `runId` is live (see driveRun). */
  private drive(
    runId: number,
    session: ModelSession,
    params: SimParams,
    withDetail: boolean,
    each: (batch: StepEvent[], done: boolean) => undefined | Promise<void>,
  ) {
    return driveRun(session, params, withDetail, () => this.isLive(runId), this.deps.clock, POST_EVERY_MS, each);
  }

  /** Resolves when the page has drawn run `runId`'s last batch ('drawn' or 'cancel'), or after
   * DRAWN_TIMEOUT_MS. */
  private drawn(runId: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        if (this.waiting?.wake === wake) this.waiting = null;
        resolve();
      };
      this.waiting = { runId, wake };
      void this.deps.sleep(DRAWN_TIMEOUT_MS).then(wake);
    });
  }

  private async run(runId: number, params: SimParams): Promise<void> {
    if (!this.isLive(runId)) return;
    try {
      const session = this.sessionFor(params);
      await prefillPrompt(session);
      const w = session.world;
      this.deps.post({ type: 'run-start', runId, prompt: [...w.prompt], eos: w.eos, notes: this.info?.notes ?? [] });
      const done = await this.drive(runId, session, params, true, (events, end) => {
        this.deps.post({ type: 'run-events', runId, events, done: end });
        return end ? undefined : this.drawn(runId);
      });
      if (done === null) return;
      const fallback = session.checks.find((c) => c.fallback);
      if (fallback) this.deps.post({ type: 'run-notes', runId, notes: [{ code: 'cacheFallback', maxDiff: fallback.maxDiff }] });
      if (params.method === 'autoregressive') {
        this.deps.post({ type: 'baseline', runId, events: done });
        return;
      }
      await prefillPrompt(session);
      const ar = await this.drive(runId, session, { ...params, method: 'autoregressive' }, false, () => undefined);
      if (ar !== null) this.deps.post({ type: 'baseline', runId, events: ar });
    } catch (e) {
      this.fail(runId, 'run', e);
    }
  }

  private async compare(runId: number, params: SimParams, methods: SimParams['method'][]): Promise<void> {
    if (!this.isLive(runId)) return;
    try {
      const session = this.sessionFor(params);
      const usable = methods.filter((m) => m !== 'draft' || session.draft !== null);
      for (let i = 0; i < usable.length; i++) {
        await prefillPrompt(session);
        const events = await this.drive(runId, session, { ...params, method: usable[i] }, false, () => undefined);
        if (events === null) return;
        this.deps.post({ type: 'compare-row', runId, row: { method: usable[i], events }, done: i + 1, total: usable.length });
      }
      this.deps.post({ type: 'compare-done', runId });
    } catch (e) {
      this.fail(runId, 'compare', e);
    }
  }
  /** The lossless check on the loaded pair (see losslessOnPair). */
  private async lossless(runId: number, params: SimParams, samples: number, length: number): Promise<void> {
    if (!this.isLive(runId)) return;
    try {
      let last = this.deps.clock();
      const result = await losslessOnPair(
        this.sessionFor(params),
        params,
        samples,
        length,
        () => this.isLive(runId),
        (done) => {
          if (this.deps.clock() - last < POST_EVERY_MS) return;
          last = this.deps.clock();
          this.deps.post({ type: 'lossless-progress', runId, done, total: samples });
        },
      );
      if (result) this.deps.post({ type: 'lossless-done', runId, result });
    } catch (e) {
      this.fail(runId, 'lossless', e);
    }
  }
}

async function disposePair(pair: ModelPair): Promise<void> {
  await pair.target.dispose();
  await pair.draft?.dispose();
}
