import { SPEEDS } from './runSlice';
import { useStore } from './store';

/**
 * Advances the cursor while playing: one step per 1/speed seconds, or one per animation frame
 * at top speed. Runs on requestAnimationFrame so it never blocks the main thread, and only while
 * playing: a paused page requests no frames (it idles, and a phone's battery with it).
 */
export function startPlayer(win: Window): () => void {
  let last = 0;
  let frame = 0; // the requested frame's id; 0: none
  const tick = (now: number) => {
    frame = 0;
    const s = useStore.getState();
    if (!s.playing) {
      last = 0;
      return;
    }
    frame = win.requestAnimationFrame(tick);
    const speed = SPEEDS[s.speedIndex];
    const interval = Number.isFinite(speed) ? 1000 / speed : 0;
    if (last !== 0 && now - last < interval) return;
    last = now;
    if (s.cursor < s.events.length) s.stepForward();
    else if (s.complete) s.pause();
  };
  // Play (from any control, key or host command) starts the loop.
  const wake = () => {
    if (frame === 0 && useStore.getState().playing) frame = win.requestAnimationFrame(tick);
  };
  const unsubscribe = useStore.subscribe(wake);
  wake();
  return () => {
    unsubscribe();
    if (frame !== 0) win.cancelAnimationFrame(frame);
  };
}

/** Keyboard: Space play/pause, ArrowRight step, ArrowLeft back, R reset (not while typing). */
export function startKeys(win: Window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = useStore.getState();
    if (e.key === ' ' || e.code === 'Space') {
      // A focused button would also act on Space: let the shortcut win, once.
      e.preventDefault();
      s.togglePlay();
    } else if (e.key === 'ArrowRight') s.stepForward();
    else if (e.key === 'ArrowLeft') s.stepBack();
    else if (e.key === 'r' || e.key === 'R') s.reset();
    else return;
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
