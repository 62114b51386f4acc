import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/core';
import { EXPORT_NOTES_EN, engineSnippets, vllmSpeculativeConfig } from '../../src/core/export';

const p = (over: Partial<typeof DEFAULT_PARAMS>) => ({ ...DEFAULT_PARAMS, ...over });

describe('export', () => {
  test('vllmSpeculativeConfig - the notebook n-gram example: only prompt_lookup_max set', () => {
    expect(vllmSpeculativeConfig(p({ method: 'ngram', gamma: 5, lookupMax: 4 }))).toEqual({ method: 'ngram', num_speculative_tokens: 5, prompt_lookup_max: 4 });
  });

  test('engineSnippets - contain the current gamma and the engines real key names', () => {
    const s = engineSnippets(p({ method: 'draft', gamma: 7, temperature: 0.9 }));
    expect(s.vllmOffline).toContain('"num_speculative_tokens": 7');
    expect(s.vllmOffline).toContain('SamplingParams(temperature=0.9)');
    expect(s.vllmServe).toContain(
      '--speculative-config \'{"method":"draft_model","model":"YOUR/draft-model","num_speculative_tokens":7,"draft_sample_method":"probabilistic"}\'',
    );
    expect(s.sglang).toContain('--speculative-num-steps 7');
    expect(s.sglang).toContain('--speculative-num-draft-tokens 8');
  });

  test('engineSnippets - SGLang counts the root in --speculative-num-draft-tokens, for trees as for chains', () => {
    // SGLang's organize_draft_results keeps topk(score_list, num_draft_token - 1) drafted nodes:
    // the flag is the drafted nodes plus the root (python/sglang/srt/speculative/eagle_utils.py).
    const tree = engineSnippets(p({ method: 'tree', depth: 3, topk: 2, draftTokens: 9 }));
    expect(tree.sglang).toContain('--speculative-num-draft-tokens 10');
    expect(tree.sglang).not.toMatch(/num-draft-tokens 9\b/);
    const chain = engineSnippets(p({ method: 'draft', gamma: 4 }));
    expect(chain.sglang).toContain('--speculative-num-draft-tokens 5');
  });

  test('engineSnippets - a method an engine lacks says so instead of inventing flags', () => {
    const s = engineSnippets(p({ method: 'suffix', gamma: 6 }));
    expect(s.sglang).toBeNull();
    expect(s.notes.map((n) => EXPORT_NOTES_EN[n]).join(' ')).toMatch(/SGLang has no suffix decoding/);
    expect(s.vllmOffline).toContain('"suffix_decoding_max_tree_depth": 24');
    const t = engineSnippets(p({ method: 'tree', depth: 5, topk: 4, draftTokens: 16 }));
    expect(t.sglang).toContain('--speculative-eagle-topk 4');
    expect(t.sglang).toContain('--speculative-num-draft-tokens 17');
    expect(engineSnippets(p({ method: 'autoregressive' })).vllmOffline).not.toContain('speculative_config');
  });
});
