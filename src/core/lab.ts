import { SEED_CORPUS } from './corpora/seed';
import { countNgrams, mleNext, type OrderCounts } from './ngram/counts';
import { makeRng } from './rng';
import { VocabBuilder, wordTokenizer } from './tokenizer';
import type { TokenId, Tokenizer } from './types';
import { guessTokenizer } from './worlds/ngramWorld';

/** The notebook's n-gram lab (section 2): unsmoothed counts of one order over sentences. */
export interface NgramLab {
  order: number;
  vocab: VocabBuilder;
  counts: OrderCounts;
  bos: TokenId;
  eos: TokenId;
  tokenizer: Tokenizer;
}

/**
 * Trains the notebook's SimpleNGram of `order` (1-5): each line of the text (or each of the
 * seed corpus's sentences) is a sentence, padded with <s> and closed with </s>.
 */
export function trainLab(text: string | null, order: number): NgramLab {
  const tokenizer = text === null ? wordTokenizer : guessTokenizer(text);
  const sentences: string[][] =
    text === null
      ? SEED_CORPUS.map((s) => [...s])
      : text
          .split(/\n+/)
          .map((line) => tokenizer.split(line))
          .filter((s) => s.length > 0);
  const vocab = new VocabBuilder();
  const bos = vocab.add('<s>');
  const eos = vocab.add('</s>');
  const seqs = sentences.map((s) => [...vocab.addAll(s), eos]);
  return { order, vocab, counts: countNgrams(seqs, order, bos), bos, eos, tokenizer };
}

/** The most likely next tokens after a context (its last order-1 tokens, <s>-padded). */
export function labNext(lab: NgramLab, context: string, k = 8): { context: string[]; next: [string, number][] } {
  const words = lab.tokenizer.split(context);
  const n = lab.order - 1;
  const recent = words.slice(Math.max(0, words.length - n));
  const ids = [...new Array<TokenId>(n - recent.length).fill(lab.bos), ...recent.map((w) => lab.vocab.ids.get(w) ?? -1)];
  const next = ids.includes(-1) ? [] : mleNext(lab.counts, ids).slice(0, k);
  return { context: ids.map((i) => (i < 0 ? '?' : lab.vocab.tokens[i])), next: next.map(([t, p]) => [lab.vocab.tokens[t], p]) };
}

/** Samples sentences from <s> until </s> (or maxLen tokens), like the notebook's generate_sentence. */
export function labSentences(lab: NgramLab, count: number, seed: number, maxLen = 20): string[] {
  const rng = makeRng(`lab:${seed}`);
  const out: string[] = [];
  for (let s = 0; s < count; s++) {
    const ctx: TokenId[] = new Array(lab.order - 1).fill(lab.bos);
    const words: string[] = [];
    for (let i = 0; i < maxLen; i++) {
      const next = mleNext(lab.counts, ctx.slice(ctx.length - (lab.order - 1)));
      if (next.length === 0) break;
      let u = rng.next();
      let pick = next[next.length - 1][0];
      for (const [t, p] of next) {
        if (u < p) {
          pick = t;
          break;
        }
        u -= p;
      }
      if (pick === lab.eos) break;
      words.push(lab.vocab.tokens[pick]);
      ctx.push(pick);
    }
    out.push(lab.tokenizer.join(words));
  }
  return out;
}
