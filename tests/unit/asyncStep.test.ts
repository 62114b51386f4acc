import { describe, expect, test } from 'vitest';
import { makeProposer, prepareWorld, runSteps } from '../../src/core';
import { asyncDraftProposer, type LogitModel, runStepsAsync } from '../../src/core/engine/asyncStep';
import type { Model, StepEvent } from '../../src/core/types';
import { params, TEXTS } from './helpers';

/** A simulated model behind the asynchronous seam: logits = log p, one "forward" per call. */
function asLogits(model: Model): LogitModel & { calls: number } {
  const m = {
    vocabSize: model.vocabSize,
    calls: 0,
    async logits(ctx: readonly number[], from: number, to: number) {
      m.calls++;
      const rows: Float32Array[] = [];
      for (let j = from; j <= to; j++) rows.push(Float32Array.from(model.dist(ctx, j), Math.log));
      return { rows, wallMs: 1 };
    },
  };
  return m;
}

async function collect(it: AsyncGenerator<StepEvent, unknown>): Promise<StepEvent[]> {
  const out: StepEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

const strip = (events: StepEvent[]) => events.map((e) => ({ drafted: e.drafted, verdicts: e.verdicts, emitted: e.emitted, kinds: e.emittedKinds }));

describe('stepAsync', () => {
  for (const method of ['draft', 'ngram', 'suffix', 'autoregressive'] as const)
    for (const temperature of [0, 1])
      test(`stepAsync - ${method} at T=${temperature} over logits gives the synchronous step's trace`, async () => {
        // The simulated world is built at T = 1 so that its dist is the raw distribution; the
        // run's temperature is applied by the core's shaping on both paths.
        const p = params({ world: 'ngram', corpus: 'en', method, gamma: 4, length: 48, seed: 3, temperature });
        const world = prepareWorld({ ...p, temperature: 1 }, TEXTS).at('3');
        const shaped = prepareWorld(p, TEXTS).at('3');
        const sync: StepEvent[] = [...runSteps(shaped, p, '3', false)];
        const target = asLogits(world.target);
        const proposer = method === 'draft' ? asyncDraftProposer(asLogits(world.draft as Model), world.eos, p) : makeProposer(world, p);
        const events = await collect(runStepsAsync({ world, proposer, target, params: p, greedy: temperature <= 0 }, '3', false));
        expect(strip(events)).toEqual(strip(sync));
        // One target forward per step, each with measured wall time in the event.
        expect(target.calls).toBe(events.length);
        expect(events.every((e) => e.wall?.targetMs === 1)).toBe(true);
        if (method === 'draft') expect(events.some((e) => e.verdicts.includes('rejected'))).toBe(true);
      });

  test('runStepsAsync - a cancelled run stops between two steps', async () => {
    const p = params({ world: 'ngram', corpus: 'en', method: 'ngram', length: 64 });
    const world = prepareWorld(p, TEXTS).at('1');
    let n = 0;
    const it = runStepsAsync({ world, proposer: makeProposer(world, p), target: asLogits(world.target), params: p, greedy: false }, '1', false, () => n >= 3);
    for await (const _ of it) n++;
    expect(n).toBe(3);
  });
});
