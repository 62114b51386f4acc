/**
 * Benchmarks of the core: `npm run bench`. Every figure is printed with its budget beside it
 * (the median of BENCH_RUNS runs, default 5) and the machine's core count; the process exits
 * non-zero when a figure is over its budget. Not part of npm test. Single-threaded figures,
 * on whatever machine runs it: run it on a quiet machine (the load average is printed).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PARAMS, initialState, makeSetup, makeStreams, prepareWorld, runGeneration, type SimParams, sweep } from '../src/core';
import { NgramIndex, ngramLookupNaive } from '../src/core/proposers/ngramLookup';
import { SUFFIX_DEFAULTS, suffixProposer } from '../src/core/proposers/suffix';
import { countingStreams, makeRng } from '../src/core/rng';
import { step } from '../src/core/step';
import { fmt, machineLine, median, overBudget, RUNS, report, timeProcess } from './figures';

const root = resolve(import.meta.dirname, '..');
const texts = {
  en: readFileSync(resolve(root, 'src/core/corpora/en.txt'), 'utf8'),
  zh: readFileSync(resolve(root, 'src/core/corpora/zh.txt'), 'utf8'),
};
console.log(machineLine());

/** Drafted tokens verified per second over `trials` generations of `length` tokens. */
function throughput(p: SimParams, trials: number): number {
  const prepared = prepareWorld(p, texts);
  runGeneration(prepared, p, 'warm', false); // train / build caches outside the timing
  const t0 = performance.now();
  let drafted = 0;
  for (let t = 0; t < trials; t++) drafted += runGeneration(prepared, p, `${p.seed}/${t}`, false).state.drafted;
  return (drafted / (performance.now() - t0)) * 1000;
}

const synth: SimParams = { ...DEFAULT_PARAMS, world: 'synthetic', alpha: 0.8, vocab: 32, temperature: 1, gamma: 4, length: 128 };
const ngram: SimParams = { ...DEFAULT_PARAMS, world: 'ngram', corpus: 'en', gamma: 4, length: 128 };
const runs = (n: number, f: () => number) => Array.from({ length: n }, f);

// Warm up the JIT on the same code paths.
throughput(synth, 300);
{
  const s = runs(RUNS, () => throughput(synth, 3000));
  report({
    name: 'synthetic (alpha 0.8, V 32, T 1, gamma 4), 3,000 x 128 tokens',
    value: median(s),
    unit: 'drafted tokens verified / s',
    runs: s,
    budget: null,
  });
  const n = runs(RUNS, () => throughput(ngram, 300));
  report({
    name: 'ngram (en, order 4 / draft 2, T 1, gamma 4), 300 x 128 tokens',
    value: median(n),
    unit: 'drafted tokens verified / s',
    runs: n,
    budget: null,
  });
}

// The full sweep (gamma 1..16, 1,000 trials x 128 tokens) over the bare random numbers it
// draws: one per drafted token (draft), one per verified drafted position (acceptance), one per
// pass (the residual or bonus sample). The formula is checked by counting below.
{
  const gammas = Array.from({ length: 16 }, (_, i) => i + 1);
  const prepared = prepareWorld(synth);
  const sweepMs: number[] = [];
  const ratios: number[] = [];
  let draws = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const points = sweep(prepared, synth, gammas, 1000);
    sweepMs.push(performance.now() - t0);
    draws = 0;
    for (const p of points) {
      const verified = p.acceptedHist.reduce((a, c, i) => a + c * Math.min(i + 1, p.gamma), 0);
      draws += p.drafted + verified + p.steps;
    }
    const rngs = [makeRng('a'), makeRng('b'), makeRng('c')];
    const r0 = performance.now();
    let sink = 0;
    for (let i = 0; i < draws; i++) sink += rngs[i % 3].next();
    const rngMs = performance.now() - r0;
    if (sink < 0) console.log(sink);
    ratios.push(sweepMs[r] / rngMs);
  }
  report({
    name: 'full sweep (gamma 1..16, 1,000 trials x 128 tokens, synthetic), in process',
    value: median(sweepMs),
    unit: 'ms',
    runs: sweepMs,
    budget: null,
  });
  report({
    name: 'core / bare random numbers for that sweep',
    value: median(ratios),
    unit: 'x',
    runs: ratios,
    budget: 6,
    note: `${fmt(draws)} draws from seeded Alea streams; the sweep's time over theirs`,
  });
  const world = prepared.at('check');
  const setup = makeSetup(world, { ...synth, gamma: 5 });
  const { streams, count } = countingStreams(makeStreams('check'));
  let st = initialState(world);
  while (!st.finished) st = step(setup, st, streams, false).state;
  const verified = st.acceptedHist.reduce((a, c, i) => a + c * Math.min(i + 1, 5), 0);
  if (count() !== st.drafted + verified + st.passes) throw new Error(`draw count formula is wrong: ${count()} vs ${st.drafted + verified + st.passes}`);
}

// The runner as a whole process (node scripts/sim.mjs: the bundled runner), against a numpy program that vectorises the same synthetic sweep over trials
// (bench/numpy_sweep.py), and the n-gram world against the synthetic one. `npm run -s sim --`
// runs the same script after npm's own start-up, printed apart (npm's, not the runner's).
{
  const simArgs = (world: string, trials: number) => [
    'sweep',
    '--world',
    world,
    '--corpus',
    'en',
    '--gamma',
    '1-16',
    '--trials',
    `${trials}`,
    '--length',
    '128',
  ];
  const sim = (world: string, trials: number) => timeProcess('node', ['scripts/sim.mjs', ...simArgs(world, trials)], root).ms;
  sim('synthetic', 1); // the first run after a change bundles the runner: not what is timed
  const npmStart = runs(RUNS, () => timeProcess('npm', ['run', '-s', 'sim', '--', ...simArgs('synthetic', 1)], root).ms - sim('synthetic', 1));
  report({
    name: "npm's own start-up before the runner (npm run -s sim -- ... minus node scripts/sim.mjs ...)",
    value: median(npmStart),
    unit: 'ms',
    runs: npmStart,
    budget: null,
  });
  const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
  if (!hasNumpy) console.log('numpy program: SKIPPED (python3 with numpy not found; Debian: apt-get install python3-numpy)');
  const runner: number[] = [];
  const numpy: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    runner.push(sim('synthetic', 1000));
    if (hasNumpy) numpy.push(timeProcess('python3', ['bench/numpy_sweep.py', '1000', '128'], root).ms);
  }
  report({
    name: 'runner: synthetic sweep, gamma 1..16 x 1,000 trials x 128 tokens (node scripts/sim.mjs, whole process)',
    value: median(runner),
    unit: 'ms',
    runs: runner,
    budget: null,
  });
  if (hasNumpy) {
    report({
      name: 'numpy program vectorised over trials, same sweep (python3 bench/numpy_sweep.py, whole process)',
      value: median(numpy),
      unit: 'ms',
      runs: numpy,
      budget: null,
    });
    const ratios = runner.map((t, i) => t / numpy[i]);
    report({
      name: 'runner / numpy',
      value: median(ratios),
      unit: 'x',
      runs: ratios,
      budget: 1 / 3,
      note: 'each run: the runner and then numpy, back to back',
    });
  }
  const ng: number[] = [];
  const sy: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    sy.push(sim('synthetic', 200));
    ng.push(sim('ngram', 200));
  }
  report({ name: 'runner: ngram sweep (en), gamma 1..16 x 200 trials x 128 tokens', value: median(ng), unit: 'ms', runs: ng, budget: null });
  report({ name: 'runner: synthetic sweep, same settings', value: median(sy), unit: 'ms', runs: sy, budget: null });
  const ratios = ng.map((t, i) => t / sy[i]);
  report({
    name: 'runner: ngram / synthetic',
    value: median(ratios),
    unit: 'x',
    runs: ratios,
    budget: 2,
    note: 'each run: synthetic and then ngram, back to back',
  });
}

// Lookup proposers on a 10,000-token context: proposals per second while decoding (the context
// grows one token per proposal, as in a run), and the naive rescan for comparison.
{
  const words = texts.en.split(/\s+/).filter((w) => w !== '');
  const ids = new Map<string, number>();
  const stream: number[] = [];
  while (stream.length < 11000) for (const w of words) stream.push(ids.get(w) ?? ids.set(w, ids.size).get(w) ?? 0);
  const ctx = stream.slice(0, 11000);
  const base = 10000;
  const N = 1000;
  const time = (label: string, make: () => { propose: (c: number[], len: number) => number }) => {
    const p = make();
    p.propose(ctx, base); // build the index over the first 10,000 tokens outside the timing
    const t = performance.now();
    let proposed = 0;
    for (let i = 0; i < N; i++) proposed += p.propose(ctx, base + i);
    const ms = performance.now() - t;
    report({
      name: `${label} on a 10,000-token context`,
      value: (N / ms) * 1000,
      unit: `proposals / s (${fmt(proposed / N, 1)} tokens each)`,
      runs: [],
      budget: null,
    });
  };
  time('ngram lookup (incremental index, min 2 max 5, k 5)', () => {
    const index = new NgramIndex(2, 5);
    return { propose: (c, len) => index.lookup(c, len, 5).proposal.length };
  });
  time('ngram lookup (naive rescan, same settings)', () => ({ propose: (c, len) => ngramLookupNaive(c, len, 2, 5, 5).proposal.length }));
  time('suffix decoding (depth 24, spec factor 1, min prob 0.1, k 5)', () => {
    const s = suffixProposer(SUFFIX_DEFAULTS, null, 30);
    const rng = makeStreams('bench').draft;
    return { propose: (c, len) => s.propose(c, len, 5, rng).tokens.length };
  });
}

const over = overBudget();
console.log(machineLine());
if (over.length > 0) {
  console.log(`OVER BUDGET: ${over.map((f) => f.name).join('; ')}`);
  process.exitCode = 1;
} else console.log('every figure with a budget is within it');
