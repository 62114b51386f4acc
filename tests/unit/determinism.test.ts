import { describe, expect, test } from 'vitest';
import { initialState, makeSetup, makeStreams, prepareWorld, runGeneration, step, sweep } from '../../src/core';
import { RatioStat } from '../../src/core/stats';
import { params, TEXTS } from './helpers';

describe('determinism', () => {
  test('runGeneration - a given seed gives a byte-identical trace', () => {
    for (const world of ['seed', 'ngram', 'synthetic'] as const) {
      const p = params({ world, seed: 5, length: 50 });
      const a = JSON.stringify(runGeneration(prepareWorld(p, TEXTS), p).events);
      const b = JSON.stringify(runGeneration(prepareWorld(p, TEXTS), p).events);
      expect(a).toBe(b);
      const c = JSON.stringify(runGeneration(prepareWorld(p, TEXTS), { ...p, seed: 6 }).events);
      expect(c).not.toBe(a);
    }
  });

  test('step - stepping from an older state again reproduces the same next state', () => {
    const p = params({ world: 'synthetic', seed: 2 });
    const world = prepareWorld(p).at('2');
    const setup = makeSetup(world, p);
    const s0 = initialState(world);
    const a = step(setup, s0, makeStreams('2'));
    step(setup, a.state, makeStreams('x'));
    const again = step(setup, s0, makeStreams('2'));
    expect(again.event).toEqual(a.event);
    expect(again.state.tokens.slice(0, again.state.len)).toEqual(a.state.tokens.slice(0, a.state.len));
  });

  test('sweep - the same seed gives the same points; stderr shrinks with more trials', () => {
    const p = params({ world: 'synthetic', length: 64 });
    const prepared = prepareWorld(p);
    expect(sweep(prepared, p, [2, 5], 40)).toEqual(sweep(prepared, p, [2, 5], 40));
    const [small] = sweep(prepared, p, [4], 40);
    const [big] = sweep(prepared, p, [4], 640);
    expect(big.tokensPerStepStderr).toBeLessThan(small.tokensPerStepStderr / 2);
  });

  test('RatioStat - delta-method stderr on a known case', () => {
    const r = new RatioStat();
    r.add(2, 1);
    r.add(4, 1);
    r.add(6, 2);
    // R = 12/4 = 3; residuals -1, 1, 0; se = sqrt(2 / 6) / (4/3)
    expect(r.ratio).toBe(3);
    expect(r.stderr).toBeCloseTo(Math.sqrt(2 / 6) / (4 / 3), 12);
  });
});
