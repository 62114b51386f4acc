import { describe, expect, test } from 'vitest';
import { optimalSentence } from '../../src/components/tools/chartData';
import { alphaFromTau, expectedAcceptanceRate, expectedSpeedup, expectedTokensPerStep, operationsFactor, optimalGamma } from '../../src/core/theory';
import { formatNumber, type MessageKey, translate } from '../../src/i18n';

describe('theory', () => {
  // Leviathan et al. 2023, Table 1 (c = c-hat = 0): alpha, gamma, operations, speed.
  const TABLE1: [number, number, string, string][] = [
    [0.6, 2, '1.53', '1.96'],
    [0.7, 3, '1.58', '2.53'],
    [0.8, 2, '1.23', '2.44'],
    [0.8, 5, '1.63', '3.69'],
    [0.9, 2, '1.11', '2.71'],
    [0.9, 10, '1.60', '6.86'],
  ];
  test.each(TABLE1)('expectedSpeedup, operationsFactor - Leviathan Table 1 alpha %s gamma %s', (a, g, ops, speed) => {
    expect(operationsFactor(a, g, 0).toFixed(2)).toBe(ops);
    expect(expectedSpeedup(a, g, 0).toFixed(2)).toBe(speed);
  });

  test('expectedSpeedup - Leviathan Table 4 predictions with real c', () => {
    expect(expectedSpeedup(0.75, 7, 0.02).toFixed(1)).toBe('3.2');
    expect(expectedSpeedup(0.82, 7, 0.11).toFixed(1)).toBe('2.5');
  });

  test('expectedAcceptanceRate - falls with gamma (alpha 0.8: 0.80, 0.59, 0.24)', () => {
    expect(expectedAcceptanceRate(0.8, 1).toFixed(2)).toBe('0.80');
    expect(expectedAcceptanceRate(0.8, 4).toFixed(2)).toBe('0.59');
    expect(expectedAcceptanceRate(0.8, 16).toFixed(2)).toBe('0.24');
  });

  test('expectedTokensPerStep - edge cases alpha 0 and 1', () => {
    expect(expectedTokensPerStep(0, 5)).toBe(1);
    expect(expectedTokensPerStep(1, 5)).toBe(6);
  });

  test('optimalGamma - matches brute force over a grid', () => {
    for (const a of [0.3, 0.5, 0.7, 0.8, 0.9, 0.95])
      for (const c of [0.01, 0.05, 0.1, 0.3])
        for (const v of [0, 0.02, 0.1]) {
          let best = 1;
          // Ties (equal up to rounding) go to the smaller gamma: fewer drafts for the same gain.
          for (let g = 2; g <= 16; g++) if (expectedSpeedup(a, g, c, v) > expectedSpeedup(a, best, c, v) + 1e-9) best = g;
          expect(optimalGamma(a, c, v).gamma).toBe(best);
        }
  });

  test('optimalGamma - with c = v = 0 the largest gamma wins, and the sentence says so', () => {
    expect(optimalGamma(0.6, 0, 0).gamma).toBe(16);
    const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
    const num = (n: number, d = 2) => formatNumber('en', n, d);
    expect(optimalSentence(t, num, 0.6, 0, 0)).toMatch(/no real system/);
    expect(optimalSentence(t, num, 0.8, 0.05, 0)).toMatch(/^gamma \d+ gives \d+\.\d\dx; \d+ or more loses\.$/);
  });

  test('alphaFromTau - inverts expectedTokensPerStep', () => {
    for (const a of [0.2, 0.5, 0.85]) expect(alphaFromTau(expectedTokensPerStep(a, 6), 6)).toBeCloseTo(a, 9);
  });
});
