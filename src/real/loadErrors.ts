// transformers.js and onnxruntime fail with messages written for their own developers
// ("Cannot read properties of undefined (reading 'tokenizer_class')"). These turn them into
// sentences that say which model, which file and what to do, keeping the original as `cause`.

const FOLDER_FILES = 'config.json, tokenizer.json, tokenizer_config.json and onnx/model{,_q4,_q4f16,_quantized}.onnx';

/** Makes an Error whose message names the model; the original error is its cause. */
export function loadError(message: string, cause: unknown): Error {
  const e = new Error(message);
  (e as Error & { cause?: unknown }).cause = cause;
  return e;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** True when the error says a model file is absent (so dtype auto may try the next format). */
export function isMissingFile(e: unknown): boolean {
  return /file was not found locally|Could not locate file|404/.test(text(e));
}

/** The clear Error for a failed model or tokenizer load of `source` with `dtype`. */
export function explainLoadError(e: unknown, source: string, dtype: string, local: boolean): Error {
  const msg = text(e);
  const missing = msg.match(/not found locally at "([^"]+)"/)?.[1] ?? msg.match(/Could not locate file: "([^"]+)"/)?.[1];
  if (missing) {
    if (/config\.json$/.test(missing) && !/tokenizer/.test(missing))
      return loadError(
        local
          ? `Model folder "${source}" not found or incomplete: no ${missing}. A model folder needs ${FOLDER_FILES}.`
          : `Model "${source}" not found: ${missing} could not be fetched (check the hub id; hub models need the network, a local folder loads offline).`,
        e,
      );
    return loadError(`Model "${source}" has no ${dtype} weights or a file is missing: ${missing}. A model folder needs ${FOLDER_FILES}.`, e);
  }
  if (/tokenizer_class|tokenizer\.json|Cannot read properties of undefined/.test(msg))
    return loadError(`Model "${source}": its tokenizer files (tokenizer.json, tokenizer_config.json) are missing or unreadable.`, e);
  if (/Protobuf parsing failed|Load model from .* failed|invalid model|ONNX format|onnx model/i.test(msg))
    return loadError(
      `The ONNX file of "${source}" (${dtype}) is corrupt or not an ONNX model (or missing, on a server that answers missing files with a web page): ${msg}`,
      e,
    );
  const type = msg.match(/Unsupported model type: ?(\S+)/)?.[1];
  if (type) return loadError(`"${source}" has model_type "${type}", which transformers.js 4.3.2 cannot run as a causal language model.`, e);
  if (/out of memory|\bOOM\b|allocation failed|Failed to allocate|Array buffer allocation/i.test(msg))
    return loadError(`Out of memory loading "${source}" (${dtype}): try a smaller model or dtype q4.`, e);
  if (/JSON|Unexpected token/.test(msg)) return loadError(`"${source}": a configuration file is not valid JSON (${msg}).`, e);
  if (/fetch failed|NetworkError|Failed to fetch|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(msg))
    return loadError(`Could not download "${source}": ${msg}. Hub models need the network; a local folder loads offline.`, e);
  return loadError(`Could not load "${source}" (${dtype}): ${msg}`, e);
}
