/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { Simulator } from './simulate';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

// Yield through a MessageChannel: unlike nested setTimeout(0) it is not clamped to 4 ms, so
// chunked jobs lose no time between chunks, and queued messages (cancel) still get through.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

// The corpora are lazy chunks: the seed and synthetic worlds never fetch them.
const corpora = {
  en: () => import('../core/corpora/en.txt?raw'),
  zh: () => import('../core/corpora/zh.txt?raw'),
};

const sim = new Simulator(
  (name) => corpora[name]().then((m) => m.default),
  (m: FromWorker) => ctx.postMessage(m),
  yieldNow,
  () => performance.now(),
);

ctx.onmessage = (e: MessageEvent<ToWorker>) => {
  void sim.handle(e.data);
};
