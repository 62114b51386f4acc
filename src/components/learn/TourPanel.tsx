import { useEffect, useMemo, useRef } from 'react';
import { DEFAULT_PARAMS } from '../../core';
import { fill } from '../../core/notices';
import type { AppState } from '../../store/store';
import { useStore } from '../../store/store';
import { HIDEABLE } from '../../store/uiSlice';
import { useT } from '../useT';
import { Formulas } from './Formulas';
import { LESSONS, type Lesson, type LessonVars, type PageState } from './lessons';
import { lessonsEn } from './lessonsEn';
import { lessonsZh } from './lessonsZh';
import { TourQuestion } from './TourQuestion';

const pageOf = (s: AppState): PageState => ({ params: s.params, events: s.events, cursor: s.cursor, complete: s.complete });

/**
 * Sets the page for a lesson: its parameters over the defaults (a new run), then, once that
 * run is complete, the step it opens at; opens its tool. A lesson resumed from a link that
 * carries parameters keeps them (the reader's own state). Returns a stop function.
 */
function applyLesson(lesson: Lesson, autoHide: boolean): () => void {
  const s = useStore.getState();
  s.pause();
  if (s.embed && autoHide) useStore.setState({ hide: HIDEABLE.filter((h) => !lesson.needs.includes(h)) });
  if (lesson.tool) s.openTool(lesson.tool);
  if (s.tourFromLink) {
    // Resumed from a link with parameters: keep them; open at the lesson's step unless step= said.
    useStore.setState({ tourFromLink: false });
    if (s.initialStep !== null) return () => undefined;
  } else s.setParams({ ...DEFAULT_PARAMS, ...lesson.params });
  const runId = useStore.getState().runId;
  // Once only: seek() notifies subscribers synchronously, this one included.
  let placed = false;
  const place = (st: AppState) => {
    if (placed || st.runId !== runId || !st.complete) return placed;
    placed = true;
    st.seek(lesson.cursor(pageOf(st)));
    return true;
  };
  if (place(useStore.getState())) return () => undefined;
  const stop = useStore.subscribe((st) => {
    if (st.runId !== runId) stop();
    else if (place(st)) stop();
  });
  return stop;
}

/** Scrolls to the narration and the stage below it (instantly when motion is reduced). */
function toStage() {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  document.querySelector('.narration-box')?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
}

/** The guided tour: one lesson at a time, with back / next, progress and its question. */
export default function TourPanel() {
  const { t, num, lang } = useT();
  const tour = useStore((s) => s.tour) ?? 1;
  const setTour = useStore((s) => s.setTour);
  const params = useStore((s) => s.params);
  const events = useStore((s) => s.events);
  const cursor = useStore((s) => s.cursor);
  const complete = useStore((s) => s.complete);
  const total = LESSONS.length;
  const n = Math.min(Math.max(1, tour), total);
  const lesson = LESSONS[n - 1];
  const text = (lang === 'zh' ? lessonsZh : lessonsEn)[lesson.id];
  // An embed without hide= shows only what each lesson needs.
  const autoHide = useRef(useStore.getState().hide.length === 0);
  const moved = useRef(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (tour !== n) setTour(n); // tour=99 in a link: the last lesson
  }, [tour, n, setTour]);
  useEffect(() => {
    const stop = applyLesson(lesson, autoHide.current);
    // Back / next move focus to the new lesson's title (not on first open: no focus theft).
    if (moved.current) title.current?.focus();
    return stop;
  }, [lesson]);
  const page = useMemo<PageState>(() => ({ params, events, cursor, complete }), [params, events, cursor, complete]);
  const vars = useMemo(() => {
    const out: LessonVars = {};
    for (const [k, v] of Object.entries(lesson.vars(page))) out[k] = typeof v === 'number' && !Number.isInteger(v) ? num(v, 2) : v;
    return out;
  }, [lesson, page, num]);
  const go = (to: number) => {
    moved.current = true;
    setTour(to);
  };
  return (
    <section className="panel tour" data-testid="tour" data-lesson={n} data-lesson-id={lesson.id} aria-labelledby="tour-title">
      <div className="tour-head">
        <p className="tour-kicker small">
          {t('tour.title')} · <span data-testid="tour-progress" aria-hidden="true">{`${n} / ${total}`}</span>
          <span className="sr-only">{t('tour.progress', { n, total })}</span>
        </p>
        <button type="button" className="linkish" data-testid="tour-exit" title={t('tour.exit.tip')} onClick={() => setTour(null)}>
          ✕ {t('tour.exit')}
        </button>
      </div>
      <h2 id="tour-title" tabIndex={-1} ref={title}>
        {text.title}
      </h2>
      <p>{fill(text.intro, vars)}</p>
      <p>
        <strong>{t('tour.look')}:</strong> {fill(text.look, vars)}
      </p>
      <p>
        <strong>{t('tour.try')}:</strong> {fill(text.try, vars)}
      </p>
      {lesson.formulas && <Formulas which={lesson.formulas} />}
      <TourQuestion key={lesson.id} lesson={lesson} text={text} page={page} vars={vars} />
      <nav className="tour-nav" aria-label={t('tour')}>
        <button type="button" data-testid="tour-prev" disabled={n <= 1} onClick={() => go(n - 1)}>
          ◀ {t('tour.prev')}
        </button>
        <button type="button" data-testid="tour-next" disabled={n >= total} onClick={() => go(n + 1)}>
          {t('tour.next')} ▶
        </button>
        {/* Narrow screens put the lesson above the page: a way down to the stage it talks about. */}
        <button type="button" className="tour-to-stage" onClick={toStage}>
          ↓ {t('tour.toStage')}
        </button>
        <button type="button" className="linkish" data-testid="tour-reset" onClick={() => applyLesson(lesson, autoHide.current)}>
          ↺ {t('tour.reset')}
        </button>
      </nav>
    </section>
  );
}
