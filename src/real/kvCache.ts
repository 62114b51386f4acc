// The KV cache as transformers.js hands it over: a plain record of tensors named
// past_key_values.{layer}.key/value, each [batch = 1, kv_heads, seq, head_dim]. transformers.js
// has no crop; cropping is a copy of the first `length` positions of every head. On WebGPU the
// tensors live on the GPU: they are cut there by a Slice graph (gpuSlice.ts); if that fails, they
// are downloaded, sliced on the CPU and fed back as CPU tensors (onnxruntime uploads them at the
// next run). Either way the replaced GPU buffer is disposed.
import { Tensor } from '@huggingface/transformers';
import { sliceOnGpu } from './gpuSlice';

/** Set after the first failure of the GPU slice: later crops go straight to the CPU path. */
let gpuSliceFailed = false;

/** Tensors cropped so far by path (for the page and the benchmark: is the GPU path in use?). */
export const cropCounts = { gpu: 0, download: 0, cpu: 0 };

/** Cache tensors by input name (past_key_values.*). */
export type KvCache = Record<string, Tensor>;

/** Renames a forward's present.* outputs to the past_key_values.* inputs of the next forward. */
export function cacheFromOutputs(outputs: Record<string, Tensor>): KvCache {
  const cache: KvCache = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (name.startsWith('present')) cache[name.replace('present', 'past_key_values')] = t;
  }
  return cache;
}

/** Sequence length held by the cache (0 when empty). */
export function cacheLength(cache: KvCache | null): number {
  if (!cache) return 0;
  for (const t of Object.values(cache)) return t.dims[2];
  return 0;
}

type Typed = Float32Array | Uint16Array | Int32Array | Float64Array;

/** Copies positions [0, length) of a [1, H, L, D] array. */
function cropData(data: Typed, dims: readonly number[], length: number): Typed {
  const [, heads, seq, dim] = dims;
  const Ctor = data.constructor as new (n: number) => Typed;
  const out = new Ctor(heads * length * dim);
  for (let h = 0; h < heads; h++) out.set(data.subarray(h * seq * dim, h * seq * dim + length * dim), h * length * dim);
  return out;
}

async function cropTensor(t: Tensor, length: number): Promise<Tensor> {
  const dims = [...t.dims];
  let data: Typed;
  if (t.location === 'gpu-buffer' && !gpuSliceFailed) {
    try {
      const cut = new Tensor(await sliceOnGpu(t, length));
      t.dispose();
      cropCounts.gpu++;
      return cut;
    } catch (e) {
      gpuSliceFailed = true;
      console.warn('KV cache: slicing on the GPU failed, cropping through the CPU from now on:', e);
    }
  }
  if (t.location === 'gpu-buffer') {
    // Download, then free the GPU copy: the cropped tensor goes back as a CPU tensor.
    data = (await t.ort_tensor.getData()) as Typed;
    t.dispose();
    cropCounts.download++;
  } else {
    data = t.data as Typed;
    cropCounts.cpu++;
  }
  return new Tensor(t.type as 'float32', cropData(data, dims, length) as Float32Array, [dims[0], dims[1], length, dims[3]]);
}

/** The cache cut to its first `length` positions (null for 0); tensors already that short are kept. */
export async function cropCache(cache: KvCache | null, length: number): Promise<KvCache | null> {
  if (!cache) return null;
  if (length === 0) {
    await disposeCache(cache);
    return null;
  }
  const out: KvCache = {};
  for (const [name, t] of Object.entries(cache)) out[name] = t.dims[2] === length ? t : await cropTensor(t, length);
  return out;
}

/** Frees GPU buffers of a cache no longer used (CPU tensors are left to the garbage collector). */
export async function disposeCache(cache: KvCache | null, keep?: KvCache | null): Promise<void> {
  if (!cache) return;
  const kept = new Set(Object.values(keep ?? {}));
  for (const t of Object.values(cache)) if (t.location === 'gpu-buffer' && !kept.has(t)) t.dispose();
}
