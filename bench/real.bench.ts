/**
 * The real-model engine on the tiny pair (figures beside budgets; not part of npm test):
 * the engine's own work per round (sampling, verification, cropping, bookkeeping) against the
 * forwards' time, and tokens per second for speculative and autoregressive decoding.
 * Run through `npm run bench` or `npm run -s bench:real` (bundled as the runner is; transformers.js
 * and onnxruntime-node stay external packages).
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureTinyModels } from '../scripts/make-tiny-models.mjs';
import { DEFAULT_PARAMS, type SimParams } from '../src/core';
import { loadPair } from '../src/real';
import { openSession, runReal } from '../src/real/engine';

const ROOT = resolve(import.meta.dirname, '..');
const MODELS = resolve(ROOT, 'public/models');
ensureTinyModels();
/** Batches measured (the median is reported), runs per batch, and warm-up runs first (JIT). */
const RUNS = 7;
const BATCH = 10;
const WARMUP = 10;
/** Budget: the engine's own work at most this share of the forwards' time. */
const OVERHEAD_BUDGET = 0.1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(p: SimParams) {
  const pair = await loadPair({ target: resolve(MODELS, 'tiny-target'), draft: resolve(MODELS, 'tiny-draft'), device: 'cpu', dtype: 'fp32' });
  const session = openSession(pair, p);
  // First forwards, the cache check, and the JIT's warm-up: the budget is on the steady state.
  for (let i = 0; i < WARMUP; i++) await runReal(session, p, `warm/${i}`, false);
  const rows = [];
  for (let b = 0; b < RUNS; b++) {
    let total = 0;
    let forwards = 0;
    let tokens = 0;
    let passes = 0;
    for (let i = 0; i < BATCH; i++) {
      const t0 = performance.now();
      const r = await runReal(session, p, `${p.seed}/${b * BATCH + i}`, false);
      total += performance.now() - t0;
      forwards += r.events.reduce((s, e) => s + (e.wall ? e.wall.targetMs + e.wall.draftMs.reduce((a, c) => a + c, 0) : 0), 0);
      tokens += r.state.len - r.state.promptLen;
      passes += r.state.passes;
    }
    rows.push({ total, forwards, tokens, passes: passes / BATCH });
  }
  await pair.target.dispose();
  await pair.draft?.dispose();
  return {
    overhead: median(rows.map((r) => (r.total - r.forwards) / r.forwards)),
    tokensPerSec: median(rows.map((r) => (r.tokens / r.total) * 1000)),
    passes: median(rows.map((r) => r.passes)),
    tokens: median(rows.map((r) => r.tokens)),
  };
}

const base: SimParams = { ...DEFAULT_PARAMS, world: 'model', prompt: 'the quick brown fox ', length: 96, chat: 0, seed: 1 };
console.log(
  `\nReal-model engine on the tiny pair (Node CPU, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; median of ${RUNS} batches of ${BATCH} runs of ${base.length} tokens, after ${WARMUP} warm-up runs)`,
);
let over = false;
const table: string[] = [];
const ar = await measure({ ...base, method: 'autoregressive' });
for (const [name, p] of [
  ['autoregressive', { ...base, method: 'autoregressive' }],
  ['draft model, gamma 4, T 1', { ...base, method: 'draft', gamma: 4 }],
  ['draft model, gamma 4, greedy', { ...base, method: 'draft', gamma: 4, temperature: 0 }],
  ['n-gram lookup, gamma 4, greedy', { ...base, method: 'ngram', gamma: 4, temperature: 0 }],
] as [string, SimParams][]) {
  const m = name === 'autoregressive' ? ar : await measure(p);
  const ok = m.overhead <= OVERHEAD_BUDGET;
  over ||= !ok;
  table.push(
    `${name.padEnd(32)} ${m.tokensPerSec.toFixed(0).padStart(6)} tok/s  (${(m.tokensPerSec / ar.tokensPerSec).toFixed(2)}x AR)  ${m.passes} passes  engine overhead ${(100 * m.overhead).toFixed(1)}% of forwards (budget ${100 * OVERHEAD_BUDGET}%) ${ok ? 'OK' : 'OVER'}`,
  );
}
console.log(table.join('\n'));
if (over) process.exitCode = 1;
