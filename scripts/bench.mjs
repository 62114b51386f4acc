// Runs the core benchmarks from a single bundled file (as the browser runs the core: one
// scope-hoisted module), not through tsx's per-module export getters, which cost a lot here.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'specplay-bench-'));
const out = join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: ['bench/core.bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    define: { 'import.meta.dirname': JSON.stringify(join(process.cwd(), 'bench')) },
  });
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
