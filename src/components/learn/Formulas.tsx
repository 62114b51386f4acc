import { useMemo } from 'react';
import { useStore } from '../../store/store';
import { useT } from '../useT';
import { Expected, Speedup } from './ClosedForms';
import { type FormulaValues, formulaValues } from './formulaValues';
import type { FormulaId } from './lessons';

const ALL: readonly FormulaId[] = ['rule', 'residual', 'expected', 'speedup'];

/**
 * The acceptance rule, the residual, the expected tokens per step and the speedup as MathML
 * (rendered natively, read by screen readers; alttext carries the same in words), with the
 * page's alpha, gamma, c and v and the current step's u, p and q filled in.
 */
export function Formulas({ which = ALL }: { which?: readonly FormulaId[] }) {
  const { t, num, lang } = useT();
  const world = useStore((s) => s.world);
  const params = useStore((s) => s.params);
  const events = useStore((s) => s.events);
  const cursor = useStore((s) => s.cursor);
  const f: FormulaValues = useMemo(() => formulaValues(params, events, cursor), [params, events, cursor]);
  const n = (x: number, d = 2) => <mn>{num(x, d)}</mn>;
  const pos = f.position;
  const token = (id: number) => world?.vocab[id] ?? '?';
  const shows = (id: FormulaId) => which.includes(id);
  const alphaText = Number.isFinite(f.alpha) ? num(f.alpha, 2) : '–';
  return (
    <div className="formulas" data-testid="formulas" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {(shows('expected') || shows('speedup')) && (
        <p className="small muted">
          {t('formula.alphaFrom', {
            alpha: alphaText,
            source: t(f.alphaSource === 'set' ? 'formula.alphaSet' : 'formula.alphaMeasured'),
            gamma: f.gamma,
            c: num(f.c, 2),
            v: num(f.v, 2),
          })}
        </p>
      )}
      {shows('rule') && (
        <div className="formula" data-testid="formula-rule">
          <h4>{t('formula.rule')}</h4>
          <math display="block" alttext={t('formula.ruleAlt')}>
            <mtext>{`${t('formula.accept')}\u00a0`}</mtext>
            <mi>x</mi>
            <mtext>{t('formula.if').replace(/ /g, '\u00a0')}</mtext>
            <mi>u</mi>
            <mo>&lt;</mo>
            <mo>min</mo>
            <mo>(</mo>
            <mn>1</mn>
            <mo>,</mo>
            <mfrac>
              <mrow>
                <mi>p</mi>
                <mo>(</mo>
                <mi>x</mi>
                <mo>)</mo>
              </mrow>
              <mrow>
                <mi>q</mi>
                <mo>(</mo>
                <mi>x</mi>
                <mo>)</mo>
              </mrow>
            </mfrac>
            <mo>)</mo>
            <mtext>{',\u00a0u\u00a0~\u00a0U(0,\u00a01)'}</mtext>
          </math>
          {f.greedy ? (
            <p className="small">{t('formula.greedy')}</p>
          ) : pos && pos.u !== null && pos.token !== null ? (
            <>
              <p className="small">{t(f.positionRejected ? 'formula.position' : 'formula.positionLast', { step: cursor })}</p>
              <math
                display="block"
                data-testid="formula-rule-numbers"
                alttext={`u = ${num(pos.u, 2)}, min(1, ${num(pos.pToken, 2)} / ${num(pos.qToken, 2)}) = ${num(Math.min(1, pos.pToken / pos.qToken), 2)}`}
              >
                <mi>u</mi>
                <mo>=</mo>
                {n(pos.u)}
                <mo>{pos.u < Math.min(1, pos.pToken / pos.qToken) ? '<' : '≥'}</mo>
                <mo>min</mo>
                <mo>(</mo>
                <mn>1</mn>
                <mo>,</mo>
                <mfrac>
                  {n(pos.pToken)}
                  {n(pos.qToken)}
                </mfrac>
                <mo>)</mo>
                <mo>=</mo>
                {n(Math.min(1, pos.pToken / pos.qToken))}
              </math>
              <p className="small">
                {t('formula.verdict', {
                  token: token(pos.token),
                  verdict: t(pos.u < Math.min(1, pos.pToken / pos.qToken) ? 'state.accepted' : 'state.rejected'),
                })}
              </p>
            </>
          ) : (
            <p className="small muted">{t('formula.noPosition')}</p>
          )}
        </div>
      )}
      {shows('residual') && (
        <div className="formula" data-testid="formula-residual">
          <h4>{t('formula.residual')}</h4>
          <math display="block" alttext="p'(x) = max(0, p(x) − q(x)) / sum over y of max(0, p(y) − q(y))">
            <msup>
              <mi>p</mi>
              <mo>′</mo>
            </msup>
            <mo>(</mo>
            <mi>x</mi>
            <mo>)</mo>
            <mo>=</mo>
            <mfrac>
              <mrow>
                <PositivePart v="x" />
              </mrow>
              <mrow>
                <munder>
                  <mo>∑</mo>
                  <mi>y</mi>
                </munder>
                <PositivePart v="y" />
              </mrow>
            </mfrac>
          </math>
          {pos?.residual && pos.residual.length > 0 && (
            <p className="small">
              {t('formula.residualTop')}{' '}
              {pos.residual
                .filter(([, pr]) => pr > 0)
                .slice(0, 4)
                .map(([id, pr]) => t('formula.entry', { token: token(id), p: num(pr, 2) }))
                .join(lang === 'zh' ? '，' : ', ')}
            </p>
          )}
        </div>
      )}
      {shows('expected') && <Expected f={f} n={n} alphaText={alphaText} label={t('formula.expected')} />}
      {shows('speedup') && <Speedup f={f} n={n} label={t('formula.speedup')} />}
    </div>
  );
}

/** max(0, p(v) − q(v)) in MathML, for the residual's numerator (v = x) and its sum (v = y). */
function PositivePart({ v }: { v: string }) {
  return (
    <>
      <mo>max</mo>
      <mo>(</mo>
      <mn>0</mn>
      <mo>,</mo>
      <mi>p</mi>
      <mo>(</mo>
      <mi>{v}</mi>
      <mo>)</mo>
      <mo>−</mo>
      <mi>q</mi>
      <mo>(</mo>
      <mi>{v}</mi>
      <mo>)</mo>
      <mo>)</mo>
    </>
  );
}
