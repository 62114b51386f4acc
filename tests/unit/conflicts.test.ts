import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { DEFAULT_PARAMS } from '../../src/core';
import { vllmSpeculativeConfig } from '../../src/core/export';
import { noticeText } from '../../src/core/notices';
import { resolveLookup } from '../../src/core/proposers/ngramLookup';
import { decodeHash } from '../../src/core/urlCodec';
import { useStore } from '../../src/store/store';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const sim = (args: string[]) => spawnSync(TSX, [resolve(ROOT, 'src/cli/sim.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('conflicts', () => {
  // vLLM raises ValueError("prompt_lookup_min=... must be <= prompt_lookup_max=...")
  // (vllm-project/vllm vllm/config/speculative.py); specplay used to swap the two silently.
  test('resolveLookup - min above max is refused, not swapped', () => {
    expect(() => resolveLookup(5, 3)).toThrow(/prompt_lookup_min=5 must be <= prompt_lookup_max=3/);
    expect(resolveLookup(2, 3)).toEqual({ min: 2, max: 3 });
  });

  test('parseArgs - --lookup-min above --lookup-max is a usage error (exit 2)', () => {
    expect(() => parseArgs(['run', '--method', 'ngram', '--lookup-min', '5', '--lookup-max', '3'])).toThrow(
      /prompt_lookup_min=5 must be <= prompt_lookup_max=3/,
    );
    const r = sim(['run', '--world', 'ngram', '--method', 'ngram', '--lookup-min', '5', '--lookup-max', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/prompt_lookup_min=5/);
  });

  test('decodeHash - a link with lookupMin above lookupMax gets a notice and no swap', () => {
    const d = decodeHash('#method=ngram&lookupMin=5&lookupMax=3');
    const n = d.notices.find((x) => x.code === 'lookupOrder');
    expect(n).toBeDefined();
    expect(noticeText(n as NonNullable<typeof n>)).toMatch(/prompt_lookup_min=5 must be <= prompt_lookup_max=3/);
    // Safe default: min left unset (vLLM then copies max), never swapped to min 3 / max 5.
    expect(d.params.lookupMax).toBe(3);
    expect(d.params.lookupMin).toBe(0);
    const cfg = vllmSpeculativeConfig(d.params) as Record<string, unknown>;
    expect(cfg.prompt_lookup_max).toBe(3);
    expect(cfg.prompt_lookup_min ?? 3).toBe(3);
  });

  test('setParams - the page refuses min above max with a notice', () => {
    useStore.getState().setParams({ method: 'ngram', lookupMax: 3, lookupMin: 6 });
    expect(useStore.getState().notices.map((n) => n.code)).toContain('lookupOrder');
    expect(useStore.getState().params.lookupMin).toBe(0);
  });

  test('vllmSpeculativeConfig - both lookup keys unset are written out (newer vLLM requires one)', () => {
    // Newer vLLM raises "Either prompt_lookup_max or prompt_lookup_min must be provided";
    // older ones defaulted both to 5, which is what specplay simulates.
    expect(vllmSpeculativeConfig({ ...DEFAULT_PARAMS, method: 'ngram', gamma: 5 })).toEqual({
      method: 'ngram',
      num_speculative_tokens: 5,
      prompt_lookup_min: 5,
      prompt_lookup_max: 5,
    });
  });
});
