// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FromModel, ToModel } from '../../src/worker/modelProtocol';

/** The model worker, faked: what the page sent it, and a way to answer. */
class FakeWorker {
  static last: FakeWorker | null = null;
  sent: ToModel[] = [];
  onmessage: ((e: MessageEvent<FromModel>) => void) | null = null;
  onerror: unknown = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: ToModel): void {
    this.sent.push(m);
  }
  terminate(): void {}
  answer(m: FromModel): void {
    this.onmessage?.({ data: m } as MessageEvent<FromModel>);
  }
}

describe('modelSync', () => {
  const frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test("run-events - the page answers 'drawn' after its next frame, at once when hidden, never for the last batch", async () => {
    const { loadModels } = await import('../../src/store/modelSync');
    loadModels();
    const w = FakeWorker.last as FakeWorker;
    const drawn = () => w.sent.filter((m) => m.type === 'drawn');
    w.answer({ type: 'run-events', runId: 7, events: [], done: false });
    expect(drawn()).toHaveLength(0); // not before the frame
    for (const f of frames.splice(0)) f(0);
    expect(drawn()).toHaveLength(0); // the frame's layout and paint come after its callbacks
    vi.runAllTimers();
    expect(drawn()).toEqual([{ type: 'drawn', runId: 7 }]);
    // A hidden tab draws nothing: the answer goes at once, with no frame or timer.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    w.answer({ type: 'run-events', runId: 7, events: [], done: false });
    expect(drawn()).toHaveLength(2);
    expect(frames).toHaveLength(0);
    visibility.mockRestore();
    // The last batch: the worker does not wait after it.
    w.answer({ type: 'run-events', runId: 7, events: [], done: true });
    for (const f of frames.splice(0)) f(0);
    vi.runAllTimers();
    expect(drawn()).toHaveLength(2);
  });
});
