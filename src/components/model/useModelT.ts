import { useCallback } from 'react';
import { fill } from '../../core/notices';
import { formatNumber } from '../../i18n';
import { type ModelMessageKey, modelEn, modelZh } from '../../i18n/model';
import { useStore } from '../../store/store';

/** The Real models world's translator (its own lazily loaded tables) and number formatter. */
export function useModelT() {
  const lang = useStore((s) => s.lang);
  const t = useCallback((key: ModelMessageKey, vars: Record<string, string | number> = {}) => fill((lang === 'zh' ? modelZh : modelEn)[key], vars), [lang]);
  const num = useCallback((n: number, digits = 2) => formatNumber(lang, n, digits), [lang]);
  return { t, num, lang };
}

/** Bytes as MB or GB (10^6 / 10^9, as the hub lists sizes). */
export function formatBytes(bytes: number, num: (n: number, digits?: number) => string): string {
  if (bytes >= 1e9) return `${num(bytes / 1e9, 2)} GB`;
  if (bytes >= 1e6) return `${num(bytes / 1e6, 0)} MB`;
  return `${num(bytes / 1e3, 1)} KB`;
}
