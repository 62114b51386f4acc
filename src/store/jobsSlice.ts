import type { StateCreator } from 'zustand';
import type { CompareRow, LosslessResult, SweepPoint } from '../core';
import type { Channel, LabResult } from '../worker/protocol';
import type { AppState } from './store';

/** The analysis channels (the run has its own slice). */
export type JobChannel = Exclude<Channel, 'run'>;

/** Results by channel. */
export interface JobResults {
  sweep: { points: SweepPoint[]; ms: number };
  compare: CompareRow[];
  lossless: LosslessResult;
  lab: LabResult;
}

/** One analysis job: its id, where it stands, and what it found. */
export interface Job<C extends JobChannel> {
  runId: number;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  /** Sweep points so far, while running. */
  partial: SweepPoint[];
  result: JobResults[C] | null;
  error: string | null;
}

const idle = <C extends JobChannel>(): Job<C> => ({ runId: 0, status: 'idle', done: 0, total: 0, partial: [], result: null, error: null });

/** Analysis jobs in the worker; stale replies (older runId) are dropped like the run's. */
export interface JobsSlice {
  jobs: { [C in JobChannel]: Job<C> };
  jobSeq: number;
  /** Marks a job started and returns its id (the sync layer sends the message). */
  beginJob: (c: JobChannel, total: number) => number;
  jobProgress: (c: JobChannel, runId: number, done: number, total: number, points?: SweepPoint[]) => void;
  jobDone: <C extends JobChannel>(c: C, runId: number, result: JobResults[C]) => void;
  jobError: (c: JobChannel, runId: number, message: string) => void;
  jobCancelled: (c: JobChannel) => void;
  /** Forgets results that described older parameters. */
  clearJobs: (channels: readonly JobChannel[]) => void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => ({
  jobs: { sweep: idle(), compare: idle(), lossless: idle(), lab: idle() },
  jobSeq: 1000,
  beginJob: (c, total) => {
    const runId = get().jobSeq + 1;
    set((s) => ({ jobSeq: runId, jobs: { ...s.jobs, [c]: { ...idle(), runId, status: 'running', total, result: s.jobs[c].result } } }));
    return runId;
  },
  jobProgress: (c, runId, done, total, points) => {
    const j = get().jobs[c];
    if (j.runId !== runId || j.status !== 'running') return;
    set((s) => ({ jobs: { ...s.jobs, [c]: { ...j, done, total, partial: points ?? j.partial } } }));
  },
  jobDone: (c, runId, result) => {
    const j = get().jobs[c];
    if (j.runId !== runId || j.status !== 'running') return;
    set((s) => ({ jobs: { ...s.jobs, [c]: { ...j, status: 'done', done: j.total, partial: [], result } } }));
  },
  jobError: (c, runId, message) => {
    const j = get().jobs[c];
    if (j.runId !== runId) return;
    set((s) => ({ jobs: { ...s.jobs, [c]: { ...j, status: 'error', error: message } } }));
  },
  jobCancelled: (c) => set((s) => ({ jobs: { ...s.jobs, [c]: { ...s.jobs[c], status: 'cancelled', partial: [] } } })),
  clearJobs: (channels) =>
    set((s) => {
      const jobs = { ...s.jobs };
      for (const c of channels) jobs[c] = { ...idle(), runId: s.jobs[c].runId } as never;
      return { jobs };
    }),
});
