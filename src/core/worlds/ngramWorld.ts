import { SEED_CORPUS } from '../corpora/seed';
import { type KneserNey, trainKneserNey } from '../ngram/kneserNey';
import { type SkipGram, skipGramDist, trainSkipGram } from '../ngram/skipgram';
import type { Notice } from '../notices';
import { charTokenizer, VocabBuilder, wordTokenizer } from '../tokenizer';
import type { TokenId, Tokenizer, World } from '../types';
import { ngramModel } from './ngramModel';

/** A corpus ready to train on: its tokeniser, its sequences and whether they end with EOS. */
export interface Corpus {
  readonly name: string;
  readonly tokenizer: Tokenizer;
  /** Token strings per sequence (sentences for the seed corpus, one stream otherwise). */
  readonly sequences: readonly (readonly string[])[];
  /** Sentences end with an end-of-text token (the seed corpus): generation may stop. */
  readonly sentences: boolean;
  /** The prompt used when the user gives none. */
  readonly defaultPrompt: string;
  /** Earlier responses (a scenario's previous turns), for the suffix global cache. */
  readonly history?: readonly string[];
}

/** Treats a text as Chinese (characters) when most of its letters are CJK, else as words. */
export function guessTokenizer(text: string): Tokenizer {
  const sample = text.slice(0, 20000);
  const cjk = (sample.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const letters = (sample.match(/\S/g) ?? []).length;
  return letters > 0 && cjk / letters > 0.3 ? charTokenizer : wordTokenizer;
}

/** The notebook's five sentences. */
export const seedCorpus: Corpus = {
  name: 'seed',
  tokenizer: wordTokenizer,
  sequences: SEED_CORPUS,
  sentences: true,
  defaultPrompt: '',
};

/** A corpus from plain text (built-in zh/en or the user's): one token stream. */
export function textCorpus(name: string, text: string, defaultPrompt = ''): Corpus {
  const tokenizer = guessTokenizer(text);
  return { name, tokenizer, sequences: [tokenizer.split(text)], sentences: false, defaultPrompt };
}

/** Called during training with tokens counted so far and in all. */
export type TrainingProgress = (done: number, total: number) => void;

/** The trained parts shared by every run on the same corpus and orders. */
export interface NgramModels {
  readonly corpus: Corpus;
  readonly vocab: VocabBuilder;
  readonly bos: TokenId;
  readonly eos: TokenId | null;
  readonly target: KneserNey;
  readonly draft: KneserNey;
  /** Skip-gram heads for the Medusa and MTP methods, trained lazily (head i predicts i+1 ahead). */
  readonly heads: SkipGram[];
  readonly seqs: readonly (readonly TokenId[])[];
  readonly history: readonly (readonly TokenId[])[];
}

/** Trains the target (order `order`) and the draft (order `draftOrder`) on the corpus. */
export function trainNgramModels(corpus: Corpus, order: number, draftOrder: number, onProgress?: TrainingProgress): NgramModels {
  const vocab = new VocabBuilder();
  const bos = vocab.add('<s>');
  const eos = corpus.sentences ? vocab.add('</s>') : null;
  const seqs = corpus.sequences.map((s) => {
    const ids = vocab.addAll(s);
    return eos === null ? ids : [...ids, eos];
  });
  const history = (corpus.history ?? []).map((h) => vocab.addAll(corpus.tokenizer.split(h)));
  const size = vocab.tokens.length;
  // Progress: the target's and the draft's counting passes over every token.
  const total = 2 * seqs.reduce((a, s) => a + s.length, 0);
  let done = 0;
  const tick = onProgress
    ? (n: number) => {
        done += n;
        onProgress(done, total);
      }
    : undefined;
  const target = trainKneserNey(seqs, order, size, bos, tick);
  const draft = trainKneserNey(seqs, draftOrder, size, bos, tick);
  onProgress?.(total, total);
  return {
    corpus,
    vocab,
    bos,
    eos,
    target,
    draft,
    heads: [],
    seqs,
    history,
  };
}

/** Context length each skip-gram head reads. */
const HEAD_CONTEXT = 2;

/** Head i of the models, trained on first use (only the Medusa and MTP methods need them). */
function headOf(models: NgramModels, i: number): SkipGram {
  const heads = models.heads as SkipGram[];
  while (heads.length <= i) heads.push(trainSkipGram(models.seqs, HEAD_CONTEXT, heads.length, models.vocab.tokens.length, models.bos));
  return heads[i];
}

/** A world over trained n-gram models: KN target and a weaker KN draft, same vocabulary. */
export function ngramWorld(models: NgramModels, temperature: number, topP: number, promptText: string): World {
  const { corpus, vocab } = models;
  const promptTokens = corpus.tokenizer.split(promptText === '' ? corpus.defaultPrompt : promptText);
  const unknown = promptTokens.filter((t) => !vocab.ids.has(t));
  const prompt = promptTokens.filter((t) => vocab.ids.has(t)).map((t) => vocab.ids.get(t) as TokenId);
  const notes: Notice[] = unknown.length > 0 ? [{ code: 'promptDropped', tokens: unknown.slice(0, 5).join(' ') }] : [];
  return {
    kind: 'ngram',
    vocab,
    tokenizer: corpus.tokenizer,
    target: ngramModel(models.target, temperature, topP),
    draft: ngramModel(models.draft, temperature, topP),
    // Medusa head i: a skip-gram predicting len + i from ctx[0..len) only (parallel).
    medusaHeads: (head, ctx, len) => skipGramDist(headOf(models, head), ctx, len, models.bos, temperature, topP),
    // MTP module: one next-token predictor (skip 0) run on the context including this step's
    // drafts, once per drafted token (chained); like vLLM, one module is reused at every depth.
    mtpModules: (_module, ctx, len) => skipGramDist(headOf(models, 0), ctx, len, models.bos, temperature, topP),
    history: models.history,
    prompt,
    eos: models.eos,
    maxNewTokens: Infinity,
    notes,
  };
}
