import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Parts of the page an embed can hide (hide=controls,charts,log,inspector,race). */
export const HIDEABLE = ['controls', 'charts', 'log', 'inspector', 'race'] as const;
export type Hideable = (typeof HIDEABLE)[number];

export type Theme = 'auto' | 'light' | 'dark';

/** How the page is shown: full or embedded, what is hidden, theme, autoplay. */
export interface UiSlice {
  embed: boolean;
  hide: Hideable[];
  autoplay: boolean;
  theme: Theme;
  /** Step to open at once the run has it (from step= in the link); null when applied. */
  initialStep: number | null;
  setTheme: (t: Theme) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  embed: false,
  hide: [],
  autoplay: false,
  theme: 'auto',
  initialStep: null,
  setTheme: (theme) => set({ theme }),
});

/** Reads the view keys of a link (invalid parts are ignored). */
export function readView(
  view: Partial<Record<'embed' | 'hide' | 'autoplay' | 'theme' | 'step', string>>,
): Pick<UiSlice, 'embed' | 'hide' | 'autoplay' | 'theme' | 'initialStep'> {
  const hide = (view.hide ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h): h is Hideable => (HIDEABLE as readonly string[]).includes(h));
  const step = Number(view.step);
  return {
    embed: view.embed === '1' || view.embed === 'true',
    hide,
    autoplay: view.autoplay === '1' || view.autoplay === 'true',
    theme: view.theme === 'dark' || view.theme === 'light' ? view.theme : 'auto',
    initialStep: Number.isInteger(step) && step > 0 ? Math.min(step, 100000) : null,
  };
}
