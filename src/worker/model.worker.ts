/// <reference lib="webworker" />
// The real-model worker: transformers.js (through src/real) loads and runs the models here, never
// on the page's main thread. The simulation worker (sim.worker.ts) is separate and unchanged.
import { loadPair } from '../real/loadPair';
import { ModelHost } from './modelHost';
import type { FromModel, ToModel } from './modelProtocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

interface GpuLike {
  requestAdapter(): Promise<{ features: { has(f: string): boolean } } | null>;
}

const host = new ModelHost({
  // fp16 is not in the adapter's list of formats but is a transformers.js dtype: passed as is.
  load: (req) => loadPair({ ...req, dtype: req.dtype as Parameters<typeof loadPair>[0]['dtype'] }),
  probe: async () => {
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
    return { webgpu: adapter !== null, shaderF16: adapter?.features.has('shader-f16') ?? false };
  },
  online: () => navigator.onLine,
  clock: () => performance.now(),
  post: (m: FromModel) => ctx.postMessage(m),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

ctx.onmessage = (e: MessageEvent<ToModel>) => {
  void host.handle(e.data);
};
