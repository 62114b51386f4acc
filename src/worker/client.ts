import type { FromWorker, ToWorker } from './protocol';

/** The page's handle on the simulation worker. */
export interface SimClient {
  send(m: ToWorker): void;
  terminate(): void;
}

/** Starts the worker; `onMessage` gets every reply, `onCrash` a message if the worker dies. */
export function startWorker(onMessage: (m: FromWorker) => void, onCrash: (message: string) => void): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onCrash(e.message || 'the simulation worker stopped');
  };
  return { send: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
}
