// Prints every built chunk's gzip size and fails when the first-load JavaScript (the scripts
// and module preloads index.html names) is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 170;
const dist = process.argv[2] ?? 'dist';
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = new Set([...html.matchAll(/(?:src|href)="[^"]*?assets\/([^"]+\.js)"/g)].map((m) => m[1]));
let total = 0;
const rows = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => ({ f, kb: gz(join(dist, 'assets', f)), first: firstLoad.has(f) }))
  .sort((a, b) => b.kb - a.kb);
for (const r of rows) {
  if (r.first) total += r.kb;
  console.log(`${r.kb.toFixed(1).padStart(7)} KB gzip  ${r.first ? 'first-load' : 'lazy     '}  ${r.f}`);
}
console.log(`first-load JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
// No eval-like code may ship (the CSP forbids it)...
for (const r of rows) {
  const text = readFileSync(join(dist, 'assets', r.f), 'utf8');
  for (const bad of [/\beval\(/, /new Function\(/]) {
    if (bad.test(text)) {
      console.error(`${r.f} contains ${bad}`);
      process.exit(1);
    }
  }
}
// ...and our own code never injects text as HTML (libraries may name the prop; we may not use it).
const own = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? own(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of own('src').filter((f) => /\.(ts|tsx)$/.test(f))) {
  if (/dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(file, 'utf8'))) {
    console.error(`${file} injects HTML`);
    process.exit(1);
  }
}
if (total > BUDGET_KB) {
  console.error(`over budget by ${(total - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
