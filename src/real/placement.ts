// Where models come from and where they run: sources (hub id or folder), transformers.js'
// environment (local/remote files, onnxruntime's wasm from the site itself), and the device and
// dtype a choice resolves to.
import { env } from '@huggingface/transformers';
import type { DeviceChoice, DtypeChoice } from './types';

/** True in Node (the runner, tests); false in browsers and workers. */
export const IN_NODE = typeof process !== 'undefined' && process.versions?.node !== undefined && typeof window === 'undefined';

/**
 * A folder starts with '.', '/' or '~', or has a backslash or more than one '/'; anything else
 * ("owner/name", "gpt2") is a hub id.
 */
export function isLocalSource(source: string): boolean {
  return /^[./~]/.test(source) || source.includes('\\') || (source.match(/\//g)?.length ?? 0) > 1;
}

/** The site's root URL: given, or the worker/page URL cut before Vite's assets/ folder. */
export function siteBaseUrl(given?: string): string {
  if (given) return new URL(given, globalThis.location?.href).href;
  const here = globalThis.location?.href ?? 'http://localhost/';
  const cut = here.indexOf('/assets/');
  return cut >= 0 ? here.slice(0, cut + 1) : new URL('./', here).href;
}

/** What transformers.js is given as the model id: Node, the path as is; browser, a folder becomes an absolute path on this origin. */
export function modelPath(source: string, siteBase?: string): string {
  if (IN_NODE || !isLocalSource(source)) return source;
  return new URL(source, siteBaseUrl(siteBase)).pathname.replace(/\/$/, '');
}

/**
 * Sets transformers.js' environment for a load: local folders and hub ids both allowed, and in
 * browsers onnxruntime's wasm from the site. transformers.js points wasmPaths at a CDN when it is
 * imported; an empty object replaces that (paths someone else set are kept), and onnxruntime-web's
 * bundled build then loads
 * `new URL('ort-wasm-simd-threaded.asyncify.wasm', import.meta.url)`, which Vite emits into
 * assets/ (build) or serves from node_modules (dev). Checked in Chromium: no other host is asked.
 */
export function configureEnv(): void {
  env.allowLocalModels = true;
  env.allowRemoteModels = true;
  if (!IN_NODE) {
    const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown } };
    const paths = onnx.wasm?.wasmPaths;
    if (onnx.wasm && (!paths || JSON.stringify(paths).includes('cdn.jsdelivr.net'))) onnx.wasm.wasmPaths = {};
  }
}

/** A resolved device and the dtypes to try in order (more than one only for dtype auto). */
export interface Placement {
  device: 'cpu' | 'wasm' | 'webgpu';
  dtypes: Exclude<DtypeChoice, 'auto'>[];
}

interface GpuLike {
  requestAdapter(): Promise<{ features: { has(f: string): boolean } } | null>;
}

async function webGpuAdapter(): Promise<{ f16: boolean } | null> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    return adapter ? { f16: adapter.features.has('shader-f16') } : null;
  } catch {
    return null;
  }
}

/** Resolves device and dtype choices; throws a clear Error for WebGPU without an adapter or wasm in Node. */
export async function resolvePlacement(device: DeviceChoice, dtype: DtypeChoice, local: boolean): Promise<Placement> {
  const pick = (auto: Placement['dtypes']): Placement['dtypes'] => (dtype === 'auto' ? auto : [dtype]);
  if (IN_NODE) {
    if (device === 'wasm') throw new Error('Device wasm runs in browsers; in Node use cpu (or auto).');
    if (device === 'webgpu') return { device: 'webgpu', dtypes: pick(['q4', 'fp32']) };
    // Local folders (the tiny pair) are usually fp32; hub downloads prefer the small q4 files.
    return { device: 'cpu', dtypes: pick(local ? ['fp32', 'q4', 'q8'] : ['q4', 'q8', 'fp32']) };
  }
  if (device === 'webgpu' || device === 'auto') {
    const gpu = await webGpuAdapter();
    if (gpu) return { device: 'webgpu', dtypes: pick(gpu.f16 ? ['q4f16', 'q4', 'fp32'] : ['q4', 'fp32']) };
    if (device === 'webgpu') throw new Error('WebGPU is not available here (no navigator.gpu or no adapter): choose wasm.');
  }
  return { device: 'wasm', dtypes: pick(['q4', 'q8', 'fp32']) };
}
