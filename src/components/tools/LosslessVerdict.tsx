import { LOSSLESS_ALPHA } from '../../core';
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
