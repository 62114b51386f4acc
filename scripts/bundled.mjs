// Runs a TypeScript entry as one bundled module (as the browser and the runner run the core:
// scope-hoisted), not through tsx's per-module loader, whose export getters and on-the-fly
// compilation cost more than the work measured. Used by the runner and the benchmarks.
//
// Bundles are kept in node_modules/.cache/specplay-bundles, one folder per entry and options,
// with the list of files that went in (path, size, mtime). A run whose files are unchanged
// imports the kept bundle: about 0.25 s less per run than loading esbuild and bundling (the
// runner's start-up went from 0.41 s to about 0.23 s here).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(root, 'node_modules/.cache/specplay-bundles');
/** Bumped when the way bundles are made changes (old folders are then never read). */
const FORMAT = 2;

/** Local .mjs files are imported from where they are, by absolute path. */
const ownScripts = {
  name: 'own-scripts',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\/.*\.mjs$/ }, (a) => ({ path: resolve(a.resolveDir, a.path), external: true }));
  },
};

/** What went into a bundle: [absolute path, size, mtime ms] per file. */
const INPUTS = 'inputs.json';

/** True when every file that went into the bundle in `dir` is as it was. */
function fresh(dir) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(dir, INPUTS), 'utf8'));
  } catch {
    return false;
  }
  for (const [path, size, mtime] of inputs) {
    try {
      const s = statSync(path);
      if (s.size !== size || s.mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Bundles `file` into `dir` and records its inputs. */
async function bundle(file, dir, external) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    absWorkingDir: root,
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
    metafile: true,
    ...(external ? { packages: 'external' } : {}),
    plugins: [ownScripts],
    // Files next to the entry (corpora, models) are found from its source folder.
    define: { 'import.meta.dirname': JSON.stringify(dirname(file)) },
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => {
    const path = resolve(root, p);
    const s = statSync(path);
    return [path, s.size, s.mtimeMs];
  });
  writeFileSync(join(dir, INPUTS), JSON.stringify(inputs));
}

/**
 * Bundles `entry` (a path from the project root), or reuses its kept bundle when no input
 * changed, and imports it. `external`: packages stay as they are (transformers.js loads
 * onnxruntime-node's native binary); bundles live under node_modules so that they resolve.
 * The entry's import.meta.dirname is its source folder (src/cli/, bench/); plain .mjs scripts
 * it imports are left out of the bundle and keep their own.
 */
export async function runBundled(entry, { external = false } = {}) {
  const file = join(root, entry);
  const key = createHash('sha1')
    .update(JSON.stringify([FORMAT, file, external]))
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE, key);
  if (!fresh(dir)) {
    mkdirSync(CACHE, { recursive: true });
    // Built aside and moved in whole, so a concurrent run never imports half a bundle.
    const tmp = mkdtempSync(join(CACHE, 'tmp-'));
    await bundle(file, tmp, external);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(tmp, dir);
    } catch {
      // another run moved its fresh bundle in first: use ours from where it is
      if (!existsSync(join(dir, INPUTS))) throw new Error(`cannot keep the bundle of ${entry}`);
      await import(pathToFileURL(join(tmp, 'entry.mjs')).href);
      return;
    }
  }
  await import(pathToFileURL(join(dir, 'entry.mjs')).href);
}
