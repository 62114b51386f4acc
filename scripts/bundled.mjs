// Runs a TypeScript entry as one bundled module (as the browser and the runner run the core:
// scope-hoisted), not through tsx's per-module loader, whose export getters and on-the-fly
// compilation cost more than the work measured. Used by the runner and the benchmarks.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Local .mjs files are imported from where they are, by absolute path. */
const ownScripts = {
  name: 'own-scripts',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\/.*\.mjs$/ }, (a) => ({ path: resolve(a.resolveDir, a.path), external: true }));
  },
};

/**
 * Bundles `entry` (a path from the project root) and imports it. `external`: packages stay as
 * they are (transformers.js loads onnxruntime-node's native binary); the bundle then lives in
 * node_modules/.cache so that they resolve. The entry's import.meta.url and import.meta.dirname
 * are its source file's (so every bundled file sits next to it: src/cli/, bench/); plain .mjs
 * scripts it imports are left out of the bundle and keep their own.
 */
export async function runBundled(entry, { external = false } = {}) {
  const file = join(root, entry);
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/specplay-run-'));
  const out = join(dir, 'entry.mjs');
  try {
    await build({
      entryPoints: [file],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dynamic imports become chunks loaded on use: the runner's simulated worlds never load
      // transformers.js and onnxruntime-node (one file would import them at the top, ~0.4 s).
      splitting: true,
      outdir: dir,
      entryNames: 'entry',
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning',
      ...(external ? { packages: 'external' } : {}),
      plugins: [ownScripts],
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(file).href), 'import.meta.dirname': JSON.stringify(dirname(file)) },
    });
    await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
