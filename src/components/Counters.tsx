import { useStore } from '../store/store';
import { useT } from './useT';
import { useSummary } from './useTrace';

/** Target passes, drafted, accepted, acceptance rate, tokens per step, time, speedup. */
export function Counters() {
  const { t, num } = useT();
  const s = useSummary();
  const method = useStore((st) => st.params.method);
  // Real models: time and speedup are measured (the race panel), not modelled.
  const real = useStore((st) => st.params.world === 'model');
  const stat = (id: string, label: string, value: number, shown: string) => (
    <div className="stat" key={id}>
      <dt>{label}</dt>
      <dd data-testid={id} data-value={Number.isFinite(value) ? value : ''}>
        {shown}
      </dd>
    </div>
  );
  const pct = (x: number) => (Number.isFinite(x) ? `${num(100 * x, 1)}%` : '–');
  return (
    <section className="panel" aria-label={t('counters')}>
      <h2>{t('counters')}</h2>
      <dl className="stats">
        {stat('stat-passes', t('stat.passes'), s.passes, num(s.passes, 0))}
        {method !== 'autoregressive' && stat('stat-drafted', t('stat.drafted'), s.drafted, num(s.drafted, 0))}
        {method !== 'autoregressive' && stat('stat-accepted', t('stat.accepted'), s.accepted, num(s.accepted, 0))}
        {stat('stat-acceptance-rate', t('stat.acceptanceRate'), s.acceptanceRate, pct(s.acceptanceRate))}
        {stat('stat-tokens-per-step', t('stat.tokensPerStep'), s.tokensPerStep, num(s.tokensPerStep, 2))}
        {!real && stat('stat-time', t('stat.time'), s.timeMs, `${num(s.timeMs, 1)} ${t('ms')}`)}
        {!real && stat('stat-speedup', t('stat.speedup'), s.speedup, Number.isFinite(s.speedup) ? `${num(s.speedup, 2)}×` : '–')}
      </dl>
    </section>
  );
}
