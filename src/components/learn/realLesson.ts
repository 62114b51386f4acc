import type { StepEvent } from '../../core';
import { clockOf } from '../../core/measured';
import type { CachedPair } from '../../store/learnSlice';
import { EXAMPLE_PROMPTS } from '../model/examples';
import type { Lesson, PageState } from './lessons';

/**
 * The lesson over real models (`requires: 'realModels'`): the pair this browser has cached, the
 * draft model verified by the target, greedy, on a prompt whose answer copies much of it (editing
 * code), so the real draft guesses well. Nothing loads by itself: the reader presses Load models
 * and the files come from the cache. Its run exists only after that, so the tour places the page
 * on the first complete run with steps (TourPanel's applyLesson).
 */

/** Tokens the run produced: the text and an end-of-text, as the counters count them. */
const produced = (events: readonly StepEvent[]) => clockOf(events).produced;
const accepted = (events: readonly StepEvent[]) => events.reduce((n, e) => n + e.verdicts.filter((v) => v === 'accepted').length, 0);
const round2 = (x: number) => Math.round(x * 100) / 100;
/** A model's short name: the hub id or folder without what comes before its last '/'. */
const shortName = (ref: string) => ref.replace(/\/+$/, '').split('/').pop() ?? ref;
/** The run of real models is in: loaded, decoded, every step sent. */
const runIn = (s: PageState) => s.params.world === 'model' && s.complete && s.events.length > 0;

/** The lesson over the cached pair. */
export function realModelsLesson(pair: CachedPair): Lesson {
  return {
    id: 'realModels',
    requires: 'realModels',
    params: {
      world: 'model',
      ...pair,
      method: 'draft',
      gamma: 4,
      temperature: 0,
      prompt: EXAMPLE_PROMPTS.code,
      chat: 1,
      length: 64,
      seed: 1,
    },
    cursor: (s) => s.events.length,
    needs: ['inspector', 'race', 'charts'],
    question: { kind: 'number', answer: (s) => (runIn(s) ? round2(produced(s.events) / s.events.length) : null), tolerance: 0.011 },
    vars: (s) => {
      const passes = s.events.length;
      const drafts = s.events.filter((e) => e.drafted.length > 0).length;
      const tokens = produced(s.events);
      return {
        target: shortName(s.params.targetModel),
        draft: shortName(s.params.draftModel),
        dtype: s.params.dtype,
        gamma: s.params.gamma,
        passes,
        tokens,
        answer: passes > 0 ? round2(tokens / passes) : 0,
        meanLen: drafts > 0 ? round2(1 + accepted(s.events) / drafts) : 0,
      };
    },
  };
}
