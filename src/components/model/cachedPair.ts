import type { SimParams } from '../../core';
import { CATALOGUE_PAIRS } from '../../real/catalogue';
import type { CachedPair } from '../../store/learnSlice';
import { MODEL_CACHE, modelFileOf } from './browserCache';

/**
 * Which real model pair this browser has cached: for the tour's lesson over real models, and
 * for the loader's size line (a cached pair downloads nothing). The
 * choice is pure (a list of cached files in, a pair out) so it is tested without a browser; the
 * reading of the Cache API is below it. Only data comes from src/real (the catalogue): the tour
 * never loads transformers.js.
 */

/** One model's files in the cache, as paths inside the model ('config.json', 'onnx/model_q4.onnx'). */
export interface CachedModel {
  /** A hub id, or a site folder's path on this origin ('/specplay/models/tiny-target'). */
  readonly model: string;
  readonly paths: readonly string[];
  /** config.json's transformers.js_config.use_external_data_format, when the config is cached. */
  readonly externalData?: unknown;
}

type Dtype = Exclude<SimParams['dtype'], 'auto'>;

/**
 * The file suffix transformers.js 4.3 gives each dtype (DEFAULT_DTYPE_SUFFIX_MAPPING in its
 * utils/dtypes.js): onnx/model.onnx is fp32, model_q4.onnx q4, and so on.
 */
const SUFFIX: Record<Dtype, string> = { fp32: '', q4: '_q4', q4f16: '_q4f16', q8: '_quantized' };

/** Which dtype to take when several are cached: q4 runs on wasm and WebGPU alike. */
const PREFERENCE: readonly Dtype[] = ['q4', 'q4f16', 'q8', 'fp32'];

/** What a load reads besides the weights (generation_config.json is optional). */
const NEEDED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** Chunks of external data for one onnx file, as transformers.js resolves use_external_data_format. */
function externalChunks(config: unknown, file: string): number {
  if (config === undefined || config === null || config === false) return 0;
  if (typeof config === 'object') {
    const per = config as Record<string, unknown>;
    const v = per[file] ?? per.model;
    return v === undefined ? 0 : Number(v) || 0;
  }
  return Number(config) || 0;
}

/** The dtypes a model can be loaded in from the cache alone: its configs, tokenizer and every weight file present. */
export function cachedDtypes(m: CachedModel): Dtype[] {
  const has = new Set(m.paths);
  if (!NEEDED.every((p) => has.has(p))) return [];
  return PREFERENCE.filter((d) => {
    const file = `model${SUFFIX[d]}.onnx`;
    if (!has.has(`onnx/${file}`)) return false;
    const chunks = externalChunks(m.externalData, file);
    for (let i = 0; i < chunks; i++) if (!has.has(`onnx/${file}_data${i === 0 ? '' : `_${i}`}`)) return false;
    return true;
  });
}

/** The cache's name for a model reference: a hub id as is, a site folder as its path on this origin. */
export function cacheName(ref: string, sitePath: string): string {
  const s = ref.trim();
  if (!s.startsWith('.') && !s.startsWith('/')) return s;
  return new URL(s, new URL(sitePath, 'http://site')).pathname.replace(/\/$/, '');
}

/** The tiny pair the site serves itself (scripts/make-tiny-models.mjs). */
const TINY = { target: './models/tiny-target', draft: './models/tiny-draft' };

/**
 * The pair the lesson over real models uses: the page's own pair if both models are cached, else
 * the first catalogue pair with both cached, else the site's tiny pair; null when none is. The
 * dtype is one both models have cached (the page's own when it is one of them), so loading
 * downloads nothing; the device is the page's for its own pair, else auto (files do not depend
 * on it). `sitePath` is the site's root path ('/specplay/'), against which folders resolve.
 */
export function choosePair(cached: readonly CachedModel[], page: CachedPair, sitePath: string): CachedPair | null {
  const byName = new Map(cached.map((m) => [m.model, m]));
  const dtypes = (ref: string) => {
    const m = byName.get(cacheName(ref, sitePath));
    return m ? cachedDtypes(m) : [];
  };
  const candidates = [
    { target: page.targetModel, draft: page.draftModel, own: true },
    ...CATALOGUE_PAIRS.map((p) => ({ target: p.target, draft: p.draft, own: false })),
    { ...TINY, own: false },
  ];
  for (const c of candidates) {
    if (c.target.trim() === '' || c.draft.trim() === '') continue;
    const draftDtypes = dtypes(c.draft);
    const both = dtypes(c.target).filter((d) => draftDtypes.includes(d));
    if (both.length === 0) continue;
    const dtype = c.own && page.dtype !== 'auto' && both.includes(page.dtype) ? page.dtype : both[0];
    return { targetModel: c.target, draftModel: c.draft, device: c.own ? page.device : 'auto', dtype };
  }
  return null;
}

/**
 * Whether a load of target + draft (draft '' = none) reads only cached files: in `dtype`, or in
 * any dtype both have cached when null (dtype auto outside the catalogue: the models' declared
 * dtype comes first, and the cache holds what was loaded before).
 */
export function pairCached(cached: readonly CachedModel[], target: string, draft: string, dtype: string | null, sitePath: string): boolean {
  const byName = new Map(cached.map((m) => [m.model, m]));
  const dtypes = (ref: string) => {
    const m = byName.get(cacheName(ref, sitePath));
    return m ? cachedDtypes(m) : [];
  };
  const t = dtypes(target);
  const both = draft.trim() === '' ? t : t.filter((d) => dtypes(draft).includes(d));
  return dtype === null ? both.length > 0 : (both as string[]).includes(dtype);
}

/** The site's root path, as the model loader resolves folders (the page's folder). */
export function sitePathHere(): string {
  return new URL('./', location.href).pathname;
}

/** Reads the model cache (file names, and each config's external-data setting); null without a Cache API. */
export async function readCachedModels(): Promise<CachedModel[] | null> {
  if (typeof caches === 'undefined') return null;
  if (!(await caches.has(MODEL_CACHE))) return [];
  const cache = await caches.open(MODEL_CACHE);
  const models = new Map<string, { paths: string[]; config: Request | null }>();
  for (const req of await cache.keys()) {
    const { model, path } = modelFileOf(req.url);
    const m = models.get(model) ?? { paths: [], config: null };
    m.paths.push(path);
    if (path === 'config.json') m.config = req;
    models.set(model, m);
  }
  const out: CachedModel[] = [];
  for (const [model, m] of models) {
    let externalData: unknown;
    if (m.config)
      try {
        const config = (await (await cache.match(m.config))?.json()) as { 'transformers.js_config'?: { use_external_data_format?: unknown } } | undefined;
        externalData = config?.['transformers.js_config']?.use_external_data_format;
      } catch {
        // An unreadable config: the load would fail too; leave the model out.
        continue;
      }
    out.push({ model, paths: m.paths, externalData });
  }
  return out;
}

/** The pair the page can load from this browser's cache alone, or null (also when the cache cannot be read). */
export async function findCachedPair(page: CachedPair): Promise<CachedPair | null> {
  try {
    const cached = await readCachedModels();
    return cached === null ? null : choosePair(cached, page, sitePathHere());
  } catch {
    return null;
  }
}
