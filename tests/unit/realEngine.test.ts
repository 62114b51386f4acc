import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, type SimParams, type StepEvent, softmax } from '../../src/core';
import { chiSquareCritical, chiSquareGof } from '../../src/core/stats';
import { loadPair } from '../../src/real';
import { type ModelPair, type ModelSession, openSession, runReal, sampleReal } from '../../src/real/engine';
import type { CausalLm } from '../../src/real/types';

/** The tiny pair the project generates (scripts/make-tiny-models.mjs): offline, a few KB. */
const MODELS = resolve(__dirname, '../../public/models');
/** z of the chi-square bound, as in lossless.test.ts: a correct rule fails with p ~ 1e-6. */
const Z = 4.75;

const base: SimParams = { ...DEFAULT_PARAMS, world: 'model', chat: 0, prompt: 'the cat sat on the mat. the cat sat on the ', length: 24, seed: 7 };
let pair: ModelPair;

beforeAll(async () => {
  pair = await loadPair({ target: resolve(MODELS, 'tiny-target'), draft: resolve(MODELS, 'tiny-draft'), device: 'cpu', dtype: 'fp32' });
});
afterAll(async () => {
  await pair.target.dispose();
  await pair.draft?.dispose();
});

const generated = (events: StepEvent[]) => events.flatMap((e) => e.emitted);
const strip = (events: StepEvent[]) => events.map(({ wall: _w, ...e }) => e);

describe('real engine (tiny pair)', () => {
  test('runReal - greedy speculative output equals greedy autoregressive for the draft model, n-gram lookup and suffix decoding', async () => {
    const session = openSession(pair, base);
    const greedy = { ...base, temperature: 0 };
    const ar = generated((await runReal(session, { ...greedy, method: 'autoregressive' })).events);
    // Autoregressive decoding stops at exactly `length` tokens; a speculative step may emit past
    // it (the last step counts in full), so compare the first `length` (or up to end of text).
    expect(ar.length).toBeGreaterThanOrEqual(1);
    const upTo = (events: StepEvent[]) => generated(events).slice(0, ar.length);
    let rejected = 0;
    let accepted = 0;
    for (const method of ['draft', 'ngram', 'suffix'] as const)
      for (const gamma of [1, 3, 5]) {
        const r = await runReal(session, { ...greedy, method, gamma });
        expect(upTo(r.events), `${method} gamma ${gamma}`).toEqual(ar);
        rejected += r.state.rejections;
        accepted += r.state.accepted;
      }
    // The check means something only if drafts were both kept and thrown away.
    expect(rejected).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
    // Every step made one target forward (measured) and the draft one per drafted token.
    expect(session.checks.every((c) => !c.fallback)).toBe(true);
  });

  test('runReal - a run is reproducible from its seed, and another seed differs', async () => {
    const session = openSession(pair, base);
    const p = { ...base, method: 'draft' as const, gamma: 3, length: 32 };
    const a = await runReal(session, p, '11');
    const b = await runReal(openSession(pair, base), p, '11');
    expect(strip(b.events)).toEqual(strip(a.events));
    const c = await runReal(session, p, '12');
    expect(generated(c.events)).not.toEqual(generated(a.events));
    expect(a.events.every((e) => e.wall !== undefined && e.wall.targetMs > 0 && e.wall.draftMs.length === e.drafted.length)).toBe(true);
  });

  test('runReal - a cancelled run stops between two forwards', async () => {
    const session = openSession(pair, base);
    const events: StepEvent[] = [];
    const r = await runReal(
      session,
      { ...base, method: 'draft', length: 64 },
      '1',
      false,
      (e) => events.push(e),
      () => events.length >= 2,
    );
    expect(r.events.length).toBe(2);
    expect(r.state.finished).toBe(false);
  });

  test('openSession - a cached forward that disagrees with a full recompute falls back to recomputing, and says so', async () => {
    // A target whose cached forwards are off by a constant: the first verify's check catches it.
    const skewed: CausalLm = {
      ...pair.target,
      id: pair.target.id,
      vocabSize: pair.target.vocabSize,
      forward: async (tokens, from, keepLast) => {
        const out = await pair.target.forward(tokens, from, keepLast);
        return { ...out, logits: out.logits.map((row) => row.map((x, i) => (i === 0 ? x + 5 : x))) };
      },
      recompute: (tokens) => pair.target.recompute(tokens),
      dispose: async () => {},
    };
    const session = openSession({ ...pair, target: skewed }, base);
    const greedy = { ...base, temperature: 0, gamma: 3 };
    const spec = generated((await runReal(session, { ...greedy, method: 'draft' })).events);
    expect(session.checks.some((c) => c.fallback && c.maxDiff > 1)).toBe(true);
    const ar = generated((await runReal(openSession(pair, base), { ...greedy, method: 'autoregressive' })).events);
    expect(spec.slice(0, ar.length)).toEqual(ar);
  });

  test('realSetup - methods a real pair cannot run are refused with the reason', async () => {
    const session = openSession(pair, base);
    await expect(runReal(session, { ...base, method: 'tree' })).rejects.toThrow(/not available with real models: token trees/);
    await expect(runReal(session, { ...base, method: 'mtp' })).rejects.toThrow(/not available with real models/);
  });

  describe('lossless', () => {
    /** Exact probabilities of every 2-token continuation under the tiny target (from the model
     * itself: one recompute for the prompt, one per first token). */
    async function exactPairs(session: ModelSession, floor = 1e-6): Promise<Map<string, number>> {
      const prompt = [...session.world.prompt];
      const out = new Map<string, number>();
      const vocab = session.world.vocab.tokens;
      const first = softmax((await pair.target.recompute(prompt)).at(-1) as Float32Array);
      for (let a = 0; a < first.length; a++) {
        if (first[a] < floor) continue;
        if (a === session.world.eos) {
          out.set(JSON.stringify([]), (out.get('[]') ?? 0) + first[a]);
          continue;
        }
        const second = softmax((await pair.target.recompute([...prompt, a])).at(-1) as Float32Array);
        for (let b = 0; b < second.length; b++) {
          const pr = first[a] * second[b];
          if (pr < floor) continue;
          const key = JSON.stringify(b === session.world.eos ? [vocab[a]] : [vocab[a], vocab[b]]);
          out.set(key, (out.get(key) ?? 0) + pr);
        }
      }
      return out;
    }

    async function gof(p: SimParams, samples: number) {
      const session = openSession(pair, p);
      const s = await sampleReal(session, p, samples, 2);
      const observed = new Map(s.sequences.map((q) => [JSON.stringify(q.tokens), q.count]));
      const { stat, df } = chiSquareGof(observed, await exactPairs(session), samples);
      return { stat, df, critical: chiSquareCritical(df, Z), rejections: s.rejections, accepted: s.accepted };
    }

    const SAMPLES = 3000;
    test('sampleReal - speculative samples from the tiny pair follow the target exactly (chi-square, z = 4.75)', async () => {
      const r = await gof({ ...base, method: 'draft', gamma: 2 }, SAMPLES);
      expect(r.rejections).toBeGreaterThan(50);
      expect(r.accepted).toBeGreaterThan(50);
      expect(r.stat).toBeLessThan(r.critical);
    }, 120_000);

    test('sampleReal - the same test FAILS with the wrong rule accept-iff-p>=q', async () => {
      // The wrong rule is off by a wide margin (stat ~20x the bound at 3,000 samples): fewer suffice.
      const r = await gof({ ...base, method: 'draft', gamma: 2, acceptance: 'pgeq' }, 1000);
      expect(r.stat).toBeGreaterThan(r.critical);
    }, 120_000);
  });
});
