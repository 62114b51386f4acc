import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArgs, parseGammaList, UsageError } from '../../src/cli/args';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function sim(args: string[], cwd = ROOT) {
  const r = spawnSync(TSX, [resolve(ROOT, 'src/cli/sim.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('runner', () => {
  test('parseArgs - bad options are usage errors with a clear message', () => {
    const bad: [string[], RegExp][] = [
      [[], /missing command/],
      [['fly'], /unknown command "fly"/],
      [['run', '--gamma', '0'], /--gamma/],
      [['run', '--gamma', '17'], /1\.\.16/],
      [['run', '--gamma', '1-4'], /one value/],
      [['run', '--temperature', 'hot'], /--temperature must be a number/],
      [['run', '--world', 'mars'], /--world must be one of seed, ngram, synthetic/],
      [['run', '--bogus', '1'], /unknown option --bogus/],
      [['run', '--seed'], /--seed needs a value/],
      [['run', '--alpha', '2'], /--alpha 2 is out of range/],
      [['sweep', '--trials', '-3'], /--trials must be an integer/],
      [['run', 'stray'], /unexpected argument "stray"/],
    ];
    for (const [args, msg] of bad) expect(() => parseArgs(args), args.join(' ')).toThrow(msg);
    expect(() => parseArgs(['run', '--lang', 'fr'])).toThrow(UsageError);
  });

  test('parseGammaList - ranges and lists', () => {
    expect(parseGammaList('1-4')).toEqual([1, 2, 3, 4]);
    expect(parseGammaList('1,2,4')).toEqual([1, 2, 4]);
    expect(parseGammaList('8,1-2')).toEqual([1, 2, 8]);
    expect(() => parseGammaList('a')).toThrow(UsageError);
  });

  test('sim - exit 2 and a one-line message on a usage error', () => {
    const r = sim(['run', '--gamma', '99', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^sim: --gamma/);
  });

  test('sim - exit 1 on an unreadable corpus, resolved against the caller directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const r = sim(['run', '--world', 'ngram', '--corpus', 'missing.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(join(dir, 'missing.txt'));
    writeFileSync(join(dir, 'mine.txt'), 'a b c a b d a b c a b c\n\nthe end');
    const ok = sim(['run', '--world', 'ngram', '--corpus', 'mine.txt', '--prompt', 'a b', '--length', '5', '--json'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).prompt).toEqual(['a', 'b']);
  });

  test('sim - run --json is one document of the contract shape', () => {
    const r = sim(['run', '--world', 'seed', '--gamma', '3', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['prompt', 'tokens', 'text', 'steps']);
    expect(doc.text).toBe('人工智能是未来科技发展的核心驱动力。');
    expect(doc.tokens.join('')).toBe(doc.text);
    expect(Object.keys(doc.steps[0])).toEqual(['drafted', 'verdicts', 'emitted', 'emittedKinds', 'timeMs']);
  });

  test('sim - sweep and sample --json', () => {
    const s = sim(['sweep', '--world', 'synthetic', '--gamma', '1,4', '--trials', '20', '--length', '32', '--json']);
    expect(s.code).toBe(0);
    const pts = JSON.parse(s.out).points;
    expect(pts.map((p: { gamma: number }) => p.gamma)).toEqual([1, 4]);
    for (const key of [
      'gamma',
      'trials',
      'steps',
      'drafted',
      'accepted',
      'acceptanceRate',
      'tokensPerStep',
      'tokensPerStepStderr',
      'meanAcceptanceLength',
      'alpha',
      'theoryTokensPerStep',
      'speedup',
      'theorySpeedup',
    ])
      expect(pts[0]).toHaveProperty(key);
    const m = sim(['sample', '--world', 'synthetic', '--vocab', '4', '--samples', '50', '--length', '2', '--json']);
    expect(m.code).toBe(0);
    const seqs = JSON.parse(m.out).sequences;
    expect(seqs.reduce((a: number, q: { count: number }) => a + q.count, 0)).toBe(50);
    expect(seqs.every((q: { tokens: string[] }) => q.tokens.length === 2)).toBe(true);
  });

  test('sim - propose ngram / suffix print the proposal as integers', () => {
    const a = sim(['propose', 'ngram', '--tokens', '1,2,3,4,2,3', '--lookup-min', '2', '--lookup-max', '3', '--gamma', '4', '--json']);
    expect(a.code).toBe(0);
    expect(a.out).toBe('{"proposal":[4,2,3]}\n');
    expect(JSON.parse(sim(['propose', 'ngram', '--tokens', '1,1,1,1', '--lookup-min', '2', '--lookup-max', '3', '--gamma', '4', '--json']).out)).toEqual({
      proposal: [1],
    });
    expect(JSON.parse(sim(['propose', 'suffix', '--tokens', '1,2,3,4,1,2,3,4,1,2', '--gamma', '4', '--json']).out).proposal[0]).toBe(3);
    const bad = sim(['propose', 'tree', '--tokens', '1']);
    expect(bad.code).toBe(2);
    expect(sim(['propose', 'ngram', '--tokens', '1,x']).code).toBe(2);
  });

  test('sim - every method runs from the runner', () => {
    for (const method of ['ngram', 'suffix', 'mtp', 'medusa', 'tree']) {
      const r = sim(['run', '--scenario', 'code', '--method', method, '--length', '20', '--json']);
      expect(r.code, method).toBe(0);
      expect(JSON.parse(r.out).tokens.length).toBeGreaterThanOrEqual(20);
    }
  });

  test('sim - the model world runs the tiny pair from local folders: run, sample --json, and clear failures', () => {
    const models = ['--target-model', './public/models/tiny-target', '--draft-model', './public/models/tiny-draft', '--chat', '0'];
    const s = sim(['sample', '--world', 'model', ...models, '--prompt', 'the cat', '--length', '2', '--samples', '30', '--json']);
    expect(s.code, s.err).toBe(0);
    const seqs: { tokens: string[]; count: number }[] = JSON.parse(s.out).sequences;
    expect(seqs.reduce((a, q) => a + q.count, 0)).toBe(30);
    expect(seqs.every((q) => q.tokens.length === 2 && q.tokens.every((t) => typeof t === 'string' && t.length === 1))).toBe(true);
    const r = sim(['run', '--world', 'model', ...models, '--prompt', 'the cat sat', '--method', 'ngram', '--temperature', '0', '--length', '12', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).tokens.length).toBeGreaterThanOrEqual(12);
    const missing = sim(['run', '--world', 'model', '--target-model', './no-such-model', '--method', 'ngram']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no-such-model.*not found/);
    const tree = sim(['run', '--world', 'model', '--method', 'tree']);
    expect(tree.code).toBe(2);
    expect(tree.err).toMatch(/not available with real models/);
  });
});
