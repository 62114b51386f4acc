import { beforeEach, describe, expect, test } from 'vitest';
import type { StepEvent } from '../../src/core';
import { MAX_CUSTOM_CORPUS } from '../../src/store/paramsSlice';
import { PRESETS } from '../../src/store/presets';
import { prefixOf, summaryAt } from '../../src/store/selectors';
import { useStore } from '../../src/store/store';
import { chainStep } from './helpers';

const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

const ev = (i: number, drafted: number, accepted: number): StepEvent => chainStep(drafted, accepted, { index: i, timeMs: 30 * (1 + drafted * 0.05) });

describe('store', () => {
  test('receiveEvents - stale worker results (an older runId) never reach the state', () => {
    const s = useStore.getState();
    const first = s.beginRun();
    const second = useStore.getState().beginRun();
    useStore.getState().receiveEvents(first, [ev(0, 4, 4)], true);
    expect(useStore.getState().events).toHaveLength(0);
    useStore.getState().receiveEvents(second, [ev(0, 4, 2)], false);
    useStore.getState().receiveEvents(second, [ev(1, 4, 1)], true);
    expect(useStore.getState().events).toHaveLength(2);
    expect(useStore.getState().complete).toBe(true);
  });

  test('stepForward, stepBack, seek - stay within the trace', () => {
    const id = useStore.getState().beginRun();
    useStore.getState().receiveEvents(id, [ev(0, 3, 3), ev(1, 3, 0)], true);
    const s = () => useStore.getState();
    s().stepBack();
    expect(s().cursor).toBe(0);
    s().stepForward();
    s().stepForward();
    s().stepForward();
    expect(s().cursor).toBe(2);
    s().seek(-5);
    expect(s().cursor).toBe(0);
    s().seek(99);
    expect(s().cursor).toBe(2);
    s().play();
    expect(s().cursor).toBe(0); // playing from the end starts over
    expect(s().playing).toBe(true);
    s().reset();
    expect(s().playing).toBe(false);
  });

  test('setParams - clamps impossible values; a custom corpus without text falls back', () => {
    useStore.getState().setParams({ gamma: 99, temperature: -1, corpus: 'custom' });
    const p = useStore.getState().params;
    expect(p.gamma).toBe(16);
    expect(p.temperature).toBe(0);
    expect(p.corpus).toBe('en');
  });

  test('setCustomCorpus - a text over the limit is refused with a notice; a good one switches to it', () => {
    useStore.getState().setCustomCorpus('x'.repeat(MAX_CUSTOM_CORPUS + 1));
    expect(useStore.getState().customCorpus).toBeNull();
    expect(useStore.getState().notices[0]).toMatchObject({ code: 'corpusTooLarge', limit: MAX_CUSTOM_CORPUS });
    useStore.getState().setCustomCorpus('some text to train on');
    expect(useStore.getState().params.corpus).toBe('custom');
    expect(useStore.getState().params.world).toBe('ngram');
  });

  test('applyPreset - the notebook demo is the seed world at gamma 3', () => {
    useStore.getState().applyPreset('notebook');
    expect(useStore.getState().params).toMatchObject({ world: 'seed', gamma: 3, method: 'draft' });
    expect(PRESETS.map((p) => p.id)).toEqual(['notebook', 'draftT09', 'weak', 'strong', 'greedy']);
  });

  test('summaryAt - counters derived from the trace prefix', () => {
    const prefix = prefixOf([ev(0, 4, 4), ev(1, 4, 1)]);
    const s = summaryAt(prefix, 2, 30);
    expect(s.tokens).toBe(7);
    expect(s.drafted).toBe(8);
    expect(s.accepted).toBe(5);
    expect(s.acceptanceRate).toBe(5 / 8);
    expect(s.tokensPerStep).toBe(3.5);
    expect(s.speedup).toBeCloseTo((7 * 30) / (2 * 30 * 1.2), 12);
    expect(summaryAt(prefix, 0, 30).passes).toBe(0);
    // End-of-text took a pass: it counts for tokens per step and the autoregressive baseline.
    const ended = prefixOf([{ ...ev(0, 0, 0), emitted: [], emittedKinds: [], endOfText: true, finished: true }]);
    expect(summaryAt(ended, 1, 30).tokensPerStep).toBe(1);
    expect(summaryAt(ended, 1, 30).speedup).toBeCloseTo(1, 12);
  });
});
