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

interface ConfigFacts {
  /** Logit width (config vocab_size), null when absent. */
  vocab: number | null;
  /** The dtype the model's author declares for transformers.js (config["transformers.js_config"].dtype). */
  dtype: string | null;
}

async function readConfig(source: string, path: string, local: boolean): Promise<ConfigFacts> {
  try {
    const config = (await AutoConfig.from_pretrained(path, { local_files_only: local })) as unknown as {
      vocab_size?: number;
      'transformers.js_config'?: { dtype?: unknown };
    };
    const dtype = config['transformers.js_config']?.dtype;
    return { vocab: typeof config.vocab_size === 'number' ? config.vocab_size : null, dtype: typeof dtype === 'string' ? dtype : null };
  } catch (e) {
    throw explainLoadError(e, source, 'config', local);
  }
}

/** dtype auto: the model's declared dtype first when the device allows it, then the placement's order. */
function dtypeOrder(placement: Placement, declared: string | null): Placement['dtypes'] {
  const ds = placement.dtypes;
  const first = ds.find((d) => d === declared);
  return first && ds.length > 1 ? [first, ...ds.filter((d) => d !== first)] : ds;
}

async function loadModel(source: string, placement: Placement, opts: LoadPairOptions, facts: ConfigFacts, fallbackVocab: number): Promise<CausalLm> {
  const local = isLocalSource(source);
  const path = modelPath(source, opts.siteBase);
  const vocab = facts.vocab;
  let lastError: unknown = null;
  for (const dtype of dtypeOrder(placement, facts.dtype)) {
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
  configureEnv();
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };
  // config.json first: a missing folder is reported as such, not as a tokenizer failure.
  const tFacts = await readConfig(target, modelPath(target, opts.siteBase), isLocalSource(target));
  const targetTok = await loadTokenizer(target, modelPath(target, opts.siteBase), isLocalSource(target), opts);
  check();
  let dFacts: ConfigFacts | null = null;
  if (draft !== null) {
    dFacts = await readConfig(draft, modelPath(draft, opts.siteBase), isLocalSource(draft));
    const draftTok = await loadTokenizer(draft, modelPath(draft, opts.siteBase), isLocalSource(draft), opts);
    const diff =
      vocabularyDifference(draftTok, targetTok) ??
      (dFacts.vocab !== tFacts.vocab ? `the draft's logits have ${dFacts.vocab} entries, the target's ${tFacts.vocab}` : null);
    if (diff)
      throw loadError(
        `Draft "${draft}" and target "${target}" do not share a vocabulary: ${diff}. Speculative decoding needs one tokenizer; pick two models of the same family.`,
        null,
      );
    check();
  }
  const tokenizer = wrapTokenizer(targetTok);
  const targetLm = await loadModel(target, await resolvePlacement(opts.device, opts.dtype, isLocalSource(target)), opts, tFacts, tokenizer.vocabSize);
  let draftLm: CausalLm | null = null;
  try {
    check();
    if (draft !== null && dFacts) {
      draftLm = await loadModel(draft, await resolvePlacement(opts.device, opts.dtype, isLocalSource(draft)), opts, dFacts, tokenizer.vocabSize);
      check();
    }
  } catch (e) {
    await targetLm.dispose();
    await draftLm?.dispose();
    throw e;
  }
  return { target: targetLm, draft: draftLm, tokenizer };
}
