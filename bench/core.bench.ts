/**
 * Benchmarks of the core (figures, not pass/fail): `npm run bench`.
 * Single-threaded, on whatever machine runs it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PARAMS, initialState, makeSetup, makeStreams, prepareWorld, runGeneration, type SimParams, sweep } from '../src/core';
import { NgramIndex, ngramLookupNaive } from '../src/core/proposers/ngramLookup';
import { SUFFIX_DEFAULTS, suffixProposer } from '../src/core/proposers/suffix';
import { countingStreams, makeRng } from '../src/core/rng';
import { step } from '../src/core/step';

const texts = {
  en: readFileSync(resolve(import.meta.dirname, '../src/core/corpora/en.txt'), 'utf8'),
  zh: readFileSync(resolve(import.meta.dirname, '../src/core/corpora/zh.txt'), 'utf8'),
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Drafted tokens verified per second over `trials` generations of `length` tokens. */
function throughput(p: SimParams, trials: number): { perSec: number; drafted: number; ms: number } {
  const prepared = prepareWorld(p, texts);
  runGeneration(prepared, p, 'warm', false); // train / build caches outside the timing
  const t0 = performance.now();
  let drafted = 0;
  for (let t = 0; t < trials; t++) drafted += runGeneration(prepared, p, `${p.seed}/${t}`, false).state.drafted;
  const ms = performance.now() - t0;
  return { perSec: (drafted / ms) * 1000, drafted, ms };
}

const synth: SimParams = { ...DEFAULT_PARAMS, world: 'synthetic', alpha: 0.8, vocab: 32, temperature: 1, gamma: 4, length: 128 };
const ngram: SimParams = { ...DEFAULT_PARAMS, world: 'ngram', corpus: 'en', gamma: 4, length: 128 };

// Warm up the JIT on the same code paths.
throughput(synth, 300);
const s = throughput(synth, 3000);
console.log(`synthetic (alpha 0.8, V 32, T 1, gamma 4): ${fmt(s.perSec)} drafted tokens verified / s  (${fmt(s.drafted)} in ${fmt(s.ms)} ms)`);
const n = throughput(ngram, 300);
console.log(`ngram (en, order 4 / draft 2, T 1, gamma 4): ${fmt(n.perSec)} drafted tokens verified / s  (${fmt(n.drafted)} in ${fmt(n.ms)} ms)`);

// The full sweep: gamma 1..16, 1,000 trials x 128 tokens.
const gammas = Array.from({ length: 16 }, (_, i) => i + 1);
const prepared = prepareWorld(synth);
const t0 = performance.now();
const points = sweep(prepared, synth, gammas, 1000);
const sweepMs = performance.now() - t0;
console.log(`full sweep (gamma 1..16, 1,000 trials x 128 tokens, synthetic): ${fmt(sweepMs)} ms`);

// Random numbers that sweep drew: one per drafted token (draft), one per verified drafted
// position (acceptance), one per pass (the residual or bonus sample). Checked by counting.
let draws = 0;
for (const p of points) {
  const verified = p.acceptedHist.reduce((a, c, i) => a + c * Math.min(i + 1, p.gamma), 0);
  draws += p.drafted + verified + p.steps;
}
{
  const world = prepared.at('check');
  const setup = makeSetup(world, { ...synth, gamma: 5 });
  const { streams, count } = countingStreams(makeStreams('check'));
  let st = initialState(world);
  while (!st.finished) st = step(setup, st, streams, false).state;
  const verified = st.acceptedHist.reduce((a, c, i) => a + c * Math.min(i + 1, 5), 0);
  if (count() !== st.drafted + verified + st.passes) throw new Error(`draw count formula is wrong: ${count()} vs ${st.drafted + verified + st.passes}`);
}
const rngs = [makeRng('a'), makeRng('b'), makeRng('c')];
const r0 = performance.now();
let sink = 0;
for (let i = 0; i < draws; i++) sink += rngs[i % 3].next();
const rngMs = performance.now() - r0;
console.log(`bare random numbers for that sweep: ${fmt(draws)} draws in ${fmt(rngMs)} ms; core / bare = ${fmt(sweepMs / rngMs, 2)}x ${sink < 0 ? '' : ''}`);

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
    console.log(`${label} on a 10,000-token context: ${fmt((N / ms) * 1000)} proposals / s (${fmt(proposed / N, 1)} tokens each)`);
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
