import { type RunResult, type SampleResult, type SweepPoint, summarize } from '../core';
import { CLI_MESSAGES, type CliLang } from '../i18n/cliMessages';

const VERDICT_MARK = { accepted: '+', rejected: 'x', discarded: '.' } as const;
const KIND_MARK = { accepted: '', resampled: '*', bonus: '^', target: '' } as const;

/** The notebook-style step log of one run, then its totals. */
export function formatRun(r: RunResult, targetMs: number, lang: CliLang): string {
  const m = CLI_MESSAGES[lang];
  const { world, events, state } = r;
  const name = (t: number) => (world.vocab.tokens[t] === '\n' ? '¶' : world.vocab.tokens[t]);
  const join = (ts: number[]) => world.tokenizer.join(ts.map(name));
  const lines = [`${m.step}\t${m.drafted}\t${m.verdicts}\t${m.emitted}\t${m.textSoFar}`];
  const prompt = world.prompt.map(name);
  const out: string[] = [];
  for (const e of events) {
    out.push(...e.emitted.map(name));
    const emitted = e.emitted.map((t, i) => name(t) + KIND_MARK[e.emittedKinds[i]]).join(' ');
    lines.push(
      `${e.index + 1}\t${join(e.drafted) || '-'}\t${e.verdicts.map((v) => VERDICT_MARK[v]).join('') || '-'}\t${emitted}\t${world.tokenizer.join([...prompt, ...out])}`,
    );
  }
  const sum = summarize(state, targetMs);
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
  lines.push(
    '',
    m.legend,
    `${m.passes}: ${sum.passes}`,
    `${m.draftedTotal}: ${sum.drafted}, ${m.accepted}: ${sum.accepted}, ${m.acceptanceRate}: ${pct(sum.acceptanceRate)}`,
    `${m.tokensPerStep}: ${sum.tokensPerStep.toFixed(2)}`,
    `${m.modelledTime}: ${sum.timeMs.toFixed(1)} ms`,
    `${m.speedup}: ${sum.speedup.toFixed(2)}x`,
    `${m.text}: ${world.tokenizer.join(out)}`,
  );
  return lines.join('\n');
}

/** A table of sweep points. */
export function formatSweep(points: readonly SweepPoint[], lang: CliLang): string {
  const m = CLI_MESSAGES[lang];
  const f = (x: number | null, d = 3) => (x !== null && Number.isFinite(x) ? x.toFixed(d) : '-');
  const rows = [`${m.gamma}\t${m.alpha}\t${m.acceptanceRate}\t(${m.theory})\t${m.tokensPerStep}\t±se\t(${m.theory})\t${m.speedup}\t(${m.theory})`];
  for (const p of points)
    rows.push(
      `${p.gamma}\t${f(p.alpha)}\t${f(p.acceptanceRate)}\t(${f(p.theoryAcceptanceRate)})\t${f(p.tokensPerStep)}\t±${f(p.tokensPerStepStderr)}\t(${f(p.theoryTokensPerStep)})\t${f(p.speedup, 2)}x\t(${p.theorySpeedup === null ? '-' : `${f(p.theorySpeedup, 2)}x`})`,
    );
  const absent = points.find((p) => p.theoryAbsent !== null)?.theoryAbsent;
  if (absent) rows.push(`${m.noTheory}: ${m[`noTheory.${absent}`]}`);
  return rows.join('\n');
}

/** The most frequent sampled sequences. */
export function formatSample(s: SampleResult, join: (t: string[]) => string, lang: CliLang, top = 20): string {
  const m = CLI_MESSAGES[lang];
  const rows = [`${m.count}\t${m.sequence}`];
  for (const q of s.sequences.slice(0, top)) rows.push(`${q.count}\t${join(q.tokens)}`);
  if (s.sequences.length > top) rows.push(`... ${s.sequences.length - top} more`);
  return rows.join('\n');
}
