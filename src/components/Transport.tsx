import { useShallow } from 'zustand/react/shallow';
import { traceToJson } from '../core';
import { SPEEDS } from '../store/runSlice';
import { useStore } from '../store/store';
import { saveFile } from './download';
import { useT } from './useT';

/** Play / pause, step, back, reset, a scrubber over the steps, speed and the JSON download. */
export function Transport() {
  const { t, num } = useT();
  // Only what the transport shows: a whole-store subscription re-rendered it on every store
  // update (each progress message of a sweep, say).
  const s = useStore(
    useShallow((st) => ({
      playing: st.playing,
      cursor: st.cursor,
      steps: st.events.length,
      complete: st.complete,
      runId: st.runId,
      speedIndex: st.speedIndex,
      training: st.training,
      status: st.status,
      togglePlay: st.togglePlay,
      stepBack: st.stepBack,
      stepForward: st.stepForward,
      reset: st.reset,
      seek: st.seek,
      setSpeed: st.setSpeed,
    })),
  );
  const speed = SPEEDS[s.speedIndex];
  const saveJson = () => {
    const { world, events, params } = useStore.getState();
    if (!world) return;
    const doc = traceToJson(world.vocab, world.prompt, world.tokenizer, events);
    saveFile(
      `specplay-${params.world}-gamma${params.gamma}-seed${params.seed}.json`,
      new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }),
    );
  };
  return (
    <section className="panel transport" aria-label={t('scrubber')}>
      <div className="buttons">
        <button type="button" data-testid="btn-play" onClick={s.togglePlay} aria-pressed={s.playing} disabled={s.steps === 0}>
          {s.playing ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}
        </button>
        <button type="button" data-testid="btn-step-back" onClick={s.stepBack} disabled={s.cursor === 0}>
          ◀ {t('stepBack')}
        </button>
        <button type="button" data-testid="btn-step" onClick={s.stepForward} disabled={s.cursor >= s.steps}>
          {t('stepForward')} ▶
        </button>
        <button type="button" data-testid="btn-reset" onClick={s.reset}>
          ↺ {t('reset')}
        </button>
        <button type="button" data-testid="btn-download" onClick={saveJson} disabled={!s.complete}>
          ⤓ {t('download')}
        </button>
      </div>
      <label className="scrub">
        <span>
          {t('scrubber')} {s.cursor} / {s.steps}
        </span>
        <input
          // A new run starts a fresh slider: the browser must not keep the old run's position.
          key={s.runId}
          type="range"
          data-testid="scrubber"
          min={0}
          max={s.steps}
          value={s.cursor}
          onChange={(e) => s.seek(Number(e.target.value))}
          aria-valuetext={`${s.cursor} / ${s.steps}`}
        />
      </label>
      <label className="scrub" title={t('speed.tip')}>
        <span>
          {t('speed')} {Number.isFinite(speed) ? `${num(speed, speed < 1 ? 1 : 0)}/s` : 'max'}
        </span>
        <input
          type="range"
          data-testid="param-speed"
          min={0}
          max={SPEEDS.length - 1}
          value={s.speedIndex}
          onChange={(e) => s.setSpeed(Number(e.target.value))}
        />
      </label>
      <p className="muted small keys-hint">{t('keysHint')}</p>
      {s.training && (
        <p className="small" data-testid="training" data-done={s.training.done >= s.training.total}>
          {t('training', { size: num(s.training.total / 2, 0) })}{' '}
          <progress max={s.training.total} value={s.training.done} aria-label={t('progress', { done: s.training.done, total: s.training.total })} />
        </p>
      )}
      {s.status === 'computing' && <p className="muted small">{t('computing')}</p>}
    </section>
  );
}
