import type { StateCreator } from 'zustand';
import type { SimParams } from '../core';
import type { AppState } from './store';

/** The largest lesson number a link may ask for (the tour itself knows its real length). */
export const MAX_TOUR = 50;

/**
 * A real model pair whose files this browser has cached (both models, in one dtype), as the
 * parameters that load it from the cache without downloading anything.
 */
export type CachedPair = Pick<SimParams, 'targetModel' | 'draftModel' | 'device' | 'dtype'>;

/** The learning layer: the guided tour's lesson, narration in embeds, tool requests. */
export interface LearnSlice {
  /** The open lesson, 1-based; null when the tour is closed. */
  tour: number | null;
  /** Embeds show the narration only with narrate=1 (the full page always does). */
  narrate: boolean;
  /** The link already set the parameters (a resumed lesson keeps them instead of its own). */
  tourFromLink: boolean;
  /** A tool tab someone asked to open (the tour does); n makes repeated requests distinct. */
  toolRequest: { id: string; n: number } | null;
  /**
   * What the tour found in the browser's model cache (read when it opens and when a model load
   * ends; asynchronous, so `checked` says whether the answer is in): the pair its lesson over
   * real models uses, or null when no pair is cached.
   */
  tourModels: { checked: boolean; pair: CachedPair | null };
  setTour: (lesson: number | null) => void;
  openTool: (id: string) => void;
  /** Stores a cache check's answer; an equal pair keeps its object (the lesson list stays as is). */
  setTourModels: (pair: CachedPair | null) => void;
}

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = (set, get) => ({
  tour: null,
  narrate: false,
  tourFromLink: false,
  toolRequest: null,
  tourModels: { checked: false, pair: null },
  setTour: (tour) => set({ tour, tourFromLink: false }),
  openTool: (id) => set({ toolRequest: { id, n: (get().toolRequest?.n ?? 0) + 1 } }),
  setTourModels: (pair) => {
    const old = get().tourModels;
    const same = JSON.stringify(old.pair) === JSON.stringify(pair);
    if (!same || !old.checked) set({ tourModels: { checked: true, pair: same ? old.pair : pair } });
  },
});

/** Reads tour= and narrate= from a link (invalid values are ignored). */
export function readLearnView(view: Partial<Record<'tour' | 'narrate', string>>, paramsInLink: boolean): Pick<LearnSlice, 'tour' | 'narrate' | 'tourFromLink'> {
  const n = Number(view.tour);
  const tour = Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_TOUR) : null;
  return { tour, narrate: view.narrate === '1' || view.narrate === 'true', tourFromLink: tour !== null && paramsInLink };
}
