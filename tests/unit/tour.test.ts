import { describe, expect, test } from 'vitest';
import { formulaValues, measuredAlpha } from '../../src/components/learn/formulaValues';
import { checkAnswer, lessonsFor, type PageState } from '../../src/components/learn/lessons';
import { lessonsEn } from '../../src/components/learn/lessonsEn';
import { lessonsZh } from '../../src/components/learn/lessonsZh';
import { DEFAULT_PARAMS, decodeHash, prepareWorld, runGeneration } from '../../src/core';
import { fill } from '../../src/core/notices';
import { type CachedPair, MAX_TOUR, readLearnView } from '../../src/store/learnSlice';
import { TEXTS } from './helpers';

/** The lessons without real models (this browser has none cached). */
const LESSONS = lessonsFor(null);

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** The page as a lesson leaves it: its parameters, its run, the cursor it opens at. */
function pageFor(i: number): PageState {
  const params = { ...DEFAULT_PARAMS, ...LESSONS[i].params };
  const events = runGeneration(prepareWorld(params, TEXTS), params).events;
  const s: PageState = { params, events, cursor: 0, complete: true };
  return { ...s, cursor: LESSONS[i].cursor(s) };
}

describe('tour lessons', () => {
  test('LESSONS - 6 to 10 lessons, each with words in both languages and the same placeholders', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(LESSONS.length).toBeLessThanOrEqual(10);
    for (const l of LESSONS) {
      const en = lessonsEn[l.id];
      const zh = lessonsZh[l.id];
      expect(en, l.id).toBeDefined();
      expect(zh, l.id).toBeDefined();
      for (const key of ['title', 'intro', 'look', 'try', 'question', 'right', 'wrong', 'notReady'] as const)
        expect(placeholders(zh[key]), `${l.id}.${key}`).toEqual(placeholders(en[key]));
      if (l.question.kind === 'choice') for (const o of l.question.options) expect(en.options?.[o] && zh.options?.[o], `${l.id} option ${o}`).toBeTruthy();
    }
  });

  test('LESSONS - on the page each lesson sets, every text is filled and the question has an answer', () => {
    LESSONS.forEach((l, i) => {
      const page = pageFor(i);
      const vars = l.vars(page);
      for (const text of [lessonsEn[l.id], lessonsZh[l.id]])
        for (const s of [text.intro, text.look, text.try, text.question, text.right, text.wrong])
          expect(fill(s, vars), l.id).not.toMatch(/\{\w+\}|undefined|NaN/);
      // Lessons that open at a step open where their question applies (the strength lesson
      // first asks the reader to move alpha; the cost lesson to press Step).
      const right = l.question.answer(page);
      if (l.id === 'strength' || l.id === 'cost') expect(right).toBeNull();
      else expect(right, l.id).not.toBeNull();
    });
  });

  test('checkAnswer - a number within tolerance (either decimal mark) is right, anything else wrong, no answer yet is notReady', () => {
    const strength = LESSONS.find((l) => l.id === 'strength');
    if (!strength) throw new Error('no strength lesson');
    const s = pageFor(LESSONS.indexOf(strength));
    expect(checkAnswer(strength.question, s, '4.1')).toBe('notReady');
    const strong = { ...s, params: { ...s.params, alpha: 0.9 } };
    // gamma 4: E = (1 - 0.9^5) / 0.1 = 4.0951
    expect(checkAnswer(strength.question, strong, '4.10')).toBe('right');
    expect(checkAnswer(strength.question, strong, '4,1')).toBe('right');
    expect(checkAnswer(strength.question, strong, '4.2')).toBe('wrong');
    expect(checkAnswer(strength.question, strong, '')).toBe('wrong');
    expect(checkAnswer(strength.question, strong, 'four')).toBe('wrong');
    const lossless = LESSONS.find((l) => l.id === 'lossless');
    if (!lossless) throw new Error('no lossless lesson');
    expect(checkAnswer(lossless.question, s, 'same')).toBe('right');
    expect(checkAnswer(lossless.question, s, 'different')).toBe('wrong');
  });

  test('checkAnswer - the gamma lesson follows the page: another alpha or c moves the right answer', () => {
    const gamma = LESSONS.find((l) => l.id === 'gamma');
    if (!gamma) throw new Error('no gamma lesson');
    const s = pageFor(LESSONS.indexOf(gamma));
    // alpha 0.7, c 0.1: E / (1 + gamma c) = 1.545, 1.825, 1.948, 1.981 (gamma 4), 1.961, 1.911.
    expect(gamma.question.answer(s)).toBe(4);
    // c 0.02: ... 2.755 (gamma 7), 2.757 (gamma 8), 2.745 (gamma 9).
    expect(gamma.question.answer({ ...s, params: { ...s.params, costRatio: 0.02 } })).toBe(8);
  });
});

describe('the lesson over real models', () => {
  const TINY: CachedPair = { targetModel: './models/tiny-target', draftModel: './models/tiny-draft', device: 'auto', dtype: 'fp32' };

  test('lessonsFor - 8 lessons without a cached pair, 9 with one: the real-model lesson last, over that pair', () => {
    expect(lessonsFor(null).map((l) => l.id)).toEqual(['notebook', 'rejection', 'bonus', 'lossless', 'gamma', 'strength', 'ngram', 'cost']);
    const with9 = lessonsFor(TINY);
    expect(with9.length).toBe(9);
    expect(with9.slice(0, 8)).toEqual(lessonsFor(null));
    const real = with9[8];
    expect(real.id).toBe('realModels');
    expect(real.requires).toBe('realModels');
    expect(real.params).toMatchObject({ world: 'model', ...TINY, method: 'draft', gamma: 4, temperature: 0 });
    expect(lessonsFor(null).every((l) => l.requires === undefined)).toBe(true);
  });

  test('realModels - no answer until the run of real models is in; then tokens per target forward, from the page', () => {
    const real = lessonsFor(TINY)[8];
    const params = { ...DEFAULT_PARAMS, ...real.params };
    // Events as a run leaves them (a synthetic run stands in for the real one; only its steps count).
    const syn = { ...DEFAULT_PARAMS, world: 'synthetic' as const, alpha: 0.8, gamma: 4, length: 40 };
    const events = runGeneration(prepareWorld(syn, TEXTS), syn).events;
    const empty: PageState = { params, events: [], cursor: 0, complete: true };
    expect(real.question.answer(empty)).toBeNull(); // models not loaded: the run is empty
    expect(real.question.answer({ params, events, cursor: 0, complete: false })).toBeNull();
    expect(real.question.answer({ params: { ...params, world: 'seed' }, events, cursor: 0, complete: true })).toBeNull();
    const page: PageState = { params, events, cursor: real.cursor({ params, events, cursor: 0, complete: true }), complete: true };
    expect(page.cursor).toBe(events.length);
    const tokens = events.reduce((n, e) => n + e.emitted.length + (e.endOfText ? 1 : 0), 0);
    const right = Math.round((tokens / events.length) * 100) / 100;
    expect(real.question.answer(page)).toBe(right);
    expect(checkAnswer(real.question, page, String(right))).toBe('right');
    expect(checkAnswer(real.question, page, String(right + 0.02))).toBe('wrong');
    const vars = real.vars(page);
    expect(vars).toMatchObject({ target: 'tiny-target', draft: 'tiny-draft', dtype: 'fp32', gamma: 4, passes: events.length, tokens, answer: right });
    for (const text of [lessonsEn.realModels, lessonsZh.realModels]) {
      for (const key of ['title', 'intro', 'look', 'try', 'question', 'right', 'wrong', 'notReady'] as const)
        expect(fill(text[key], vars), key).not.toMatch(/\{\w+\}|undefined|NaN/);
      // Before the run the texts read without holes too.
      expect(fill(text.intro, real.vars(empty))).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
    for (const key of ['title', 'intro', 'look', 'try', 'question', 'right', 'wrong', 'notReady'] as const)
      expect(placeholders(lessonsZh.realModels[key]), key).toEqual(placeholders(lessonsEn.realModels[key]));
  });
});

describe('readLearnView', () => {
  test('readLearnView - tour=N and narrate=1 from a link; bad values ignored, large ones capped', () => {
    expect(readLearnView(decodeHash('#tour=3&narrate=1').view, false)).toEqual({ tour: 3, narrate: true, tourFromLink: false });
    expect(readLearnView(decodeHash('#tour=3&world=seed').view, true)).toEqual({ tour: 3, narrate: false, tourFromLink: true });
    expect(readLearnView(decodeHash('#tour=0').view, false).tour).toBeNull();
    expect(readLearnView(decodeHash('#tour=2.5').view, false).tour).toBeNull();
    expect(readLearnView(decodeHash('#tour=abc').view, false).tour).toBeNull();
    expect(readLearnView(decodeHash('#tour=999').view, false).tour).toBe(MAX_TOUR);
    expect(readLearnView(decodeHash('').view, false)).toEqual({ tour: null, narrate: false, tourFromLink: false });
  });
});

describe('formulaValues', () => {
  test('formulaValues - alpha as set (synthetic) or measured; E and S from the closed forms; the rule at the first rejection', () => {
    const syn = { ...DEFAULT_PARAMS, world: 'synthetic' as const, alpha: 0.8, gamma: 4, costRatio: 0.05 };
    const f = formulaValues(syn, [], 0);
    expect(f.alphaSource).toBe('set');
    // (1 - 0.8^5) / 0.2 = 3.3616; / (1 + 4 * 0.05) = 2.8013
    expect(f.expected).toBeCloseTo(3.3616, 10);
    expect(f.speedup).toBeCloseTo(3.3616 / 1.2, 10);
    const seed = { ...DEFAULT_PARAMS, world: 'seed' as const, gamma: 3, draftAccuracy: 0.7, seed: 1 };
    const events = runGeneration(prepareWorld(seed, TEXTS), seed).events;
    // The notebook's draft puts 0.7 + 0.3/3 = 0.8 on the right character: min(p, q) = 0.8 everywhere.
    expect(measuredAlpha(events, events.length)).toBeCloseTo(0.8, 12);
    const at = events.findIndex((e) => e.verdicts.includes('rejected')) + 1;
    const g = formulaValues(seed, events, at);
    expect(g.alphaSource).toBe('measured');
    expect(g.positionRejected).toBe(true);
    expect(g.position?.token).toBe(events[at - 1].drafted[events[at - 1].verdicts.indexOf('rejected')]);
    expect(formulaValues(seed, events, 0).position).toBeNull();
  });
});
