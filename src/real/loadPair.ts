// Loads a target and an optional draft model that share a tokenizer. Small files first
// (configs, tokenizers), so a pair with different vocabularies is refused before any weights
// are downloaded; then the weights, trying the dtypes the placement allows in order.
import { AutoConfig, AutoModelForCausalLM, AutoTokenizer, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import { TransformersLm } from './causalLm';
import { explainLoadError, isMissingFile, loadError } from './loadErrors';
import { configureEnv, isLocalSource, modelPath, type Placement, resolvePlacement } from './placement';
import { vocabularyDifference, wrapTokenizer } from './tokenizer';
import type { CausalLm, LoadedPair, LoadPairOptions, LoadProgress } from './types';

/** Tokens per forward when a prompt is longer: bounds a prefill's activation memory. */
const DEFAULT_CHUNK = 64;

type ProgressInfo = { status: string; name?: string; file?: string; loaded?: number; total?: number };

function progressCallback(onProgress?: (p: LoadProgress) => void) {
  if (!onProgress) return undefined;
  return (info: ProgressInfo) => {
    if (info.status === 'progress' && info.file) onProgress({ file: `${info.name}/${info.file}`, loaded: info.loaded ?? 0, total: info.total ?? 0 });
  };
}

function cancelled(): Error {
  const e = new Error('Loading was cancelled.');
  e.name = 'AbortError';
  return e;
}

async function loadTokenizer(source: string, path: string, local: boolean, opts: LoadPairOptions): Promise<PreTrainedTokenizer> {
  try {
    return await AutoTokenizer.from_pretrained(path, { local_files_only: local, progress_callback: progressCallback(opts.onProgress) });
  } catch (e) {
    throw explainLoadError(e, source, 'tokenizer', local);
  }
}

async function vocabOf(source: string, path: string, local: boolean): Promise<number | null> {
  try {
    const config = (await AutoConfig.from_pretrained(path, { local_files_only: local })) as unknown as { vocab_size?: number };
    return typeof config.vocab_size === 'number' ? config.vocab_size : null;
  } catch (e) {
    throw explainLoadError(e, source, 'config', local);
  }
}

async function loadModel(source: string, placement: Placement, opts: LoadPairOptions, vocab: number | null, fallbackVocab: number): Promise<CausalLm> {
  const local = isLocalSource(source);
  const path = modelPath(source, opts.siteBase);
  let lastError: unknown = null;
  for (const dtype of placement.dtypes) {
    let model: PreTrainedModel;
    try {
      model = await AutoModelForCausalLM.from_pretrained(path, {
        dtype,
        device: placement.device,
        local_files_only: local,
        progress_callback: progressCallback(opts.onProgress),
      });
    } catch (e) {
      lastError = e;
      // dtype auto: a folder or repo without this format may have the next one.
      if (placement.dtypes.length > 1 && isMissingFile(e) && !/config\.json/.test(String(e))) continue;
      throw explainLoadError(e, source, dtype, local);
    }
    const session = (model as unknown as { sessions: Record<string, { inputNames: string[]; outputNames: string[] }> }).sessions.model;
    if (!session?.inputNames.some((n) => n.startsWith('past_key_values.')) || !session.outputNames.includes('logits')) {
      await model.dispose();
      throw new Error(`"${source}" is not a decoder with a KV cache (no past_key_values.* inputs or no logits output): export it with past key values.`);
    }
    return new TransformersLm(model, `${source} (${dtype})`, vocab ?? fallbackVocab, placement.device, dtype, opts.chunk ?? DEFAULT_CHUNK);
  }
  throw explainLoadError(lastError, source, placement.dtypes.join('/'), local);
}

/**
 * Loads the target (and the draft, if given) and their shared tokenizer. Refuses pairs whose
 * vocabularies differ (token strings and logit widths), with an Error naming both models.
 * Every failure is an Error with a message fit for the user; nothing stays loaded after one.
 */
export async function loadPair(opts: LoadPairOptions): Promise<LoadedPair> {
  const { target, draft, signal } = opts;
  configureEnv(opts.siteBase);
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };
  const tLocal = isLocalSource(target);
  const tPath = modelPath(target, opts.siteBase);
  // config.json first: a missing folder is reported as such, not as a tokenizer failure.
  const tVocab = await vocabOf(target, tPath, tLocal);
  const targetTok = await loadTokenizer(target, tPath, tLocal, opts);
  check();
  if (draft !== null) {
    const dLocal = isLocalSource(draft);
    const dPath = modelPath(draft, opts.siteBase);
    const dVocab = await vocabOf(draft, dPath, dLocal);
    const draftTok = await loadTokenizer(draft, dPath, dLocal, opts);
    const diff = vocabularyDifference(draftTok, targetTok) ?? (dVocab !== tVocab ? `the draft's logits have ${dVocab} entries, the target's ${tVocab}` : null);
    if (diff)
      throw loadError(
        `Draft "${draft}" and target "${target}" do not share a vocabulary: ${diff}. Speculative decoding needs one tokenizer; pick two models of the same family.`,
        null,
      );
    check();
  }
  const tokenizer = wrapTokenizer(targetTok);
  const tPlace = await resolvePlacement(opts.device, opts.dtype, tLocal);
  const targetLm = await loadModel(target, tPlace, opts, tVocab, tokenizer.vocabSize);
  let draftLm: CausalLm | null = null;
  try {
    check();
    if (draft !== null) {
      const dPlace = await resolvePlacement(opts.device, opts.dtype, isLocalSource(draft));
      draftLm = await loadModel(draft, dPlace, opts, tVocab, tokenizer.vocabSize);
      check();
    }
  } catch (e) {
    await targetLm.dispose();
    await draftLm?.dispose();
    throw e;
  }
  return { target: targetLm, draft: draftLm, tokenizer };
}
