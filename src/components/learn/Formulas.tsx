import { useMemo } from 'react';
import { useStore } from '../../store/store';
import { useT } from '../useT';
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
                <mo>max</mo>
                <mo>(</mo>
                <mn>0</mn>
                <mo>,</mo>
                <mi>p</mi>
                <mo>(</mo>
                <mi>x</mi>
                <mo>)</mo>
                <mo>−</mo>
                <mi>q</mi>
                <mo>(</mo>
                <mi>x</mi>
                <mo>)</mo>
                <mo>)</mo>
              </mrow>
              <mrow>
                <munder>
                  <mo>∑</mo>
                  <mi>y</mi>
                </munder>
                <mo>max</mo>
                <mo>(</mo>
                <mn>0</mn>
                <mo>,</mo>
                <mi>p</mi>
                <mo>(</mo>
                <mi>y</mi>
                <mo>)</mo>
                <mo>−</mo>
                <mi>q</mi>
                <mo>(</mo>
                <mi>y</mi>
                <mo>)</mo>
                <mo>)</mo>
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

type N = (x: number, d?: number) => React.ReactNode;

/** E = (1 − α^(γ+1)) / (1 − α), symbolic then with numbers. */
function Expected({ f, n, alphaText, label }: { f: FormulaValues; n: N; alphaText: string; label: string }) {
  const frac = (a: React.ReactNode, pow: React.ReactNode) => (
    <mfrac>
      <mrow>
        <mn>1</mn>
        <mo>−</mo>
        <msup>
          {a}
          {pow}
        </msup>
      </mrow>
      <mrow>
        <mn>1</mn>
        <mo>−</mo>
        {a}
      </mrow>
    </mfrac>
  );
  const ok = Number.isFinite(f.expected);
  return (
    <div className="formula" data-testid="formula-expected" data-value={ok ? f.expected : ''}>
      <h4>{label}</h4>
      <math
        display="block"
        alttext={`E = (1 − alpha^(gamma + 1)) / (1 − alpha) = (1 − ${alphaText}^${f.gamma + 1}) / (1 − ${alphaText}) = ${ok ? f.expected.toFixed(2) : '–'}`}
      >
        <mi>E</mi>
        <mo>=</mo>
        {frac(
          <mi>α</mi>,
          <mrow>
            <mi>γ</mi>
            <mo>+</mo>
            <mn>1</mn>
          </mrow>,
        )}
        <mo>=</mo>
        {frac(<mn>{alphaText}</mn>, <mn>{f.gamma + 1}</mn>)}
        <mo>=</mo>
        {ok ? n(f.expected) : <mtext>–</mtext>}
      </math>
    </div>
  );
}

/** S = E / (1 + γc + γv), symbolic then with numbers (the v term only when v > 0). */
function Speedup({ f, n, label }: { f: FormulaValues; n: N; label: string }) {
  const ok = Number.isFinite(f.speedup);
  const den = (g: React.ReactNode, c: React.ReactNode, v: React.ReactNode) => (
    <mrow>
      <mn>1</mn>
      <mo>+</mo>
      {g}
      <mo>·</mo>
      {c}
      {f.v > 0 && (
        <>
          <mo>+</mo>
          {g}
          <mo>·</mo>
          {v}
        </>
      )}
    </mrow>
  );
  return (
    <div className="formula" data-testid="formula-speedup" data-value={ok ? f.speedup : ''}>
      <h4>{label}</h4>
      <math
        display="block"
        alttext={`S = E / (1 + gamma c${f.v > 0 ? ' + gamma v' : ''}) = ${ok ? f.expected.toFixed(2) : '–'} / (1 + ${f.gamma} × ${f.c}${f.v > 0 ? ` + ${f.gamma} × ${f.v}` : ''}) = ${ok ? f.speedup.toFixed(2) : '–'}`}
      >
        <mi>S</mi>
        <mo>=</mo>
        <mfrac>
          <mi>E</mi>
          {den(<mi>γ</mi>, <mi>c</mi>, <mi>v</mi>)}
        </mfrac>
        <mo>=</mo>
        <mfrac>
          {ok ? n(f.expected) : <mtext>–</mtext>}
          {den(<mn>{f.gamma}</mn>, n(f.c), n(f.v))}
        </mfrac>
        <mo>=</mo>
        {ok ? n(f.speedup) : <mtext>–</mtext>}
        <mo>×</mo>
      </math>
    </div>
  );
}
