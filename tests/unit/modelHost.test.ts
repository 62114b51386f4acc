import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, type SimParams } from '../../src/core';
import type { ModelPair } from '../../src/real/engine';
import { ModelHost, type ModelHostDeps } from '../../src/worker/modelHost';
import type { FileProgress, FromModel } from '../../src/worker/modelProtocol';
import { fakePair } from './fakeLm';

const PARAMS: SimParams = { ...DEFAULT_PARAMS, world: 'model', prompt: 'ab cd', chat: 0, length: 24, gamma: 3, temperature: 0 };
const REQUEST = { target: './models/tiny-target', draft: './models/tiny-draft', device: 'auto' as const, dtype: 'auto' as const };

/** A host over fake models; `load` can be replaced per test. Returns the host and what it posted. */
function setup(load?: ModelHostDeps['load'], webgpu = false, sleep?: ModelHostDeps['sleep'], tick = 1) {
  const posted: FromModel[] = [];
  let t = 0;
  const loads: Parameters<ModelHostDeps['load']>[0][] = [];
  const host = new ModelHost({
    load:
      load ??
      (async (req) => {
        loads.push(req);
        for (const f of ['config.json', 'onnx/model.onnx']) for (const loaded of [0, 50, 100]) req.onProgress({ file: f, loaded, total: 100 });
        return fakePair();
      }),
    probe: async () => ({ webgpu, shaderF16: false }),
    online: () => true,
    clock: () => (t += tick),
    post: (m) => posted.push(m),
    sleep: (ms) => (sleep ? sleep(ms) : Promise.resolve()),
  });
  return { host, posted, loads };
}

const ofType = <T extends FromModel['type']>(posted: FromModel[], type: T) => posted.filter((m): m is Extract<FromModel, { type: T }> => m.type === type);

describe('ModelHost', () => {
  test('handle(load) - posts per-file progress, then the vocabulary; auto falls back to wasm without WebGPU', async () => {
    const { host, posted, loads } = setup();
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    const progress = ofType(posted, 'load-progress');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1].files;
    expect(last.map((f: FileProgress) => f.file).sort()).toEqual(['config.json', 'onnx/model.onnx']);
    expect(last.every((f) => f.loaded === f.total)).toBe(true);
    const [loaded] = ofType(posted, 'loaded');
    expect(loaded.info.device).toBe('wasm');
    expect(loaded.info.dtype).toBe('fp32'); // what the loader reports it loaded
    expect(loaded.info.notes).toEqual([{ code: 'noWebgpu' }]);
    expect(loaded.info.vocab).toEqual(['a', 'b', 'c', 'd', ' ', '\n', '<eos>']);
    expect(loads[0]).toMatchObject({ target: './models/tiny-target', draft: './models/tiny-draft', device: 'wasm', dtype: 'auto' });
  });

  test('handle(run) - streams the run, then an autoregressive baseline with the same greedy text', async () => {
    const { host, posted } = setup();
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    await host.handle({ type: 'run', runId: 5, params: PARAMS });
    const [start] = ofType(posted, 'run-start');
    expect(start.prompt).toEqual([0, 1, 4, 2, 3]);
    const batches = ofType(posted, 'run-events');
    expect(batches[batches.length - 1].done).toBe(true);
    const events = batches.flatMap((b) => b.events);
    expect(events.some((e) => e.drafted.length > 0)).toBe(true);
    expect(events.every((e) => e.wall !== undefined && e.positions !== null)).toBe(true);
    // Real p and q reach the page: the draft's q at a drafted position.
    expect(events.find((e) => e.drafted.length > 0)?.positions?.[0].q.length).toBeGreaterThan(0);
    const [baseline] = ofType(posted, 'baseline');
    expect(baseline.runId).toBe(5);
    expect(baseline.events.every((e) => e.drafted.length === 0)).toBe(true);
    // Greedy speculative decoding is lossless: the same tokens as the target alone.
    expect(baseline.events.flatMap((e) => e.emitted)).toEqual(events.flatMap((e) => e.emitted));
    // Measured times: target forwards 10 ms, draft forwards 2 ms each.
    expect(baseline.events.every((e) => e.wall?.targetMs === 10)).toBe(true);
    expect(events.every((e) => e.wall?.draftMs.every((ms) => ms === 2))).toBe(true);
  });

  test("handle(run) - backpressure: after a batch the run waits for the page's 'drawn' (or the timer) before its next forward", async () => {
    // A timer the test fires by hand; the clock makes every step a batch of its own.
    const timers: (() => void)[] = [];
    const { host, posted } = setup(undefined, false, () => new Promise<void>((ok) => timers.push(ok)), 1000);
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    const running = host.handle({ type: 'run', runId: 5, params: PARAMS });
    const settle = () => new Promise((ok) => setTimeout(ok, 20));
    const batches = () => ofType(posted, 'run-events').length;
    await settle();
    expect(batches()).toBe(1); // held after the first batch
    await settle();
    expect(batches()).toBe(1);
    // A 'drawn' for another run does not release it; this run's does, for one batch.
    await host.handle({ type: 'drawn', runId: 4 });
    await settle();
    expect(batches()).toBe(1);
    await host.handle({ type: 'drawn', runId: 5 });
    await settle();
    expect(batches()).toBe(2);
    // The timer (a hidden tab draws nothing) releases it too.
    timers[1]();
    await settle();
    expect(batches()).toBe(3);
    // Then the page draws every batch at once: the run ends, with the same events as without waits.
    for (;;) {
      const b = ofType(posted, 'run-events');
      if (b[b.length - 1].done) break;
      await host.handle({ type: 'drawn', runId: 5 });
      await settle();
    }
    await running;
    const free = setup();
    await free.host.handle({ type: 'load', loadId: 1, request: REQUEST });
    await free.host.handle({ type: 'run', runId: 5, params: PARAMS });
    const tokens = (p: FromModel[]) => ofType(p, 'run-events').flatMap((b) => b.events.flatMap((e) => e.emitted));
    expect(tokens(posted)).toEqual(tokens(free.posted));
    expect(ofType(posted, 'baseline')).toHaveLength(1);
  });

  test('handle(cancel) - a run waiting for the page stops at once when cancelled', async () => {
    const { host, posted } = setup(undefined, false, () => new Promise<void>(() => {}), 1000);
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    const running = host.handle({ type: 'run', runId: 5, params: PARAMS });
    await new Promise((ok) => setTimeout(ok, 20));
    expect(ofType(posted, 'run-events')).toHaveLength(1);
    await host.handle({ type: 'cancel', runId: 5 });
    await running; // would never resolve if the wait did not end
    expect(ofType(posted, 'run-events')).toHaveLength(1);
    expect(ofType(posted, 'baseline')).toHaveLength(0);
  });

  test('handle(load) - a wrong path is a model-error, and the worker loads and runs afterwards', async () => {
    let fail = true;
    const { host, posted } = setup(async () => {
      if (fail) throw new Error('could not locate file: "http://x/models/nope/config.json" (404 not found)');
      return fakePair();
    });
    await host.handle({ type: 'load', loadId: 1, request: { ...REQUEST, target: './models/nope' } });
    expect(ofType(posted, 'model-error')).toEqual([expect.objectContaining({ id: 1, scope: 'load', code: 'notFound' })]);
    fail = false;
    await host.handle({ type: 'load', loadId: 2, request: REQUEST });
    await host.handle({ type: 'run', runId: 3, params: PARAMS });
    expect(ofType(posted, 'loaded')).toHaveLength(1);
    expect(ofType(posted, 'baseline')).toHaveLength(1);
  });

  test('handle(load) - a reference that is neither a hub id nor a site path is refused before any fetch', async () => {
    const { host, posted, loads } = setup();
    for (const target of ['https://evil.example/m', '//evil.example/m', './models/../../etc', 'just-a-name'])
      await host.handle({ type: 'load', loadId: 1, request: { ...REQUEST, target } });
    expect(loads).toHaveLength(0);
    expect(ofType(posted, 'model-error').map((m) => m.code)).toEqual(['badRef', 'badRef', 'badRef', 'badRef']);
  });

  test('handle(cancel-load) - a load cancelled midway ends in load-cancelled, not loaded', async () => {
    let release: () => void = () => undefined;
    const { host, posted } = setup(
      (req) =>
        new Promise<ModelPair>((ok, fail) => {
          req.onProgress({ file: 'onnx/model.onnx', loaded: 10, total: 100 });
          req.signal.addEventListener('abort', () => fail(Object.assign(new Error('aborted'), { name: 'AbortError' })));
          release = () => ok(fakePair());
        }),
    );
    const done = host.handle({ type: 'load', loadId: 4, request: REQUEST });
    await new Promise((r) => setTimeout(r, 0));
    await host.handle({ type: 'cancel-load', loadId: 4 });
    release();
    await done;
    expect(ofType(posted, 'load-cancelled')).toEqual([{ type: 'load-cancelled', loadId: 4 }]);
    expect(ofType(posted, 'loaded')).toHaveLength(0);
  });

  test('handle(run) - before any load: a run model-error; a newer run stops the older one', async () => {
    const { host, posted } = setup();
    await host.handle({ type: 'run', runId: 1, params: PARAMS });
    expect(ofType(posted, 'model-error')).toEqual([expect.objectContaining({ id: 1, scope: 'run' })]);
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    const first = host.handle({ type: 'run', runId: 2, params: { ...PARAMS, length: 400 } });
    const second = host.handle({ type: 'run', runId: 3, params: PARAMS });
    await Promise.all([first, second]);
    expect(ofType(posted, 'baseline').map((m) => m.runId)).toEqual([3]);
    expect(ofType(posted, 'run-events').filter((m) => m.runId === 2 && m.done)).toHaveLength(0);
  });

  test('handle(compare) - every chain method on the same prompt, with measured events', async () => {
    const { host, posted } = setup();
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    await host.handle({ type: 'compare', runId: 9, params: PARAMS, methods: ['autoregressive', 'draft', 'ngram', 'suffix'] });
    const rows = ofType(posted, 'compare-row');
    expect(rows.map((r) => r.row.method)).toEqual(['autoregressive', 'draft', 'ngram', 'suffix']);
    const texts = rows.map((r) =>
      r.row.events
        .flatMap((e) => e.emitted)
        .slice(0, PARAMS.length)
        .join(','),
    );
    expect(new Set(texts).size).toBe(1); // greedy: every method gives the target's own text
    expect(ofType(posted, 'compare-done')).toHaveLength(1);
  });
});

describe('ModelHost lossless', () => {
  // Seeded; the verdict's threshold is the core's LOSSLESS_ALPHA (p < 0.001 fails).
  test('handle(lossless) - the standard rule passes on the fake pair and the p >= q rule fails', async () => {
    const { host, posted } = setup();
    await host.handle({ type: 'load', loadId: 1, request: REQUEST });
    const p = { ...PARAMS, temperature: 1, gamma: 2, seed: 11 };
    await host.handle({ type: 'lossless', runId: 2, params: p, samples: 1500, length: 2 });
    await host.handle({ type: 'lossless', runId: 3, params: { ...p, acceptance: 'pgeq' }, samples: 1500, length: 2 });
    const [good, bad] = ofType(posted, 'lossless-done');
    expect(good.runId).toBe(2);
    expect(good.result.drafted).toBeGreaterThan(0);
    expect(good.result.pass).toBe(true);
    expect(bad.result.pass).toBe(false);
  });
});
