import type { CompareRow, LosslessResult, Notice, SimParams, StepEvent, SweepPoint } from '../core';

/** Independent job channels: a new job cancels the running one of its own channel only. */
export type Channel = 'run' | 'sweep' | 'compare' | 'lossless' | 'lab';

/** Messages the page sends to the simulation worker. */
export type ToWorker =
  | { type: 'run'; runId: number; params: SimParams; customCorpus?: string }
  | { type: 'sweep'; runId: number; params: SimParams; gammas: number[]; trials: number; customCorpus?: string }
  | { type: 'compare'; runId: number; params: SimParams; trials: number; customCorpus?: string }
  | { type: 'lossless'; runId: number; params: SimParams; samples: number; length: number; customCorpus?: string }
  | { type: 'lab'; runId: number; text: string | null; order: number; context: string; samples: number; seed: number }
  | { type: 'cancel'; runId: number; channel: Channel }
  /** For tests of the page's recovery: the worker throws outside any handler. */
  | { type: 'crash' };

/** What the page needs to render a world's tokens. */
export interface WorldInfo {
  vocab: string[];
  prompt: number[];
  tokenizer: 'chars' | 'words';
  eos: number | null;
  notes: Notice[];
}

/** The n-gram lab's answer. */
export interface LabResult {
  context: string[];
  next: [string, number][];
  sentences: string[];
  vocabSize: number;
}

/** Messages the worker sends back; every one carries the runId (and so channel) it answers. */
export type FromWorker =
  | { type: 'run-start'; runId: number; world: WorldInfo }
  | { type: 'run-events'; runId: number; events: StepEvent[]; done: boolean }
  | { type: 'progress'; runId: number; channel: Channel; done: number; total: number; points?: SweepPoint[]; phase?: 'training' }
  | { type: 'sweep-done'; runId: number; points: SweepPoint[]; ms: number }
  | { type: 'compare-done'; runId: number; rows: CompareRow[] }
  | { type: 'lossless-done'; runId: number; result: LosslessResult }
  | { type: 'lab-done'; runId: number; result: LabResult }
  | { type: 'error'; runId: number; channel: Channel; message: string };
