import { beforeEach, describe, expect, test } from 'vitest';
import { fileLabel } from '../../src/components/model/LoadProgress';
import { DEFAULT_PARAMS, decodeHash, encodeHash, expectedSpeedup, type StepEvent } from '../../src/core';
import { acceptanceLesson, clockOf, measuredSpeedup, measuredVllmLine, typicalMsPerToken, wilson } from '../../src/core/measured';
import { CATALOGUE_PAIRS, findPair, loadKey, modelSize, parseModelRef, resolveDevice, resolveDtype } from '../../src/real/catalogue';
import { useStore } from '../../src/store/store';
import { classifyError } from '../../src/worker/modelProtocol';
import { chainStep } from './helpers';

const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

/** A chain step with `drafted` drafts of which `accepted` passed, and measured times. */
const ev = (drafted: number, accepted: number, targetMs: number, draftMs: number): StepEvent =>
  chainStep(drafted, accepted, { greedy: true, wall: { draftMs: new Array(drafted).fill(draftMs), targetMs } });

describe('catalogue', () => {
  test('parseModelRef - hub ids and site paths pass; URLs, protocol-relative paths and .. are refused', () => {
    expect(parseModelRef('HuggingFaceTB/SmolLM2-360M-Instruct')).toEqual({ kind: 'hub', id: 'HuggingFaceTB/SmolLM2-360M-Instruct' });
    expect(parseModelRef('./models/tiny-target')).toEqual({ kind: 'local', path: './models/tiny-target' });
    expect(parseModelRef('/specplay/models/tiny-draft')).toEqual({ kind: 'local', path: '/specplay/models/tiny-draft' });
    for (const bad of ['https://x.y/a/b', '//x.y/a', './a/../../b', 'a/b/c', 'name', '', 'a/..', 'javascript:alert(1)'])
      expect(parseModelRef(bad).kind, bad).toBe('invalid');
  });

  test('resolveDtype / resolveDevice - auto is q4f16 only on WebGPU with shader-f16; no WebGPU falls back to wasm', () => {
    expect(resolveDtype('auto', 'webgpu', true)).toBe('q4f16');
    expect(resolveDtype('auto', 'webgpu', false)).toBe('q4');
    expect(resolveDtype('auto', 'wasm', true)).toBe('q4');
    expect(resolveDtype('fp32', 'webgpu', true)).toBe('fp32');
    expect(resolveDevice('auto', false)).toEqual({ device: 'wasm', fellBack: true });
    expect(resolveDevice('webgpu', true)).toEqual({ device: 'webgpu', fellBack: false });
    expect(resolveDevice('wasm', true)).toEqual({ device: 'wasm', fellBack: false });
  });

  test('CATALOGUE_PAIRS - the default pair is the params default, and every model has q4 and q4f16 sizes', () => {
    expect(findPair(DEFAULT_PARAMS.targetModel, DEFAULT_PARAMS.draftModel)?.id).toBe(CATALOGUE_PAIRS[0].id);
    for (const p of CATALOGUE_PAIRS)
      for (const id of [p.target, p.draft]) {
        expect(modelSize(id, 'q4')).toBeGreaterThan(modelSize(id, 'q4f16') ?? Number.POSITIVE_INFINITY);
      }
    expect(modelSize('someone/else', 'q4')).toBeNull();
    expect(loadKey(DEFAULT_PARAMS)).not.toBe(loadKey({ ...DEFAULT_PARAMS, dtype: 'fp32' }));
  });

  test('urlCodec - world=model and the model keys round-trip through the hash', () => {
    const p = {
      ...DEFAULT_PARAMS,
      world: 'model' as const,
      targetModel: './models/tiny-target',
      draftModel: './models/tiny-draft',
      device: 'wasm' as const,
      dtype: 'fp32' as const,
    };
    const d = decodeHash(encodeHash(p));
    expect(d.notices).toEqual([]);
    expect(d.params).toMatchObject({ world: 'model', targetModel: './models/tiny-target', draftModel: './models/tiny-draft', device: 'wasm', dtype: 'fp32' });
  });

  test('classifyError - missing files, bad exports, tokenizer mismatch, memory, offline', () => {
    expect(classifyError('Could not locate file: "x/config.json".')).toBe('notFound');
    expect(classifyError('Unsupported model type: bert')).toBe('notExported');
    expect(classifyError('the tokenizers differ: vocabularies of 49152 and 151936 tokens')).toBe('tokenizerMismatch');
    expect(classifyError('RangeError: Array buffer allocation failed')).toBe('memory');
    expect(classifyError('TypeError: Failed to fetch', false)).toBe('offline');
    expect(classifyError('something else')).toBe('other');
  });
});

describe('measured', () => {
  test('wilson - known interval (Wilson 1927): 8 of 10 at z 1.96 is [0.490, 0.943]', () => {
    const s = wilson(8, 10);
    expect(s.rate).toBe(0.8);
    expect(s.lo).toBeCloseTo(0.4902, 3);
    expect(s.hi).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 0).rate).toBeNaN();
  });

  test('acceptanceLesson - per-position shares are tail counts over drafts; mean length 1 + accepted/drafts', () => {
    const events = [ev(3, 3, 12, 2), ev(3, 1, 12, 2), ev(3, 0, 12, 2), ev(0, 0, 10, 0)];
    const l = acceptanceLesson(events, 3);
    expect(l.drafts).toBe(3);
    expect(l.acceptedHist).toEqual([1, 1, 0, 1]);
    expect(l.perPosition.map((s) => s.k)).toEqual([2, 1, 1]);
    expect(l.perPosition.every((s) => s.n === 3)).toBe(true);
    expect(l.meanAcceptanceLength).toBeCloseTo(1 + 4 / 3, 12);
    expect(measuredVllmLine(events, 3)).toMatch(
      /^SpecDecoding metrics: Mean acceptance length: 2\.33, .*Accepted: 4 tokens, Drafted: 9 tokens, Per-position acceptance rate: 0\.667, 0\.333, 0\.333/,
    );
  });

  test('measuredSpeedup - per-token rates of both lanes, c and v from the forward times, the prediction from them', () => {
    // Target alone: 10 ms per token. Speculative: 3 drafts of 2 ms, a verify of 13 ms, 4 tokens a step.
    const ar = Array.from({ length: 8 }, () => ev(0, 0, 10, 0));
    const spec = [ev(3, 3, 13, 2), ev(3, 3, 13, 2)];
    const m = measuredSpeedup(spec, ar, 3);
    expect(m).not.toBeNull();
    if (m === null) return;
    expect(clockOf(spec).wallMs).toBe(38);
    expect(m.specMsPerToken).toBeCloseTo(38 / 8, 12);
    expect(m.arMsPerToken).toBe(10);
    expect(m.measured).toBeCloseTo(80 / 38, 12);
    expect(m.c).toBeCloseTo(0.2, 12);
    expect(m.v).toBeCloseTo(0.1, 12);
    expect(m.predicted).toBeCloseTo(expectedSpeedup(m.alpha, 3, 0.2), 12);
    expect(m.predictedWithV).toBeCloseTo(expectedSpeedup(m.alpha, 3, 0.2, 0.1), 12);
    // Every draft accepted: alpha 1, 4 tokens a step, and the model with v measured is the measurement.
    expect(m.alpha).toBe(1);
    expect(m.predictedWithV).toBeCloseTo(m.measured, 12);
    expect(measuredSpeedup(spec, [], 3)).toBeNull();
  });
});

describe('fileLabel', () => {
  test('fileLabel - the model folder and the file in it, without the site base or the hub owner', () => {
    expect(fileLabel('/specplay/models/tiny-target/onnx/model.onnx')).toBe('tiny-target/onnx/model.onnx');
    expect(fileLabel('/specplay/models/tiny-target/config.json')).toBe('tiny-target/config.json');
    expect(fileLabel('HuggingFaceTB/SmolLM2-360M-Instruct/onnx/model_q4f16.onnx')).toBe('SmolLM2-360M-Instruct/onnx/model_q4f16.onnx');
    expect(fileLabel('HuggingFaceTB/SmolLM2-135M-Instruct/tokenizer.json')).toBe('SmolLM2-135M-Instruct/tokenizer.json');
    expect(fileLabel('config.json')).toBe('config.json');
  });
});

describe('typicalMsPerToken', () => {
  test('typicalMsPerToken - forwards at their median time: one pause does not move it, the forward count does', () => {
    // 4 steps of 3 drafts (0, 3, 0 and 1 accepted: 8 tokens), target forwards of 12 ms, draft forwards of 2 ms.
    const steady = [ev(3, 0, 12, 2), ev(3, 3, 12, 2), ev(3, 0, 12, 2), ev(3, 1, 12, 2)];
    const produced = clockOf(steady).produced;
    expect(typicalMsPerToken(steady)).toBeCloseTo((4 * 12 + 12 * 2) / produced, 12);
    // A 400 ms pause in one target forward and one draft forward: the sums jump, the typical rate does not.
    const paused = [ev(3, 0, 412, 2), ...steady.slice(1)];
    paused[1] = { ...paused[1], wall: { draftMs: [402, 2, 2], targetMs: 12 } };
    expect(clockOf(paused).wallMs).toBe(clockOf(steady).wallMs + 800);
    expect(typicalMsPerToken(paused)).toBeCloseTo(typicalMsPerToken(steady), 12);
    // Target alone: one forward per token.
    const ar = [ev(0, 0, 10, 0), ev(0, 0, 11, 0), ev(0, 0, 30, 0)];
    expect(typicalMsPerToken(ar)).toBe(11);
    expect(typicalMsPerToken([])).toBeNaN();
  });
});

describe('modelSlice', () => {
  test('modelProgress / modelLoaded - replies of an older load are dropped', () => {
    const s = useStore.getState();
    const first = s.modelLoadBegin('a', 0);
    const second = useStore.getState().modelLoadBegin('b', 0);
    useStore.getState().modelProgress(first, [{ file: 'x', loaded: 1, total: 2 }]);
    expect(useStore.getState().model.files).toEqual([]);
    useStore.getState().modelProgress(second, [{ file: 'y', loaded: 1, total: 2 }]);
    expect(useStore.getState().model.files).toHaveLength(1);
    useStore.getState().modelLoaded(first, { target: 'a', draft: '', device: 'wasm', dtype: 'q4', vocab: [], eos: null, notes: [] });
    expect(useStore.getState().model.status).toBe('loading');
  });

  test('modelError - a load error ends the load with the error; a run error of a stale run is dropped', () => {
    const loadId = useStore.getState().modelLoadBegin('a', 0);
    useStore.getState().modelError(loadId, { scope: 'load', code: 'notFound', message: 'no such model' });
    expect(useStore.getState().model).toMatchObject({ status: 'error', error: { code: 'notFound' } });
    const runId = useStore.getState().beginRun();
    useStore.getState().modelError(runId - 1, { scope: 'run', code: 'run', message: 'old' });
    expect(useStore.getState().status).toBe('computing');
    useStore.getState().modelError(runId, { scope: 'run', code: 'run', message: 'now' });
    expect(useStore.getState().status).toBe('error');
  });

  test('modelBaseline / modelLoadCancelled - the baseline belongs to the current run; cancel returns to idle', () => {
    const runId = useStore.getState().beginRun();
    useStore.getState().modelBaseline(runId + 1, [ev(0, 0, 10, 0)]);
    expect(useStore.getState().model.baseline).toBeNull();
    useStore.getState().modelBaseline(runId, [ev(0, 0, 10, 0)]);
    expect(useStore.getState().model.baseline?.events).toHaveLength(1);
    const loadId = useStore.getState().modelLoadBegin('k', 0);
    useStore.getState().modelLoadCancelled(loadId);
    expect(useStore.getState().model.status).toBe('idle');
  });
});

describe('model i18n', () => {
  test('modelEn / modelZh - the same keys, non-empty, with the same placeholders', async () => {
    const { modelEn, modelZh } = await import('../../src/i18n/model');
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(modelZh).sort()).toEqual(Object.keys(modelEn).sort());
    for (const key of Object.keys(modelEn) as (keyof typeof modelEn)[]) {
      expect(modelZh[key].trim() !== '', key).toBe(true);
      expect(placeholders(modelZh[key]), key).toEqual(placeholders(modelEn[key]));
    }
  });
});
