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

function modelOf(url: string): string {
  const u = new URL(url);
  const hub = u.pathname.match(/^\/([^/]+\/[^/]+)\/resolve\//);
  if (hub) return hub[1];
  // A site folder: drop the file name and a trailing onnx/.
  return u.pathname.replace(/\/(onnx\/)?[^/]*$/, '');
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
    const model = modelOf(req.url);
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
