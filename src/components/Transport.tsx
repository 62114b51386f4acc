import { traceToJson } from '../core';
import { SPEEDS } from '../store/runSlice';
import { useStore } from '../store/store';
import { saveFile } from './download';
import { useT } from './useT';

/** Play / pause, step, back, reset, a scrubber over the steps, speed and the JSON download. */
export function Transport() {
  const { t, num } = useT();
  const s = useStore();
  const speed = SPEEDS[s.speedIndex];
  const saveJson = () => {
    if (!s.world) return;
    const doc = traceToJson(s.world.vocab, s.world.prompt, s.world.tokenizer, s.events);
    saveFile(
      `specplay-${s.params.world}-gamma${s.params.gamma}-seed${s.params.seed}.json`,
      new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }),
    );
  };
  return (
    <section className="panel transport" aria-label={t('scrubber')}>
      <div className="buttons">
        <button type="button" data-testid="btn-play" onClick={s.togglePlay} aria-pressed={s.playing} disabled={s.events.length === 0}>
          {s.playing ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}
        </button>
        <button type="button" data-testid="btn-step-back" onClick={s.stepBack} disabled={s.cursor === 0}>
          ◀ {t('stepBack')}
        </button>
        <button type="button" data-testid="btn-step" onClick={s.stepForward} disabled={s.cursor >= s.events.length}>
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
          {t('scrubber')} {s.cursor} / {s.events.length}
        </span>
        <input
          // A new run starts a fresh slider: the browser must not keep the old run's position.
          key={s.runId}
          type="range"
          data-testid="scrubber"
          min={0}
          max={s.events.length}
          value={s.cursor}
          onChange={(e) => s.seek(Number(e.target.value))}
          aria-valuetext={`${s.cursor} / ${s.events.length}`}
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
      <p className="muted small">{t('keysHint')}</p>
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
