import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { prepareWorld, runGeneration } from '../../src/core';
import { argmax } from '../../src/core/dist';
import { vllmSpeculativeConfig } from '../../src/core/export';
import { decodeHash } from '../../src/core/urlCodec';
import { params, TEXTS } from './helpers';

// vLLM v1 drafts with argmax for EAGLE, MTP and draft models (eagle.py: "we always use argmax to
// sample the draft tokens") and calls its rejection sampler without draft probabilities
// (gpu_model_runner.py: rejection_sampler(..., None  # draft_probs, ...)), which then treats each
// draft as a point mass: accept if p(x) >= u, recover from p with x zeroed
// (vllm/v1/sample/rejection_sampler.py). Newer vLLM names it draft_sample_method = "greedy"
// (the default) or "probabilistic" (vllm/config/speculative.py).
describe('draft sampling: sampled from q, or argmax verified as a point mass', () => {
  test('step - argmax drafting proposes the draft model argmax and verifies it as a point mass', () => {
    const p = params({ world: 'synthetic', method: 'draft', temperature: 1, alpha: 0.7, vocab: 16, gamma: 4, length: 60, draftSampling: 'argmax' });
    const prepared = prepareWorld(p, TEXTS);
    const r = runGeneration(prepared, p);
    const world = prepared.at(`${p.seed}`);
    let checked = 0;
    for (const e of r.events) {
      const ctx = r.state.tokens.slice(0, r.state.promptLen + e.start);
      for (let i = 0; i < e.drafted.length; i++) {
        const q = world.draft?.dist([...ctx, ...e.drafted.slice(0, i)], ctx.length + i) as Float64Array;
        expect(e.drafted[i]).toBe(argmax(q));
        const pos = e.positions?.[i];
        if (pos && pos.token !== null) {
          // A point mass: q(x) = 1, so the acceptance probability is p(x) itself.
          expect(pos.qToken).toBe(1);
          expect(pos.overlap).toBeCloseTo(pos.pToken, 12);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('parseArgs, decodeHash - draftSampling travels as --draft-sampling and in links', () => {
    expect(parseArgs(['run', '--draft-sampling', 'argmax']).params.draftSampling).toBe('argmax');
    expect(decodeHash('#draftSampling=argmax').params.draftSampling).toBe('argmax');
    expect(decodeHash('#world=seed').params.draftSampling).toBe('sampled');
  });

  test("vllmSpeculativeConfig - exports vLLM's draft_sample_method for the model-based drafters", () => {
    expect(vllmSpeculativeConfig(params({ method: 'draft', draftSampling: 'argmax' }))).toMatchObject({ draft_sample_method: 'greedy' });
    expect(vllmSpeculativeConfig(params({ method: 'draft', draftSampling: 'sampled' }))).toMatchObject({ draft_sample_method: 'probabilistic' });
    expect(vllmSpeculativeConfig(params({ method: 'ngram' }))).not.toHaveProperty('draft_sample_method');
  });
});
