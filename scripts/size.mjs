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
if (total > BUDGET_KB) {
  console.error(`over budget by ${(total - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
