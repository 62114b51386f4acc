/**
 * The model pairs the page offers, as data: hub ids and download sizes per dtype (sizes of the
 * `onnx/` files on the hub, from ../../shared/reference/real-models.md; MB = 10^6 bytes), and the
 * rules for what a model reference may be. No tensors, no fetches: the page reads it before
 * anything is downloaded.
 */

/** A dtype a model can be loaded in (the page also offers 'auto'). */
export type ModelDtype = 'fp32' | 'fp16' | 'q4' | 'q4f16' | 'q8';

/** One model of the catalogue with its known download sizes, bytes (missing: not measured). */
export interface CatalogueModel {
  readonly id: string;
  readonly sizes: Readonly<Partial<Record<ModelDtype, number>>>;
}

/** A tested pair that shares a tokenizer. */
export interface CataloguePair {
  readonly id: string;
  /** Short name for lists: draft → target. */
  readonly label: string;
  readonly target: string;
  readonly draft: string;
}

const MB = 1e6;
const GB = 1e9;

/** Every catalogue model with its onnx/ sizes per dtype. */
export const CATALOGUE_MODELS: readonly CatalogueModel[] = [
  { id: 'HuggingFaceTB/SmolLM2-135M-Instruct', sizes: { q4f16: 134 * MB, q4: 200 * MB } },
  { id: 'HuggingFaceTB/SmolLM2-360M-Instruct', sizes: { q4f16: 299 * MB, q4: 417 * MB } },
  { id: 'HuggingFaceTB/SmolLM2-1.7B-Instruct', sizes: { q4f16: 1.11 * GB, q4: 1.41 * GB } },
  { id: 'onnx-community/Qwen2.5-0.5B-Instruct', sizes: { q4f16: 483 * MB, q4: 786 * MB } },
  { id: 'onnx-community/Qwen2.5-1.5B-Instruct', sizes: { q4f16: 1.22 * GB, q4: 1.79 * GB } },
];

/** The pairs, default first: SmolLM2-135M drafting for SmolLM2-360M. */
export const CATALOGUE_PAIRS: readonly CataloguePair[] = [
  { id: 'smol-360m', label: 'SmolLM2 135M → 360M', target: 'HuggingFaceTB/SmolLM2-360M-Instruct', draft: 'HuggingFaceTB/SmolLM2-135M-Instruct' },
  { id: 'smol-1.7b', label: 'SmolLM2 135M → 1.7B', target: 'HuggingFaceTB/SmolLM2-1.7B-Instruct', draft: 'HuggingFaceTB/SmolLM2-135M-Instruct' },
  { id: 'qwen-1.5b', label: 'Qwen2.5 0.5B → 1.5B', target: 'onnx-community/Qwen2.5-1.5B-Instruct', draft: 'onnx-community/Qwen2.5-0.5B-Instruct' },
];

/** The catalogue pair with this target and draft, or null (two ids typed in). */
export function findPair(target: string, draft: string): CataloguePair | null {
  return CATALOGUE_PAIRS.find((p) => p.target === target && p.draft === draft) ?? null;
}

/** Download size of one model in one dtype, bytes; null when the catalogue does not know it. */
export function modelSize(id: string, dtype: ModelDtype): number | null {
  return CATALOGUE_MODELS.find((m) => m.id === id)?.sizes[dtype] ?? null;
}

/**
 * The dtype a load uses: 'auto' is q4f16 on WebGPU with shader-f16, q4 otherwise (wasm, or
 * WebGPU without f16), as the engine's issue sets it.
 */
export function resolveDtype(dtype: ModelDtype | 'auto', device: 'webgpu' | 'wasm', shaderF16: boolean): ModelDtype {
  if (dtype !== 'auto') return dtype;
  return device === 'webgpu' && shaderF16 ? 'q4f16' : 'q4';
}

/** The device a load uses, and whether the one asked for was missing (then: wasm, slower). */
export function resolveDevice(device: 'auto' | 'webgpu' | 'wasm', hasWebgpu: boolean): { device: 'webgpu' | 'wasm'; fellBack: boolean } {
  if (device === 'wasm') return { device: 'wasm', fellBack: false };
  if (hasWebgpu) return { device: 'webgpu', fellBack: false };
  return { device: 'wasm', fellBack: true };
}

/** What a model reference is: a hub id, or a folder on the site's own origin. */
export type ModelRef = { kind: 'hub'; id: string } | { kind: 'local'; path: string } | { kind: 'invalid'; reason: 'empty' | 'form' | 'traversal' };

const HUB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const LOCAL = /^\.?\/[A-Za-z0-9._\-/]*$/;

/**
 * Reads a model reference from the link or a text field: `owner/name` (a hub id), or a path
 * starting with `./` or `/` that is fetched from the site itself. Anything else (a URL, `//host`,
 * `..`) is refused, so a link can never make the page fetch from another origin.
 */
export function parseModelRef(raw: string): ModelRef {
  const s = raw.trim();
  if (s === '') return { kind: 'invalid', reason: 'empty' };
  if (s.startsWith('./') || s.startsWith('/')) {
    if (s.startsWith('//') || !LOCAL.test(s)) return { kind: 'invalid', reason: 'form' };
    if (s.split('/').some((part) => part === '..')) return { kind: 'invalid', reason: 'traversal' };
    return { kind: 'local', path: s };
  }
  return HUB_ID.test(s) && !s.includes('..') ? { kind: 'hub', id: s } : { kind: 'invalid', reason: 'form' };
}

/** A load's identity: the same key means the loaded models serve these parameters. */
export function loadKey(p: { targetModel: string; draftModel: string; device: string; dtype: string }): string {
  return JSON.stringify([p.targetModel.trim(), p.draftModel.trim(), p.device, p.dtype]);
}
