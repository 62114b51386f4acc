import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { prepareWorld } from '../../src/core';
import { EXPORT_NOTES_EN, engineSnippets, vllmSpeculativeConfig } from '../../src/core/export';
import { makeRng } from '../../src/core/rng';
import { makeProposer } from '../../src/core/step';
import { decodeHash } from '../../src/core/urlCodec';
import { params, TEXTS } from './helpers';

const WORLDS = [
  ['synthetic', params({ world: 'synthetic', alpha: 0.7, headDecay: 0.8, heads: 4, vocab: 16, temperature: 1 })],
  ['ngram', params({ world: 'ngram', corpus: 'en', heads: 4, temperature: 1, prompt: 'the draft model' })],
] as const;

describe('Medusa heads (parallel) and MTP modules (chained) are two methods, alike in every world', () => {
  test.each(WORLDS)('World - Medusa heads read only the committed context (%s world)', (_name, p) => {
    const world = prepareWorld(p, TEXTS).at('1');
    const heads = world.medusaHeads;
    expect(typeof heads).toBe('function');
    const len = world.prompt.length;
    const a = [...world.prompt, 0, 1, 2, 3];
    const b = [...world.prompt, 3, 2, 1, 0];
    // Whatever sits after len (this step's drafts) cannot change a head's distribution.
    for (let i = 0; i < 4; i++) expect(Array.from(heads?.(i, b, len) ?? [])).toEqual(Array.from(heads?.(i, a, len) ?? []));
  });

  test.each(WORLDS)('World - MTP modules condition on the drafts before them (%s world)', (_name, p) => {
    const world = prepareWorld(p, TEXTS).at('1');
    const mtp = world.mtpModules;
    expect(typeof mtp).toBe('function');
    const len = world.prompt.length;
    // Module 1 drafts the token at len + 1 after the draft at len: change that draft, and in
    // most contexts its distribution changes.
    let differs = 0;
    const vocab = world.vocab.tokens.length;
    for (let x = 1; x < Math.min(vocab, 40); x++) {
      const a = Array.from(mtp?.(1, [...world.prompt, 0], len + 1) ?? []);
      const b = Array.from(mtp?.(1, [...world.prompt, x], len + 1) ?? []);
      if (a.join() !== b.join()) differs++;
    }
    expect(differs).toBeGreaterThan(5);
  });

  test('makeProposer - Medusa heads cost no extra pass; each MTP module is one small pass (c)', () => {
    const p = params({ world: 'synthetic', alpha: 0.7, heads: 4, gamma: 4, costRatio: 0.05 });
    const world = prepareWorld(p, TEXTS).at('1');
    const ctx = [...world.prompt];
    const medusa = makeProposer(world, { ...p, method: 'medusa' })?.propose(ctx.slice(), ctx.length, 4, makeRng('m'));
    const mtp = makeProposer(world, { ...p, method: 'mtp' })?.propose(ctx.slice(), ctx.length, 4, makeRng('m'));
    expect(medusa?.tokens.length).toBe(4);
    expect(medusa?.draftCost).toBe(0);
    expect(mtp?.draftCost).toBeCloseTo(4 * 0.05, 12);
  });

  test('parseArgs, decodeHash - medusa is a method; an old method=mtp link keeps meaning MTP (chained)', () => {
    expect(parseArgs(['run', '--method', 'medusa']).params.method).toBe('medusa');
    expect(decodeHash('#method=medusa').params.method).toBe('medusa');
    expect(decodeHash('#method=mtp&heads=3').params).toMatchObject({ method: 'mtp', heads: 3 });
  });

  test('engineSnippets - each design exports to the engine flag that means it', () => {
    expect(vllmSpeculativeConfig(params({ method: 'medusa', gamma: 3, heads: 4 }))).toMatchObject({ method: 'medusa', num_speculative_tokens: 3 });
    const medusa = engineSnippets(params({ method: 'medusa', gamma: 3 }));
    expect(medusa.sglang).toBeNull();
    expect(medusa.notes.map((n) => EXPORT_NOTES_EN[n]).join(' ')).toMatch(/SGLang has no Medusa/);
    expect(vllmSpeculativeConfig(params({ method: 'mtp', gamma: 3, heads: 4 }))).toMatchObject({ method: 'mtp', num_speculative_tokens: 3 });
    expect(engineSnippets(params({ method: 'mtp', gamma: 3 })).notes).not.toContain('medusa');
  });
});
