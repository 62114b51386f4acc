// The adapter's contract: what the engine may know about a real language model. Nothing here
// names transformers.js, tensors or devices, so the engine (and its tests) can use any
// implementation, including a fake.

/** Result of one forward pass over new tokens. */
export interface ForwardResult {
  /** Raw logits (float32, `vocabSize` each) of the last `keepLast` new positions, in order. */
  logits: Float32Array[];
  /** Wall time of the model's forward pass(es), ms; excludes the crop. */
  ms: number;
  /** Wall time of cropping the cache before the forward, ms (0 when nothing was cropped). */
  cropMs: number;
}

/** A causal language model with its own KV cache, which it crops and extends. */
export interface CausalLm {
  /** The source it was loaded from (hub id or folder) and its dtype, for messages. */
  readonly id: string;
  /** Width of the logits (the model config's vocab_size, may exceed the tokenizer's size). */
  readonly vocabSize: number;
  /** Tokens whose keys/values are in the cache. */
  readonly cachedLength: number;
  /** Where the forwards run: 'cpu' (Node), 'wasm' or 'webgpu' (browser). */
  readonly device: string;
  /** The weights' data type actually loaded (fp32, q4, q4f16, q8). */
  readonly dtype: string;
  /**
   * Crops the cache to `from` tokens (the committed prefix; must be <= cachedLength), runs the
   * model on `tokens` appended after it (prompts longer than the chunk size run as several
   * forwards of at most `chunk` tokens) and returns the logits of the last `keepLast` new positions
   * (default: all of them; a prefill wants 1, so long prompts do not hold V floats per token).
   * Afterwards cachedLength = from + tokens.length.
   */
  forward(tokens: readonly number[], from: number, keepLast?: number): Promise<ForwardResult>;
  /** Logits of every position of `tokens` from scratch, without touching the cache (the first-verify check, tests). */
  recompute(tokens: readonly number[]): Promise<Float32Array[]>;
  /** Empties the cache (cachedLength 0), releasing GPU memory. */
  reset(): Promise<void>;
  /** Releases the cache and the inference session. The model is unusable afterwards. */
  dispose(): Promise<void>;
}

/** The tokenizer the pair shares. */
export interface LmTokenizer {
  /** Token ids of plain text, no special tokens added. */
  encode(text: string): number[];
  /** Text of token ids (special tokens kept). */
  decode(ids: readonly number[]): string;
  /** Display form of one token: a leading space or newline stays visible as such. */
  piece(id: number): string;
  /** Number of tokens the tokenizer knows. */
  readonly vocabSize: number;
  /** End-of-text token id, or null when the tokenizer has none. */
  readonly eos: number | null;
  /** Token ids of `prompt` as one user turn of the chat template plus the assistant header, or null without a template. */
  chat(prompt: string): number[] | null;
}

/** Where to run: auto picks WebGPU (q4f16 with shader-f16, else q4), then wasm q4 in browsers, cpu in Node. */
export type DeviceChoice = 'auto' | 'webgpu' | 'wasm' | 'cpu';
/** Weight format; auto picks by device and falls back to the formats the folder or repo has. */
export type DtypeChoice = 'fp32' | 'q4' | 'q4f16' | 'q8' | 'auto';

/** Download or read progress of one file. */
export interface LoadProgress {
  /** Model source and file name, e.g. "HuggingFaceTB/SmolLM2-135M-Instruct/onnx/model_q4f16.onnx". */
  file: string;
  /** Bytes so far. */
  loaded: number;
  /** Bytes in all (0 when unknown). */
  total: number;
}

/** Options of loadPair. */
export interface LoadPairOptions {
  /** Hub id ("owner/name") or a folder: Node, a filesystem path; browser, a path on the site's origin ("./models/tiny-target"). */
  target: string;
  /** Same for the draft model, or null for methods that need no draft model (n-gram lookup, suffix decoding). */
  draft: string | null;
  device: DeviceChoice;
  dtype: DtypeChoice;
  /** Called as files load. */
  onProgress?: (p: LoadProgress) => void;
  /** Aborts between loading steps; what was loaded is released. */
  signal?: AbortSignal;
  /** Browser only: URL of the site's root (Vite's base), against which relative model folders resolve. Default: derived from location. */
  siteBase?: string;
  /** Tokens per forward when a prompt is longer (default 64). */
  chunk?: number;
}

/** What loadPair returns. */
export interface LoadedPair {
  target: CausalLm;
  draft: CausalLm | null;
  tokenizer: LmTokenizer;
}
