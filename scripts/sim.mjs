// The headless runner (`npm run -s sim -- ...`): src/cli/sim.ts bundled into one module first,
// as the browser runs the core, instead of run through tsx's per-module loader (whose export
// getters and on-the-fly compilation cost more than a sweep itself). ~0.1 s to bundle.
// `npx tsx src/cli/sim.ts` runs the same code unbundled.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/sim.ts');
// Inside the project (node_modules/.cache) so that the packages left external resolve from it.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/specplay-sim-'));
const out = join(dir, 'sim.mjs');
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    // Packages stay as they are: transformers.js loads onnxruntime-node's native binary.
    packages: 'external',
    // The runner finds the corpora next to its source file.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
  });
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
