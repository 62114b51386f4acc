import { describe, expect, test } from 'vitest';
import { makeStreams, trialStreams } from '../../src/core/rng';

describe('trialStreams', () => {
  test('trialStreams - the numbers of makeStreams, seeded fresh and restored from the remembered state', () => {
    for (const seed of ['42/0', '42/1', '7/999', '', 'x:y']) {
      // Twice: the first call seeds and remembers, the second restores.
      for (let pass = 0; pass < 2; pass++) {
        const a = makeStreams(seed);
        const b = trialStreams(seed);
        for (let i = 0; i < 500; i++) {
          expect(b.target.next()).toBe(a.target.next());
          expect(b.draft.next()).toBe(a.draft.next());
          expect(b.accept.next()).toBe(a.accept.next());
        }
      }
    }
  });

  test('trialStreams - drawing from one stream leaves the remembered state as it was', () => {
    const first = trialStreams('s');
    for (let i = 0; i < 100; i++) first.draft.next();
    const again = trialStreams('s');
    expect(again.draft.next()).toBe(makeStreams('s').draft.next());
  });
});
