import { decodeHash, encodeHash, type SimParams, type ViewKey } from '../core';
import { browserLang, type Lang } from '../i18n';
import { type SimClient, startWorker } from '../worker/client';
import { START_PARAMS } from './presets';
import { useStore } from './store';

let client: SimClient | null = null;

/** Sends the current parameters to the worker as a new run (older replies become stale). */
export function requestRun(): void {
  const s = useStore.getState();
  const runId = s.beginRun();
  client?.send({ type: 'run', runId, params: s.params, ...(s.params.corpus === 'custom' && s.customCorpus !== null ? { customCorpus: s.customCorpus } : {}) });
}

function connect(): void {
  client = startWorker(
    (m) => {
      const s = useStore.getState();
      if (m.type === 'run-start') s.receiveStart(m.runId, m.world);
      else if (m.type === 'run-events') s.receiveEvents(m.runId, m.events, m.done);
      else if (m.type === 'error') s.receiveError(m.runId, m.message);
    },
    (message) => {
      // The worker died: show it, start a fresh one, and run again with the same parameters.
      client?.terminate();
      useStore.getState().receiveError(useStore.getState().runId, message);
      connect();
      requestRun();
    },
  );
}

/** View keys currently in the link (kept when parameters are rewritten). */
let view: Partial<Record<ViewKey, string>> = {};

/** Reads the hash into the store (with notices for anything fixed). */
export function readHash(hash: string, languages: readonly string[]): void {
  const d = decodeHash(hash, START_PARAMS);
  view = d.view;
  const lang: Lang = d.view.lang === 'zh' || d.view.lang === 'en' ? d.view.lang : browserLang(languages);
  if (d.view.lang !== undefined && d.view.lang !== lang) d.notices.push(`lang must be zh or en (got "${d.view.lang}")`);
  useStore.setState({ params: d.params, notices: d.notices, lang, presetNote: null });
}

/** The hash for the current state. */
export function currentHash(): string {
  const s = useStore.getState();
  return encodeHash(s.params, { ...view, lang: s.lang });
}

/**
 * Wires the store to the worker and the URL: reads the hash, starts the worker, reruns on
 * every parameter change, and writes parameters back to the hash (replaceState: no history
 * entry per slider move).
 */
export function startSync(win: Window): () => void {
  readHash(win.location.hash, win.navigator.languages ?? [win.navigator.language]);
  connect();
  requestRun();
  const writeHash = () => {
    const h = currentHash();
    if (win.location.hash !== h) win.history.replaceState(null, '', h);
  };
  writeHash();
  const unsubParams = useStore.subscribe((s, prev) => {
    if (s.params !== prev.params || s.customCorpus !== prev.customCorpus) requestRun();
    if (s.params !== prev.params || s.lang !== prev.lang) writeHash();
  });
  const onHash = () => {
    if (win.location.hash === currentHash()) return;
    readHash(win.location.hash, win.navigator.languages ?? [win.navigator.language]);
  };
  win.addEventListener('hashchange', onHash);
  return () => {
    unsubParams();
    win.removeEventListener('hashchange', onHash);
    client?.terminate();
    client = null;
  };
}

export type { SimParams };
