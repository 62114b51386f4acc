// Prints every built chunk's gzip size and the first load: every script fetched before the first
// token chips can appear (the scripts index.html names, what they import statically, and the
// simulation worker with its static imports). Fails only on safety checks (eval-like code, HTML
// injection); the 170 KB first-load budget is a benchmark figure (npm run bench:page), checked
// here only with --budget.
//   node scripts/size.mjs [dist] [--budget]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipKb, staticFirstLoad } from './firstLoad.mjs';

/** First-load budget, KB gzip (the issue's: a phone on a slow connection). */
export const BUDGET_KB = 170;
const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const first = staticFirstLoad(dist);
const rows = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => ({ f, kb: gzipKb(join(dist, 'assets', f)), first: first.files.includes(f) }))
  .sort((a, b) => b.kb - a.kb);
for (const r of rows) console.log(`${r.kb.toFixed(1).padStart(7)} KB gzip  ${r.first ? 'first-load' : 'lazy     '}  ${r.f}`);
console.log(`first load (scripts before the first chips, worker included): ${first.kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
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
if (args.includes('--budget') && first.kb > BUDGET_KB) {
  console.error(`first load over budget by ${(first.kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
