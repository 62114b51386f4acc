import type { StateCreator } from 'zustand';
import { type Notice, normalizeParams, type SimParams, settleParams } from '../core';
import type { Lang } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { PRESETS, START_PARAMS } from './presets';
import type { AppState } from './store';

/** Largest pasted corpus trained on here, in characters. */
export const MAX_CUSTOM_CORPUS = 6_000_000;

/** Parameters, language and the notices about them. */
export interface ParamsSlice {
  params: SimParams;
  /** A pasted corpus (stays on the page; never in the link). */
  customCorpus: string | null;
  lang: Lang;
  notices: Notice[];
  presetNote: MessageKey | null;
  setParam: <K extends keyof SimParams>(key: K, value: SimParams[K]) => void;
  setParams: (p: Partial<SimParams>, notices?: Notice[]) => void;
  applyPreset: (id: string) => void;
  setCustomCorpus: (text: string) => void;
  setLang: (lang: Lang) => void;
  dismissNotices: () => void;
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set, get) => ({
  params: START_PARAMS,
  customCorpus: null,
  lang: 'en',
  notices: [],
  presetNote: null,
  setParam: (key, value) => get().setParams({ [key]: value } as Partial<SimParams>),
  setParams: (p, notices = []) => {
    // Out-of-range values are clamped; refused combinations fall back, each with a notice.
    const settled = settleParams(normalizeParams({ ...get().params, ...p }));
    const next = settled.params;
    // A custom corpus needs its text: without one, fall back to the default corpus.
    if (next.corpus === 'custom' && get().customCorpus === null) next.corpus = 'en';
    set({ params: next, notices: [...notices, ...settled.notices], presetNote: null });
  },
  applyPreset: (id) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (preset) {
      set({ params: { ...preset.params }, notices: [], presetNote: preset.note ?? null });
    }
  },
  setCustomCorpus: (text) => {
    if (text.length > MAX_CUSTOM_CORPUS) {
      set({ notices: [{ code: 'corpusTooLarge', size: text.length, limit: MAX_CUSTOM_CORPUS }] });
      return;
    }
    if (text.trim() === '') {
      set({ notices: [{ code: 'corpusEmpty' }] });
      return;
    }
    set({ customCorpus: text, params: { ...get().params, world: 'ngram', corpus: 'custom' }, notices: [] });
  },
  setLang: (lang) => set({ lang }),
  dismissNotices: () => set({ notices: [], crash: null }),
});
