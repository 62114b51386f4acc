import { useEffect } from 'react';
import { warmFonts } from './fontWarmup';

/**
 * Makes the page's font strikes while it is idle (fontWarmup.ts says why). `table`: the strings
 * the page will show (a message table), whose glyphs are sampled; warmed again when it changes.
 */
export function FontWarmup({ table }: { table: Readonly<Record<string, string>> }) {
  useEffect(() => warmFonts(document.body, Object.values(table).join('')), [table]);
  return null;
}
