import seedrandom from 'seedrandom';
import type { Rng, RngStreams } from './types';

/** A seeded uniform stream (seedrandom's Alea: fast, and reproducible across platforms). */
export function makeRng(seed: string): Rng {
  const prng = seedrandom.alea(seed);
  return { next: () => prng() };
}

/**
 * Independent streams per role, forked from one seed by name, so changing how many numbers
 * one role draws (e.g. a larger gamma) never shifts another role's numbers.
 */
export function makeStreams(seed: number | string): RngStreams {
  return {
    target: makeRng(`${seed}:target`),
    draft: makeRng(`${seed}:draft`),
    accept: makeRng(`${seed}:accept`),
  };
}

/** Wraps streams so every draw is counted (for the benchmark's bare random-number cost). */
export function countingStreams(inner: RngStreams): { streams: RngStreams; count: () => number } {
  let n = 0;
  const wrap = (r: Rng): Rng => ({
    next: () => {
      n++;
      return r.next();
    },
  });
  return { streams: { target: wrap(inner.target), draft: wrap(inner.draft), accept: wrap(inner.accept) }, count: () => n };
}
