import { useCallback, useEffect, useState } from 'react';
import { useStore } from '../../store/store';
import { type CacheSummary, clearModelCache, readModelCache } from './browserCache';
import { formatBytes, useModelT } from './useModelT';

/** What the browser has cached of model files, its size, and a button to clear it. */
export function CachePanel() {
  const { t, num } = useModelT();
  const status = useStore((s) => s.model.status);
  const [summary, setSummary] = useState<CacheSummary | null | undefined>(undefined);
  const refresh = useCallback(() => {
    readModelCache().then(setSummary, () => setSummary(null));
  }, []);
  // Read again when a load ends (it may have added files).
  // biome-ignore lint/correctness/useExhaustiveDependencies: status is the trigger, not an input
  useEffect(refresh, [refresh, status]);
  return (
    <details className="cache-panel small" data-testid="model-cache">
      <summary>
        {t('cache.title')}:{' '}
        <span
          data-testid="model-cache-size"
          data-bytes={summary?.bytes ?? ''}
          data-state={summary === undefined ? 'reading' : summary === null ? 'unavailable' : 'ready'}
        >
          {summary === undefined
            ? '…'
            : summary === null
              ? t('cache.unavailable')
              : summary.files === 0
                ? t('cache.empty')
                : t('cache.summary', { n: summary.files, size: formatBytes(summary.bytes, num) })}
        </span>
      </summary>
      {summary && summary.models.length > 0 && (
        <ul>
          {summary.models.map((m) => (
            <li key={m.model}>
              <code>{m.model}</code>: {t('cache.summary', { n: m.files, size: formatBytes(m.bytes, num) })}
            </li>
          ))}
        </ul>
      )}
      <div className="buttons">
        <button type="button" onClick={refresh}>
          {t('cache.refresh')}
        </button>
        <button type="button" data-testid="btn-clear-cache" disabled={!summary || summary.files === 0} onClick={() => void clearModelCache().then(refresh)}>
          {t('cache.clear')}
        </button>
      </div>
    </details>
  );
}
