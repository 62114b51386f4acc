import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CorpusTexts, DEFAULT_PARAMS, type SimParams } from '../../src/core';
import type { StepEvent, World } from '../../src/core/types';

/** The built-in corpora, read as the runner reads them. */
export const TEXTS: CorpusTexts = {
  en: readFileSync(resolve(__dirname, '../../src/core/corpora/en.txt'), 'utf8'),
  zh: readFileSync(resolve(__dirname, '../../src/core/corpora/zh.txt'), 'utf8'),
};

/** Default parameters with overrides. */
export function params(over: Partial<SimParams>): SimParams {
  return { ...DEFAULT_PARAMS, ...over };
}

/**
 * A chain step for store and view tests: `drafted` drafts of which the first `accepted` passed,
 * then the resampled token (the bonus when all passed, the target's own token when nothing was
 * drafted); `over` sets the rest (index, times, greedy...).
 */
export function chainStep(drafted: number, accepted: number, over: Partial<StepEvent> = {}): StepEvent {
  return {
    index: 0,
    drafted: new Array(drafted).fill(1),
    verdicts: [
      ...new Array(accepted).fill('accepted'),
      ...(accepted < drafted ? ['rejected'] : []),
      ...new Array(Math.max(0, drafted - accepted - 1)).fill('discarded'),
    ],
    emitted: new Array(accepted + 1).fill(2),
    emittedKinds: [...new Array(accepted).fill('accepted'), drafted === 0 ? 'target' : accepted < drafted ? 'resampled' : 'bonus'],
    positions: null,
    timeMs: 0,
    greedy: false,
    start: 0,
    finished: false,
    endOfText: false,
    ...over,
  };
}

/**
 * Exact probabilities of every generated sequence of `length` tokens under the world's
 * target (sequences below `floor` are left out; the chi-square test pools them). A sequence
 * that reaches end of text is shorter.
 * Keys are JSON arrays of token strings, as sampleSequences reports them.
 */
export function exactSequenceProbs(world: World, length: number, floor = 1e-7): Map<string, number> {
  const out = new Map<string, number>();
  const record = (ctx: number[], prob: number) => {
    const key = JSON.stringify(ctx.slice(world.prompt.length).map((t) => world.vocab.tokens[t]));
    out.set(key, (out.get(key) ?? 0) + prob);
  };
  const walk = (ctx: number[], prob: number) => {
    if (ctx.length - world.prompt.length === length) return record(ctx, prob);
    const p = world.target.dist(ctx, ctx.length);
    for (let t = 0; t < p.length; t++) {
      if (p[t] <= 0 || prob * p[t] < floor) continue;
      // End of text: the sequence stops short (the token itself is not output).
      if (t === world.eos) record(ctx, prob * p[t]);
      else walk([...ctx, t], prob * p[t]);
    }
  };
  walk([...world.prompt], 1);
  return out;
}
