import { settleParams } from './conflicts';
import type { Notice } from './notices';
import { DEFAULT_PARAMS, PARAM_SPECS, readParam, type SimParams } from './params';

/** Version of the hash format; links without `v` are read as version 1. */
export const HASH_VERSION = 1;

/** Hash keys that are not simulation parameters but travel in links too (embedding, view). */
export const VIEW_KEYS = ['lang', 'theme', 'embed', 'hide', 'autoplay', 'step', 'tour', 'narrate'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

/** A decoded hash: valid parameters (defaults where missing or malformed) and what was fixed. */
export interface DecodedHash {
  params: SimParams;
  /** View keys present in the link, as raw strings (each reader validates its own). */
  view: Partial<Record<ViewKey, string>>;
  /** What was clamped, defaulted or dropped, as data (see noticeText for English). */
  notices: Notice[];
  /** True if the hash named no parameter at all (the page shows its default demo). */
  empty: boolean;
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Parses `#key=value&...` into parameters. Never throws: malformed values fall back to the
 * default, out-of-range numbers are clamped, unknown keys are ignored; each fix is a notice.
 * A custom (pasted) corpus cannot travel in a link, so `corpus=custom` falls back to `en`.
 */
export function decodeHash(hash: string, base: Readonly<SimParams> = DEFAULT_PARAMS): DecodedHash {
  const params: SimParams = { ...base };
  const view: Partial<Record<ViewKey, string>> = {};
  const notices: Notice[] = [];
  let empty = true;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const raw = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === null || raw === null) {
      notices.push({ code: 'badEncoding', part: part.slice(0, 40) });
      continue;
    }
    if (key === 'v') {
      if (raw !== String(HASH_VERSION)) notices.push({ code: 'version', got: raw.slice(0, 10), used: HASH_VERSION });
      continue;
    }
    if ((VIEW_KEYS as readonly string[]).includes(key)) {
      view[key as ViewKey] = raw.slice(0, 200);
      continue;
    }
    const spec = PARAM_SPECS.find((s) => s.key === key);
    if (spec === undefined) continue; // unknown keys are ignored (newer or older links)
    empty = false;
    const r = readParam(spec, raw);
    if (!r.ok) {
      notices.push(r.notice, { code: 'defaulted', key: spec.key, used: String(base[spec.key]) });
      continue;
    }
    if (r.notice !== undefined) notices.push(r.notice);
    (params as unknown as Record<string, unknown>)[spec.key] = r.value;
  }
  if (params.corpus === 'custom') {
    params.corpus = 'en';
    notices.push({ code: 'customCorpus' });
  }
  // Combinations the core refuses (each its own notice) fall back to a safe default.
  const settled = settleParams(params);
  return { params: settled.params, view, notices: [...notices, ...settled.notices], empty };
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

/** Serialises every parameter (and the given view keys) to `#v=1&world=...`. */
export function encodeHash(params: Readonly<SimParams>, view: Partial<Record<ViewKey, string>> = {}): string {
  const parts = [`v=${HASH_VERSION}`];
  for (const spec of PARAM_SPECS) parts.push(`${spec.key}=${enc(String(params[spec.key]))}`);
  for (const key of VIEW_KEYS) if (view[key] !== undefined && view[key] !== '') parts.push(`${key}=${enc(view[key] as string)}`);
  return `#${parts.join('&')}`;
}
