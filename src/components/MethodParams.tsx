import type { SimParams } from '../core';
import { useStore } from '../store/store';
import { Field, Slider } from './Field';
import { useT } from './useT';

/** The settings of the chosen method, named as vLLM / SGLang name them. */
export function MethodParams() {
  const { t } = useT();
  const p = useStore((s) => s.params);
  const setParam = useStore((s) => s.setParam);
  const set =
    <K extends keyof SimParams>(key: K) =>
    (v: SimParams[K]) =>
      setParam(key, v);
  const slider = (
    key: 'lookupMin' | 'lookupMax' | 'maxDepth' | 'specFactor' | 'minTokenProb' | 'heads' | 'headDecay' | 'topk' | 'depth' | 'draftTokens',
    min: number,
    max: number,
    step: number,
  ) => (
    <Field key={key} label={t(`param.${key}`)} tip={t(`param.${key}.tip`)} htmlFor={`ctl-${key}`}>
      <Slider id={`ctl-${key}`} testId={`param-${key}`} value={p[key]} min={min} max={max} step={step} onChange={set(key)} />
    </Field>
  );
  switch (p.method) {
    case 'ngram':
      return (
        <>
          {slider('lookupMin', 0, 8, 1)}
          {slider('lookupMax', 0, 8, 1)}
        </>
      );
    case 'suffix':
      return (
        <>
          {slider('maxDepth', 2, 64, 1)}
          {slider('specFactor', 0.1, 4, 0.1)}
          {slider('minTokenProb', 0, 1, 0.05)}
        </>
      );
    case 'mtp':
    case 'medusa':
      return (
        <>
          {slider('heads', 1, 16, 1)}
          {p.world === 'synthetic' && p.scenario === 'none' && slider('headDecay', 0, 1, 0.05)}
        </>
      );
    case 'tree':
      return (
        <>
          {slider('depth', 1, 10, 1)}
          {slider('topk', 1, 10, 1)}
          {slider('draftTokens', 1, 64, 1)}
          <Field label={t('param.treeMode')} tip={t('param.treeMode.tip')} htmlFor="ctl-tree-mode">
            <select
              id="ctl-tree-mode"
              data-testid="param-treeMode"
              value={p.treeMode}
              onChange={(e) => setParam('treeMode', e.target.value as SimParams['treeMode'])}
            >
              <option value="topk">{t('treeMode.topk')}</option>
              <option value="sample">{t('treeMode.sample')}</option>
            </select>
          </Field>
        </>
      );
    default:
      return null;
  }
}
