import { useEffect, useState } from 'react';
import type { CorpusName, MethodKind, SimParams, WorldKind } from '../core';
import { PRESETS } from '../store/presets';
import { useStore } from '../store/store';
import { CorpusInput } from './CorpusInput';
import { Field, NumberInput, Slider } from './Field';
import { MethodParams } from './MethodParams';
import { useT } from './useT';

/** Every parameter, with labels and tooltips naming the vLLM equivalent; and the presets. */
export function Controls() {
  const { t } = useT();
  const p = useStore((s) => s.params);
  const setParam = useStore((s) => s.setParam);
  const applyPreset = useStore((s) => s.applyPreset);
  const presetNote = useStore((s) => s.presetNote);
  const [prompt, setPrompt] = useState(p.prompt);
  const [showPaste, setShowPaste] = useState(false);
  useEffect(() => setPrompt(p.prompt), [p.prompt]);
  const set =
    <K extends keyof SimParams>(key: K) =>
    (v: SimParams[K]) =>
      setParam(key, v);
  return (
    <aside className="panel controls" aria-label={t('controls')}>
      <h2>{t('presets')}</h2>
      <div className="presets">
        {PRESETS.map((pr) => (
          <button type="button" key={pr.id} data-testid={`preset-${pr.id}`} onClick={() => applyPreset(pr.id)}>
            {t(pr.label)}
          </button>
        ))}
      </div>
      {presetNote && <p className="note small">{t(presetNote)}</p>}
      <h2>{t('controls')}</h2>
      <Field label={t('param.scenario')} tip={t('param.scenario.tip')} htmlFor="ctl-scenario">
        <select id="ctl-scenario" data-testid="param-scenario" value={p.scenario} onChange={(e) => set('scenario')(e.target.value as SimParams['scenario'])}>
          {(['none', 'code', 'summary', 'chat', 'story'] as const).map((sc) => (
            <option key={sc} value={sc}>
              {t(`scenario.${sc}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('param.world')} tip={t('param.world.tip')} htmlFor="ctl-world">
        <select id="ctl-world" data-testid="param-world" value={p.world} onChange={(e) => set('world')(e.target.value as WorldKind)}>
          <option value="seed">{t('world.seed')}</option>
          <option value="ngram">{t('world.ngram')}</option>
          <option value="synthetic">{t('world.synthetic')}</option>
        </select>
      </Field>
      {p.world === 'ngram' && (
        <>
          <Field label={t('param.corpus')} tip={t('param.corpus.tip')} htmlFor="ctl-corpus">
            <select
              id="ctl-corpus"
              data-testid="param-corpus"
              value={showPaste || p.corpus === 'custom' ? 'custom' : p.corpus}
              onChange={(e) => {
                const v = e.target.value as CorpusName;
                setShowPaste(v === 'custom');
                if (v !== 'custom') set('corpus')(v);
              }}
            >
              <option value="seed">{t('corpus.seed')}</option>
              <option value="zh">{t('corpus.zh')}</option>
              <option value="en">{t('corpus.en')}</option>
              <option value="custom">{t('corpus.custom')}</option>
            </select>
          </Field>
          {showPaste && <CorpusInput />}
          <Field label={t('param.order')} tip={t('param.order.tip')} htmlFor="ctl-order">
            <Slider id="ctl-order" value={p.order} min={3} max={5} step={1} onChange={set('order')} />
          </Field>
          <Field label={t('param.draftOrder')} tip={t('param.draftOrder.tip')} htmlFor="ctl-draft-order">
            <Slider id="ctl-draft-order" value={p.draftOrder} min={1} max={2} step={1} onChange={set('draftOrder')} />
          </Field>
        </>
      )}
      <Field label={t('param.prompt')} tip={t('param.prompt.tip')} htmlFor="ctl-prompt">
        <input
          id="ctl-prompt"
          data-testid="param-prompt"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onBlur={() => prompt !== p.prompt && setParam('prompt', prompt)}
          onKeyDown={(e) => e.key === 'Enter' && setParam('prompt', prompt)}
        />
      </Field>
      <Field label={t('param.method')} tip={t('param.method.tip')} htmlFor="ctl-method">
        <select id="ctl-method" data-testid="param-method" value={p.method} onChange={(e) => set('method')(e.target.value as MethodKind)}>
          {(['draft', 'ngram', 'suffix', 'mtp', 'medusa', 'tree', 'autoregressive'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <MethodParams />
      <Field label={t('param.gamma')} tip={t('param.gamma.tip')} htmlFor="ctl-gamma">
        <Slider id="ctl-gamma" testId="param-gamma" value={p.gamma} min={1} max={16} step={1} onChange={set('gamma')} />
      </Field>
      <Field label={t('param.length')} tip={t('param.length.tip')} htmlFor="ctl-length">
        <NumberInput id="ctl-length" testId="param-length" value={p.length} min={1} max={2000} step={1} onCommit={set('length')} />
      </Field>
      <Field label={t('param.temperature')} tip={p.world === 'seed' ? t('seedFixed') : t('param.temperature.tip')} htmlFor="ctl-temperature">
        <Slider
          id="ctl-temperature"
          testId="param-temperature"
          value={p.temperature}
          min={0}
          max={2}
          step={0.05}
          onChange={set('temperature')}
          disabled={p.world === 'seed'}
        />
      </Field>
      <Field label={t('param.topP')} tip={p.world === 'seed' ? t('seedFixed') : t('param.topP.tip')} htmlFor="ctl-top-p">
        <Slider id="ctl-top-p" value={p.topP} min={0.05} max={1} step={0.05} onChange={set('topP')} disabled={p.world === 'seed'} />
      </Field>
      {p.world === 'synthetic' && (
        <>
          <Field label={t('param.alpha')} tip={t('param.alpha.tip')} htmlFor="ctl-alpha">
            <Slider id="ctl-alpha" testId="param-alpha" value={p.alpha} min={0} max={1} step={0.01} onChange={set('alpha')} />
          </Field>
          <Field label={t('param.vocab')} tip={t('param.vocab.tip')} htmlFor="ctl-vocab">
            <NumberInput id="ctl-vocab" value={p.vocab} min={2} max={4096} step={1} onCommit={set('vocab')} />
          </Field>
        </>
      )}
      {p.world === 'seed' && (
        <Field label={t('param.draftAccuracy')} tip={t('param.draftAccuracy.tip')} htmlFor="ctl-draft-accuracy">
          <Slider id="ctl-draft-accuracy" value={p.draftAccuracy} min={0} max={1} step={0.05} onChange={set('draftAccuracy')} />
        </Field>
      )}
      <Field label={t('param.targetMs')} tip={t('param.targetMs.tip')} htmlFor="ctl-target-ms">
        <NumberInput id="ctl-target-ms" value={p.targetMs} min={0.01} max={100000} step={1} onCommit={set('targetMs')} />
      </Field>
      <Field label={t('param.costRatio')} tip={t('param.costRatio.tip')} htmlFor="ctl-cost-ratio">
        <NumberInput id="ctl-cost-ratio" value={p.costRatio} min={0} max={10} step={0.01} onCommit={set('costRatio')} />
      </Field>
      <Field label={t('param.verifyCost')} tip={t('param.verifyCost.tip')} htmlFor="ctl-verify-cost">
        <NumberInput id="ctl-verify-cost" value={p.verifyCost} min={0} max={10} step={0.01} onCommit={set('verifyCost')} />
      </Field>
      <Field label={t('param.seed')} tip={t('param.seed.tip')} htmlFor="ctl-seed">
        <NumberInput id="ctl-seed" testId="param-seed" value={p.seed} min={0} max={2147483647} step={1} onCommit={set('seed')} />
      </Field>
      <Field label={t('param.acceptance')} tip={t('param.acceptance.tip')} htmlFor="ctl-acceptance">
        <select id="ctl-acceptance" value={p.acceptance} onChange={(e) => set('acceptance')(e.target.value as SimParams['acceptance'])}>
          <option value="standard">{t('acceptance.standard')}</option>
          <option value="pgeq">{t('acceptance.pgeq')}</option>
          <option value="typical">{t('acceptance.typical')}</option>
        </select>
      </Field>
      {(p.method === 'draft' || p.method === 'mtp' || p.method === 'medusa') && (
        <Field label={t('param.draftSampling')} tip={t('param.draftSampling.tip')} htmlFor="ctl-draft-sampling">
          <select
            id="ctl-draft-sampling"
            data-testid="param-draftSampling"
            value={p.draftSampling}
            onChange={(e) => set('draftSampling')(e.target.value as SimParams['draftSampling'])}
          >
            <option value="sampled">{t('draftSampling.sampled')}</option>
            <option value="argmax">{t('draftSampling.argmax')}</option>
          </select>
        </Field>
      )}
    </aside>
  );
}
