import { expectedSpeedup, expectedTokensPerStep, optimalGamma, type SimParams, type StepEvent } from '../../core';
import type { CachedPair } from '../../store/learnSlice';
import type { Hideable } from '../../store/uiSlice';
import { realModelsLesson } from './realLesson';

/**
 * The guided tour's lessons: what each sets on the page, where it opens the run, which tool and
 * formulas it shows, and its question, whose right answer is computed from the page's state
 * (the trace and the parameters), never stored. The words are in lessonsEn / lessonsZh.
 */

/** What a lesson reads from the page. */
export interface PageState {
  readonly params: Readonly<SimParams>;
  readonly events: readonly StepEvent[];
  readonly cursor: number;
  readonly complete: boolean;
}

/** The values a lesson's texts are filled with (numbers shown as the page shows them). */
export type LessonVars = Record<string, string | number>;

export type FormulaId = 'rule' | 'residual' | 'expected' | 'speedup';

/**
 * A question answered by using the page. `answer` gives the right answer for the page as it
 * is now, or null when the page is not yet where the question needs it (the lesson's notReady
 * text then says what to do).
 */
export type Question =
  | { kind: 'number'; answer: (s: PageState) => number | null; tolerance: number }
  | { kind: 'choice'; options: readonly string[]; answer: (s: PageState) => string | null };

/**
 * Something a lesson needs that the page may not have. 'realModels': a lesson over real
 * transformer models, shown only when this browser has cached a pair (both models, one dtype),
 * so that it never downloads anything. The tour reads the cache when it opens and when a model
 * load ends (cachedPair.ts, kept in the learn slice) and builds its list with `lessonsFor`;
 * such lessons come last, so tour=N links to the others keep their numbers.
 */
export type Requirement = 'realModels';

export interface Lesson {
  readonly id: string;
  /** The parameters the lesson sets, over the defaults. */
  readonly params: Partial<SimParams>;
  /** The step the lesson opens at once its run is complete (0 = before the first step). */
  readonly cursor: (s: PageState) => number;
  /** A tool tab to open (the ids of Tools.tsx). */
  readonly tool?: string;
  readonly formulas?: readonly FormulaId[];
  /** Parts of the page an embedded lesson keeps (the rest is hidden unless the link says). */
  readonly needs: readonly Hideable[];
  readonly question: Question;
  /** Values for the lesson's texts, from the page as it is now. */
  readonly vars: (s: PageState) => LessonVars;
  readonly requires?: Requirement;
}

const NOTEBOOK: Partial<SimParams> = { world: 'seed', method: 'draft', gamma: 3, draftAccuracy: 0.7, seed: 1 };

const current = (s: PageState): StepEvent | undefined => (s.cursor > 0 ? s.events[s.cursor - 1] : undefined);
const kept = (e: StepEvent | undefined) => (e ? e.verdicts.filter((v) => v === 'accepted').length : 0);
const rejectedStep = (e: StepEvent) => e.verdicts.includes('rejected');
const bonusStep = (e: StepEvent) => e.emittedKinds.includes('bonus');
const lookupOf = (e: StepEvent | undefined) => (e?.info?.lookup as { n: number } | null | undefined) ?? null;
/** 1-based index of the first step that passes `test`, or fallback. */
const firstStep = (s: PageState, test: (e: StepEvent) => boolean, fallback = 1) => {
  const i = s.events.findIndex(test);
  return i < 0 ? Math.min(fallback, s.events.length) : i + 1;
};
const emittedTotal = (s: PageState) => s.events.reduce((n, e) => n + e.emitted.length, 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The lessons that need nothing the page may lack. */
const ALL: readonly Lesson[] = [
  {
    id: 'notebook',
    params: NOTEBOOK,
    cursor: () => 0,
    needs: ['log'],
    question: { kind: 'number', answer: (s) => (s.complete ? s.events.length : null), tolerance: 0 },
    vars: (s) => ({ passes: s.events.length, tokens: emittedTotal(s), gamma: s.params.gamma }),
  },
  {
    id: 'rejection',
    params: NOTEBOOK,
    cursor: (s) => firstStep(s, rejectedStep),
    formulas: ['rule', 'residual'],
    needs: ['inspector'],
    question: {
      kind: 'number',
      answer: (s) => (current(s) && rejectedStep(current(s) as StepEvent) ? (current(s) as StepEvent).emitted.length : null),
      tolerance: 0,
    },
    vars: (s) => ({ k: current(s)?.drafted.length ?? 0, kept: kept(current(s)), answer: current(s)?.emitted.length ?? 0 }),
  },
  {
    id: 'bonus',
    params: { ...NOTEBOOK, gamma: 5, draftAccuracy: 0.9 },
    cursor: (s) => firstStep(s, bonusStep),
    needs: [],
    question: {
      kind: 'number',
      answer: (s) => (current(s) && bonusStep(current(s) as StepEvent) ? (current(s) as StepEvent).emitted.length : null),
      tolerance: 0,
    },
    vars: (s) => ({ gamma: s.params.gamma, kept: kept(current(s)), answer: current(s)?.emitted.length ?? 0 }),
  },
  {
    id: 'lossless',
    params: { world: 'ngram', corpus: 'en', method: 'draft', temperature: 0, gamma: 4, order: 4, draftOrder: 2, seed: 1 },
    cursor: (s) => s.events.length,
    tool: 'lossless',
    needs: ['controls', 'charts'],
    // A theorem, not a measurement: greedy verification emits the target's argmax at every
    // position, so the text cannot change (the page shows it when the method is switched).
    question: { kind: 'choice', options: ['same', 'different', 'depends'], answer: () => 'same' },
    vars: (s) => ({ passes: s.events.length, tokens: emittedTotal(s) }),
  },
  {
    id: 'gamma',
    // alpha 0.7 and c 0.1 put the optimum (gamma 4) inside the charts' range with a visible peak.
    params: { world: 'synthetic', method: 'draft', alpha: 0.7, gamma: 2, costRatio: 0.1, verifyCost: 0, seed: 1 },
    cursor: (s) => s.events.length,
    tool: 'analysis',
    formulas: ['expected', 'speedup'],
    needs: ['controls', 'charts'],
    question: { kind: 'number', answer: (s) => optimalGamma(s.params.alpha, s.params.costRatio, s.params.verifyCost).gamma, tolerance: 0 },
    vars: (s) => {
      const best = optimalGamma(s.params.alpha, s.params.costRatio, s.params.verifyCost);
      return { alpha: s.params.alpha, c: s.params.costRatio, best: best.gamma, speedup: round2(best.speedup) };
    },
  },
  {
    id: 'strength',
    params: { world: 'synthetic', method: 'draft', alpha: 0.5, gamma: 4, costRatio: 0.05, verifyCost: 0, seed: 1 },
    cursor: (s) => s.events.length,
    formulas: ['expected'],
    needs: ['controls'],
    question: {
      kind: 'number',
      answer: (s) => (Math.abs(s.params.alpha - 0.9) < 1e-9 ? round2(expectedTokensPerStep(0.9, s.params.gamma)) : null),
      tolerance: 0.011,
    },
    vars: (s) => ({
      alpha: s.params.alpha,
      gamma: s.params.gamma,
      e: round2(expectedTokensPerStep(s.params.alpha, s.params.gamma)),
      eWeak: round2(expectedTokensPerStep(0.5, s.params.gamma)),
      eStrong: round2(expectedTokensPerStep(0.9, s.params.gamma)),
    }),
  },
  {
    id: 'ngram',
    params: { world: 'ngram', corpus: 'en', scenario: 'code', method: 'ngram', temperature: 0, gamma: 4, seed: 1 },
    cursor: (s) => firstStep(s, (e) => lookupOf(e) !== null),
    needs: ['controls'],
    question: { kind: 'number', answer: (s) => lookupOf(current(s))?.n ?? null, tolerance: 0 },
    vars: (s) => ({ answer: lookupOf(current(s))?.n ?? 0, k: current(s)?.drafted.length ?? 0 }),
  },
  {
    id: 'cost',
    params: { world: 'synthetic', method: 'draft', alpha: 0.8, gamma: 4, targetMs: 30, costRatio: 0.05, verifyCost: 0, seed: 1 },
    cursor: () => 0,
    tool: 'cost',
    formulas: ['speedup'],
    needs: ['controls', 'charts'],
    question: { kind: 'number', answer: (s) => (current(s) ? round2((current(s) as StepEvent).timeMs) : null), tolerance: 0.051 },
    vars: (s) => {
      const { targetMs, gamma, costRatio: c, verifyCost: v, alpha } = s.params;
      return {
        targetMs,
        gamma,
        c,
        v,
        draftMs: round2(targetMs * gamma * c),
        verifyMs: round2(targetMs * gamma * v),
        ms: round2(current(s)?.timeMs ?? targetMs * (1 + gamma * (c + v))),
        speedup: round2(expectedSpeedup(alpha, gamma, c, v)),
      };
    },
  },
];

/**
 * The lessons the tour shows, in order: the eight that need nothing, then the one over real
 * models when a cached pair is known (`pair` from the learn slice; the same pair object gives
 * the same lesson list, see setTourModels).
 */
export function lessonsFor(pair: CachedPair | null): readonly Lesson[] {
  return pair === null ? ALL : [...ALL, realModelsLesson(pair)];
}

/** Checks a reader's answer against the page: 'right', 'wrong' or 'notReady' (no answer yet). */
export function checkAnswer(q: Question, s: PageState, given: string): 'right' | 'wrong' | 'notReady' {
  const right = q.answer(s);
  if (right === null) return 'notReady';
  if (q.kind === 'choice') return given === right ? 'right' : 'wrong';
  // Either decimal mark, as readers type it.
  const n = Number(given.trim().replace(',', '.'));
  return given.trim() !== '' && Number.isFinite(n) && Math.abs(n - (right as number)) <= q.tolerance ? 'right' : 'wrong';
}
