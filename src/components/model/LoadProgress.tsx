import { useStore } from '../../store/store';
import { formatBytes, useModelT } from './useModelT';

/** Per-file download bars with bytes, and the whole load's bytes and time left. */
export function LoadProgress() {
  const { t, num } = useModelT();
  const files = useStore((s) => s.model.files);
  const startedAt = useStore((s) => s.model.startedAt);
  const loaded = files.reduce((a, f) => a + f.loaded, 0);
  const total = files.reduce((a, f) => a + Math.max(f.total, f.loaded), 0);
  // Bytes per ms so far; time left assumes the same rate for the rest (files not yet announced
  // are not counted, so the estimate can grow when the next model starts).
  const elapsed = performance.now() - startedAt;
  const rate = elapsed > 0 ? loaded / elapsed : 0;
  const leftS = rate > 0 ? (total - loaded) / rate / 1000 : Number.NaN;
  return (
    <div className="model-progress" data-testid="model-progress" data-loaded={loaded} data-total={total} role="status" aria-live="polite">
      <p className="small">
        {t('model.progress', { loaded: formatBytes(loaded, num), total: total > 0 ? formatBytes(total, num) : '?' })}
        {Number.isFinite(leftS) && total > loaded && ` · ${t('model.timeLeft', { s: num(leftS, 0) })}`}
      </p>
      <progress max={total > 0 ? total : 1} value={total > 0 ? loaded : 0} aria-label={t('model.files')} />
      <ul className="file-list small">
        {files.map((f) => (
          <li key={f.file} data-testid="model-file" data-file={f.file} data-loaded={f.loaded} data-total={f.total}>
            <span className="file-name">{f.file}</span>
            <progress max={f.total > 0 ? f.total : 1} value={f.total > 0 ? f.loaded : 0} aria-label={f.file} />
            <span className="muted">
              {formatBytes(f.loaded, num)}
              {f.total > 0 && ` / ${formatBytes(f.total, num)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
