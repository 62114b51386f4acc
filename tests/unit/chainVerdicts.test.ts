import { describe, expect, test } from 'vitest';
import { prepareWorld, runGeneration } from '../../src/core';
import type { StepEvent } from '../../src/core/types';
import { params } from './helpers';

/** What a chain step's verdicts and emitted kinds must be, built fresh from its counts. */
function expected(e: StepEvent): { verdicts: string[]; kinds: string[] } {
  const k = e.drafted.length;
  const accepted = e.emittedKinds.filter((x) => x === 'accepted').length;
  const rejected = accepted < k;
  const verdicts = Array.from({ length: k }, (_, j) => (j < accepted ? 'accepted' : j === accepted ? 'rejected' : 'discarded'));
  const kinds = [...new Array(accepted).fill('accepted'), rejected ? 'resampled' : k > 0 ? 'bonus' : 'target'];
  return { verdicts, kinds };
}

/**
 * verifyChain hands out one shared, frozen verdicts array and emitted-kinds array per
 * (drafted, accepted) pair: every event must still read as if built for it alone, and no
 * reader may change a shared one.
 */
describe('chain verdicts', () => {
  for (const method of ['draft', 'autoregressive', 'ngram', 'mtp'] as const)
    test(`verifyChain - shared verdicts and kinds read as each step's own (${method})`, () => {
      const p = params({ world: 'synthetic', method, gamma: 6, length: 300, vocab: 12, alpha: 0.6 });
      const prepared = prepareWorld(p);
      let steps = 0;
      for (const withDetail of [true, false])
        for (const seed of ['a', 'b', 'c']) {
          const r = runGeneration(prepared, p, seed, withDetail);
          for (const e of r.events) {
            const { verdicts, kinds } = expected(e);
            expect(e.verdicts).toEqual(verdicts);
            expect(e.emittedKinds).toEqual(kinds);
            expect(e.emitted.length).toBe(kinds.length);
            expect(Object.isFrozen(e.verdicts)).toBe(true);
            expect(() => (e.verdicts as string[]).push('accepted')).toThrow();
            steps++;
          }
        }
      expect(steps).toBeGreaterThan(100);
    });
});
