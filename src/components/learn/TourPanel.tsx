import { useEffect, useMemo, useRef } from 'react';
import { DEFAULT_PARAMS } from '../../core';
import { fill } from '../../core/notices';
import type { AppState } from '../../store/store';
import { useStore } from '../../store/store';
import { HIDEABLE } from '../../store/uiSlice';
import { findCachedPair } from '../model/cachedPair';
import { useT } from '../useT';
import { Formulas } from './Formulas';
import { type Lesson, type LessonVars, lessonsFor, type PageState } from './lessons';
import { lessonsEn } from './lessonsEn';
import { lessonsZh } from './lessonsZh';
import { TourQuestion } from './TourQuestion';

const pageOf = (s: AppState): PageState => ({ params: s.params, events: s.events, cursor: s.cursor, complete: s.complete });

/**
 * Sets the page for a lesson: its parameters over the defaults (a new run), then, once that
 * run is complete, the step it opens at; opens its tool. A lesson resumed from a link that
 * carries parameters keeps them (the reader's own state). Returns a stop function.
 *
 * In the real-model world a run has steps only once the models are loaded (Load models, pressed
 * by the reader; until then each run completes empty), and the load starts a new run: there the
 * lesson opens at the first complete run with steps, whichever run that is, as long as the page
 * stays in that world.
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
  const real = useStore.getState().params.world === 'model';
  const ours = (st: AppState) => (real ? st.params.world === 'model' : st.runId === runId);
  const ready = (st: AppState) => st.complete && (!real || st.events.length > 0);
  // Once only: seek() notifies subscribers synchronously, this one included.
  let placed = false;
  const place = (st: AppState) => {
    if (placed || !ours(st) || !ready(st)) return placed;
    placed = true;
    st.seek(lesson.cursor(pageOf(st)));
    return true;
  };
  if (place(useStore.getState())) return () => undefined;
  const stop = useStore.subscribe((st) => {
    if (!ours(st)) stop();
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
  const tourModels = useStore((s) => s.tourModels);
  const setTourModels = useStore((s) => s.setTourModels);
  const modelStatus = useStore((s) => s.model.status);
  const lessons = useMemo(() => lessonsFor(tourModels.pair), [tourModels.pair]);
  const total = lessons.length;
  const n = Math.min(Math.max(1, tour), total);
  const lesson = lessons[n - 1];
  // The first open waits for the cache check (milliseconds): then the number of lessons is
  // known from the start, and a link to the real-model lesson (tour=9) is not sent back to
  // lesson 8 before the check could find its pair.
  const waiting = !tourModels.checked;
  const text = (lang === 'zh' ? lessonsZh : lessonsEn)[lesson.id];
  // An embed without hide= shows only what each lesson needs.
  const autoHide = useRef(useStore.getState().hide.length === 0);
  const moved = useRef(false);
  const title = useRef<HTMLHeadingElement>(null);
  // The model cache, read when the tour opens and again when a load ends (it may have added a pair).
  useEffect(() => {
    if (modelStatus === 'loading' && useStore.getState().tourModels.checked) return;
    let alive = true;
    const { targetModel, draftModel, device, dtype } = useStore.getState().params;
    void findCachedPair({ targetModel, draftModel, device, dtype }).then((pair) => alive && setTourModels(pair));
    return () => {
      alive = false;
    };
  }, [modelStatus, setTourModels]);
  useEffect(() => {
    if (!waiting && tour !== n) setTour(n); // tour=99 in a link: the last lesson
  }, [waiting, tour, n, setTour]);
  // The page is set when the lesson changes, not when its pair is found again (a load ending
  // while the reader is in the real-model lesson must not restart it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: lesson.id is the trigger; the lesson object follows it
  useEffect(() => {
    if (waiting) return;
    const stop = applyLesson(lesson, autoHide.current);
    // Back / next move focus to the new lesson's title (not on first open: no focus theft).
    if (moved.current) title.current?.focus();
    return stop;
  }, [lesson.id, waiting]);
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
  if (waiting) return <p className="panel muted">{t('tour.loading')}</p>;
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
