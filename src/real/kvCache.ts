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

/**
 * Positions [0, length) of a [1, H, L, D] array, cut in place: head h's first length x D values
 * move down to h x length x D (copyWithin, increasing h: a move never overwrites what a later
 * head still needs), and the result is a view of the same buffer. No allocation: a fresh array
 * per crop cost ten times the copy. The array must be the cache's own (a forward's output or a
 * download), which nothing else reads.
 */
function cropData(data: Typed, dims: readonly number[], length: number): Typed {
  const [, heads, seq, dim] = dims;
  const n = length * dim;
  const s = seq * dim;
  for (let h = 1; h < heads; h++) data.copyWithin(h * n, h * s, h * s + n);
  return data.subarray(0, heads * n);
}

/** A CPU tensor cut on the CPU, at once (no await: a crop per round is on the hot path). */
function cropOnCpu(t: Tensor, data: Typed, length: number): Tensor {
  const dims = t.dims;
  return new Tensor(t.type as 'float32', cropData(data, dims, length) as Float32Array, [dims[0], dims[1], length, dims[3]]);
}

async function cropGpuTensor(t: Tensor, length: number): Promise<Tensor> {
  if (!gpuSliceFailed) {
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
  // Download, then free the GPU copy: the cropped tensor goes back as a CPU tensor.
  const data = (await t.ort_tensor.getData()) as Typed;
  const cut = cropOnCpu(t, data, length);
  t.dispose();
  cropCounts.download++;
  return cut;
}

/** The cache cut to its first `length` positions (null for 0); tensors already that short are
 * kept. A cache on the CPU is cut synchronously; one on the GPU returns a promise. */
export function cropCache(cache: KvCache | null, length: number): KvCache | null | Promise<KvCache | null> {
  if (!cache) return null;
  if (length === 0) return disposeCache(cache).then(() => null);
  const out: KvCache = {};
  const gpu: [string, Tensor][] = [];
  for (const [name, t] of Object.entries(cache)) {
    if (t.dims[2] === length) out[name] = t;
    else if (t.location === 'gpu-buffer') gpu.push([name, t]);
    else {
      out[name] = cropOnCpu(t, t.data as Typed, length);
      cropCounts.cpu++;
    }
  }
  if (gpu.length === 0) return out;
  return (async () => {
    for (const [name, t] of gpu) out[name] = await cropGpuTensor(t, length);
    return out;
  })();
}

/** Frees GPU buffers of a cache no longer used (CPU tensors are left to the garbage collector). */
export async function disposeCache(cache: KvCache | null, keep?: KvCache | null): Promise<void> {
  if (!cache) return;
  const kept = new Set(Object.values(keep ?? {}));
  for (const t of Object.values(cache)) if (t.location === 'gpu-buffer' && !kept.has(t)) t.dispose();
}
