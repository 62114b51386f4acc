import { hashString } from '../hash';
import type { SimParams } from '../params';
import { SCENARIOS } from '../scenarios';
import type { World } from '../types';
import { type Corpus, type NgramModels, ngramWorld, seedCorpus, type TrainingProgress, textCorpus, trainNgramModels } from './ngramWorld';
import { seedWorld } from './seedWorld';
import { syntheticBank, syntheticPrompt, syntheticWorld } from './syntheticWorld';

/** Default prompts of the built-in corpora. */
const DEFAULT_PROMPTS: Readonly<Record<string, string>> = { en: 'the draft model', zh: '投机推理' };

/** The world's heavy parts, built once per setting; `at` makes the world of one run. */
export interface PreparedWorld {
  at(runSeed: string): World;
}

/** Texts of the corpora the driver can supply (the core does no I/O). */
export type CorpusTexts = Partial<Record<'zh' | 'en' | 'custom', string>>;

/** Trained n-gram models, memoised: training is the slow part and runs share it. */
const trained = new Map<string, NgramModels>();

function corpusFor(params: SimParams, texts: CorpusTexts): Corpus {
  if (params.scenario !== 'none') {
    const sc = SCENARIOS[params.scenario];
    // The target learns the task's answer after its prompt (so it can copy from the prompt).
    return { ...textCorpus(`scenario:${sc.name}`, `${sc.prompt}\n\n${sc.reference}`, sc.prompt), history: sc.history };
  }
  if (params.corpus === 'seed') return seedCorpus;
  const text = texts[params.corpus];
  if (text === undefined || text.trim() === '') throw new Error(`corpus "${params.corpus}" has no text`);
  return textCorpus(params.corpus, text, DEFAULT_PROMPTS[params.corpus] ?? '');
}

/** Builds the shared parts of the world that `params` describe. */
export function prepareWorld(params: SimParams, texts: CorpusTexts = {}, onProgress?: TrainingProgress): PreparedWorld {
  // A scenario is a task for the n-gram world, whatever world was chosen.
  switch (params.scenario !== 'none' ? 'ngram' : params.world) {
    case 'seed':
      return { at: () => seedWorld(params.draftAccuracy, params.prompt) };
    case 'synthetic': {
      const headAlphas = Array.from({ length: params.heads }, (_, i) => params.alpha * params.headDecay ** i);
      const bank = syntheticBank(params.vocab, params.alpha, params.temperature, params.topP, hashString(`bank:${params.seed}`), headAlphas);
      const { prompt, notes } = syntheticPrompt(bank, params.prompt);
      return { at: (runSeed) => syntheticWorld(bank, runSeed, prompt, notes) };
    }
    case 'ngram': {
      const corpus = corpusFor(params, texts);
      const text = params.scenario !== 'none' ? params.scenario : corpus === seedCorpus ? 'seed' : (texts[params.corpus as 'zh' | 'en' | 'custom'] ?? '');
      const key = `${params.scenario}:${params.corpus}:${hashString(text)}:${text.length}:${params.order}:${params.draftOrder}`;
      let models = trained.get(key);
      if (models === undefined) {
        models = trainNgramModels(corpus, params.order, params.draftOrder, onProgress);
        if (trained.size >= 4) trained.clear();
        trained.set(key, models);
      }
      const m = models;
      const world = ngramWorld(m, params.temperature, params.topP, params.prompt);
      return { at: () => world };
    }
    case 'model':
      // Real models answer asynchronously: src/real builds their runs (runStepsAsync).
      throw new Error('the model world runs real language models: use the real-model engine (src/real), not prepareWorld');
  }
}
