import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { noticeText } from '../../src/core/notices';
import { DEFAULT_PARAMS, PARAM_SPECS, type SimParams } from '../../src/core/params';
import { decodeHash, encodeHash } from '../../src/core/urlCodec';

function isValid(p: SimParams): boolean {
  return PARAM_SPECS.every((s) => {
    const v = p[s.key];
    if (s.kind === 'enum') return s.values.includes(String(v));
    if (s.kind === 'string') return typeof v === 'string' && v.length <= s.maxLength;
    return typeof v === 'number' && Number.isFinite(v) && v >= s.min && v <= s.max && (s.kind === 'float' || Number.isInteger(v));
  });
}

describe('urlCodec', () => {
  test('decodeHash - round-trips encodeHash', () => {
    const p: SimParams = { ...DEFAULT_PARAMS, world: 'ngram', corpus: 'zh', prompt: '投机 推理 & = #', gamma: 7, temperature: 0.35, seed: 99 };
    const d = decodeHash(encodeHash(p, { lang: 'zh' }));
    expect(d.params).toEqual(p);
    expect(d.view.lang).toBe('zh');
    expect(d.notices).toEqual([]);
  });

  test('decodeHash - clamps out-of-range values and defaults malformed ones, with notices', () => {
    const d = decodeHash('#world=seed&gamma=99&temperature=abc&alpha=-1&method=warp&seed=3.7');
    expect(d.params.gamma).toBe(16);
    expect(d.params.temperature).toBe(DEFAULT_PARAMS.temperature);
    expect(d.params.alpha).toBe(0);
    expect(d.params.method).toBe(DEFAULT_PARAMS.method);
    expect(d.params.seed).toBe(4);
    // Two malformed values (each: what was wrong, then the default used) and three fixed ones.
    expect(d.notices.map((n) => n.code).sort()).toEqual(['clamped', 'clamped', 'defaulted', 'defaulted', 'invalid', 'notNumber', 'rounded'].sort());
    expect(d.notices.map(noticeText).join(' ')).toMatch(/gamma 99 is outside 1\.\.16; using 16/);
  });

  test('decodeHash - unknown keys are ignored, old links without v still work', () => {
    const d = decodeHash('#world=synthetic&futureKey=1&gamma=2');
    expect(d.params.world).toBe('synthetic');
    expect(d.params.gamma).toBe(2);
    expect(d.notices).toEqual([]);
    expect(d.empty).toBe(false);
    expect(decodeHash('').empty).toBe(true);
  });

  test('decodeHash - a pasted corpus cannot travel in a link', () => {
    const d = decodeHash('#world=ngram&corpus=custom');
    expect(d.params.corpus).toBe('en');
    expect(noticeText(d.notices[0])).toMatch(/pasted corpus/);
  });

  test('decodeHash - bad percent-encoding is a notice, not a throw', () => {
    const d = decodeHash('#prompt=%E4%B8&gamma=5');
    expect(d.params.gamma).toBe(5);
    expect(noticeText(d.notices[0])).toMatch(/bad %-encoding/);
  });

  test('decodeHash - any string decodes to valid parameters and never throws (property)', () => {
    const keys = [...PARAM_SPECS.map((s) => s.key), 'v', 'lang', 'x'];
    const part = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String))).map(([k, v]) => `${k}=${v}`),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.boolean(), (parts, hashSign) => {
        const d = decodeHash((hashSign ? '#' : '') + parts.join('&'));
        expect(isValid(d.params)).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
