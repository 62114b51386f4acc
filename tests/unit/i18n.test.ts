import { describe, expect, test } from 'vitest';
import { NOTICE_TEMPLATES_EN } from '../../src/core/notices';
import { browserLang, formatNumber, TABLES, translate } from '../../src/i18n';
import { en } from '../../src/i18n/en';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  test('TABLES - both languages have every key, non-empty, with the same placeholders', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const s = TABLES[lang][key];
        expect(typeof s === 'string' && s.trim() !== '', `${lang}.${key}`).toBe(true);
        expect(placeholders(s), `${lang}.${key}`).toEqual(placeholders(en[key]));
      }
    expect(Object.keys(TABLES.zh).sort()).toEqual(Object.keys(en).sort());
  });

  test("TABLES - every notice code has a message with the same placeholders as the core's English", () => {
    for (const [code, template] of Object.entries(NOTICE_TEMPLATES_EN)) {
      const key = `notice.${code}` as keyof typeof en;
      expect(en[key], code).toBe(template);
      expect(placeholders(TABLES.zh[key]), code).toEqual(placeholders(template));
    }
  });

  test('translate - fills placeholders; browserLang picks zh for any zh-*', () => {
    expect(translate('en', 'insp.position', { step: 2, pos: 3 })).toBe('Step 2, position 3');
    expect(browserLang(['zh-TW', 'en'])).toBe('zh');
    expect(browserLang(['fr-FR'])).toBe('en');
  });

  test('formatNumber - writes what toLocaleString writes for en-US and zh-CN (ties, signs, grouping)', () => {
    const xs = [0, -0, 1, -1, 0.5, 0.125, 1.005, 2.675, 999.995, 1234.5, 1234567.891, -1234.5678, 1e-9, -1e-9, 0.0049, -0.004, 123456789012, 99999.99];
    // Seeded values over many magnitudes (an LCG: the test must not depend on Math.random).
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 3000; i++) xs.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 10));
    for (const x of xs)
      for (const d of [0, 1, 2, 3])
        for (const [lang, locale] of [
          ['en', 'en-US'],
          ['zh', 'zh-CN'],
        ] as const)
          expect(formatNumber(lang, x, d), `${x} ${d} ${lang}`).toBe(x.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d }));
    expect(formatNumber('en', Number.NaN)).toBe('–');
  });
});
