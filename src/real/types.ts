/**
 * The real-model adapter's interface: what the engine needs from a causal LM with a KV cache and
 * its tokenizer. transformers.js sits behind it (src/real/transformers*.ts); the engine and the
 * core know only these shapes.
 */

/** A causal language model with a KV cache, one forward at a time. */
export interface CausalLm {
  readonly id: string;
  readonly vocabSize: number;
  /** Crops the cache to its first `from` tokens, runs one forward over `tokens` appended after
   * them and returns the raw logits (float32, vocabSize each) of every new position, with the
   * forward's wall time in ms. */
  forward(tokens: readonly number[], from: number): Promise<{ logits: Float32Array[]; ms: number }>;
  /** Logits of every position of `tokens`, computed from scratch without the cache. */
  recompute(tokens: readonly number[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/** A model's tokenizer, as the engine uses it. */
export interface LmTokenizer {
  readonly vocabSize: number;
  /** End-of-text token id (null: none). */
  readonly eos: number | null;
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** A token's text for display (leading spaces and newlines kept). */
  piece(id: number): string;
  /** The prompt wrapped in the model's chat template, or null when it has none. */
  chat(prompt: string): number[] | null;
}
