// CausalLm over a transformers.js model: direct forwards (no generate()), one per call or per
// prompt chunk, on a KV cache this class owns, crops and extends.
import { type PreTrainedModel, Tensor } from '@huggingface/transformers';
import { cacheFromOutputs, cacheLength, cropCache, disposeCache, type KvCache } from './kvCache';
import type { CausalLm, ForwardResult } from './types';

const ids64 = (tokens: readonly number[]) =>
  new Tensor(
    'int64',
    BigInt64Array.from(tokens, (t) => BigInt(t)),
    [1, tokens.length],
  );
const ones64 = (n: number) => new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);

/** Per-position float32 logits of a [1, S, V] tensor (fp16 converted), last `keep` positions. */
function logitRows(logits: Tensor, keep: number): Float32Array[] {
  const t = logits.type === 'float32' ? logits : logits.to('float32');
  const [, seq, width] = t.dims;
  const data = t.data as Float32Array;
  const rows: Float32Array[] = [];
  // slice, not subarray: a row must not pin the whole [S, V] buffer.
  for (let i = seq - keep; i < seq; i++) rows.push(data.slice(i * width, (i + 1) * width));
  return rows;
}

/** The adapter's model: see CausalLm. */
export class TransformersLm implements CausalLm {
  private cache: KvCache | null = null;
  private disposed = false;
  /** A forward is in flight: the cache is being replaced, a second call would race it. */
  private busy = false;

  constructor(
    private readonly model: PreTrainedModel,
    readonly id: string,
    readonly vocabSize: number,
    readonly device: string,
    readonly dtype: string,
    private readonly chunk: number,
  ) {}

  get cachedLength(): number {
    return cacheLength(this.cache);
  }

  /** One forward on the current cache; the caller has cropped it. */
  private async run(tokens: readonly number[]): Promise<Tensor> {
    const past = this.cache;
    const total = cacheLength(past) + tokens.length;
    // position_ids come from the attention mask inside transformers.js (some families count from 1).
    const out = (await this.model.forward({ input_ids: ids64(tokens), attention_mask: ones64(total), past_key_values: past ?? undefined })) as Record<
      string,
      Tensor
    >;
    const next = cacheFromOutputs(out);
    await disposeCache(past, next);
    this.cache = next;
    return out.logits;
  }

  /** Runs fn alone on this model: onnxruntime sessions take one run at a time, and the cache one writer. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.check();
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  forward(tokens: readonly number[], from: number, keepLast = tokens.length): Promise<ForwardResult> {
    return this.exclusive(() => this.forwardUnguarded(tokens, from, keepLast));
  }

  private async forwardUnguarded(tokens: readonly number[], from: number, keepLast: number): Promise<ForwardResult> {
    const have = this.cachedLength;
    if (!Number.isInteger(from) || from < 0 || from > have) throw new Error(`${this.id}: cannot continue from token ${from}: the cache holds ${have} tokens`);
    if (tokens.length === 0) throw new Error(`${this.id}: forward needs at least one new token`);
    const keep = Math.max(0, Math.min(keepLast, tokens.length));
    const c0 = performance.now();
    if (from < have) {
      const cut = cropCache(this.cache, from);
      this.cache = cut instanceof Promise ? await cut : cut;
    }
    const cropMs = from < have ? performance.now() - c0 : 0;

    const t0 = performance.now();
    const logits: Float32Array[] = [];
    for (let start = 0; start < tokens.length; start += this.chunk) {
      const part = tokens.slice(start, start + this.chunk);
      const out = await this.run(part);
      // Keep only rows among the last `keep` of the whole call.
      const wanted = Math.max(0, start + part.length - (tokens.length - keep));
      if (wanted > 0) logits.push(...logitRows(out, Math.min(wanted, part.length)));
    }
    return { logits, ms: performance.now() - t0, cropMs };
  }

  recompute(tokens: readonly number[]): Promise<Float32Array[]> {
    return this.exclusive(() => this.recomputeUnguarded(tokens));
  }

  private async recomputeUnguarded(tokens: readonly number[]): Promise<Float32Array[]> {
    if (tokens.length === 0) return [];
    const out = (await this.model.forward({ input_ids: ids64(tokens), attention_mask: ones64(tokens.length) })) as Record<string, Tensor>;
    await disposeCache(cacheFromOutputs(out));
    return logitRows(out.logits, tokens.length);
  }

  async reset(): Promise<void> {
    if (this.busy) throw new Error(`${this.id}: a forward is already running on this model (await it first)`);
    await disposeCache(this.cache);
    this.cache = null;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await disposeCache(this.cache);
    this.cache = null;
    await this.model.dispose();
  }

  private check(): void {
    if (this.disposed) throw new Error(`${this.id}: the model was disposed`);
    if (this.busy) throw new Error(`${this.id}: a forward is already running on this model (await it first)`);
  }
}
