import { describe, expect, test } from 'vitest';
import type { Model, Proposal } from '../../src/core';
import { modelScores } from '../../src/core/engine/scores';
import { makeStreams } from '../../src/core/rng';
import { verifyChain } from '../../src/core/verify';

/** z of the bound on a frequency: a correct draw fails with probability about 1e-6. */
const Z = 4.75;

// p has entropy H ~ 1.14 nats: the threshold is min(0.09, 0.3 exp(-H)) = 0.09, so Medusa's
// typical draw (get_typical_one_token, FasterDecoding/Medusa medusa/model/utils.py) keeps
// tokens 0..2 (p >= 0.09) and drops token 3 (p = 0.05).
const P = Float64Array.from([0.5, 0.3, 0.15, 0.05]);
const target: Model = { vocabSize: 4, dist: () => P };
const kept = 0.5 + 0.3 + 0.15;

function followUps(token: number, n: number): number[] {
  const counts = [0, 0, 0, 0];
  for (let s = 0; s < n; s++) {
    const proposal: Proposal = { tokens: [token], q: [null], draftCost: 0 };
    const v = verifyChain(modelScores(target, [0, token], 1, 2), proposal, false, 'typical', makeStreams(`typ${s}`), false);
    counts[v.emitted[v.emitted.length - 1]]++;
  }
  return counts;
}

function expectShare(count: number, n: number, p: number, what: string) {
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(count / n - p), `${what}: ${count}/${n} against ${p.toFixed(4)}`).toBeLessThan(Z * se + 1e-12);
}

describe('typical acceptance follow-up tokens', () => {
  test('verifyChain - after a rejection and after full acceptance the target token is drawn the same way: p restricted to p >= threshold', () => {
    const n = 4000;
    // Token 3 (p 0.05 <= 0.09) is rejected; token 1 (p 0.3 > 0.09) is accepted, then the bonus.
    for (const [token, what] of [
      [3, 'after a rejection'],
      [1, 'after full acceptance (bonus)'],
    ] as const) {
      const c = followUps(token, n);
      expect(c[3], `${what}: a token under the threshold is never drawn`).toBe(0);
      expectShare(c[0], n, 0.5 / kept, `${what}: token 0`);
      expectShare(c[1], n, 0.3 / kept, `${what}: token 1`);
      expectShare(c[2], n, 0.15 / kept, `${what}: token 2`);
    }
  });
});
