import { useStore } from '../../store/store';
import { formatBytes, useModelT } from './useModelT';

/**
 * A file's name as a reader needs it: the model's folder name and the file within it
 * ("tiny-target/onnx/model.onnx", "SmolLM2-360M-Instruct/tokenizer.json"). The full path (the
 * site's base, the hub owner) made every row start the same and end cut off on a phone.
 */
export function fileLabel(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  const keep = parts.length >= 3 && parts[parts.length - 2] === 'onnx' ? 3 : 2;
  return parts.slice(-keep).join('/');
}

/**
 * Per-file download bars with bytes, and the whole load's bytes and time left. `expected` is the
 * pair's download size when the catalogue knows it; otherwise only the files announced so far
 * are known, the total says "at least" and no time left is guessed (a review saw "about 4 s
 * left" with the draft's weights, most of the download, not yet announced).
 */
export function LoadProgress({ expected }: { expected: number | null }) {
  const { t, num } = useModelT();
  const files = useStore((s) => s.model.files);
  const startedAt = useStore((s) => s.model.startedAt);
  const loaded = files.reduce((a, f) => a + f.loaded, 0);
  // A file's size: its announced total, or what has come when that is more (or not announced).
  const sizeOf = (list: typeof files) => list.reduce((a, f) => a + Math.max(f.total, f.loaded), 0);
  const announced = sizeOf(files);
  // The catalogue's sizes are the weights (onnx/); the tokenizer and config files come on top.
  const extras = sizeOf(files.filter((f) => !f.file.includes('/onnx/')));
  const total = expected === null ? announced : Math.max(expected + extras, announced);
  // Bytes per ms so far; time left assumes the same rate for the rest.
  const elapsed = performance.now() - startedAt;
  const rate = elapsed > 0 ? loaded / elapsed : 0;
  const leftS = expected !== null && rate > 0 ? (total - loaded) / rate / 1000 : Number.NaN;
  return (
    <div className="model-progress" data-testid="model-progress" data-loaded={loaded} data-total={total} role="status" aria-live="polite">
      <p className="small">
        {t(expected === null ? 'model.progressAtLeast' : 'model.progress', {
          loaded: formatBytes(loaded, num),
          total: total > 0 ? formatBytes(total, num) : '?',
        })}
        {Number.isFinite(leftS) && total > loaded && ` · ${t('model.timeLeft', { s: num(leftS, 0) })}`}
      </p>
      <progress max={total > 0 ? total : 1} value={total > 0 ? loaded : 0} aria-label={t('model.files')} />
      <ul className="file-list small">
        {files.map((f) => (
          <li key={f.file} data-testid="model-file" data-file={f.file} data-loaded={f.loaded} data-total={f.total}>
            <span className="file-name" title={f.file}>
              {fileLabel(f.file)}
            </span>
            <progress max={f.total > 0 ? f.total : 1} value={f.total > 0 ? f.loaded : 0} aria-label={fileLabel(f.file)} />
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
