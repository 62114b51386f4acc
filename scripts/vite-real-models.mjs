// Vite plugin: the tiny model pair under public/models, generated when missing or stale before
// the dev server starts and before a build copies public/ (so the site serves it at
// <base>models/tiny-target and tiny-draft). onnxruntime's wasm needs no step here: its bundled
// build references the .wasm with new URL(..., import.meta.url), which Vite emits into assets/
// (see src/real/placement.ts, configureEnv).
import { ensureTinyModels } from './make-tiny-models.mjs';

/** The plugin; add it to vite.config.ts's plugins. */
export function realModelAssets() {
  return {
    name: 'specplay-tiny-models',
    buildStart() {
      ensureTinyModels();
    },
    configureServer() {
      ensureTinyModels();
    },
  };
}
