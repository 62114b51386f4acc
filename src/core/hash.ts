/**
 * Small integer hashing for the synthetic world: context-dependent but deterministic choices.
 * All values are unsigned 32-bit integers.
 */

/** Mixes one 32-bit word into a running hash (murmur3-style round). */
export function mix(h: number, k: number): number {
  let x = Math.imul(k | 0, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = (h ^ x) | 0;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/** Final avalanche (murmur3 fmix32); the result is uniform over 0..2^32-1. */
export function fmix(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A hash as a uniform number in [0, 1). */
export function toUnit(h: number): number {
  return (h >>> 0) / 4294967296;
}

/** Hashes a string to a 32-bit seed. */
export function hashString(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return fmix(h ^ s.length);
}
