import { beforeEach, describe, expect, test } from 'vitest';
import { startPlayer } from '../../src/store/player';
import { SPEEDS } from '../../src/store/runSlice';
import { useStore } from '../../src/store/store';
import { chainStep } from './helpers';

const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

/** A window whose animation frames the test runs by hand, 16 ms apart. */
function fakeWindow() {
  const frames = new Map<number, (t: number) => void>();
  let id = 0;
  let now = 0;
  const win = {
    requestAnimationFrame: (cb: (t: number) => void) => {
      frames.set(++id, cb);
      return id;
    },
    cancelAnimationFrame: (i: number) => frames.delete(i),
  } as unknown as Window;
  const frame = () => {
    now += 16;
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb(now);
  };
  return { win, frame, pending: () => frames.size };
}

describe('player', () => {
  test('startPlayer - no frames while paused; one step per frame at top speed; stops at the end', () => {
    const s = useStore.getState();
    const run = s.beginRun();
    useStore.getState().receiveEvents(
      run,
      [0, 1, 2].map((i) => chainStep(2, 1, { index: i })),
      true,
    );
    useStore.getState().setSpeed(SPEEDS.length - 1);
    const { win, frame, pending } = fakeWindow();
    const stop = startPlayer(win);
    expect(pending()).toBe(0); // a paused page requests no frames
    useStore.getState().play();
    expect(pending()).toBe(1);
    for (let i = 0; i < 3; i++) frame();
    expect(useStore.getState().cursor).toBe(3);
    frame(); // at the end of a complete run: pause
    expect(useStore.getState().playing).toBe(false);
    frame(); // the loop sees the pause and requests nothing more
    expect(pending()).toBe(0);
    stop();
  });
  test('startPlayer - pausing stops the loop, playing again restarts it; stop cancels', () => {
    const s = useStore.getState();
    const run = s.beginRun();
    useStore.getState().receiveEvents(
      run,
      [0, 1, 2, 3].map((i) => chainStep(2, 1, { index: i })),
      true,
    );
    useStore.getState().setSpeed(SPEEDS.length - 1);
    const { win, frame, pending } = fakeWindow();
    const stop = startPlayer(win);
    useStore.getState().play();
    frame();
    useStore.getState().pause();
    frame();
    expect(pending()).toBe(0);
    expect(useStore.getState().cursor).toBe(1);
    useStore.getState().play();
    frame();
    expect(useStore.getState().cursor).toBe(2);
    stop();
    expect(pending()).toBe(0);
  });
});
