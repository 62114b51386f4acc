import { fill } from '../core/notices';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Lang = 'en' | 'zh';
export const TABLES: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** The message for `key` in `lang`, with {placeholders} filled. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const s = TABLES[lang][key] ?? TABLES.en[key] ?? key;
  return fill(s, vars);
}

/** The language a visitor's browser prefers, of the two we have. */
export function browserLang(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

/** Formats a number for the language (grouping, fixed decimals). */
export function formatNumber(lang: Lang, n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export type { MessageKey };
