import { describe, expect, test } from 'vitest';
import { prepareWorld, runGeneration, runToJson } from '../../src/core';
import { seedWorld } from '../../src/core/worlds/seedWorld';
import { params } from './helpers';

describe('seed world', () => {
  test('seedWorld - the draft puts a + (1 - a)/3 on the right character', () => {
    const w = seedWorld(0.7, '');
    const q = w.draft?.dist([], 0) as Float64Array;
    expect(q[w.vocab.ids.get('人') as number]).toBeCloseTo(0.8, 12);
    expect(q[w.vocab.ids.get('入') as number]).toBeCloseTo(0.1, 12);
    expect(w.target.dist([], 0)[w.vocab.ids.get('人') as number]).toBe(1);
  });

  test('runGeneration - golden seeded trace (seed 1, gamma 3)', () => {
    const p = params({ world: 'seed', gamma: 3, seed: 1 });
    const j = runToJson(runGeneration(prepareWorld(p), p));
    const compact = j.steps.map(
      (s) => `${s.drafted.join('')}|${s.verdicts.map((v) => v[0]).join('')}|${s.emitted.join('')}|${s.emittedKinds.map((k) => k[0]).join('')}`,
    );
    expect(compact).toEqual([
      '人工智|aaa|人工智能|aaab',
      '是未米|aar|是未来|aar',
      '科技发|aaa|科技发展|aaab',
      '的核心|aaa|的核心驱|aaab',
      '力九.|rdd|动|r',
      '力．|ar|力。|ar',
    ]);
    expect(j.text).toBe('人工智能是未来科技发展的核心驱动力。');
    expect(j.steps.map((s) => s.timeMs)).toEqual([34.5, 34.5, 34.5, 34.5, 34.5, 33]);
  });

  test('runGeneration - every step emits at least one target token, from the very first', () => {
    for (let seed = 0; seed < 200; seed++) {
      const p = params({ world: 'seed', gamma: 3, seed, draftAccuracy: 0 });
      const r = runGeneration(prepareWorld(p), p);
      expect(r.events.every((e) => e.emitted.length >= 1)).toBe(true);
      expect(runToJson(r).text).toBe('人工智能是未来科技发展的核心驱动力。');
      // Never more passes than autoregressive decoding's 18.
      expect(r.state.passes).toBeLessThanOrEqual(18);
    }
  });

  test('runGeneration - autoregressive takes 18 passes, one token each', () => {
    const p = params({ world: 'seed', method: 'autoregressive' });
    const r = runGeneration(prepareWorld(p), p);
    expect(r.state.passes).toBe(18);
    expect(r.events.every((e) => e.emittedKinds.join() === 'target')).toBe(true);
  });
});
