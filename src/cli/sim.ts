/**
 * The headless runner: `npm run -s sim -- <run|sweep|sample> [options]`.
 * Exit 0 on success, 1 on a runtime error, 2 on a usage error (one-line message on stderr).
 * With --json, stdout is exactly one JSON document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CorpusTexts, noticeText, prepareWorld, runGeneration, runToJson, sampleSequences, sweep } from '../core';
import { UNAVAILABLE_WITH_REAL_MODELS } from '../real/methods';
import { parseArgs, UsageError } from './args';
import { formatRun, formatSample, formatSweep } from './format';
import { proposeOnce } from './propose';

// The source folder, also when bundled (scripts/bundled.mjs defines it as the entry's).
const here = import.meta.dirname;

function readCorpora(path: string | null): CorpusTexts {
  const builtIn = (name: string) => readFileSync(resolve(here, '../core/corpora', `${name}.txt`), 'utf8');
  const texts: CorpusTexts = { en: builtIn('en'), zh: builtIn('zh') };
  if (path !== null) {
    // npm run changes directory to the package root; INIT_CWD is where the caller stood.
    const full = resolve(process.env.INIT_CWD ?? process.cwd(), path);
    try {
      texts.custom = readFileSync(full, 'utf8');
    } catch (e) {
      throw new Error(`cannot read corpus ${full}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    if (texts.custom.trim() === '') throw new Error(`corpus ${full} is empty`);
  }
  return texts;
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const { params } = args;
    if (args.command === 'propose') {
      const proposal = proposeOnce(args.proposeMethod as 'ngram' | 'suffix', args.tokens, params);
      process.stdout.write(args.json ? `${JSON.stringify({ proposal })}\n` : `${proposal.join(',')}\n`);
      return 0;
    }
    if (params.world === 'model') {
      const why = UNAVAILABLE_WITH_REAL_MODELS[params.method];
      if (why !== undefined) {
        process.stderr.write(`sim: --method ${params.method} is not available with real models: ${why}\n`);
        return 2;
      }
      const { runModelCommand } = await import('./model');
      const r = await runModelCommand(args);
      process.stdout.write(args.json ? `${JSON.stringify(r.doc)}\n` : `${r.text}\n`);
      return 0;
    }
    const prepared = prepareWorld(params, readCorpora(args.corpusPath));
    let doc: unknown;
    let text: string;
    if (args.command === 'run') {
      const r = runGeneration(prepared, params);
      for (const n of r.world.notes) process.stderr.write(`note: ${noticeText(n)}\n`);
      doc = runToJson(r);
      text = formatRun(r, params.targetMs, args.lang);
    } else if (args.command === 'sweep') {
      const points = sweep(prepared, params, args.gammas, args.trials);
      doc = { points };
      text = formatSweep(points, args.lang);
    } else {
      const s = sampleSequences(prepared, params, args.samples, params.length);
      doc = { sequences: s.sequences };
      const world = prepared.at(`${params.seed}`);
      text = formatSample(s, (t) => world.tokenizer.join(t), args.lang);
    }
    process.stdout.write(args.json ? `${JSON.stringify(doc)}\n` : `${text}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
