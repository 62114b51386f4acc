import { describe, expect, test } from 'vitest';
import { NOTICE_TEMPLATES_EN } from '../../src/core/notices';
import { browserLang, TABLES, translate } from '../../src/i18n';
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
});
