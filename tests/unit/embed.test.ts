import { describe, expect, test } from 'vitest';
import { globalSuffixTrie, SUFFIX_DEFAULTS } from '../../src/core/proposers/suffix';
import { parseHostCommand } from '../../src/store/embed';
import { readView } from '../../src/store/uiSlice';

describe('embedding', () => {
  test('parseHostCommand - only documented commands with the right shape pass', () => {
    expect(parseHostCommand({ type: 'specplay:play' })).toEqual({ type: 'specplay:play' });
    expect(parseHostCommand({ type: 'specplay:set', hash: '#gamma=3' })).toEqual({ type: 'specplay:set', hash: '#gamma=3' });
    for (const bad of [
      null,
      'specplay:play',
      42,
      {},
      { type: 'specplay:eval', code: 'x' },
      { type: 'specplay:set', hash: 7 },
      { type: 'specplay:set', hash: 'x'.repeat(5000) },
    ])
      expect(parseHostCommand(bad)).toBeNull();
    // Extra fields are dropped, not passed on.
    expect(parseHostCommand({ type: 'specplay:pause', extra: 'x' })).toEqual({ type: 'specplay:pause' });
  });

  test('readView - embed, hide, autoplay, theme and step from a link; unknown parts ignored', () => {
    expect(readView({ embed: '1', hide: 'controls,log,bogus', autoplay: '1', theme: 'dark', step: '4' })).toEqual({
      embed: true,
      hide: ['controls', 'log'],
      autoplay: true,
      theme: 'dark',
      initialStep: 4,
    });
    expect(readView({ step: '-2', theme: 'neon' })).toMatchObject({ embed: false, hide: [], theme: 'auto', initialStep: null });
  });
});

describe('suffix global cache', () => {
  test('globalSuffixTrie - keeps only the most recent max_cached_requests responses (FIFO)', () => {
    const history = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    const trie = globalSuffixTrie(history, { ...SUFFIX_DEFAULTS, maxCachedRequests: 2 });
    expect(trie.find([1, 2], 0, 2)).toBeNull(); // the oldest was dropped
    expect(trie.find([4, 5], 0, 2)?.count).toBe(1);
    expect(trie.find([8, 9], 0, 2)?.count).toBe(1);
    // Responses are separate sequences: no suffix runs across two of them.
    expect(trie.find([6, 7], 0, 2)).toBeNull();
  });
});
