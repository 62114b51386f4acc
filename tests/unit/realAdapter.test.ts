// The real-model adapter on the tiny pair (public/models, made by vitest's global setup): the KV
// cache gives the logits of a full recompute, cropping is what makes that true after a rejection,
// the tokenizer round-trips text, and bad pairs or files fail with sentences that say why.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_DIR } from '../../scripts/make-tiny-models.mjs';
import { type CausalLm, type LmTokenizer, loadPair } from '../../src/real';

const TARGET = join(TINY_DIR, 'tiny-target');
const DRAFT = join(TINY_DIR, 'tiny-draft');
const PROMPT = 'the draft model proposes a few tokens, and the target model verifies them in one forward pass.\n';
// Float tolerance of cached against recomputed logits (fp32 CPU; measured difference 0 to ~2e-7).
const TOL = 1e-4;

function maxDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
  return d;
}

let target: CausalLm;
let draft: CausalLm | null;
let tok: LmTokenizer;
let tmp: string;

beforeAll(async () => {
  ({ target, draft, tokenizer: tok } = await loadPair({ target: TARGET, draft: DRAFT, device: 'auto', dtype: 'auto', chunk: 32 }));
  tmp = mkdtempSync(join(tmpdir(), 'specplay-real-'));
});

afterAll(async () => {
  await target?.dispose();
  await draft?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Prefills `prompt`, runs a verify forward on 5 tokens of which 2 are then "accepted", and
 * continues with 3 new tokens, cropping to the committed length first or (crop false) continuing
 * on the stale cache. Returns the largest difference from a recompute of the committed sequence.
 */
async function continueAfterRejection(lm: CausalLm, prompt: number[], crop: boolean): Promise<number> {
  await lm.forward(prompt, 0, 1);
  const proposal = tok.encode('abcde');
  await lm.forward(proposal, prompt.length);
  const committed = [...prompt, ...proposal.slice(0, 2)];
  const next = tok.encode('xyz');
  const out = await lm.forward(next, crop ? committed.length : lm.cachedLength);
  const full = await lm.recompute([...committed, ...next]);
  return maxDiff(out.logits, full.slice(committed.length));
}

describe('real adapter on the tiny pair', () => {
  it('loadPair - loads the tiny pair on cpu in fp32 with the shared tokenizer', () => {
    expect([target.device, target.dtype, target.vocabSize]).toEqual(['cpu', 'fp32', 99]);
    expect(draft?.vocabSize).toBe(99);
    expect(tok.vocabSize).toBe(99);
    expect(tok.eos).toBe(0);
  });

  it('CausalLm.forward - a cached multi-token verify forward gives the logits of a full recompute', async () => {
    const prompt = tok.encode(PROMPT); // 96 tokens: three prefill chunks of 32
    const pre = await target.forward(prompt, 0, 1);
    expect(pre.logits).toHaveLength(1);
    const verify = tok.encode('it is');
    const out = await target.forward(verify, prompt.length);
    expect(target.cachedLength).toBe(prompt.length + verify.length);
    const full = await target.recompute([...prompt, ...verify]);
    expect(maxDiff(pre.logits, [full[prompt.length - 1]])).toBeLessThan(TOL);
    expect(maxDiff(out.logits, full.slice(prompt.length))).toBeLessThan(TOL);
  });

  it('CausalLm.forward - crop then continue equals a recompute, for the target and the draft', async () => {
    const prompt = tok.encode(PROMPT.slice(0, 40));
    expect(await continueAfterRejection(target, prompt, true)).toBeLessThan(TOL);
    if (draft) expect(await continueAfterRejection(draft, prompt, true)).toBeLessThan(TOL);
  });

  it('CausalLm.forward - the same check fails when the crop is skipped', async () => {
    const prompt = tok.encode(PROMPT.slice(0, 40));
    // Stale keys/values of the 3 rejected tokens stay visible and shift positions: a large difference.
    expect(await continueAfterRejection(target, prompt, false)).toBeGreaterThan(0.05);
  });

  it('CausalLm.forward - refuses to continue past its cache or to overlap a running forward', async () => {
    await target.reset();
    await target.forward(tok.encode('ab'), 0);
    await expect(target.forward(tok.encode('c'), 5)).rejects.toThrow(/cannot continue from token 5: the cache holds 2 tokens/);
    const first = target.forward(tok.encode('c'), 2);
    await expect(target.forward(tok.encode('d'), 2)).rejects.toThrow(/a forward is already running on this model/);
    await first;
    expect(target.cachedLength).toBe(3);
  });

  it('LmTokenizer - plain ASCII round-trips, one token per character, pieces keep spaces and newlines', () => {
    const text = 'Hello, world!\n  two  spaces\tand ~{}[]|\\ 42.\n';
    const ids = tok.encode(text);
    expect(ids).toHaveLength(text.length);
    expect(tok.decode(ids)).toBe(text);
    expect(tok.piece(tok.encode(' ')[0])).toBe(' ');
    expect(tok.piece(tok.encode('\n')[0])).toBe('\n');
    expect(tok.decode([tok.encode('a')[0], 0])).toBe('a<|endoftext|>');
    expect(tok.chat('hi')).toBeNull();
  });

  it('loadPair - refuses a draft whose vocabulary differs, naming both models', async () => {
    const swapped = join(tmp, 'swapped');
    cpSync(DRAFT, swapped, { recursive: true });
    const file = join(swapped, 'tokenizer.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    [json.model.vocab.a, json.model.vocab.b] = [json.model.vocab.b, json.model.vocab.a];
    writeFileSync(file, JSON.stringify(json));
    await expect(loadPair({ target: TARGET, draft: swapped, device: 'cpu', dtype: 'fp32' })).rejects.toThrow(
      new RegExp(
        `Draft "${swapped}" and target "${TARGET}" do not share a vocabulary: token "[ab]" is id \\d+ in the draft's tokenizer but id \\d+ in the target's`,
      ),
    );
    const smaller = join(tmp, 'smaller');
    cpSync(DRAFT, smaller, { recursive: true });
    const json2 = JSON.parse(readFileSync(file, 'utf8'));
    delete json2.model.vocab['~'];
    writeFileSync(join(smaller, 'tokenizer.json'), JSON.stringify(json2));
    await expect(loadPair({ target: TARGET, draft: smaller, device: 'cpu', dtype: 'fp32' })).rejects.toThrow(
      /the draft's tokenizer has 98 tokens, the target's 99/,
    );
  });

  it('loadPair - a missing folder, a corrupt ONNX file and an unsupported architecture give clear messages', async () => {
    const missing = join(tmp, 'nothing-here');
    await expect(loadPair({ target: missing, draft: null, device: 'cpu', dtype: 'fp32' })).rejects.toThrow(
      `Model folder "${missing}" not found or incomplete: no ${missing}/config.json.`,
    );
    const corrupt = join(tmp, 'corrupt');
    cpSync(TARGET, corrupt, { recursive: true });
    const onnx = join(corrupt, 'onnx/model.onnx');
    writeFileSync(onnx, readFileSync(onnx).subarray(0, 4000));
    await expect(loadPair({ target: corrupt, draft: null, device: 'cpu', dtype: 'fp32' })).rejects.toThrow(
      `The ONNX file of "${corrupt}" (fp32) is corrupt or not an ONNX model`,
    );
    const bert = join(tmp, 'bert');
    cpSync(TARGET, bert, { recursive: true });
    const cfg = join(bert, 'config.json');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('"llama"', '"bert"').replace('LlamaForCausalLM', 'BertModel'));
    await expect(loadPair({ target: bert, draft: null, device: 'cpu', dtype: 'fp32' })).rejects.toThrow(`"${bert}" has model_type "bert"`);
    await expect(loadPair({ target: TARGET, draft: null, device: 'cpu', dtype: 'q4' })).rejects.toThrow(`Model "${TARGET}" has no q4 weights`);
  });

  it('loadPair - a cancelled load stops with an AbortError and leaves nothing loaded', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(loadPair({ target: TARGET, draft: DRAFT, device: 'cpu', dtype: 'fp32', signal: ctl.signal })).rejects.toThrow('Loading was cancelled.');
  });
});
