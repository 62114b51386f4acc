import { useMemo } from 'react';
import type { StepEvent } from '../../core';
import { acceptanceLesson, measuredSpeedup, measuredVllmLine } from '../../core/measured';
import { expectedSpeedup, perPositionAcceptance } from '../../core/theory';
import { useStore } from '../../store/store';
import { useWidth } from '../useWidth';
import { ModelCompare } from './ModelCompare';
import { ModelLossless } from './ModelLossless';
import { useModelT } from './useModelT';

/** The generated text as spans coloured by how each token came, with its acceptance probability. */
function ColouredText({ events, vocab }: { events: readonly StepEvent[]; vocab: readonly string[] }) {
  const { t, num } = useModelT();
  return (
    <p className="lesson-text" data-testid="lesson-text">
      {events.flatMap((e, s) =>
        e.emitted.map((tok, j) => {
          const kind = e.emittedKinds[j];
          const d = e.positions?.[j];
          // min(1, p/q): the chance this draft was accepted (1 under greedy verification).
          const p = d && d.qToken > 0 ? Math.min(1, d.pToken / d.qToken) : 1;
          const title = kind === 'accepted' ? t('kind.accepted', { p: num(e.greedy ? 1 : p, 3) }) : t(`kind.${kind}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens are append-only
            <span key={`${s}-${j}`} className={`lt lt-${kind}`} title={title} data-kind={kind}>
              {vocab[tok]}
            </span>
          );
        }),
      )}
    </p>
  );
}

/** Height of the gamma curve, px; its width is its box's (drawn at pixel size: a scaled SVG's
 * text needs a font at an unforeseeable size, made synchronously in the middle of a run). */
const CURVE_H = 130;

/** Speedup against gamma from the measured alpha, c and v (SVG, no chart library), optimum marked. */
function GammaCurve({ alpha, c, v, gamma }: { alpha: number; c: number; v: number; gamma: number }) {
  const { t, num } = useModelT();
  const { ref, width } = useWidth();
  const gs = Array.from({ length: 16 }, (_, i) => i + 1);
  const ys = gs.map((g) => expectedSpeedup(alpha, g, c, v));
  const best = gs[ys.indexOf(Math.max(...ys))];
  const top = Math.max(1.5, ...ys) * 1.1;
  const x = (g: number) => 30 + ((g - 1) / 15) * Math.max(0, width - 40);
  const y = (s: number) => 110 - (s / top) * 100;
  const levels = Array.from({ length: Math.floor(top) }, (_, i) => i + 1);
  const path = gs.map((g, i) => `${i === 0 ? 'M' : 'L'}${x(g).toFixed(1)},${y(ys[i]).toFixed(1)}`).join(' ');
  return (
    <figure className="lesson-curve">
      <div ref={ref}>
        {width > 0 && (
          <svg
            width={width}
            height={CURVE_H}
            role="img"
            aria-label={`${t('lessons.curve')}: ${t('lessons.optimal', { gamma: best, speedup: num(ys[best - 1], 2) })}`}
          >
            {/* A dashed line and a label at every whole speedup up to the top (1x: break-even). */}
            {levels.map((s) => (
              <g key={s}>
                <line x1={30} x2={width - 10} y1={y(s)} y2={y(s)} className="curve-one" />
                <text x={2} y={y(s) + 4} className="curve-label">
                  {s}×
                </text>
              </g>
            ))}
            <path d={path} className="curve-line" />
            <circle cx={x(best)} cy={y(ys[best - 1])} r={4} className="curve-best" />
            {gamma <= 16 && <circle cx={x(gamma)} cy={y(ys[gamma - 1])} r={3} className="curve-here" />}
            {[1, 4, 8, 12, 16].map((g) => (
              <text key={g} x={x(g) - 3} y={126} className="curve-label">
                {g}
              </text>
            ))}
          </svg>
        )}
      </div>
      <figcaption className="small">
        {t('lessons.optimal', { gamma: best, speedup: num(ys[best - 1], 2) })} · {t('lessons.youAreHere', { gamma })}
      </figcaption>
    </figure>
  );
}

/** What the run teaches: coloured text, per-position acceptance, alpha, the gamma curve, the vLLM line, the compare table. */
export function RunLessons() {
  const { t, num } = useModelT();
  const events = useStore((s) => s.events);
  const world = useStore((s) => s.world);
  const gamma = useStore((s) => s.params.gamma);
  const complete = useStore((s) => s.complete);
  const baseline = useStore((s) => s.model.baseline);
  const lesson = useMemo(() => acceptanceLesson(events, gamma), [events, gamma]);
  const line = useMemo(() => (complete ? measuredVllmLine(events, gamma) : null), [complete, events, gamma]);
  const measured = useMemo(() => (baseline && complete ? measuredSpeedup(events, baseline.events, gamma) : null), [baseline, complete, events, gamma]);
  if (!world) return null;
  return (
    <section className="panel lessons" data-testid="model-lessons" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('lessons.title')}</h2>
      <h3>{t('lessons.text')}</h3>
      <ColouredText events={events} vocab={world.vocab} />
      {lesson.drafts === 0 ? (
        <p className="muted">{t('lessons.none')}</p>
      ) : (
        <>
          <dl className="stats">
            <div className="stat">
              <dt>{t('lessons.meanLen')}</dt>
              <dd data-testid="lesson-mean-length" data-value={lesson.meanAcceptanceLength}>
                {num(lesson.meanAcceptanceLength, 2)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('lessons.alpha')}</dt>
              <dd data-testid="lesson-alpha" data-value={lesson.alpha}>
                {num(lesson.alpha, 2)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('lessons.drafts')}</dt>
              <dd>{num(lesson.drafts, 0)}</dd>
            </div>
          </dl>
          <h3>{t('lessons.perPos')}</h3>
          <ol className="per-pos" data-testid="lesson-per-position">
            {lesson.perPosition.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions are fixed
              <li key={i} data-rate={s.rate} data-lo={s.lo} data-hi={s.hi}>
                <span className="per-pos-label">{i + 1}</span>
                <span className="per-pos-track" role="img" aria-label={`${i + 1}: ${num(100 * s.rate, 0)}% (${num(100 * s.lo, 0)}–${num(100 * s.hi, 0)}%)`}>
                  <span className="per-pos-bar" style={{ width: `${100 * s.rate}%` }} />
                  <span className="per-pos-ci" style={{ left: `${100 * s.lo}%`, width: `${100 * (s.hi - s.lo)}%` }} />
                  <span className="per-pos-theory" style={{ left: `${100 * perPositionAcceptance(lesson.alpha, i)}%` }} aria-hidden="true">
                    ◆
                  </span>
                </span>
                <span className="per-pos-value small">
                  {num(100 * s.rate, 0)}%{' '}
                  <span className="muted">
                    [{num(100 * s.lo, 0)}, {num(100 * s.hi, 0)}]
                  </span>
                </span>
              </li>
            ))}
          </ol>
          {measured && (
            <>
              <h3>{t('lessons.curve')}</h3>
              <GammaCurve alpha={measured.alpha} c={measured.c} v={measured.v} gamma={gamma} />
            </>
          )}
        </>
      )}
      {line && (
        <>
          <h3>{t('lessons.vllm')}</h3>
          <pre className="vllm-line small" data-testid="model-vllm-line">
            {line}
          </pre>
        </>
      )}
      <ModelCompare />
      <ModelLossless />
    </section>
  );
}
