import type { SimParams, StepEvent, SweepPoint } from '../core';

/** Messages the page sends to the simulation worker. */
export type ToWorker =
  | { type: 'run'; runId: number; params: SimParams; customCorpus?: string }
  | { type: 'sweep'; runId: number; params: SimParams; gammas: number[]; trials: number; customCorpus?: string }
  | { type: 'cancel'; runId: number };

/** What the page needs to render a world's tokens. */
export interface WorldInfo {
  vocab: string[];
  prompt: number[];
  tokenizer: 'chars' | 'words';
  eos: number | null;
  notes: string[];
}

/** Messages the worker sends back; every one carries the runId it answers. */
export type FromWorker =
  | { type: 'run-start'; runId: number; world: WorldInfo }
  | { type: 'run-events'; runId: number; events: StepEvent[]; done: boolean }
  | { type: 'sweep-progress'; runId: number; done: number; total: number; points: SweepPoint[] }
  | { type: 'sweep-done'; runId: number; points: SweepPoint[] }
  | { type: 'error'; runId: number; message: string };
