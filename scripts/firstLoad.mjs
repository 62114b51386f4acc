// What the browser must fetch before the first token chips can appear, from a built site: the
// scripts index.html names, every module they import statically, the simulation worker they
// start (the first chips come from it) and every module the worker imports statically.
// Shared by scripts/size.mjs (read from the files) and bench/page.mjs (seen in the browser).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of a file at level 9, KB. */
export const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Chunk names (in assets/) a chunk's text imports statically or starts as a worker. */
function staticEdges(text) {
  const names = new Set();
  // import{a as b}from"./x.js" and import"./x.js" (not import("./x.js"), which is lazy)
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]\.\/([^"'`]+\.js)["'`]/g)) names.add(m[1]);
  // new Worker(new URL(`/base/assets/sim.worker-x.js`, import.meta.url)): fetched at start-up
  for (const m of text.matchAll(/new URL\(\s*["'`][^"'`]*?assets\/([^"'`/]+\.js)["'`]/g)) names.add(m[1]);
  return names;
}

/** The first-load chunks of `dist` by static analysis, with their gzip sizes. */
export function staticFirstLoad(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="[^"]*?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const file = join(dist, 'assets', name);
    if (!existsSync(file)) throw new Error(`${name} is referenced but not built`);
    for (const next of staticEdges(readFileSync(file, 'utf8'))) queue.push(next);
  }
  const files = [...seen];
  return { files, kb: files.reduce((a, f) => a + gzipKb(join(dist, 'assets', f)), 0) };
}

/** The scripts among fetched `urls` (as the browser requested them), with their gzip sizes. */
export function fetchedScripts(dist, urls) {
  const files = [...new Set(urls.filter((u) => /\/assets\/[^/?#]+\.js(?:[?#]|$)/.test(u)).map((u) => basename(new URL(u).pathname)))];
  return { files, kb: files.reduce((a, f) => a + gzipKb(join(dist, 'assets', f)), 0) };
}
