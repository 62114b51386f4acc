import type { StateCreator } from 'zustand';
import type { LosslessResult, StepEvent } from '../core';
import type { FileProgress, LoadedInfo, ModelCompareRow, ModelErrorCode, ModelNote } from '../worker/modelProtocol';
import type { AppState } from './store';

/** An error of the model world, as the page shows it (`model-error`). */
export interface ModelError {
  scope: 'load' | 'run' | 'compare' | 'lossless';
  code: ModelErrorCode;
  message: string;
}

/** The real-model world: what is loaded or loading, the measured baseline, the compare rows. */
export interface ModelState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Incremented per load; replies with another id are stale. */
  loadId: number;
  /** The load key (see loadKey) of what is loading or loaded. */
  key: string | null;
  files: FileProgress[];
  /** Page clock when the load started, ms (for time left). */
  startedAt: number;
  info: LoadedInfo | null;
  error: ModelError | null;
  /** Notes of the current run (cache fallback). */
  runNotes: ModelNote[];
  /** The autoregressive run measured for run `runId`. */
  baseline: { runId: number; events: StepEvent[] } | null;
  compare: { runId: number; status: 'running' | 'done' | 'error'; rows: ModelCompareRow[]; total: number } | null;
  lossless: { runId: number; status: 'running' | 'done' | 'error'; done: number; total: number; result: LosslessResult | null } | null;
}

const IDLE: ModelState = {
  status: 'idle',
  loadId: 0,
  key: null,
  files: [],
  startedAt: 0,
  info: null,
  error: null,
  runNotes: [],
  baseline: null,
  compare: null,
  lossless: null,
};

/** Model-world state and the reducers of the model worker's replies (stale ids dropped). */
export interface ModelSlice {
  model: ModelState;
  modelLoadBegin: (key: string, now: number) => number;
  modelProgress: (loadId: number, files: FileProgress[]) => void;
  modelLoaded: (loadId: number, info: LoadedInfo) => void;
  modelLoadCancelled: (loadId: number) => void;
  modelError: (id: number, e: ModelError) => void;
  modelRunNotes: (runId: number, notes: ModelNote[]) => void;
  modelBaseline: (runId: number, events: StepEvent[]) => void;
  modelCompareBegin: (runId: number, total: number) => void;
  modelCompareRow: (runId: number, row: ModelCompareRow) => void;
  modelCompareDone: (runId: number) => void;
  modelLosslessBegin: (runId: number, total: number) => void;
  modelLosslessProgress: (runId: number, done: number) => void;
  modelLosslessDone: (runId: number, result: LosslessResult) => void;
  dismissModelError: () => void;
}

export const createModelSlice: StateCreator<AppState, [], [], ModelSlice> = (set, get) => {
  const patch = (p: Partial<ModelState>) => set((s) => ({ model: { ...s.model, ...p } }));
  return {
    model: IDLE,
    modelLoadBegin: (key, now) => {
      const loadId = get().model.loadId + 1;
      // A new load frees the old pair in the worker: nothing is loaded meanwhile.
      set({ model: { ...IDLE, status: 'loading', loadId, key, startedAt: now } });
      return loadId;
    },
    modelProgress: (loadId, files) => {
      if (loadId === get().model.loadId && get().model.status === 'loading') patch({ files });
    },
    modelLoaded: (loadId, info) => {
      if (loadId === get().model.loadId) patch({ status: 'ready', info, error: null });
    },
    modelLoadCancelled: (loadId) => {
      if (loadId === get().model.loadId) set({ model: { ...IDLE, loadId } });
    },
    modelError: (id, e) => {
      const m = get().model;
      if (e.scope === 'load') {
        if (id === m.loadId) set({ model: { ...IDLE, loadId: m.loadId, status: 'error', error: e } });
      } else if (e.scope === 'run') {
        if (id === get().runId) {
          patch({ error: e });
          get().receiveError(id, e.message);
        }
      } else if (e.scope === 'compare' && m.compare?.runId === id) patch({ error: e, compare: { ...m.compare, status: 'error' } });
      else if (e.scope === 'lossless' && m.lossless?.runId === id) patch({ error: e, lossless: { ...m.lossless, status: 'error' } });
    },
    modelRunNotes: (runId, notes) => {
      if (runId === get().runId) patch({ runNotes: notes });
    },
    modelBaseline: (runId, events) => {
      if (runId === get().runId) patch({ baseline: { runId, events } });
    },
    modelCompareBegin: (runId, total) => patch({ compare: { runId, status: 'running', rows: [], total } }),
    modelCompareRow: (runId, row) => {
      const c = get().model.compare;
      if (c?.runId === runId) patch({ compare: { ...c, rows: [...c.rows, row] } });
    },
    modelCompareDone: (runId) => {
      const c = get().model.compare;
      if (c?.runId === runId) patch({ compare: { ...c, status: 'done' } });
    },
    modelLosslessBegin: (runId, total) => patch({ lossless: { runId, status: 'running', done: 0, total, result: null } }),
    modelLosslessProgress: (runId, done) => {
      const l = get().model.lossless;
      if (l?.runId === runId && l.status === 'running') patch({ lossless: { ...l, done } });
    },
    modelLosslessDone: (runId, result) => {
      const l = get().model.lossless;
      if (l?.runId === runId) patch({ lossless: { ...l, status: 'done', done: l.total, result } });
    },
    dismissModelError: () => patch({ error: null, status: get().model.status === 'error' ? 'idle' : get().model.status }),
  };
};
