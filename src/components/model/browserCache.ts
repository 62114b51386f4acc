/**
 * What the browser's Cache API holds of model files, and clearing it. transformers.js keeps
 * every fetched model file in the cache named below (its `env.cacheKey`, default
 * 'transformers-cache'); sizes come from the stored responses' Content-Length headers, so
 * nothing is read into memory to measure it.
 */
export const MODEL_CACHE = 'transformers-cache';

/** Cached files by model (the path before /resolve/ for hub files, the folder for site files). */
export interface CacheSummary {
  files: number;
  bytes: number;
  models: { model: string; files: number; bytes: number }[];
}

/**
 * The model a cached file belongs to and the file's path inside it: a hub file
 * (`/owner/name/resolve/main/onnx/model_q4.onnx`) gives the hub id and `onnx/model_q4.onnx` (another
 * revision than main: `@rev/` before the path); a site file the folder, without a trailing onnx/.
 */
export function modelFileOf(url: string): { model: string; path: string } {
  const u = new URL(url);
  const hub = u.pathname.match(/^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.*)$/);
  if (hub) return { model: hub[1], path: hub[2] === 'main' ? hub[3] : `@${hub[2]}/${hub[3]}` };
  const site = u.pathname.match(/^(.*?)\/((?:onnx\/)?[^/]*)$/) as RegExpMatchArray;
  return { model: site[1], path: site[2] };
}

/** The cached model files, or null where the Cache API is missing (insecure origin, old browser). */
export async function readModelCache(): Promise<CacheSummary | null> {
  if (typeof caches === 'undefined') return null;
  if (!(await caches.has(MODEL_CACHE))) return { files: 0, bytes: 0, models: [] };
  const cache = await caches.open(MODEL_CACHE);
  const byModel = new Map<string, { files: number; bytes: number }>();
  let files = 0;
  let bytes = 0;
  for (const req of await cache.keys()) {
    const res = await cache.match(req);
    const size = Number(res?.headers.get('content-length') ?? 0) || 0;
    const { model } = modelFileOf(req.url);
    const m = byModel.get(model) ?? { files: 0, bytes: 0 };
    m.files++;
    m.bytes += size;
    byModel.set(model, m);
    files++;
    bytes += size;
  }
  return { files, bytes, models: [...byModel].map(([model, m]) => ({ model, ...m })).sort((a, b) => b.bytes - a.bytes) };
}

/** Deletes every cached model file; resolves to whether there was a cache to delete. */
export async function clearModelCache(): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  return caches.delete(MODEL_CACHE);
}
