/**
 * Notices: what was fixed, refused or dropped, as data (a code and its values) so each driver
 * words them in its own language; noticeText gives the English the runner prints.
 */
export type Notice =
  | { code: 'invalid'; key: string; raw: string; allowed: string }
  | { code: 'notNumber'; key: string; raw: string }
  | { code: 'clamped'; key: string; raw: string; min: number; max: number; used: number }
  | { code: 'rounded'; key: string; used: number }
  | { code: 'cut'; key: string; max: number }
  | { code: 'defaulted'; key: string; used: string }
  | { code: 'badEncoding'; part: string }
  | { code: 'version'; got: string; used: number }
  | { code: 'customCorpus' }
  | { code: 'badLang'; got: string }
  | { code: 'corpusTooLarge'; size: number; limit: number }
  | { code: 'corpusEmpty' }
  | { code: 'alphaClamped'; alpha: number; count: number; total: number }
  | { code: 'promptDropped'; tokens: string }
  | { code: 'cacheFallback'; diff: string }
  | { code: 'lookupOrder'; min: number; max: number }
  | { code: 'metricsRateSum'; sum: string; expected: string };

/** A notice's values as strings and numbers, for message templates. */
export function noticeVars(n: Notice): Record<string, string | number> {
  const { code: _code, ...vars } = n;
  return vars;
}

const EN: { [C in Notice['code']]: string } = {
  invalid: '{key} must be one of {allowed} (got "{raw}")',
  notNumber: '{key} must be a number (got "{raw}")',
  clamped: '{key} {raw} is outside {min}..{max}; using {used}',
  rounded: '{key} rounded to {used}',
  cut: '{key} cut to {max} characters',
  defaulted: 'using {used} for {key}',
  badEncoding: 'could not read "{part}" (bad %-encoding); ignored',
  version: 'link version {got} is not {used}; read as version {used}',
  customCorpus: 'a pasted corpus cannot travel in a link; using the built-in English corpus',
  badLang: 'lang must be zh or en (got "{got}")',
  corpusTooLarge: 'the pasted text has {size} characters; the limit is {limit}. It was not used.',
  corpusEmpty: 'the pasted text is empty; nothing to train on',
  alphaClamped: 'alpha {alpha} is below the smallest target probability at {count} of {total} contexts; there the overlap is that probability',
  promptDropped: 'prompt tokens outside the vocabulary were dropped: {tokens}',
  cacheFallback: 'the cached forward differed from a full recompute by {diff}; recomputing without the KV cache from now on (slower, still exact)',
  metricsRateSum:
    "the per-position rates sum to {sum}, but in vLLM's line they sum to mean acceptance length - 1 = {expected} (up to rounding): was the line edited, or cut short?",
  lookupOrder: 'prompt_lookup_min={min} must be <= prompt_lookup_max={max}, as vLLM requires (it raises an error); not swapped',
};

/** Fills a template's {placeholders}. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The notice in English. */
export function noticeText(n: Notice): string {
  return fill(EN[n.code], noticeVars(n));
}

/** The English templates (the page's message tables carry the same codes). */
export const NOTICE_TEMPLATES_EN = EN;
