import { decodeHash, encodeHash, METHODS, type SimParams, type ViewKey } from '../core';
import { browserLang, type Lang } from '../i18n';
import { type SimClient, startWorker } from '../worker/client';
import type { JobChannel } from './jobsSlice';
import { readLearnView } from './learnSlice';
import { START_PARAMS } from './presets';
import { useStore } from './store';
import { readView } from './uiSlice';

let client: SimClient | null = null;

const ANALYSES: readonly JobChannel[] = ['sweep', 'compare', 'lossless'];

/** The pasted corpus, when the parameters use it. */
function custom(): { customCorpus?: string } {
  const s = useStore.getState();
  return s.params.corpus === 'custom' && s.customCorpus !== null ? { customCorpus: s.customCorpus } : {};
}

/** Sends the current parameters to the worker as a new run (older replies become stale). */
export function requestRun(): void {
  const s = useStore.getState();
  const runId = s.beginRun();
  if (s.params.world === 'model') {
    // Real models run in their own worker, loaded with the world (never on first load).
    void import('./modelSync').then((m) => m.requestModelRun(runId));
    return;
  }
  client?.send({ type: 'run', runId, params: s.params, ...custom() });
}

/** Starts a sweep over `gammas` with the current parameters (replaces a running one). */
export function startSweep(gammas: number[], trials: number, length = useStore.getState().params.length): void {
  const runId = useStore.getState().beginJob('sweep', gammas.length * trials);
  client?.send({ type: 'sweep', runId, params: { ...useStore.getState().params, length }, gammas, trials, ...custom() });
}

/** Runs every method on the current scenario / world with the same seed and cost model. */
export function startCompare(trials: number): void {
  const runId = useStore.getState().beginJob('compare', METHODS.length * trials);
  client?.send({ type: 'compare', runId, params: useStore.getState().params, trials, ...custom() });
}

/** Samples with speculation (under `acceptance`) and with the target alone, and tests them. */
export function startLossless(samples: number, length: number, acceptance: SimParams['acceptance']): void {
  const runId = useStore.getState().beginJob('lossless', samples);
  client?.send({ type: 'lossless', runId, params: { ...useStore.getState().params, acceptance }, samples, length, ...custom() });
}

/** Trains the n-gram lab and asks for next tokens and sample sentences. */
export function startLab(text: string | null, order: number, context: string, samples: number, seed: number): void {
  const runId = useStore.getState().beginJob('lab', 1);
  client?.send({ type: 'lab', runId, text, order, context, samples, seed });
}

/** Stops a running analysis job. */
export function cancelJob(channel: JobChannel): void {
  const job = useStore.getState().jobs[channel];
  if (job.status !== 'running') return;
  client?.send({ type: 'cancel', runId: job.runId, channel });
  useStore.getState().jobCancelled(channel);
}

function connect(): void {
  client = startWorker(
    (m) => {
      const s = useStore.getState();
      if (m.type === 'run-start') s.receiveStart(m.runId, m.world);
      else if (m.type === 'run-events') s.receiveEvents(m.runId, m.events, m.done);
      else if (m.type === 'progress') {
        if (m.channel === 'run') s.receiveTraining(m.runId, m.done, m.total);
        else s.jobProgress(m.channel, m.runId, m.done, m.total, m.points);
      } else if (m.type === 'sweep-done') s.jobDone('sweep', m.runId, { points: m.points, ms: m.ms });
      else if (m.type === 'compare-done') s.jobDone('compare', m.runId, m.rows);
      else if (m.type === 'lossless-done') s.jobDone('lossless', m.runId, m.result);
      else if (m.type === 'lab-done') s.jobDone('lab', m.runId, m.result);
      else if (m.type === 'error') {
        if (m.channel === 'run') s.receiveError(m.runId, m.message);
        else s.jobError(m.channel, m.runId, m.message);
      }
    },
    (message) => {
      // The worker died: show it, start a fresh one, and run again with the same parameters.
      client?.terminate();
      useStore.getState().receiveCrash(message);
      for (const c of ANALYSES)
        if (useStore.getState().jobs[c].status === 'running') useStore.getState().jobError(c, useStore.getState().jobs[c].runId, message);
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
  if (d.view.lang !== undefined && d.view.lang !== lang) d.notices.push({ code: 'badLang', got: d.view.lang.slice(0, 20) });
  useStore.setState({ params: d.params, notices: d.notices, lang, presetNote: null, ...readView(d.view), ...readLearnView(d.view, !d.empty) });
}

/** The hash for the current state. */
export function currentHash(): string {
  const s = useStore.getState();
  return encodeHash(s.params, { ...view, lang: s.lang, theme: s.theme === 'auto' ? undefined : s.theme, tour: tourKey() });
}

/** The open lesson as a hash value (none when the tour is closed). */
function tourKey(): string | undefined {
  const tour = useStore.getState().tour;
  return tour === null ? undefined : String(tour);
}

/** The link to the full page with the same state (no embed, hide or autoplay). */
export function fullPageHash(): string {
  const s = useStore.getState();
  return encodeHash(s.params, { lang: s.lang, theme: s.theme === 'auto' ? undefined : s.theme, tour: tourKey() });
}

/** The embed snippet for the open lesson: the lesson sets the page itself, so only its number travels. */
export function lessonEmbedSnippet(pageUrl: string): string {
  const s = useStore.getState();
  const src = `${pageUrl}#embed=1&tour=${s.tour ?? 1}&narrate=1&lang=${s.lang}`;
  return `<iframe src="${src}" title="specplay: speculative decoding, lesson ${s.tour ?? 1}" width="100%" height="900" style="border:0" loading="lazy"></iframe>`;
}

/** The embed snippet for the current state. */
export function embedSnippet(pageUrl: string): string {
  const s = useStore.getState();
  const src = `${pageUrl}${encodeHash(s.params, { lang: s.lang, embed: '1', autoplay: '1' })}`;
  return `<iframe src="${src.replace(/"/g, '&quot;')}" title="specplay: speculative decoding" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
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
  // The canonical hash is written in a later task: replaceState is a same-document navigation,
  // tens of ms on a slow phone, and it would lengthen the task that evaluates the page's modules.
  win.setTimeout(writeHash, 0);
  const unsubParams = useStore.subscribe((s, prev) => {
    if (s.params !== prev.params || s.customCorpus !== prev.customCorpus) {
      requestRun();
      // Analyses describe the old parameters: stop and forget them.
      for (const c of ANALYSES) cancelJob(c);
      useStore.getState().clearJobs(ANALYSES);
    }
    if (s.params !== prev.params || s.lang !== prev.lang || s.theme !== prev.theme || s.tour !== prev.tour) writeHash();
  });
  const onHash = () => {
    if (win.location.hash === currentHash()) return;
    readHash(win.location.hash, win.navigator.languages ?? [win.navigator.language]);
  };
  win.addEventListener('hashchange', onHash);
  // Test hook (documented in the README): make the worker crash, to exercise recovery.
  const onCrash = () => client?.send({ type: 'crash' });
  win.addEventListener('specplay:crash-worker', onCrash);
  return () => {
    unsubParams();
    win.removeEventListener('hashchange', onHash);
    win.removeEventListener('specplay:crash-worker', onCrash);
    client?.terminate();
    client = null;
  };
}
