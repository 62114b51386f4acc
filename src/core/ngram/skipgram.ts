import { shapeDist } from '../dist';
import type { Dist, TokenId } from '../types';
import { contextKey } from './counts';

/**
 * A skip-gram head: P(x_{t+skip} | x_{t-n} .. x_{t-1}), counted over the sequences and
 * smoothed towards the unigram distribution (add-beta). skip 0 is an ordinary (n+1)-gram;
 * larger skips see less of what they predict, so they are weaker, like real MTP/Medusa heads.
 */
export interface SkipGram {
  readonly n: number;
  readonly skip: number;
  readonly counts: Map<string, Map<TokenId, number>>;
  readonly totals: Map<string, number>;
  readonly unigram: Float64Array;
}

/** Pseudo-count of the unigram prior. */
const BETA = 2;

/** Counts a skip-gram head over sequences padded on the left with `bos`. */
export function trainSkipGram(seqs: readonly (readonly TokenId[])[], n: number, skip: number, vocabSize: number, bos: TokenId): SkipGram {
  const counts = new Map<string, Map<TokenId, number>>();
  const totals = new Map<string, number>();
  const unigram = new Float64Array(vocabSize);
  let all = 0;
  for (const s of seqs) {
    const padded = [...new Array<TokenId>(n).fill(bos), ...s];
    for (let t = n; t < padded.length; t++) {
      unigram[padded[t]]++;
      all++;
      if (t + skip >= padded.length) continue;
      const key = contextKey(padded, t, n);
      let m = counts.get(key);
      if (m === undefined) {
        m = new Map();
        counts.set(key, m);
      }
      const y = padded[t + skip];
      m.set(y, (m.get(y) ?? 0) + 1);
      totals.set(key, (totals.get(key) ?? 0) + 1);
    }
  }
  // Unigram with add-one, so every token keeps some mass.
  for (let i = 0; i < vocabSize; i++) unigram[i] = (unigram[i] + 1) / (all + vocabSize);
  unigram[bos] = 0;
  return { n, skip, counts, totals, unigram };
}

/** The head's distribution after ctx[0..len), shaped by temperature and top-p. */
export function skipGramDist(h: SkipGram, ctx: readonly TokenId[], len: number, bos: TokenId, temperature: number, topP: number): Dist {
  const recent: TokenId[] = [];
  for (let i = len - h.n; i < len; i++) recent.push(i < 0 ? bos : ctx[i]);
  const key = contextKey(recent, h.n, h.n);
  const m = h.counts.get(key);
  const total = h.totals.get(key) ?? 0;
  const raw = new Float64Array(h.unigram.length);
  for (let i = 0; i < raw.length; i++) raw[i] = (BETA * h.unigram[i]) / (total + BETA);
  if (m) for (const [y, c] of m) raw[y] += c / (total + BETA);
  raw[bos] = 0;
  return shapeDist(raw, temperature, topP);
}
