import type { FormulaValues } from './formulaValues';

// The closed forms of Leviathan et al. 2023 as MathML: symbolic, then with the page's numbers.

/** Formats a number as an <mn> in the page's language. */
export type N = (x: number, d?: number) => React.ReactNode;

/** E = (1 − α^(γ+1)) / (1 − α), symbolic then with numbers. */
export function Expected({ f, n, alphaText, label }: { f: FormulaValues; n: N; alphaText: string; label: string }) {
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
export function Speedup({ f, n, label }: { f: FormulaValues; n: N; label: string }) {
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
