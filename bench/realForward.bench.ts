// Micro benchmark of the real-model adapter on the tiny pair (Node, onnxruntime-node CPU, fp32):
// wall time of one forward with k = 1..5 new tokens on a cache of PREFIX tokens (a verify
// forward for gamma = k - 1), the crop back to the prefix, and a from-scratch recompute.
// Figures, not assertions. Run: npm run -s bench:real (or npx tsx bench/realForward.bench.ts).
import { ensureTinyModels } from '../scripts/make-tiny-models.mjs';
import { loadPair } from '../src/real';

const PREFIX = 64; // tokens in the cache before each measured forward
const REPS = 200; // forwards per k (after WARMUP)
const WARMUP = 20;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const { target, draft } = ensureTinyModels();
const t0 = performance.now();
const pair = await loadPair({ target, draft, device: 'cpu', dtype: 'fp32' });
console.log(`load (two tiny models, fp32): ${(performance.now() - t0).toFixed(0)} ms`);
const text = 'speculative decoding is a simple idea with a long name . a large language model writes text one token at a time ';
const prefix = pair.tokenizer.encode(text).slice(0, PREFIX);

for (const [role, lm] of [
  ['target', pair.target],
  ['draft', pair.draft],
] as const) {
  if (!lm) continue;
  await lm.forward(prefix, 0, 1);
  // JIT and onnxruntime warm-up before the first measured k.
  for (let r = 0; r < 100; r++) await lm.forward(prefix.slice(0, 3), PREFIX);
  console.log(`\n${role}: one forward on a cache of ${PREFIX} tokens (median of ${REPS}, ms)`);
  console.log('   k   forward   crop back   recompute(64+k)');
  for (let k = 1; k <= 5; k++) {
    const fwd: number[] = [];
    const crop: number[] = [];
    const full: number[] = [];
    const extra = prefix.slice(0, k);
    for (let r = 0; r < WARMUP + REPS; r++) {
      // The crop of this call undoes the previous iteration's k tokens: a rejection round.
      const out = await lm.forward(extra, PREFIX);
      if (r >= WARMUP) {
        fwd.push(out.ms);
        if (r > WARMUP) crop.push(out.cropMs);
      }
    }
    for (let r = 0; r < 50; r++) {
      const s = performance.now();
      await lm.recompute([...prefix, ...extra]);
      full.push(performance.now() - s);
    }
    console.log(`   ${k}   ${median(fwd).toFixed(3).padStart(7)}   ${median(crop).toFixed(3).padStart(9)}   ${median(full).toFixed(3).padStart(9)}`);
  }
}
await pair.target.dispose();
await pair.draft?.dispose();
