// Page of the browser benchmark: runs the adapter in a module worker (as the app will) on the
// device named in ?device= and writes the worker's JSON answer into #out.
const out = document.getElementById('out') as HTMLElement;
const device = new URLSearchParams(location.search).get('device') ?? 'wasm';
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent) => {
  out.textContent = JSON.stringify(e.data);
};
worker.onerror = (e) => {
  out.textContent = JSON.stringify({ error: `worker error: ${e.message}` });
};
worker.postMessage({ device });
