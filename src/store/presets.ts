import { DEFAULT_PARAMS, type SimParams } from '../core';
import type { MessageKey } from '../i18n/en';

/** A one-click setting: the parameters it sets and an optional note to show. */
export interface Preset {
  id: string;
  label: MessageKey;
  params: SimParams;
  note?: MessageKey;
}

const base: SimParams = { ...DEFAULT_PARAMS };

/** The presets, in the order the page lists them. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'notebook',
    label: 'preset.notebook',
    params: { ...base, world: 'seed', method: 'draft', gamma: 3, draftAccuracy: 0.7, temperature: 1, length: 64, seed: 1 },
  },
  // The notebook's vLLM example: a draft model, num_speculative_tokens 5, temperature 0.9.
  {
    id: 'draftT09',
    label: 'preset.draftT09',
    params: { ...base, world: 'ngram', corpus: 'zh', method: 'draft', gamma: 5, temperature: 0.9, order: 4, draftOrder: 2, length: 64, seed: 1 },
  },
  {
    id: 'weak',
    label: 'preset.weak',
    params: { ...base, world: 'ngram', corpus: 'en', method: 'draft', gamma: 4, temperature: 1, order: 5, draftOrder: 2, length: 64, seed: 1 },
  },
  { id: 'strong', label: 'preset.strong', params: { ...base, world: 'synthetic', method: 'draft', gamma: 5, alpha: 0.9, temperature: 1, length: 64, seed: 1 } },
  {
    id: 'greedy',
    label: 'preset.greedy',
    params: { ...base, world: 'ngram', corpus: 'en', method: 'draft', gamma: 4, temperature: 0, order: 4, draftOrder: 2, length: 64, seed: 1 },
    note: 'preset.greedyNote',
  },
];

/** The page's parameters when a link names none. */
export const START_PARAMS: SimParams = PRESETS[0].params;
