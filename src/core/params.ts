import { type Notice, noticeText } from './notices';
import type { AcceptanceRule, MethodKind, WorldKind } from './types';

/** Built-in corpora; `custom` means a text supplied by the driver (file or pasted). */
export type CorpusName = 'seed' | 'zh' | 'en' | 'custom';

/**
 * Every parameter of a run, flat, with the names the URL hash and the runner share.
 * Times in ms; costRatio and verifyCost are fractions of one target pass.
 */
export interface SimParams {
  /** 'model': real language models (runner now; the page's model world next). */
  world: WorldKind | 'model';
  corpus: CorpusName;
  /** Prompt text ('' = the world's own prompt). */
  prompt: string;
  method: MethodKind;
  /** num_speculative_tokens, 1..16. */
  gamma: number;
  /** Tokens to generate (the last step counts in full). */
  length: number;
  /** 0 = greedy. */
  temperature: number;
  topP: number;
  /** Synthetic world: sum_x min(p, q) at every position. */
  alpha: number;
  /** Synthetic world: vocabulary size. */
  vocab: number;
  /** Seed world: probability that the draft copies the right character. */
  draftAccuracy: number;
  /** N-gram world: target order (3..5) and draft order (1..2). */
  order: number;
  draftOrder: number;
  /** ms per target forward pass. */
  targetMs: number;
  /** Draft cost per drafted token, as a fraction of a target pass (Leviathan's c). */
  costRatio: number;
  /** Verification cost per extra token checked, as a fraction of a target pass. */
  verifyCost: number;
  acceptance: AcceptanceRule;
  /** How model-based chain drafters (draft model, MTP, Medusa heads) pick their tokens:
   * 'sampled' from q and verified with min(1, p/q) (Leviathan), or 'argmax' and verified as a
   * point mass, accept with probability p(x) (vLLM v1's default, draft_sample_method "greedy"). */
  draftSampling: 'sampled' | 'argmax';
  seed: number;
  /** ngram: vLLM prompt_lookup_min / prompt_lookup_max (0 = not set: vLLM's defaulting). */
  lookupMin: number;
  lookupMax: number;
  /** suffix: suffix_decoding_max_tree_depth, _max_spec_factor, _min_token_prob. */
  maxDepth: number;
  specFactor: number;
  minTokenProb: number;
  /** mtp / medusa: number of MTP modules or Medusa heads, and (synthetic world) each next
   * one's acceptance factor. */
  heads: number;
  headDecay: number;
  /** tree: SGLang speculative-eagle-topk, speculative-num-steps, speculative-num-draft-tokens. */
  topk: number;
  depth: number;
  draftTokens: number;
  /** tree: deterministic top-k children, or children sampled from the draft. */
  treeMode: 'topk' | 'sample';
  /** A built-in task (prompt, reference output, earlier turns) or none. */
  scenario: ScenarioName;
  /** Roofline helper: sequences per batch, accelerator, model sizes (billions of parameters)
   * and bytes per parameter. They derive targetMs, costRatio and verifyCost when applied. */
  batch: number;
  hardware: 'h100' | 'h200';
  modelB: number;
  draftB: number;
  bytesPerParam: number;
  /** Model world: hub ids or local folders of the target and the draft model. */
  targetModel: string;
  draftModel: string;
  /** Model world: where the forwards run (auto: WebGPU if there, else wasm; Node: CPU). */
  device: 'auto' | 'webgpu' | 'wasm';
  /** Model world: weight format (auto: q4f16 on WebGPU with shader-f16, q4 otherwise; fp32 in Node). */
  dtype: 'auto' | 'fp32' | 'q4' | 'q4f16' | 'q8';
  /** Model world: wrap the prompt in the model's chat template (instruct models), 1 = on. */
  chat: number;
}

/** Built-in scenarios where the methods differ. */
export type ScenarioName = 'none' | 'code' | 'summary' | 'chat' | 'story';

/** One row of the parameter table: name, kind and allowed values. */
export type ParamSpec =
  | { key: keyof SimParams; kind: 'int' | 'float'; min: number; max: number }
  | { key: keyof SimParams; kind: 'enum'; values: readonly string[] }
  | { key: keyof SimParams; kind: 'string'; maxLength: number };

export const DEFAULT_PARAMS: Readonly<SimParams> = Object.freeze({
  world: 'seed',
  corpus: 'en',
  prompt: '',
  method: 'draft',
  gamma: 4,
  length: 64,
  temperature: 1,
  topP: 1,
  alpha: 0.8,
  vocab: 32,
  draftAccuracy: 0.7,
  order: 4,
  draftOrder: 2,
  targetMs: 30,
  costRatio: 0.05,
  verifyCost: 0,
  acceptance: 'standard',
  draftSampling: 'sampled',
  seed: 1,
  lookupMin: 0,
  lookupMax: 0,
  maxDepth: 24,
  specFactor: 1,
  minTokenProb: 0.1,
  heads: 4,
  headDecay: 0.8,
  topk: 4,
  depth: 5,
  draftTokens: 16,
  treeMode: 'topk',
  scenario: 'none',
  batch: 1,
  hardware: 'h100',
  modelB: 70,
  draftB: 1,
  bytesPerParam: 2,
  targetModel: 'HuggingFaceTB/SmolLM2-360M-Instruct',
  draftModel: 'HuggingFaceTB/SmolLM2-135M-Instruct',
  device: 'auto',
  dtype: 'auto',
  chat: 1,
});

/** The parameter table, declared once: the URL codec and the runner both read it. */
export const PARAM_SPECS: readonly ParamSpec[] = [
  { key: 'world', kind: 'enum', values: ['seed', 'ngram', 'synthetic'] },
  { key: 'corpus', kind: 'enum', values: ['seed', 'zh', 'en', 'custom'] },
  { key: 'prompt', kind: 'string', maxLength: 2000 },
  { key: 'method', kind: 'enum', values: ['autoregressive', 'draft', 'ngram', 'suffix', 'mtp', 'medusa', 'tree'] },
  { key: 'gamma', kind: 'int', min: 1, max: 16 },
  { key: 'length', kind: 'int', min: 1, max: 2000 },
  { key: 'temperature', kind: 'float', min: 0, max: 5 },
  { key: 'topP', kind: 'float', min: 0.01, max: 1 },
  { key: 'alpha', kind: 'float', min: 0, max: 1 },
  { key: 'vocab', kind: 'int', min: 2, max: 4096 },
  { key: 'draftAccuracy', kind: 'float', min: 0, max: 1 },
  { key: 'order', kind: 'int', min: 3, max: 5 },
  { key: 'draftOrder', kind: 'int', min: 1, max: 2 },
  { key: 'targetMs', kind: 'float', min: 0.01, max: 100000 },
  { key: 'costRatio', kind: 'float', min: 0, max: 10 },
  { key: 'verifyCost', kind: 'float', min: 0, max: 10 },
  { key: 'acceptance', kind: 'enum', values: ['standard', 'pgeq', 'typical'] },
  { key: 'draftSampling', kind: 'enum', values: ['sampled', 'argmax'] },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647 },
  { key: 'lookupMin', kind: 'int', min: 0, max: 16 },
  { key: 'lookupMax', kind: 'int', min: 0, max: 16 },
  { key: 'maxDepth', kind: 'int', min: 2, max: 64 },
  { key: 'specFactor', kind: 'float', min: 0.1, max: 8 },
  { key: 'minTokenProb', kind: 'float', min: 0, max: 1 },
  { key: 'heads', kind: 'int', min: 1, max: 16 },
  { key: 'headDecay', kind: 'float', min: 0, max: 1 },
  { key: 'topk', kind: 'int', min: 1, max: 10 },
  { key: 'depth', kind: 'int', min: 1, max: 10 },
  { key: 'draftTokens', kind: 'int', min: 1, max: 64 },
  { key: 'treeMode', kind: 'enum', values: ['topk', 'sample'] },
  { key: 'scenario', kind: 'enum', values: ['none', 'code', 'summary', 'chat', 'story'] },
  { key: 'batch', kind: 'int', min: 1, max: 4096 },
  { key: 'hardware', kind: 'enum', values: ['h100', 'h200'] },
  { key: 'modelB', kind: 'float', min: 0.1, max: 2000 },
  { key: 'draftB', kind: 'float', min: 0.01, max: 500 },
  { key: 'bytesPerParam', kind: 'float', min: 0.25, max: 4 },
  { key: 'targetModel', kind: 'string', maxLength: 200 },
  { key: 'draftModel', kind: 'string', maxLength: 200 },
  { key: 'device', kind: 'enum', values: ['auto', 'webgpu', 'wasm'] },
  { key: 'dtype', kind: 'enum', values: ['auto', 'fp32', 'q4', 'q4f16', 'q8'] },
  { key: 'chat', kind: 'int', min: 0, max: 1 },
];

/** The outcome of reading one raw value against its spec. */
export type ReadResult = { ok: true; value: SimParams[keyof SimParams]; fixed?: string; notice?: Notice } | { ok: false; error: string; notice: Notice };

function fixedBy(value: SimParams[keyof SimParams], notice: Notice): ReadResult {
  return { ok: true, value, fixed: noticeText(notice), notice };
}

function errorBy(notice: Notice): ReadResult {
  return { ok: false, error: noticeText(notice), notice };
}

/**
 * Reads a raw string for one parameter: numbers out of range are clamped (and say so),
 * malformed values are an error (the caller decides: default with a notice, or exit 2).
 */
export function readParam(spec: ParamSpec, raw: string): ReadResult {
  if (spec.kind === 'enum') {
    return spec.values.includes(raw)
      ? { ok: true, value: raw as SimParams[keyof SimParams] }
      : errorBy({ code: 'invalid', key: spec.key, raw: raw.slice(0, 40), allowed: spec.values.join(', ') });
  }
  if (spec.kind === 'string') {
    return raw.length <= spec.maxLength ? { ok: true, value: raw } : fixedBy(raw.slice(0, spec.maxLength), { code: 'cut', key: spec.key, max: spec.maxLength });
  }
  const trimmed = raw.trim();
  const n = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(n)) return errorBy({ code: 'notNumber', key: spec.key, raw: raw.slice(0, 40) });
  let v = spec.kind === 'int' ? Math.round(n) : n;
  let notice: Notice | undefined;
  if (spec.kind === 'int' && v !== n) notice = { code: 'rounded', key: spec.key, used: v };
  if (v < spec.min || v > spec.max) {
    v = Math.min(spec.max, Math.max(spec.min, v));
    notice = { code: 'clamped', key: spec.key, raw: trimmed.slice(0, 40), min: spec.min, max: spec.max, used: v };
  }
  return notice === undefined ? { ok: true, value: v } : fixedBy(v, notice);
}

/** Clamps every numeric parameter into range and fills missing ones with defaults. */
export function normalizeParams(partial: Partial<SimParams>): SimParams {
  const out: SimParams = { ...DEFAULT_PARAMS, ...partial };
  for (const spec of PARAM_SPECS) {
    if (spec.kind === 'int' || spec.kind === 'float') {
      const r = readParam(spec, String(out[spec.key]));
      if (r.ok) (out as unknown as Record<string, unknown>)[spec.key] = r.value;
      else (out as unknown as Record<string, unknown>)[spec.key] = DEFAULT_PARAMS[spec.key];
    }
  }
  return out;
}
