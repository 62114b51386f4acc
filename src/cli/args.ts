import { refusals } from '../core/conflicts';
import { noticeText } from '../core/notices';
import { DEFAULT_PARAMS, PARAM_SPECS, readParam, type SimParams } from '../core/params';

/** A usage error: the runner exits 2 with its message. */
export class UsageError extends Error {}

export type Command = 'run' | 'sweep' | 'sample' | 'propose';
const COMMANDS: readonly Command[] = ['run', 'sweep', 'sample', 'propose'];

/** Parsed command line. */
export interface CliArgs {
  command: Command;
  params: SimParams;
  /** The --corpus value when it is a path (not seed/zh/en). */
  corpusPath: string | null;
  gammas: number[];
  trials: number;
  samples: number;
  lang: 'zh' | 'en';
  json: boolean;
  /** propose: the method (ngram / suffix) and the context as integer token ids. */
  proposeMethod: 'ngram' | 'suffix' | null;
  tokens: number[];
}

/** Runner option names (dashed) for each parameter (camelCase, shared with the URL hash). */
const OPTION_OF: Partial<Record<keyof SimParams, string>> = {
  topP: 'top-p',
  draftAccuracy: 'draft-accuracy',
  targetMs: 'target-ms',
  costRatio: 'cost-ratio',
  verifyCost: 'verify-cost',
  draftOrder: 'draft-order',
  lookupMin: 'lookup-min',
  lookupMax: 'lookup-max',
  maxDepth: 'max-depth',
  specFactor: 'spec-factor',
  minTokenProb: 'min-token-prob',
  headDecay: 'head-decay',
  draftTokens: 'draft-tokens',
  treeMode: 'tree-mode',
  targetModel: 'target-model',
  draftModel: 'draft-model',
  draftSampling: 'draft-sampling',
};

const optionName = (key: keyof SimParams): string => OPTION_OF[key] ?? key;

/** Parses `--gamma 1-8` or `--gamma 1,2,4` into a sorted list of distinct gammas in 1..16. */
export function parseGammaList(raw: string): number[] {
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new UsageError(`--gamma must look like 4, 1-8 or 1,2,4 (got "${raw}")`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b > 16 || a > b) throw new UsageError(`--gamma values must be within 1..16, low to high (got "${raw}")`);
    for (let g = a; g <= b; g++) out.add(g);
  }
  return [...out].sort((x, y) => x - y);
}

function positiveInt(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be an integer in 1..${max} (got "${raw}")`);
  return n;
}

/** Parses argv (after the script name). Throws UsageError on anything malformed. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(`missing command: one of ${COMMANDS.join(', ')}`);
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command "${command}": use one of ${COMMANDS.join(', ')}`);
  const params: SimParams = { ...DEFAULT_PARAMS, world: 'seed', corpus: 'en' };
  const out: CliArgs = {
    command: command as Command,
    params,
    corpusPath: null,
    gammas: [],
    trials: 200,
    samples: 1000,
    lang: 'en',
    json: false,
    proposeMethod: null,
    tokens: [],
  };
  if (command === 'propose') {
    const m = rest.shift();
    if (m !== 'ngram' && m !== 'suffix') throw new UsageError(`propose takes a method: ngram or suffix (got "${m ?? ''}")`);
    out.proposeMethod = m;
  }
  let gammaRaw: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'json') {
      out.json = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (name === 'gamma') gammaRaw = value;
    else if (name === 'tokens') {
      if (!/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/.test(value)) throw new UsageError(`--tokens must be integers separated by commas (got "${value}")`);
      out.tokens = value.split(',').map(Number);
    } else if (name === 'trials') out.trials = positiveInt(name, value, 1000000);
    else if (name === 'samples') out.samples = positiveInt(name, value, 10000000);
    else if (name === 'lang') {
      if (value !== 'zh' && value !== 'en') throw new UsageError(`--lang must be zh or en (got "${value}")`);
      out.lang = value;
    } else if (name === 'corpus' && !['seed', 'zh', 'en'].includes(value)) {
      params.corpus = 'custom';
      out.corpusPath = value;
    } else {
      const spec = PARAM_SPECS.find((s) => optionName(s.key) === name);
      if (spec === undefined) throw new UsageError(`unknown option --${name}`);
      const r = readParam(spec, value);
      if (!r.ok) throw new UsageError(r.error.replace(spec.key, `--${name}`));
      if (r.fixed !== undefined && spec.kind !== 'string')
        throw new UsageError(`--${name} ${value} is out of range (${spec.kind === 'enum' ? '' : `${spec.min}..${spec.max}`})`);
      (params as unknown as Record<string, unknown>)[spec.key] = r.value;
    }
  }
  // Combinations the core refuses (vLLM refuses them too, or the method cannot honour them).
  const refused = refusals(params);
  if (refused.length > 0) throw new UsageError(refused.map(noticeText).join('; '));
  if (gammaRaw !== null) {
    const list = parseGammaList(gammaRaw);
    if (out.command !== 'sweep' && list.length !== 1) throw new UsageError('--gamma takes one value except with sweep');
    out.gammas = list;
    params.gamma = list[0];
  } else out.gammas = out.command === 'sweep' ? [1, 2, 3, 4, 5, 6, 7, 8] : [params.gamma];
  return out;
}
