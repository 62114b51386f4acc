/**
 * The runner's model world: real language models through src/real (transformers.js on Node's
 * CPU). `run`, `sample` and `sweep` print what they print for the simulated worlds.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { noticeText, runToJson } from '../core';
import { openSession } from '../real/engine';
import type { CliArgs } from './args';
import { formatRun, formatSample, formatSweep } from './format';

/** A model argument as a hub id, or as an absolute folder when it names one (relative to
 * where the caller stood: npm run changes directory to the package root). */
export function modelLocation(raw: string): string {
  const looksLikePath = raw.startsWith('.') || isAbsolute(raw);
  const full = resolve(process.env.INIT_CWD ?? process.cwd(), raw);
  if (looksLikePath || existsSync(full)) return full;
  return raw;
}

/** Runs one command in the model world; returns what it prints. */
export async function runModelCommand(args: CliArgs): Promise<{ doc: unknown; text: string }> {
  const { params } = args;
  const { loadPair } = await import('../real');
  const needsDraft = params.method === 'draft';
  const pair = await loadPair({
    target: modelLocation(params.targetModel),
    draft: needsDraft ? modelLocation(params.draftModel) : null,
    device: 'cpu',
    dtype: params.dtype,
  });
  try {
    const session = openSession(pair, params);
    const { runReal, sampleReal, sweepReal } = await import('../real/engine');
    if (args.command === 'run') {
      const r = await runReal(session, params);
      for (const c of session.checks)
        if (c.fallback) process.stderr.write(`note: ${noticeText({ code: 'cacheFallback', diff: c.maxDiff.toExponential(2) })}\n`);
      const wall = r.events.reduce((s, e) => s + (e.wall ? e.wall.targetMs + e.wall.draftMs.reduce((a, b) => a + b, 0) : 0), 0);
      return { doc: { ...runToJson(r), wallMs: wall }, text: `${formatRun(r, params.targetMs, args.lang)}\nwall time of the forwards: ${wall.toFixed(1)} ms` };
    }
    if (args.command === 'sweep') {
      const points = await sweepReal(session, params, args.gammas, args.trials);
      return { doc: { points }, text: formatSweep(points, args.lang) };
    }
    const s = await sampleReal(session, params, args.samples, params.length);
    return { doc: { sequences: s.sequences }, text: formatSample(s, (t) => t.join(''), args.lang) };
  } finally {
    await pair.target.dispose();
    await pair.draft?.dispose();
  }
}
