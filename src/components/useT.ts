import { useCallback } from 'react';
import { formatNumber, type MessageKey, translate } from '../i18n';
import { useStore } from '../store/store';

/** The translator for the current language, and a number formatter for it. */
export function useT() {
  const lang = useStore((s) => s.lang);
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
  const num = useCallback((n: number, digits = 2) => formatNumber(lang, n, digits), [lang]);
  return { t, num, lang };
}
