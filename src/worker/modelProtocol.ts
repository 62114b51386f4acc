import type { LosslessResult, SimParams, StepEvent } from '../core';
import type { ModelDtype } from '../real/catalogue';

/**
 * The typed protocol between the page and the real-model worker (src/worker/model.worker.ts).
 * Every reply carries the id of the request it answers; the page drops replies whose id is
 * stale. Errors are messages, never a dead worker: after any error the worker takes new work.
 */

/** What to load: the two references as given (hub ids or site paths) and the device and dtype. */
export interface LoadRequest {
  target: string;
  /** '' = no draft model (only the lookup methods can run). */
  draft: string;
  device: SimParams['device'];
  dtype: SimParams['dtype'];
}

/** Download progress of one file, bytes (total 0 while unknown). */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
}

/** Why a model could not be used; the page words each code in both languages. */
export type ModelErrorCode = 'badRef' | 'notFound' | 'notExported' | 'tokenizerMismatch' | 'memory' | 'offline' | 'run' | 'other';

/** A note about how the models were loaded (device fallback, cache fallback, memory). */
export type ModelNote = { code: 'noWebgpu' } | { code: 'cacheFallback'; maxDiff: number } | { code: 'noDraft' };

/** What the page needs once the models are in. */
export interface LoadedInfo {
  target: string;
  draft: string;
  device: 'webgpu' | 'wasm';
  /** The weight format actually loaded (the loader may fall back from auto's first choice). */
  dtype: ModelDtype | string;
  /** Every token's display piece (leading spaces and newlines kept), by id. */
  vocab: string[];
  eos: number | null;
  notes: ModelNote[];
}

/** One method's measured run on the loaded pair (the compare table). */
export interface ModelCompareRow {
  method: SimParams['method'];
  events: StepEvent[];
}

/** Messages the page sends to the model worker. */
export type ToModel =
  | { type: 'load'; loadId: number; request: LoadRequest }
  | { type: 'cancel-load'; loadId: number }
  /** A run on the loaded pair; then (unless autoregressive) the same target alone, measured. */
  | { type: 'run'; runId: number; params: SimParams }
  | { type: 'compare'; runId: number; params: SimParams; methods: SimParams['method'][] }
  /** Samples `length` tokens `samples` times with speculation (params.acceptance) and with the target alone. */
  | { type: 'lossless'; runId: number; params: SimParams; samples: number; length: number }
  | { type: 'cancel'; runId: number }
  /** The page has drawn the last batch of run-events of `runId` (the worker waits for it: see
   * ModelHost's backpressure). */
  | { type: 'drawn'; runId: number };

/** Messages the worker sends back. */
export type FromModel =
  | { type: 'load-progress'; loadId: number; files: FileProgress[] }
  | { type: 'loaded'; loadId: number; info: LoadedInfo }
  | { type: 'load-cancelled'; loadId: number }
  | { type: 'run-start'; runId: number; prompt: number[]; eos: number | null; notes: ModelNote[] }
  | { type: 'run-events'; runId: number; events: StepEvent[]; done: boolean }
  /** The autoregressive baseline of run `runId` (same target, device, prompt, length). */
  | { type: 'baseline'; runId: number; events: StepEvent[] }
  /** Notes learnt during a run (the first verify differed from a recompute: cache off). */
  | { type: 'run-notes'; runId: number; notes: ModelNote[] }
  | { type: 'compare-row'; runId: number; row: ModelCompareRow; done: number; total: number }
  | { type: 'compare-done'; runId: number }
  | { type: 'lossless-progress'; runId: number; done: number; total: number }
  | { type: 'lossless-done'; runId: number; result: LosslessResult }
  | { type: 'model-error'; id: number; scope: 'load' | 'run' | 'compare' | 'lossless'; code: ModelErrorCode; message: string };

/**
 * Sorts an error into a code the page can explain (file missing, not a transformers.js export,
 * tokenizers differ, out of memory, offline); the original message is kept beside it.
 */
export function classifyError(message: string, online = true): ModelErrorCode {
  const m = message.toLowerCase();
  if (m.includes('tokenizer') && (m.includes('differ') || m.includes('mismatch') || m.includes('vocab'))) return 'tokenizerMismatch';
  if (m.includes('vocabular') && m.includes('differ')) return 'tokenizerMismatch';
  if (/out of memory|allocation failed|cannot allocate|oom\b|std::bad_alloc|memory access out of bounds/.test(m)) return 'memory';
  if (!online) return 'offline';
  if (/404|not found|could not locate|does not exist|no such file/.test(m)) return 'notFound';
  if (/onnx|unsupported model|architecture|model_type|protobuf|input.*names?|past_key_values/.test(m)) return 'notExported';
  if (/failed to fetch|networkerror|network error/.test(m)) return 'offline';
  return 'other';
}
