import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** The largest lesson number a link may ask for (the tour itself knows its real length). */
export const MAX_TOUR = 50;

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
  setTour: (lesson: number | null) => void;
  openTool: (id: string) => void;
}

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = (set, get) => ({
  tour: null,
  narrate: false,
  tourFromLink: false,
  toolRequest: null,
  setTour: (tour) => set({ tour, tourFromLink: false }),
  openTool: (id) => set({ toolRequest: { id, n: (get().toolRequest?.n ?? 0) + 1 } }),
});

/** Reads tour= and narrate= from a link (invalid values are ignored). */
export function readLearnView(view: Partial<Record<'tour' | 'narrate', string>>, paramsInLink: boolean): Pick<LearnSlice, 'tour' | 'narrate' | 'tourFromLink'> {
  const n = Number(view.tour);
  const tour = Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_TOUR) : null;
  return { tour, narrate: view.narrate === '1' || view.narrate === 'true', tourFromLink: tour !== null && paramsInLink };
}
