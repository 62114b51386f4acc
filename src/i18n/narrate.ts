import type { NarrationLine } from '../core/learn/narrate';
import { formatNumber, type Lang, type MessageKey, TABLES, translate } from './index';

/**
 * A step's narration in `lang`: each line's template filled, fractions shown with two decimals
 * (three below 0.01, so a small p does not read as 0) in the language's format, sentences joined as the language joins them.
 */
export function narrationText(lang: Lang, lines: readonly NarrationLine[]): string {
  return lines
    .map((line) => {
      const vars: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(line.vars))
        vars[k] = typeof v === 'number' && !Number.isInteger(v) ? formatNumber(lang, v, Math.abs(v) < 0.01 ? 3 : 2) : v;
      // A singular form where the table has one (`.one`), chosen by the count d.
      const one = `narrate.${line.code}.one`;
      const key = line.vars.d === 1 && one in TABLES[lang] ? one : `narrate.${line.code}`;
      return translate(lang, key as MessageKey, vars);
    })
    .join(lang === 'zh' ? '' : ' ');
}
