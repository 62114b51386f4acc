import type { SimParams } from '../core';
import { loadKey } from '../real/catalogue';
import type { FromModel, ToModel } from '../worker/modelProtocol';
import { useStore } from './store';
import { requestRun } from './sync';

/**
 * The page's side of the real-model worker (loaded only in the Real models world): starts the
 * worker on first use, sends loads, runs and compares, and turns its replies into store updates.
 * Nothing is downloaded until loadModels() (the Load models button).
 */

let worker: Worker | null = null;
/** The run or compare the worker is working on for us (to cancel it when it goes stale). */
let liveRun = -1;
let compareSeq = 0;

function send(m: ToModel): void {
  if (worker === null) worker = start();
  worker.postMessage(m);
}

function start(): Worker {
  const w = new Worker(new URL('../worker/model.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<FromModel>) => receive(e.data);
  w.onerror = (e) => {
    // The worker died (a crash outside any handler): report it, drop it, start afresh next time.
    e.preventDefault();
    w.terminate();
    if (worker === w) worker = null;
    const s = useStore.getState();
    const message = e.message || 'the model worker stopped';
    if (s.model.status === 'loading') s.modelError(s.model.loadId, { scope: 'load', code: 'other', message });
    else {
      useStore.setState({ model: { ...s.model, status: 'idle', info: null, key: null, error: { scope: 'load', code: 'other', message } } });
      s.receiveError(s.runId, message);
    }
  };
  watchStaleRuns();
  return w;
}

let watching = false;

/** A run that went stale (new parameters, another world) stops between two forwards. */
function watchStaleRuns(): void {
  if (watching) return;
  watching = true;
  useStore.subscribe((s, prev) => {
    if (s.runId !== prev.runId && liveRun >= 0 && liveRun !== s.runId) {
      worker?.postMessage({ type: 'cancel', runId: liveRun } satisfies ToModel);
      liveRun = -1;
    }
  });
}

/**
 * Tells the worker that a batch of run events has been drawn: after the next frame (a timer
 * queued from requestAnimationFrame runs once that frame's layout and paint are done). The worker
 * holds its next forward until then (backpressure, see ModelHost), so the page's frame does not
 * wait for a core behind the models. A hidden tab answers at once.
 */
function ackDrawn(runId: number): void {
  const ack = () => worker?.postMessage({ type: 'drawn', runId } satisfies ToModel);
  // A hidden tab draws no frames (and runs its timers late): nothing to wait for.
  if (document.visibilityState === 'hidden') ack();
  else requestAnimationFrame(() => setTimeout(ack, 0));
}

function receive(m: FromModel): void {
  const s = useStore.getState();
  switch (m.type) {
    case 'load-progress':
      s.modelProgress(m.loadId, m.files);
      break;
    case 'loaded':
      s.modelLoaded(m.loadId, m.info);
      // Run at once if the page still shows these models.
      if (m.loadId === s.model.loadId && s.params.world === 'model' && s.model.key === loadKey(s.params)) requestRun();
      break;
    case 'load-cancelled':
      s.modelLoadCancelled(m.loadId);
      break;
    case 'run-start': {
      const info = s.model.info;
      if (info === null) return;
      s.receiveStart(m.runId, { vocab: info.vocab, prompt: m.prompt, tokenizer: 'chars', eos: m.eos, notes: [] });
      break;
    }
    case 'run-events':
      s.receiveEvents(m.runId, m.events, m.done);
      if (!m.done) ackDrawn(m.runId);
      break;
    case 'run-notes':
      s.modelRunNotes(m.runId, m.notes);
      break;
    case 'baseline':
      s.modelBaseline(m.runId, m.events);
      if (liveRun === m.runId) liveRun = -1;
      break;
    case 'compare-row':
      s.modelCompareRow(m.runId, m.row);
      break;
    case 'compare-done':
      s.modelCompareDone(m.runId);
      break;
    case 'lossless-progress':
      s.modelLosslessProgress(m.runId, m.done);
      break;
    case 'lossless-done':
      s.modelLosslessDone(m.runId, m.result);
      break;
    case 'model-error':
      s.modelError(m.id, { scope: m.scope, code: m.code, message: m.message });
      break;
  }
}

/** Whether the loaded models serve these parameters. */
export function modelsReady(p: SimParams = useStore.getState().params): boolean {
  const m = useStore.getState().model;
  return m.status === 'ready' && m.key === loadKey(p);
}

/** Downloads (or takes from the browser cache) the models the parameters name. */
export function loadModels(): void {
  const s = useStore.getState();
  if (s.model.status === 'loading') send({ type: 'cancel-load', loadId: s.model.loadId });
  const p = s.params;
  const loadId = s.modelLoadBegin(loadKey(p), performance.now());
  send({ type: 'load', loadId, request: { target: p.targetModel, draft: p.draftModel, device: p.device, dtype: p.dtype } });
}

/** Stops a load in progress (files already in the browser cache stay there). */
export function cancelLoad(): void {
  const s = useStore.getState();
  if (s.model.status !== 'loading') return;
  send({ type: 'cancel-load', loadId: s.model.loadId });
  s.modelLoadCancelled(s.model.loadId);
}

/** Runs the current parameters on the loaded pair as run `runId` (begun by sync.requestRun). */
export function requestModelRun(runId: number): void {
  const s = useStore.getState();
  if (runId !== s.runId) return;
  useStore.setState({
    model: { ...s.model, baseline: null, compare: null, lossless: null, runNotes: [], error: s.model.error?.scope === 'load' ? s.model.error : null },
  });
  if (!modelsReady(s.params)) {
    // Nothing loaded for these parameters: an empty, finished trace until the button is pressed.
    s.receiveEvents(runId, [], true);
    return;
  }
  liveRun = runId;
  send({ type: 'run', runId, params: s.params });
}

/** Runs the draft model, n-gram lookup and suffix decoding (and the target alone) on this prompt. */
export function startModelCompare(): void {
  const s = useStore.getState();
  if (!modelsReady(s.params)) return;
  const runId = 1_000_000 + ++compareSeq;
  const methods: SimParams['method'][] = ['autoregressive', 'draft', 'ngram', 'suffix'];
  s.modelCompareBegin(runId, s.model.info?.draft ? methods.length : methods.length - 1);
  send({ type: 'compare', runId, params: s.params, methods });
}

/** The lossless check on the loaded pair: speculative samples (under `acceptance`) against the target's own. */
export function startModelLossless(samples: number, length: number, acceptance: SimParams['acceptance']): void {
  const s = useStore.getState();
  if (!modelsReady(s.params)) return;
  const runId = 1_000_000 + ++compareSeq;
  s.modelLosslessBegin(runId, samples);
  send({ type: 'lossless', runId, params: { ...s.params, acceptance }, samples, length });
}
