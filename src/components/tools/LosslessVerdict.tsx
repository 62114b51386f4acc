import { LOSSLESS_ALPHA, type LosslessResult } from '../../core';
import { useT } from '../useT';

/** What a lossless check found, simulated or real: the verdict with its statistic and how much
 * speculation happened on the way (a check without rejections shows nothing). */
export function LosslessVerdict({ r }: { r: { pass: boolean; stat: number; df: number; pValue: number; drafted: number; rejections: number } }) {
  const { t, num } = useT();
  return (
    <>
      <p className={r.pass ? 'verdict verdict-pass' : 'verdict verdict-fail'} data-testid="lossless-verdict" data-pass={r.pass} data-p={r.pValue}>
        {r.pass ? '✓ ' : '✗ '}
        {t(r.pass ? 'lossless.pass' : 'lossless.fail', {
          stat: num(r.stat, 1),
          df: r.df,
          p: r.pValue < 1e-6 ? '< 0.000001' : num(r.pValue, 4),
          alpha: LOSSLESS_ALPHA,
        })}
      </p>
      <p className="small muted">{t('lossless.activity', { drafted: r.drafted, rejections: r.rejections })}</p>
    </>
  );
}

/**
 * A lossless check's verdict and its table of sequences: counts with speculation and with the
 * target alone (as bars of the samples when `bars`). `show` writes a sequence's tokens.
 */
export function LosslessResultView({ r, show, bars }: { r: LosslessResult; show: (tokens: string[]) => string; bars: boolean }) {
  const { t } = useT();
  const cell = (n: number, alt: boolean) =>
    bars ? (
      <td className="bar-cell-wide">
        <span className={alt ? 'hbar hbar-alt' : 'hbar'} style={{ width: `${(100 * n) / r.samples}%` }} />
        <span>{n}</span>
      </td>
    ) : (
      <td>{n}</td>
    );
  return (
    <>
      <LosslessVerdict r={r} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('lossless.sequence')}</th>
            <th scope="col">{t('lossless.spec')}</th>
            <th scope="col">{t('lossless.target')}</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.tokens.join('\u0001')}>
              <td className="mono">{show(row.tokens) || '∅'}</td>
              {cell(row.spec, false)}
              {cell(row.target, true)}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
