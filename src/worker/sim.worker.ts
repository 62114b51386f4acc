/// <reference lib="webworker" />
import en from '../core/corpora/en.txt?raw';
import zh from '../core/corpora/zh.txt?raw';
import type { FromWorker, ToWorker } from './protocol';
import { Simulator } from './simulate';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const sim = new Simulator(
  { en, zh },
  (m: FromWorker) => ctx.postMessage(m),
  () => new Promise((resolve) => setTimeout(resolve, 0)),
  () => performance.now(),
);

ctx.onmessage = (e: MessageEvent<ToWorker>) => {
  void sim.handle(e.data);
};
