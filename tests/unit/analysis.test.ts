import { describe, expect, test } from 'vitest';
import { prepareWorld, sweepPoint } from '../../src/core';
import { compareMethods } from '../../src/core/compare';
import { labNext, labSentences, trainLab } from '../../src/core/lab';
import { losslessCheck } from '../../src/core/lossless';
import { chiSquareHomogeneity, chiSquarePValue, normalCdf } from '../../src/core/stats';
import { params } from './helpers';

describe('analysis', () => {
  test('normalCdf, chiSquarePValue - known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    // chi-square df 10: the 95% point is 18.307.
    expect(chiSquarePValue(18.307, 10)).toBeCloseTo(0.05, 2);
  });

  test('chiSquareHomogeneity - equal samples pass, different ones fail', () => {
    const a = new Map([
      ['x', 500],
      ['y', 300],
      ['z', 200],
    ]);
    expect(chiSquareHomogeneity(a, new Map(a)).pValue).toBeGreaterThan(0.99);
    const b = new Map([
      ['x', 300],
      ['y', 300],
      ['z', 400],
    ]);
    expect(chiSquareHomogeneity(a, b).pValue).toBeLessThan(1e-6);
  });

  test('losslessCheck - passes with the standard rule, fails with p >= q', () => {
    const p = params({ world: 'synthetic', vocab: 8, alpha: 0.6, gamma: 3, seed: 3 });
    const prepared = prepareWorld(p);
    const good = losslessCheck(prepared, p, 6000, 2);
    expect(good.drafted).toBeGreaterThan(1000);
    expect(good.pass).toBe(true);
    const bad = losslessCheck(prepared, { ...p, acceptance: 'pgeq' }, 6000, 2);
    expect(bad.pass).toBe(false);
    expect(bad.rows[0].tokens).toHaveLength(2);
  });

  test('compareMethods - ranks every method on a scenario; lookup methods beat autoregressive on code', () => {
    const p = params({ scenario: 'code', temperature: 0, length: 40, gamma: 5 });
    const rows = compareMethods(prepareWorld(p), p, 2);
    expect(rows.map((r) => r.method).sort()).toEqual(['autoregressive', 'draft', 'medusa', 'mtp', 'ngram', 'suffix', 'tree']);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].point.speedup).toBeGreaterThanOrEqual(rows[i].point.speedup);
    const speed = (m: string) => rows.find((r) => r.method === m)?.point.speedup ?? 0;
    expect(speed('suffix')).toBeGreaterThan(speed('autoregressive'));
  });

  test('labNext - the notebook bigram after 喜欢; sentences end at </s>', () => {
    const lab = trainLab(null, 2);
    expect(labNext(lab, '我 喜欢').next.map(([t, p]) => [t, p.toFixed(2)])).toEqual([
      ['吃', '0.80'],
      ['水果', '0.20'],
    ]);
    const s = labSentences(lab, 5, 1);
    expect(s).toHaveLength(5);
    for (const line of s) expect(line.split(' ')[0]).toMatch(/^(我|他|她|我们)$/);
    expect(labSentences(lab, 5, 1)).toEqual(s);
    expect(labNext(trainLab('a b c\na b d\n', 3), 'a b').next).toEqual([
      ['c', 0.5],
      ['d', 0.5],
    ]);
  });

  test('sweepPoint - autoregressive decoding is 1 token per pass and 1x, also where sentences end', () => {
    const p = params({ world: 'ngram', corpus: 'seed', method: 'autoregressive', length: 40 });
    const pt = sweepPoint(prepareWorld(p), p, 4, 50);
    expect(pt.tokensPerStep).toBe(1);
    expect(pt.speedup).toBeCloseTo(1, 12);
  });
});
