import { describe, expect, test } from 'vitest';
import { SEED_CORPUS } from '../../src/core/corpora/seed';
import { countNgrams, mleNext } from '../../src/core/ngram/counts';
import { kneserNeyDist, trainKneserNey } from '../../src/core/ngram/kneserNey';
import { VocabBuilder } from '../../src/core/tokenizer';
import { seedCorpus, textCorpus, trainNgramModels } from '../../src/core/worlds/ngramWorld';
import { TEXTS } from './helpers';

describe('ngram', () => {
  test('mleNext - seed bigram after 喜欢 is 吃 0.80, 水果 0.20', () => {
    const vocab = new VocabBuilder();
    const bos = vocab.add('<s>');
    const eos = vocab.add('</s>');
    const seqs = SEED_CORPUS.map((s) => [...vocab.addAll(s), eos]);
    const next = mleNext(countNgrams(seqs, 2, bos), [vocab.ids.get('喜欢') as number]);
    expect(next.map(([t, p]) => [vocab.tokens[t], p.toFixed(2)])).toEqual([
      ['吃', '0.80'],
      ['水果', '0.20'],
    ]);
  });

  test('kneserNeyDist - a full distribution: sums to 1, padding token never emitted', () => {
    for (const corpus of [seedCorpus, textCorpus('en', TEXTS.en as string), textCorpus('zh', TEXTS.zh as string)]) {
      const m = trainNgramModels(corpus, 4, 2);
      for (const ctx of [[], [2, 3], [5, 6, 7, 8, 9]]) {
        const d = kneserNeyDist(m.target, ctx, ctx.length);
        expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(d[m.bos]).toBe(0);
        expect(Math.min(...Array.from(d).filter((_, i) => i !== m.bos))).toBeGreaterThan(0);
      }
    }
  });

  test('kneserNeyDist - the seed corpus target prefers 吃 after 喜欢, and the draft is weaker', () => {
    const m = trainNgramModels(seedCorpus, 3, 1);
    const ctx = [m.vocab.ids.get('我') as number, m.vocab.ids.get('喜欢') as number];
    const p = kneserNeyDist(m.target, ctx, 2);
    const q = kneserNeyDist(m.draft, ctx, 2);
    const chi = m.vocab.ids.get('吃') as number;
    expect(p[chi]).toBeGreaterThan(0.5);
    expect(q[chi]).toBeLessThan(p[chi]);
  });

  test('trainKneserNey - order 1 is a smoothed unigram', () => {
    const m = trainKneserNey([[1, 2, 2, 3]], 1, 4, 0);
    const d = kneserNeyDist(m, [], 0);
    expect(d[2]).toBeGreaterThan(d[1]);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('corpora - built-in texts are at least 20 KB and repeat passages', () => {
    for (const text of [TEXTS.en as string, TEXTS.zh as string]) {
      expect(new TextEncoder().encode(text).length).toBeGreaterThanOrEqual(20000);
      const paras = text.split(/\n\s*\n/).map((p) => p.trim());
      expect(paras.length - new Set(paras).size).toBeGreaterThan(0);
    }
  });
});
