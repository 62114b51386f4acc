import { useEffect, useRef, useState } from 'react';
import { DEFAULT_PARAMS, type StepEvent } from './core';
import { type SimClient, startWorker } from './worker/client';
import type { WorldInfo } from './worker/protocol';

/** The foundation's shell: one button runs the notebook demo in the worker. */
export function App() {
  const client = useRef<SimClient | null>(null);
  const runId = useRef(0);
  const [world, setWorld] = useState<WorldInfo | null>(null);
  const [events, setEvents] = useState<StepEvent[]>([]);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');

  useEffect(() => {
    const c = startWorker(
      (m) => {
        if (m.runId !== runId.current) return; // stale: a newer run superseded it
        if (m.type === 'run-start') setWorld(m.world);
        else if (m.type === 'run-events') {
          setEvents((prev) => [...prev, ...m.events]);
          if (m.done) setStatus('done');
        } else if (m.type === 'error') {
          setStatus('error');
          setError(m.message);
        }
      },
      (message) => {
        setStatus('error');
        setError(message);
      },
    );
    client.current = c;
    return () => c.terminate();
  }, []);

  const run = () => {
    runId.current += 1;
    setEvents([]);
    setWorld(null);
    setStatus('running');
    client.current?.send({ type: 'run', runId: runId.current, params: { ...DEFAULT_PARAMS, world: 'seed', gamma: 3 } });
  };

  const tokens = events.flatMap((e) => e.emitted).map((t) => world?.vocab[t] ?? '');
  return (
    <main className="shell">
      <h1>specplay</h1>
      <p>Speculative decoding, simulated in your browser.</p>
      <button type="button" data-testid="btn-run" onClick={run}>
        Run
      </button>
      <p data-testid="run-status" data-status={status}>
        {status === 'error' ? error : status}
      </p>
      <p data-testid="accepted-text">{world?.tokenizer === 'words' ? tokens.join(' ') : tokens.join('')}</p>
      <p data-testid="step-count" data-value={events.length}>
        {events.length} target passes
      </p>
    </main>
  );
}
