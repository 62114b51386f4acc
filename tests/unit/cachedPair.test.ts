import { describe, expect, test } from 'vitest';
import { modelFileOf } from '../../src/components/model/browserCache';
import { type CachedModel, cachedDtypes, cacheName, choosePair, pairCached } from '../../src/components/model/cachedPair';
import type { CachedPair } from '../../src/store/learnSlice';
import { useStore } from '../../src/store/store';

// A cache summary as the tour reads it: each model with the files a load reads.
const MODEL_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const cached = (model: string, ...onnx: string[]): CachedModel => ({ model, paths: [...MODEL_FILES, ...onnx.map((f) => `onnx/${f}`)] });
const SMOL_360 = 'HuggingFaceTB/SmolLM2-360M-Instruct';
const SMOL_135 = 'HuggingFaceTB/SmolLM2-135M-Instruct';
const SMOL_17 = 'HuggingFaceTB/SmolLM2-1.7B-Instruct';
const PAGE: CachedPair = { targetModel: SMOL_360, draftModel: SMOL_135, device: 'auto', dtype: 'auto' };
const SITE = '/specplay/';

describe('cached pair', () => {
  test('modelFileOf - a cache key as model and path: hub files by id (main revision), site files by folder', () => {
    expect(modelFileOf('https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct/resolve/main/onnx/model_q4.onnx')).toEqual({
      model: SMOL_360,
      path: 'onnx/model_q4.onnx',
    });
    expect(modelFileOf('https://huggingface.co/a/b/resolve/v2/config.json')).toEqual({ model: 'a/b', path: '@v2/config.json' });
    expect(modelFileOf('http://127.0.0.1:8080/specplay/models/tiny-target/onnx/model.onnx')).toEqual({
      model: '/specplay/models/tiny-target',
      path: 'onnx/model.onnx',
    });
    expect(modelFileOf('http://127.0.0.1:8080/specplay/models/tiny-draft/tokenizer.json')).toEqual({
      model: '/specplay/models/tiny-draft',
      path: 'tokenizer.json',
    });
  });

  test('cachedDtypes - a dtype counts when its onnx file (suffix by dtype), the configs and the tokenizer are all cached', () => {
    expect(cachedDtypes(cached('a/b', 'model.onnx'))).toEqual(['fp32']);
    expect(cachedDtypes(cached('a/b', 'model_q4.onnx', 'model_q4f16.onnx', 'model_quantized.onnx'))).toEqual(['q4', 'q4f16', 'q8']);
    expect(cachedDtypes(cached('a/b', 'model_fp16.onnx'))).toEqual([]);
    expect(cachedDtypes({ model: 'a/b', paths: ['config.json', 'tokenizer_config.json', 'onnx/model_q4.onnx'] })).toEqual([]);
    // External data (config's use_external_data_format): every chunk must be cached too.
    const big = cached('a/b', 'model_q4.onnx', 'model_q4.onnx_data');
    expect(cachedDtypes({ ...big, externalData: true })).toEqual(['q4']);
    expect(cachedDtypes({ ...big, externalData: 2 })).toEqual([]);
    expect(cachedDtypes({ ...big, paths: [...big.paths, 'onnx/model_q4.onnx_data_1'], externalData: 2 })).toEqual(['q4']);
    expect(cachedDtypes({ ...cached('a/b', 'model_q4.onnx'), externalData: { 'model_q4.onnx': 1 } })).toEqual([]);
    expect(cachedDtypes({ ...cached('a/b', 'model_q4.onnx'), externalData: { 'model_fp16.onnx': 1 } })).toEqual(['q4']);
  });

  test('cacheName - hub ids as they are, site folders as paths under the site root', () => {
    expect(cacheName(SMOL_360, SITE)).toBe(SMOL_360);
    expect(cacheName('./models/tiny-target', SITE)).toBe('/specplay/models/tiny-target');
    expect(cacheName('./models/tiny-target/', '/')).toBe('/models/tiny-target');
    expect(cacheName('/elsewhere/m', SITE)).toBe('/elsewhere/m');
  });

  test("choosePair - the page's own pair first, with its dtype and device when those files are cached", () => {
    const both = [cached(SMOL_360, 'model_q4.onnx', 'model_q4f16.onnx'), cached(SMOL_135, 'model_q4.onnx', 'model_q4f16.onnx')];
    expect(choosePair(both, PAGE, SITE)).toEqual({ targetModel: SMOL_360, draftModel: SMOL_135, device: 'auto', dtype: 'q4' });
    expect(choosePair(both, { ...PAGE, dtype: 'q4f16', device: 'webgpu' }, SITE)).toEqual({ ...PAGE, dtype: 'q4f16', device: 'webgpu' });
    // The page asks for a dtype that is not cached: one that is, so nothing downloads.
    expect(choosePair(both, { ...PAGE, dtype: 'fp32' }, SITE)?.dtype).toBe('q4');
    // A folder pair on the page, named as the link names it.
    const tiny = [cached('/specplay/models/tiny-target', 'model.onnx'), cached('/specplay/models/tiny-draft', 'model.onnx')];
    const own = { targetModel: './models/tiny-draft', draftModel: './models/tiny-target', device: 'wasm' as const, dtype: 'fp32' as const };
    expect(choosePair(tiny, own, SITE)).toEqual(own);
  });

  test('choosePair - else the first catalogue pair with both models cached in one dtype, else the tiny pair, else null', () => {
    // The page's pair lacks its draft; SmolLM2 135M -> 1.7B (the second catalogue pair) is cached.
    const second = [cached(SMOL_360, 'model_q4.onnx'), cached(SMOL_17, 'model_q4f16.onnx'), cached(SMOL_135, 'model_q4f16.onnx')];
    expect(choosePair(second, PAGE, SITE)).toEqual({ targetModel: SMOL_17, draftModel: SMOL_135, device: 'auto', dtype: 'q4f16' });
    // Both models cached, but in different dtypes: loading would download one of them.
    expect(choosePair([cached(SMOL_360, 'model_q4.onnx'), cached(SMOL_135, 'model_q4f16.onnx')], PAGE, SITE)).toBeNull();
    const tiny = [cached('/specplay/models/tiny-target', 'model.onnx'), cached('/specplay/models/tiny-draft', 'model.onnx')];
    expect(choosePair([...tiny, cached(SMOL_360, 'model_q4.onnx')], PAGE, SITE)).toEqual({
      targetModel: './models/tiny-target',
      draftModel: './models/tiny-draft',
      device: 'auto',
      dtype: 'fp32',
    });
    // The tiny folders of another site root are not this site's.
    expect(choosePair(tiny, PAGE, '/')).toBeNull();
    expect(choosePair([tiny[0]], PAGE, SITE)).toBeNull();
    expect(choosePair([], PAGE, SITE)).toBeNull();
    // A target without a draft is not a pair.
    expect(choosePair([cached(SMOL_360, 'model_q4.onnx')], { ...PAGE, draftModel: '' }, SITE)).toBeNull();
  });
});

describe('setTourModels', () => {
  test('setTourModels - checked once answered; an equal pair keeps its object (the lesson list and the open lesson stay)', () => {
    const s = () => useStore.getState();
    expect(s().tourModels).toEqual({ checked: false, pair: null });
    s().setTourModels(null);
    expect(s().tourModels).toEqual({ checked: true, pair: null });
    const pair: CachedPair = { targetModel: './models/tiny-target', draftModel: './models/tiny-draft', device: 'auto', dtype: 'fp32' };
    s().setTourModels(pair);
    const first = s().tourModels;
    s().setTourModels({ ...pair });
    expect(s().tourModels).toBe(first);
    s().setTourModels(null);
    expect(s().tourModels.pair).toBeNull();
  });

  test('pairCached - the loader downloads nothing only when both models are cached in the dtype it loads', () => {
    const list = [
      cached(SMOL_360, 'model_q4.onnx'),
      cached(SMOL_135, 'model_q4.onnx', 'model_q4f16.onnx'),
      cached('/specplay/models/tiny-target', 'model.onnx'),
    ];
    expect(pairCached(list, SMOL_360, SMOL_135, 'q4', SITE)).toBe(true);
    expect(pairCached(list, SMOL_360, SMOL_135, 'q4f16', SITE)).toBe(false); // the target has no q4f16
    expect(pairCached(list, SMOL_360, SMOL_135, null, SITE)).toBe(true); // any dtype both have
    expect(pairCached(list, './models/tiny-target', './models/tiny-draft', null, SITE)).toBe(false); // no draft cached
    expect(pairCached(list, './models/tiny-target', '', 'fp32', SITE)).toBe(true); // no draft model asked for
    // A config or tokenizer missing: the load would fetch it.
    const partial: CachedModel = { model: SMOL_17, paths: ['config.json', 'onnx/model_q4.onnx'] };
    expect(pairCached([...list, partial], SMOL_17, SMOL_135, 'q4', SITE)).toBe(false);
  });
});
