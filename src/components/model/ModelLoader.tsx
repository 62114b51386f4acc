import { useEffect, useState } from 'react';
import type { SimParams } from '../../core';
import { CATALOGUE_PAIRS, findPair, loadKey, modelSize, resolveDevice, resolveDtype } from '../../real/catalogue';
import { cancelLoad, loadModels } from '../../store/modelSync';
import { useStore } from '../../store/store';
import { Field } from '../Field';
import { CachePanel } from './CachePanel';
import { pairCached, readCachedModels, sitePathHere } from './cachedPair';
import { LoadProgress } from './LoadProgress';
import { ModelErrorBox } from './ModelErrorBox';
import { formatBytes, useModelT } from './useModelT';

/** What this browser offers: a WebGPU adapter, with or without shader-f16 (asked once). */
function useGpu(): { webgpu: boolean; shaderF16: boolean } | null {
  const [gpu, setGpu] = useState<{ webgpu: boolean; shaderF16: boolean } | null>(null);
  useEffect(() => {
    let alive = true;
    const nav = navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ features: Set<string> } | null> } };
    const ask = nav.gpu ? nav.gpu.requestAdapter().catch(() => null) : Promise.resolve(null);
    void ask.then((a) => alive && setGpu({ webgpu: a !== null, shaderF16: a?.features.has('shader-f16') ?? false }));
    return () => {
      alive = false;
    };
  }, []);
  return gpu;
}

/**
 * Whether everything a load of the page's pair reads is in this browser's cache (read again
 * when the pair, the dtype or the load status changes); null while unknown.
 */
function usePairCached(target: string, draft: string, dtype: string | null, status: string): boolean | null {
  const [cached, setCached] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: status is a trigger (a finished load may have added files), not an input
  useEffect(() => {
    let alive = true;
    readCachedModels().then(
      (models) => alive && setCached(models === null ? null : pairCached(models, target, draft, dtype, sitePathHere())),
      () => alive && setCached(null),
    );
    return () => {
      alive = false;
    };
  }, [target, draft, dtype, status]);
  return cached;
}

/** A text field that commits on blur or Enter (so typing an id does not reload per key). */
function IdInput({ id, testId, value, onCommit }: { id: string; testId: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      id={id}
      data-testid={testId}
      value={text}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onCommit(text.trim())}
      onKeyDown={(e) => e.key === 'Enter' && text !== value && onCommit(text.trim())}
    />
  );
}

/** The pair, device and dtype; the size before anything is fetched; Load / Cancel; the cache. */
export function ModelLoader() {
  const { t, num } = useModelT();
  const p = useStore((s) => s.params);
  const setParams = useStore((s) => s.setParams);
  const model = useStore((s) => s.model);
  const gpu = useGpu();
  const pair = findPair(p.targetModel, p.draftModel);
  const { device } = resolveDevice(p.device, gpu?.webgpu ?? false);
  const dtype = resolveDtype(p.dtype, device, gpu?.shaderF16 ?? false);
  const sizes = [modelSize(p.targetModel, dtype), p.draftModel.trim() === '' ? 0 : modelSize(p.draftModel, dtype)];
  const total = sizes.every((s) => s !== null) ? (sizes as number[]).reduce((a, b) => a + b, 0) : null;
  // dtype auto outside the catalogue: whatever the models declare, so any dtype cached counts.
  const declared = p.dtype === 'auto' && pair === null;
  const cached = usePairCached(p.targetModel, p.draftModel, declared ? null : dtype, model.status);
  // GB, rounded down and capped at 8 by the browser; a pair needs about 2.5x its download while
  // loading (the file, the runtime's copy of the weights, the cache entry).
  const memoryGb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  const loading = model.status === 'loading';
  const loaded = model.status === 'ready' && model.key === loadKey(p);
  const stale = model.status === 'ready' && !loaded;
  // Shown before loading; the loaded pair's own note says the same, so it is left out then.
  const noGpu = gpu !== null && !gpu.webgpu && p.device !== 'wasm';
  return (
    <section className="panel model-loader" aria-labelledby="model-title">
      <h2 id="model-title">{t('model.title')}</h2>
      <p className="small muted">{t('model.intro')}</p>
      <div className="model-grid">
        <Field label={t('model.pair')} tip={t('model.pair.tip')} htmlFor="ctl-model-pair">
          <select
            id="ctl-model-pair"
            data-testid="model-pair"
            value={pair?.id ?? 'custom'}
            onChange={(e) => {
              const next = CATALOGUE_PAIRS.find((c) => c.id === e.target.value);
              if (next) setParams({ targetModel: next.target, draftModel: next.draft });
            }}
          >
            {CATALOGUE_PAIRS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
            <option value="custom" disabled={pair !== null}>
              {t('model.pair.custom')}
            </option>
          </select>
        </Field>
        <Field label={t('model.target')} tip={t('model.target.tip')} htmlFor="ctl-target-model">
          <IdInput id="ctl-target-model" testId="param-target-model" value={p.targetModel} onCommit={(v) => setParams({ targetModel: v })} />
        </Field>
        <Field label={t('model.draft')} tip={t('model.draft.tip')} htmlFor="ctl-draft-model">
          <IdInput id="ctl-draft-model" testId="param-draft-model" value={p.draftModel} onCommit={(v) => setParams({ draftModel: v })} />
        </Field>
        <Field label={t('model.device')} tip={t('model.device.tip')} htmlFor="ctl-device">
          <select id="ctl-device" data-testid="param-device" value={p.device} onChange={(e) => setParams({ device: e.target.value as SimParams['device'] })}>
            <option value="auto">{t('device.auto')}</option>
            <option value="webgpu">{t('device.webgpu')}</option>
            <option value="wasm">{t('device.wasm')}</option>
          </select>
        </Field>
        <Field label={t('model.dtype')} tip={t('model.dtype.tip')} htmlFor="ctl-dtype">
          <select id="ctl-dtype" data-testid="param-dtype" value={p.dtype} onChange={(e) => setParams({ dtype: e.target.value as SimParams['dtype'] })}>
            <option value="auto">{t('dtype.auto')}</option>
            {(['q4f16', 'q4', 'q8', 'fp32'] as const).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="model-size" data-testid="model-size" data-bytes={total ?? ''} data-cached={cached === true}>
        {t('model.size', {
          size: cached
            ? t('model.sizeCached')
            : total === null
              ? t('model.sizeUnknown')
              : `${formatBytes(total, num)} (${t('model.sizeParts', { target: formatBytes(sizes[0] ?? 0, num), draft: formatBytes(sizes[1] ?? 0, num) })})`,
        })}{' '}
        <span className="muted">
          {/* dtype auto loads a model's declared dtype first (its config), which only the files say. */}
          {t(declared ? 'model.sizeAsDeclared' : 'model.sizeAs', {
            dtype,
            device: t(device === 'webgpu' ? 'device.webgpu' : 'device.wasm'),
          })}
        </span>
      </p>
      {noGpu && <p className="notice">{t('note.noWebgpu')}</p>}
      {memoryGb !== undefined && total !== null && total * 2.5 > memoryGb * 1e9 && (
        <p className="notice">{t('note.memory', { gb: num(memoryGb, 0), need: formatBytes(total * 2.5, num) })}</p>
      )}
      {typeof navigator !== 'undefined' && navigator.onLine === false && <p className="notice">{t('note.offline')}</p>}
      <div className="buttons">
        <button type="button" className="primary" data-testid="btn-load-models" title={t('model.load.tip')} onClick={loadModels} disabled={loading || loaded}>
          ⤓ {t('model.load')}
        </button>
        {loading && (
          <button type="button" data-testid="btn-cancel-load" onClick={cancelLoad}>
            ✕ {t('model.cancel')}
          </button>
        )}
      </div>
      <p className="small muted">{t('model.cachedNote')}</p>
      {loading && <LoadProgress expected={total} />}
      <p className="small" data-testid="model-status" data-status={model.status} data-loaded={loaded} data-device={model.info?.device ?? ''}>
        {loaded && model.info
          ? t('model.loaded', {
              target: short(model.info.target),
              draft: model.info.draft === '' ? t('model.noDraftLoaded') : short(model.info.draft),
              device: model.info.device,
              dtype: model.info.dtype,
            })
          : stale
            ? t('model.stale')
            : loading
              ? ''
              : t('model.notLoaded')}
      </p>
      {loaded &&
        model.info?.notes
          .filter((n) => !(noGpu && n.code === 'noWebgpu'))
          .map((n) => (
            <p className="notice" key={n.code}>
              {n.code === 'cacheFallback' ? t('note.cacheFallback', { diff: n.maxDiff.toExponential(1) }) : t(`note.${n.code}`)}
            </p>
          ))}
      {model.runNotes.map((n) =>
        n.code === 'cacheFallback' ? (
          <p className="notice" key={n.code}>
            {t('note.cacheFallback', { diff: n.maxDiff.toExponential(1) })}
          </p>
        ) : null,
      )}
      <ModelErrorBox />
      <details className="small">
        <summary>{t('unavailable.title')}</summary>
        <ul>
          {(['mtp', 'medusa', 'tree'] as const).map((m) => (
            <li key={m}>{t(`unavailable.${m}`)}</li>
          ))}
        </ul>
      </details>
      <CachePanel />
    </section>
  );
}

/** A hub id without its owner (the name says enough in a list). */
export function short(id: string): string {
  return id.startsWith('.') || id.startsWith('/') ? id : (id.split('/').pop() ?? id);
}
