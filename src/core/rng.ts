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

/** Alea states right after seeding, by seed string (makeStreams' seeds), for trialStreams. */
const seededStates = new Map<string, seedrandom.State.Alea>();
/** Seeds remembered before the map is dropped (a sweep of 1,000 trials keeps 3,000). */
const MAX_SEEDED = 1 << 15;

/** makeRng(seed)'s stream, from Alea's remembered state after seeding with `seed`. */
function restoredRng(seed: string): { next: () => number } {
  let state = seededStates.get(seed);
  if (state === undefined) {
    if (seededStates.size >= MAX_SEEDED) seededStates.clear();
    state = seedrandom.alea(seed, { state: true }).state();
    seededStates.set(seed, state);
  }
  // Restoring copies the state (the remembered one stays as it is).
  const prng = seedrandom.alea('', { state });
  return { next: () => prng() };
}

/**
 * makeStreams(runSeed), the same numbers, with the seeding remembered: seeding hashes the seed
 * string character by character (Alea's Mash, most of a short trial's setup), and a sweep
 * starts trial t's streams once per gamma (common random numbers).
 */
export function trialStreams(runSeed: string): RngStreams {
  return { target: restoredRng(`${runSeed}:target`), draft: restoredRng(`${runSeed}:draft`), accept: restoredRng(`${runSeed}:accept`) };
}
