// Cropping a KV-cache tensor that lives on the GPU without a round trip through the CPU: a
// one-node ONNX Slice graph run by the same onnxruntime-web instance (and so the same WebGPU
// device) as the model, with its output kept on the GPU. Browser + WebGPU only; the caller falls
// back to download-slice-upload if this throws.
import type { Tensor } from '@huggingface/transformers';

// The Slice graph of transformers.js' TensorOpRegistry (inputs x, s, e, a, t; output y; opset 13),
// with x and y float32. ELEM marks the two element-type bytes patched for float16 caches.
const SLICE_F32 = [
  8, 7, 18, 0, 58, 96, 10, 25, 10, 1, 120, 10, 1, 115, 10, 1, 101, 10, 1, 97, 10, 1, 116, 18, 1, 121, 34, 5, 83, 108, 105, 99, 101, 18, 1, 114, 90, 9, 10, 1,
  120, 18, 4, 10, 2, 8, 1, 90, 9, 10, 1, 115, 18, 4, 10, 2, 8, 7, 90, 9, 10, 1, 101, 18, 4, 10, 2, 8, 7, 90, 9, 10, 1, 97, 18, 4, 10, 2, 8, 7, 90, 9, 10, 1,
  116, 18, 4, 10, 2, 8, 7, 98, 9, 10, 1, 121, 18, 4, 10, 2, 8, 1, 66, 2, 16, 13,
];
const ELEM = [46, 101]; // indices of x's and y's elem_type (1 = float, 10 = float16)

type OrtTensor = Tensor['ort_tensor'];
interface SliceSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>;
}
interface OrtModule {
  InferenceSession: { create(bytes: Uint8Array, opts: object): Promise<SliceSession> };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
}

const sessions = new Map<string, Promise<SliceSession>>();

async function ort(): Promise<OrtModule> {
  // The module transformers.js' browser build imports, so the bundler hands us the same instance.
  return (await import('onnxruntime-web/webgpu')) as unknown as OrtModule;
}

function session(type: string): Promise<SliceSession> {
  let s = sessions.get(type);
  if (!s) {
    s = ort().then((m) => {
      const bytes = Uint8Array.from(SLICE_F32);
      for (const i of ELEM) bytes[i] = type === 'float16' ? 10 : 1;
      return m.InferenceSession.create(bytes, { executionProviders: ['webgpu'], preferredOutputLocation: 'gpu-buffer' });
    });
    sessions.set(type, s);
  }
  return s;
}

/** The first `length` positions (axis 2) of a GPU tensor [1, H, L, D], as a new GPU tensor (ort). */
export async function sliceOnGpu(t: Tensor, length: number): Promise<OrtTensor> {
  if (t.type !== 'float32' && t.type !== 'float16') throw new Error(`no GPU slice for ${t.type}`);
  const m = await ort();
  const i64 = (v: number) => new m.Tensor('int64', BigInt64Array.of(BigInt(v)), [1]);
  const out = await (await session(t.type)).run({ x: t.ort_tensor, s: i64(0), e: i64(length), a: i64(2), t: i64(1) });
  return out.y;
}
