import { fmix, mix, toUnit } from '../../src/core/hash';
import type { ModelPair } from '../../src/real/engine';
import type { CausalLm, LmTokenizer } from '../../src/real/types';

/** A character vocabulary for the fake models; the last id is end-of-text. */
export const FAKE_CHARS = ['a', 'b', 'c', 'd', ' ', '\n', '<eos>'];

/**
 * A fake causal LM with a real KV-cache contract: it remembers the tokens it has seen, `forward`
 * crops them to `from` first (and refuses a gap), and its logits depend on the last two tokens
 * and its seed. Each forward "takes" `ms` (a fixed figure, no clock), so measured times are known.
 */
export function fakeLm(seed: number, ms: number, log: string[] = []): CausalLm {
  let cache: number[] = [];
  const logitsAt = (ctx: readonly number[], j: number): Float32Array => {
    const out = new Float32Array(FAKE_CHARS.length);
    for (let i = 0; i < out.length; i++) out[i] = 4 * toUnit(fmix(mix(mix(mix(seed, ctx[j - 1] ?? -1), ctx[j] ?? -1), i)));
    out[FAKE_CHARS.length - 1] -= 2; // end-of-text rarer
    return out;
  };
  return {
    id: `fake-${seed}`,
    vocabSize: FAKE_CHARS.length,
    device: 'cpu',
    dtype: 'fp32',
    get cachedLength() {
      return cache.length;
    },
    async forward(tokens, from, keepLast = tokens.length) {
      if (from > cache.length) throw new Error(`forward from ${from} past the cache (${cache.length})`);
      log.push(`forward ${seed} ${from}+${tokens.length}`);
      cache = cache.slice(0, from).concat(tokens);
      const logits = tokens.map((_, i) => logitsAt(cache, from + i)).slice(tokens.length - keepLast);
      return { logits, ms, cropMs: 0 };
    },
    async recompute(tokens) {
      return tokens.map((_, i) => logitsAt(tokens, i));
    },
    async reset() {
      cache = [];
    },
    async dispose() {
      log.push(`dispose ${seed}`);
    },
  };
}

/** The fake pair's tokenizer: one character per token. */
export const fakeTokenizer: LmTokenizer = {
  vocabSize: FAKE_CHARS.length,
  eos: FAKE_CHARS.length - 1,
  encode: (text) => [...text].map((c) => FAKE_CHARS.indexOf(c)).filter((i) => i >= 0 && i < FAKE_CHARS.length - 1),
  decode: (ids) => ids.map((i) => FAKE_CHARS[i]).join(''),
  piece: (id) => FAKE_CHARS[id],
  chat: () => null,
};

/** A fake pair: target seed 7 at 10 ms per forward, draft seed 8 at 2 ms. */
export function fakePair(log: string[] = []): ModelPair {
  return { target: fakeLm(7, 10, log), draft: fakeLm(8, 2, log), tokenizer: fakeTokenizer };
}
