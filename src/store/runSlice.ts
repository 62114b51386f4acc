import type { StateCreator } from 'zustand';
import type { StepEvent } from '../core';
import type { WorldInfo } from '../worker/protocol';
import type { AppState } from './store';

/** Playback speeds, steps per second; Infinity = one step per animation frame. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 15, 30, Number.POSITIVE_INFINITY] as const;

/** A chip the inspector shows: a step, and a drafted position or an emitted one. */
export interface Selection {
  step: number;
  /** 'drafted': index into the step's drafted tokens; 'emitted': into its emitted tokens. */
  kind: 'drafted' | 'emitted';
  index: number;
}

/** The current run's trace and the playback cursor over it. */
export interface RunSlice {
  /** Incremented per request; replies with another id are stale and dropped. */
  runId: number;
  world: WorldInfo | null;
  events: StepEvent[];
  /** The worker has sent every step. */
  complete: boolean;
  status: 'computing' | 'ready' | 'error';
  error: string | null;
  /** Steps shown (0 = none yet). */
  cursor: number;
  playing: boolean;
  speedIndex: number;
  selected: Selection | null;
  /** Training a pasted corpus: tokens counted of all (kept after it ends, for the record). */
  training: { runId: number; done: number; total: number } | null;
  /** The worker died: what it said (kept until dismissed; the run restarts meanwhile). */
  crash: string | null;
  beginRun: () => number;
  receiveTraining: (runId: number, done: number, total: number) => void;
  receiveCrash: (message: string) => void;
  receiveStart: (runId: number, world: WorldInfo) => void;
  receiveEvents: (runId: number, events: StepEvent[], done: boolean) => void;
  receiveError: (runId: number, message: string) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  stepForward: () => void;
  stepBack: () => void;
  seek: (cursor: number) => void;
  reset: () => void;
  setSpeed: (index: number) => void;
  select: (s: Selection | null) => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  runId: 0,
  world: null,
  events: [],
  complete: false,
  status: 'computing',
  error: null,
  cursor: 0,
  playing: false,
  speedIndex: 3,
  selected: null,
  training: null,
  crash: null,
  receiveTraining: (runId, done, total) => {
    if (runId === get().runId) set({ training: { runId, done, total } });
  },
  receiveCrash: (message) => set({ crash: message, playing: false }),
  beginRun: () => {
    const runId = get().runId + 1;
    set({ runId, world: null, events: [], complete: false, status: 'computing', error: null, cursor: 0, selected: null, training: null });
    return runId;
  },
  receiveStart: (runId, world) => {
    if (runId === get().runId) set({ world });
  },
  receiveEvents: (runId, events, done) => {
    if (runId !== get().runId) return; // stale: a newer run superseded it
    set((s) => ({ events: s.events.concat(events), complete: done, status: done ? 'ready' : s.status }));
    // A link's step= opens the run at that step, once.
    const s = get();
    if (s.initialStep !== null && (s.events.length >= s.initialStep || done)) set({ cursor: Math.min(s.initialStep, s.events.length), initialStep: null });
  },
  receiveError: (runId, message) => {
    if (runId === get().runId) set({ status: 'error', error: message, playing: false });
  },
  play: () => {
    const s = get();
    if (s.complete && s.cursor >= s.events.length) set({ cursor: 0 });
    set({ playing: true });
  },
  pause: () => set({ playing: false }),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  stepForward: () => {
    const s = get();
    if (s.cursor < s.events.length) set({ cursor: s.cursor + 1, selected: null });
  },
  stepBack: () => {
    const s = get();
    if (s.cursor > 0) set({ cursor: s.cursor - 1, playing: false, selected: null });
  },
  seek: (cursor) => set({ cursor: Math.max(0, Math.min(cursor, get().events.length)), selected: null }),
  reset: () => set({ cursor: 0, playing: false, selected: null }),
  setSpeed: (index) => set({ speedIndex: Math.max(0, Math.min(SPEEDS.length - 1, index)) }),
  select: (selected) => set({ selected }),
});
