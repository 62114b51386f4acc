import { describe, expect, test } from 'vitest';
import { prepareWorld, runGeneration, type SimParams, type StepEvent } from '../../src/core';
import { type NarrationInput, narrateStep } from '../../src/core/learn/narrate';
import { narrationText } from '../../src/i18n/narrate';
import { params, TEXTS } from './helpers';

// A tiny vocabulary for hand-built events: ids 0..6.
const VOCAB = ['人', '工', '智', '能', '干', '是', '\n'];

function position(token: number | null, pToken: number, qToken: number, u: number | null) {
  return { p: [], q: [], token, pToken, qToken, overlap: 0, u, residual: null };
}

function ev(over: Partial<StepEvent>): StepEvent {
  return {
    index: 0,
    drafted: [],
    verdicts: [],
    emitted: [],
    emittedKinds: [],
    positions: null,
    timeMs: 30,
    greedy: false,
    start: 0,
    finished: false,
    endOfText: false,
    ...over,
  };
}

function input(event: StepEvent, over: Partial<NarrationInput> = {}): NarrationInput {
  return { event, method: 'draft', acceptance: 'standard', vocab: VOCAB, tokenizer: 'chars', context: [], promptLen: 0, ...over };
}

const both = (i: NarrationInput) => ({
  codes: narrateStep(i).map((l) => l.code),
  en: narrationText('en', narrateStep(i)),
  zh: narrationText('zh', narrateStep(i)),
});

describe('narrateStep', () => {
  test('narrateStep - every guess accepted: the kept count and the bonus token, in both languages', () => {
    const r = both(
      input(
        ev({
          drafted: [0, 1, 2],
          verdicts: ['accepted', 'accepted', 'accepted'],
          emitted: [0, 1, 2, 3],
          emittedKinds: ['accepted', 'accepted', 'accepted', 'bonus'],
        }),
      ),
    );
    expect(r.codes).toEqual(['draft', 'allAccepted']);
    expect(r.en).toBe(
      'The draft model guessed 3 tokens, “人工智”, sampling each from its own distribution q. The target kept all 3, and because every guess survived, the same pass gave a free bonus token: “能”.',
    );
    expect(r.zh).toContain('「人工智」');
    expect(r.zh).toContain('奖励词元「能」');
  });

  test('narrateStep - rejected with u against p/q: u, p, q and the ratio, the residual pick and the discarded rest', () => {
    const e = ev({
      drafted: [0, 4, 2],
      verdicts: ['accepted', 'rejected', 'discarded'],
      emitted: [0, 1],
      emittedKinds: ['accepted', 'resampled'],
      positions: [position(0, 0.9, 0.8, 0.1), position(4, 0.2, 0.5, 0.734)],
    });
    const r = both(input(e));
    expect(r.codes).toEqual(['draft', 'rejectU', 'discarded']);
    expect(r.en).toContain('kept 1 (“人”) and rejected “干”: u = 0.73 is not below p/q = 0.20/0.50 = 0.40');
    expect(r.en).toContain('sampled “工” from the residual');
    expect(r.en).toContain('The guess after it was discarded unchecked');
    expect(r.zh).toContain('拒绝了「干」：u = 0.73 不小于 p/q = 0.20/0.50 = 0.40');
    expect(r.zh).toContain('其后的那个猜测');
    const two = both(input({ ...e, drafted: [0, 4, 2, 3], verdicts: ['accepted', 'rejected', 'discarded', 'discarded'] }));
    expect(two.en).toContain('The rest (2) were discarded unchecked');
    expect(two.zh).toContain('其后的 2 个猜测');
  });

  test('narrateStep - first guess rejected where the target gives it probability 0 (the notebook world)', () => {
    const e = ev({ drafted: [4, 2], verdicts: ['rejected', 'discarded'], emitted: [1], emittedKinds: ['resampled'], positions: [position(4, 0, 0.1, 0.5)] });
    const r = both(input(e));
    expect(r.codes).toEqual(['draft', 'rejectZero0', 'discarded']);
    expect(r.en).toContain('rejected the first guess, “干”, outright: it gives that token probability 0 (p/q = 0/0.10)');
    expect(r.zh).toContain('直接拒绝了第一个猜测「干」');
  });

  test('narrateStep - greedy correction: the target’s own choice differs', () => {
    const e = ev({
      greedy: true,
      drafted: [0, 4],
      verdicts: ['accepted', 'rejected'],
      emitted: [0, 1],
      emittedKinds: ['accepted', 'resampled'],
      positions: [position(0, 1, 1, null), position(4, 0, 1, null)],
    });
    const r = both(input(e));
    expect(r.codes).toEqual(['draftGreedy', 'rejectGreedy']);
    expect(r.en).toContain('at “干” its own choice differs (its top token is “工”), so “工” replaced it');
    expect(r.zh).toContain('它的首选是「工」');
  });

  test('narrateStep - n-gram lookup with no match: nothing proposed, the target decodes alone', () => {
    const r = both(input(ev({ emitted: [5], emittedKinds: ['target'], info: { lookup: null } }), { method: 'ngram' }));
    expect(r.codes).toEqual(['ngramNone']);
    expect(r.en).toBe('The n-gram lookup found no earlier occurrence of the last tokens, so nothing was proposed; the target decoded “是” alone.');
    expect(r.zh).toBe('n-gram 查找在前文中找不到最后几个词元，因此没有提议；目标模型自己解码了「是」。');
  });

  test('narrateStep - n-gram match: the matched n-gram, where it was found (prompt or output) and what was copied', () => {
    // Context 人工智能是人工 (prompt = first 3): the suffix 人工 matched at 0, then 智能 copied.
    const context = [0, 1, 2, 3, 5, 0, 1];
    const e = ev({
      drafted: [2, 3],
      verdicts: ['accepted', 'accepted'],
      emitted: [2, 3, 5],
      emittedKinds: ['accepted', 'accepted', 'bonus'],
      info: { lookup: { start: 0, n: 2, from: 2 } },
    });
    const inPrompt = both(input(e, { method: 'ngram', context, promptLen: 3 }));
    expect(inPrompt.codes).toEqual(['ngramPrompt', 'allAccepted']);
    expect(inPrompt.en).toContain('The last 2 tokens, “人工”, also occur in the prompt at token 1; the lookup copied the 2 that followed them: “智能”.');
    expect(inPrompt.zh).toContain('在提示的第 1 个词元处出现过');
    const later = ev({ ...e, info: { lookup: { start: 4, n: 1, from: 5 } } });
    const inOutput = both(input(later, { method: 'ngram', context, promptLen: 3 }));
    expect(inOutput.codes[0]).toBe('ngramOutput');
    // Token 4 of the context is the 2nd of the output.
    expect(inOutput.en).toContain('“是”, also occur earlier in the output at token 2');
  });

  test('narrateStep - suffix path: match length, which tree, the path and its running probability', () => {
    const e = ev({
      drafted: [2, 3],
      verdicts: ['accepted', 'rejected'],
      emitted: [2, 5],
      emittedKinds: ['accepted', 'resampled'],
      positions: [position(2, 1, 1, 0.2), position(3, 0.1, 1, 0.6)],
      info: { suffix: { matchLen: 3, probs: [0.9, 0.45], counts: [], score: 1, source: 'global', start: 0 } },
    });
    const r = both(input(e, { method: 'suffix' }));
    expect(r.codes).toEqual(['suffixGlobal', 'rejectU']);
    expect(r.en).toContain(
      'A suffix of 3 tokens matched in the tree of earlier answers; its most frequent continuation proposed “智能” (2 tokens, running probability 0.45).',
    );
    expect(r.zh).toContain('历史回答的后缀树');
    const none = both(input(ev({ emitted: [5], emittedKinds: ['target'], info: { suffix: null } }), { method: 'suffix' }));
    expect(none.codes).toEqual(['suffixNone']);
  });

  test('narrateStep - tree: size, depth, the kept path and the bonus or the replacement', () => {
    // Root children 0 (人) and 1 (干); 2 (工) under 0; 3 (智) under 2.
    const tree = { parents: [-1, -1, 0, 2], path: [0, 2, 3], values: [0.6, 0.3, 0.5, 0.4] };
    const e = ev({
      drafted: [0, 4, 1, 2],
      verdicts: ['accepted', 'discarded', 'accepted', 'accepted'],
      emitted: [0, 1, 2, 3],
      emittedKinds: ['accepted', 'accepted', 'accepted', 'bonus'],
      info: { tree },
    });
    const r = both(input(e, { method: 'tree' }));
    expect(r.codes).toEqual(['tree', 'treeBonus']);
    expect(r.en).toContain('a tree of 4 candidate tokens, 3 levels deep');
    expect(r.en).toContain('kept the path “人工智” down to a leaf and added a free bonus token, “能”');
    expect(r.zh).toContain('路径「人工智」');
    const miss = ev({ ...e, emitted: [0, 5], emittedKinds: ['accepted', 'resampled'], info: { tree: { ...tree, path: [0] } } });
    expect(both(input(miss, { method: 'tree' })).en).toContain('kept the path “人”; no child of its end passed, so the target put “是” there');
    const none = ev({ ...e, emitted: [5], emittedKinds: ['resampled'], info: { tree: { ...tree, path: [] } } });
    expect(both(input(none, { method: 'tree' })).codes).toEqual(['tree', 'treeMiss0']);
  });

  test('narrateStep - autoregressive, MTP heads, end of text and paragraph breaks', () => {
    expect(both(input(ev({ emitted: [6], emittedKinds: ['target'] }), { method: 'autoregressive' })).en).toBe(
      'No speculation this pass: the target decoded one token, “¶”.',
    );
    const ended = ev({ drafted: [0], verdicts: ['accepted'], emitted: [0], emittedKinds: ['accepted'], endOfText: true, info: { heads: 1 } });
    const mtp = both(input(ended, { method: 'mtp' }));
    expect(mtp.codes).toEqual(['mtp', 'allAcceptedEnd', 'endOfText']);
    expect(mtp.zh).toContain('随后目标模型结束了文本');
    expect(both(input(ended, { method: 'medusa' })).en).toContain('1 Medusa heads guessed “人” in one pass');
    // vLLM's argmax drafts read as the draft's top pick even when the target samples.
    expect(both(input({ ...ended, info: undefined }, { method: 'draft', draftSampling: 'argmax' })).codes[0]).toBe('draftGreedy');
  });
});

describe('narrateStep on real runs', () => {
  const kinds = (p: SimParams) => {
    const world = prepareWorld(p, TEXTS).at('1');
    const run = runGeneration(prepareWorld(p, TEXTS), p);
    const codes = new Set<string>();
    let ctx = [...world.prompt];
    for (const event of run.events) {
      const i: NarrationInput = {
        event,
        method: p.method,
        acceptance: p.acceptance,
        vocab: world.vocab.tokens,
        tokenizer: world.tokenizer.kind,
        context: ctx,
        promptLen: world.prompt.length,
      };
      const lines = narrateStep(i);
      for (const l of lines) codes.add(l.code);
      for (const lang of ['en', 'zh'] as const) {
        const s = narrationText(lang, lines);
        // Every placeholder filled, no undefined value, every step said something.
        expect(s, `${lang} step ${event.index}`).not.toMatch(/\{\w+\}|undefined|NaN/);
        expect(s.length).toBeGreaterThan(10);
      }
      ctx = [...ctx, ...event.emitted];
    }
    return codes;
  };

  test('narrateStep - the notebook demo narrates accepted-all, rejections and the end of text', () => {
    const codes = kinds(params({ world: 'seed', gamma: 3, seed: 1 }));
    expect(codes.has('allAccepted')).toBe(true);
    expect([...codes].some((c) => c.startsWith('rejectZero'))).toBe(true);
  });

  test('narrateStep - code editing with n-gram lookup (greedy) narrates matches, misses and corrections', () => {
    const codes = kinds(params({ world: 'ngram', scenario: 'code', method: 'ngram', temperature: 0, gamma: 4, length: 120 }));
    expect(codes.has('ngramNone')).toBe(true);
    expect(codes.has('ngramPrompt') || codes.has('ngramOutput')).toBe(true);
  });

  test('narrateStep - suffix, tree and sampled draft runs narrate every step', () => {
    expect(kinds(params({ world: 'ngram', scenario: 'chat', method: 'suffix', temperature: 0, length: 80 })).size).toBeGreaterThan(1);
    expect(kinds(params({ world: 'ngram', corpus: 'en', method: 'tree', length: 40 })).has('tree')).toBe(true);
    expect([...kinds(params({ world: 'synthetic', alpha: 0.6, method: 'draft', length: 60 }))].some((c) => c.startsWith('rejectU'))).toBe(true);
  });
});
