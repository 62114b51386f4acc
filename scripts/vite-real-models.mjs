// Vite plugin for the real-model engine's static files, so the site serves everything it needs
// itself (no CDN): (1) the tiny model pair under public/models (generated when missing or stale,
// before the dev server starts and before a build copies public/), (2) onnxruntime-web's wasm
// runtime under <base>ort/ (dev: served from node_modules; build: copied into dist/ort/).
// The adapter points env.backends.onnx.wasm.wasmPaths at <base>ort/ (src/real/loadPair.ts).
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureTinyModels } from './make-tiny-models.mjs';

/** transformers.js 4.3 loads the asyncify build on both wasm and WebGPU (~27 MB .wasm). */
export const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];

function ortDist() {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; resolve the main entry and walk to dist/.
  let dir = dirname(require.resolve('onnxruntime-web'));
  while (!dir.endsWith('dist') && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
}

/** The plugin; add it to vite.config.ts's plugins. */
export function realModelAssets() {
  let base = '/';
  return {
    name: 'specplay-real-model-assets',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      ensureTinyModels();
    },
    configureServer(server) {
      ensureTinyModels();
      const dist = ortDist();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const file = ORT_FILES.find((f) => path === `${base}ort/${f}`);
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        createReadStream(join(dist, file)).pipe(res);
      });
    },
    generateBundle() {
      if (this.environment && this.environment.name !== 'client') return;
      const dist = ortDist();
      for (const f of ORT_FILES) this.emitFile({ type: 'asset', fileName: `ort/${f}`, source: readFileSync(join(dist, f)) });
    },
  };
}
