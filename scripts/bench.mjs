// The benchmarks (npm run bench): each file bundled and run as the product runs it (one
// scope-hoisted module, scripts/bundled.mjs). Every file prints its figures beside their budgets
// and sets a non-zero exit code when one is over; all of them run either way.
//   node scripts/bench.mjs [bench/x.bench.ts ...]   (default: every benchmark)
import { runBundled } from './bundled.mjs';

const ALL = ['bench/core.bench.ts', 'bench/real.bench.ts', 'bench/realForward.bench.ts'];
const files = process.argv.slice(2);
for (const f of files.length > 0 ? files : ALL) {
  // The real-model benchmarks load onnxruntime-node: packages stay external for them.
  await runBundled(f, { external: f.includes('real') });
}
