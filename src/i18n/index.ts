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

/**
 * Formats a number for the language (grouping, fixed decimals), exactly as toLocaleString with
 * en-US or zh-CN does (they write numbers alike: 1,234.56; halves round away from zero on the
 * shortest decimal form, so 1.005 -> 1.01; a negative value keeps its sign, -0.00). Plain string
 * arithmetic: an Intl.NumberFormat loads locale data on creation, tens of milliseconds on the
 * page's first render (more on a phone), and toLocaleString with options creates one per call.
 */
export function formatNumber(_lang: Lang, n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '–';
  const fixed = roundDecimal(Math.abs(n), digits);
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = '';
  for (let i = 0; i < int.length; i++) grouped += (i > 0 && (int.length - i) % 3 === 0 ? ',' : '') + int[i];
  return (n < 0 || Object.is(n, -0) ? '-' : '') + grouped + (dot < 0 ? '' : fixed.slice(dot));
}

/** `x` (>= 0) rounded half-up to `d` decimals on its shortest decimal form, as a string. */
function roundDecimal(x: number, d: number): string {
  const s = String(x);
  // Exponent forms: below 1e-6 (rounds to zero at our digits) or above 1e21 (no decimals).
  if (s.includes('e')) return x.toFixed(d);
  const [int, frac = ''] = s.split('.');
  if (frac.length <= d) return d > 0 ? `${int}.${frac.padEnd(d, '0')}` : int;
  const kept = (int + frac.slice(0, d)).split('');
  if (frac.charCodeAt(d) >= 53 /* '5' */) {
    let k = kept.length - 1;
    for (; k >= 0 && kept[k] === '9'; k--) kept[k] = '0';
    if (k < 0) kept.unshift('1');
    else kept[k] = String(Number(kept[k]) + 1);
  }
  const all = kept.join('');
  return d > 0 ? `${all.slice(0, all.length - d)}.${all.slice(all.length - d)}` : all;
}

export type { MessageKey };
