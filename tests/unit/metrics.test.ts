import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, prepareWorld, sweepPoint } from '../../src/core';
import {
  alphaFromMeanLength,
  fitAlpha,
  formatVllmMetrics,
  metricsFromCounts,
  type ParsedMetrics,
  parseVllmMetrics,
  type VllmMetrics,
} from '../../src/core/metrics';
import { expectedTokensPerStep } from '../../src/core/theory';

/** The parse must succeed; fails the test with the parser's message otherwise. */
function parsed(line: string): ParsedMetrics {
  const r = parseVllmMetrics(line);
  if ('error' in r) throw new Error(r.error);
  return r;
}

// A hand-made line (its rates do not sum to mean length - 1, so it parses with a warning;
// see metricsConsistency.test.ts): the malformed cases below edit it field by field.
const REAL =
  'INFO 07-21 14:02:11 [metrics.py:86] SpecDecoding metrics: Mean acceptance length: 2.77, Accepted throughput: 41.20 tokens/s, ' +
  'Drafted throughput: 93.11 tokens/s, Accepted: 412 tokens, Drafted: 931 tokens, ' +
  'Per-position acceptance rate: 0.735, 0.548, 0.386, 0.210, 0.100, Avg Draft acceptance rate: 44.3%';

describe('metrics', () => {
  test('formatVllmMetrics - matches vLLM format string field for field', () => {
    const m: VllmMetrics = { numDrafts: 8, accepted: 9, drafted: 32, perPositionAccepted: [5, 3, 1, 0], acceptedThroughput: 4.5, draftedThroughput: 16 };
    expect(formatVllmMetrics(m)).toBe(
      'SpecDecoding metrics: Mean acceptance length: 2.12, Accepted throughput: 4.50 tokens/s, Drafted throughput: 16.00 tokens/s, ' +
        'Accepted: 9 tokens, Drafted: 32 tokens, Per-position acceptance rate: 0.625, 0.375, 0.125, 0.000, Avg Draft acceptance rate: 28.1%',
    );
  });

  test('formatVllmMetrics - rounds exact binary ties half to even like Python', () => {
    // 1 + 1/8 = 1.125 and 1/16 * 100 = 6.25 are exact doubles: Python prints 1.12 and 6.2.
    const line = formatVllmMetrics({ numDrafts: 8, accepted: 1, drafted: 16, perPositionAccepted: [1], acceptedThroughput: 0.125, draftedThroughput: 0.375 });
    expect(line).toContain('Mean acceptance length: 1.12,');
    expect(line).toContain('Accepted throughput: 0.12 tokens/s');
    expect(line).toContain('Drafted throughput: 0.38 tokens/s');
    expect(line).toContain('Avg Draft acceptance rate: 6.2%');
  });

  test('metricsFromCounts - per-position counts are histogram tails and throughputs are per second', () => {
    const m = metricsFromCounts({ numDrafts: 10, accepted: 12, drafted: 30, acceptedHist: [3, 2, 4, 1], elapsedS: 4 });
    expect(m.perPositionAccepted).toEqual([7, 5, 1]);
    expect(m.acceptedThroughput).toBe(3);
    expect(m.draftedThroughput).toBe(7.5);
    expect(metricsFromCounts({ numDrafts: 1, accepted: 0, drafted: 1, acceptedHist: [1, 0], elapsedS: 0 }).draftedThroughput).toBe(0);
  });

  test('parseVllmMetrics - reads every field of a real log line', () => {
    const p = parsed(`${REAL}  \r\n`);
    expect(p.meanAcceptanceLength).toBe(2.77);
    expect(p.acceptedThroughput).toBe(41.2);
    expect(p.draftedThroughput).toBe(93.11);
    expect(p.accepted).toBe(412);
    expect(p.drafted).toBe(931);
    expect(p.perPosition).toEqual([0.735, 0.548, 0.386, 0.21, 0.1]);
    expect(p.avgDraftAcceptanceRate).toBe(44.3);
    expect(p.gamma).toBe(5);
    expect(p.numDrafts).toBe(Math.round(412 / 1.77));
    expect(p.numDrafts).toBe(233);
  });

  const CASES: [string, VllmMetrics][] = [
    ['gamma 1', { numDrafts: 100, accepted: 73, drafted: 100, perPositionAccepted: [73], acceptedThroughput: 12.3456, draftedThroughput: 16.9 }],
    ['gamma 3', { numDrafts: 57, accepted: 80, drafted: 171, perPositionAccepted: [40, 25, 15], acceptedThroughput: 800, draftedThroughput: 1710 }],
    ['gamma 8', { numDrafts: 9, accepted: 0, drafted: 72, perPositionAccepted: [0, 0, 0, 0, 0, 0, 0, 0], acceptedThroughput: 0, draftedThroughput: 7.2 }],
    ['all accepted', { numDrafts: 3, accepted: 6, drafted: 6, perPositionAccepted: [3, 3], acceptedThroughput: 6, draftedThroughput: 6 }],
  ];
  test.each(CASES)('parseVllmMetrics - round-trips formatVllmMetrics (%s)', (_name, m) => {
    const p = parsed(`INFO 05-12 10:00:00 [metrics.py:95] ${formatVllmMetrics(m)}`);
    expect(p.accepted).toBe(m.accepted);
    expect(p.drafted).toBe(m.drafted);
    expect(p.gamma).toBe(m.perPositionAccepted.length);
    expect(p.meanAcceptanceLength).toBeCloseTo(1 + m.accepted / m.numDrafts, 2);
    expect(p.acceptedThroughput).toBeCloseTo(m.acceptedThroughput, 2);
    expect(p.draftedThroughput).toBeCloseTo(m.draftedThroughput, 2);
    expect(p.avgDraftAcceptanceRate).toBeCloseTo((m.accepted / m.drafted) * 100, 1);
    p.perPosition.forEach((r, i) => {
      expect(r).toBeCloseTo(m.perPositionAccepted[i] / m.numDrafts, 3);
    });
    if (m.accepted > 0) expect(p.numDrafts).toBe(m.numDrafts);
    else expect(p.numDrafts).toBeNaN();
  });

  const BAD: [string, string, RegExp][] = [
    ['empty string', '', /empty/],
    ['garbage', 'hello world, 1, 2, 3', /no 'SpecDecoding metrics:' marker/],
    ['missing field', REAL.replace('Drafted: 931 tokens, ', ''), /'Drafted' is missing/],
    ['non-numeric value', REAL.replace('41.20', 'fast'), /'Accepted throughput' is not a number/],
    ['nan value', REAL.replace('44.3%', 'nan%'), /'Avg Draft acceptance rate' is not a number/],
    ['rate above 1', REAL.replace('0.735', '1.200'), /rate 0 \(1\.200\) is outside \[0, 1\]/],
    ['increasing rates', REAL.replace('0.386', '0.600'), /must not increase/],
    ['non-numeric rate', REAL.replace('0.210', 'x'), /rate 3' is not a number/],
    ['accepted > drafted', REAL.replace('Drafted: 931', 'Drafted: 300'), /exceed drafted tokens/],
    ['fractional count', REAL.replace('Accepted: 412', 'Accepted: 41.5'), /whole/],
    ['duplicate field', `${REAL}, Accepted: 3 tokens`, /more than once/],
    ['no rates', REAL.replace('0.735, 0.548, 0.386, 0.210, 0.100', ''), /no rates/],
  ];
  test.each(BAD)('parseVllmMetrics - rejects a malformed line (%s) with one clear sentence', (_name, line, message) => {
    const r = parseVllmMetrics(line);
    expect('error' in r).toBe(true);
    const error = (r as { error: string }).error;
    expect(error).toMatch(message);
    expect(error).toMatch(/^[A-Z][^\n]*\.$/);
  });

  test.each([0.5, 0.8, 0.95])('fitAlpha - recovers alpha %s exactly from rates alpha^(i+1)', (alpha) => {
    const fit = fitAlpha(Array.from({ length: 6 }, (_, i) => alpha ** (i + 1)));
    expect(fit.alpha).toBeCloseTo(alpha, 12);
    expect(fit.decay).toBeCloseTo(alpha, 12);
    expect(fit.first).toBeCloseTo(alpha, 12);
    expect(fit.stderr).toBeCloseTo(0, 12);
  });

  test('fitAlpha - separates first-position acceptance from decay and skips zero rates', () => {
    const fit = fitAlpha([0.9, 0.9 * 0.6, 0.9 * 0.36, 0]);
    expect(fit.first).toBeCloseTo(0.9, 12);
    expect(fit.decay).toBeCloseTo(0.6, 12);
    expect(fit.stderr).toBeGreaterThan(0);
    expect(fitAlpha([0, 0]).alpha).toBe(0);
    expect(fitAlpha([]).alpha).toBeNaN();
  });

  test('alphaFromMeanLength - inverts expectedTokensPerStep', () => {
    for (const alpha of [0.3, 0.7, 0.9]) expect(alphaFromMeanLength(expectedTokensPerStep(alpha, 5), 5)).toBeCloseTo(alpha, 9);
  });

  test('parseVllmMetrics, fitAlpha - recover alpha 0.7 from a simulated metrics line within 3 standard errors', () => {
    const alpha = 0.7;
    const gamma = 5;
    const p = { ...DEFAULT_PARAMS, world: 'synthetic' as const, alpha, temperature: 1, length: 128, seed: 5 };
    const pt = sweepPoint(prepareWorld(p), p, gamma, 300);
    const m = metricsFromCounts({ numDrafts: pt.drafts, accepted: pt.accepted, drafted: pt.drafted, acceptedHist: pt.acceptedHist, elapsedS: 10 });
    const back = parsed(formatVllmMetrics(m));
    expect(back.gamma).toBe(gamma);
    expect(Math.abs(back.numDrafts - pt.drafts) / pt.drafts).toBeLessThan(0.01);
    back.perPosition.forEach((r, i) => {
      expect(Math.abs(r - pt.perPosition[i])).toBeLessThanOrEqual(0.0005 + 1e-12);
    });
    const n = pt.drafts;
    const r = Array.from({ length: gamma }, (_, i) => alpha ** (i + 1));

    // SE of the fitted alpha (delta method). With N drafts, r_i is a share of a multinomial, and
    // the event "more than j accepted" lies inside "more than i" for i <= j, so
    // cov(log r_i, log r_j) = (1 - r_i) / (N r_i) for i <= j. The fit is b = sum w_i log r_i with
    // w_i = (i + 1) / sum (k + 1)^2, so var b = sum_ij w_i w_j cov_ij and se(alpha) = alpha se(b).
    const w = r.map((_, i) => (i + 1) / r.reduce((s, _r, k) => s + (k + 1) ** 2, 0));
    let varB = 0;
    for (let i = 0; i < gamma; i++)
      for (let j = 0; j < gamma; j++) {
        const lo = Math.min(i, j);
        varB += (w[i] * w[j] * (1 - r[lo])) / (n * r[lo]);
      }
    const seFit = alpha * Math.sqrt(varB);
    // The line rounds rates to 3 decimals: |d log r_i| <= 0.0005 / r_i, a bias bound added on top.
    const roundFit = alpha * w.reduce((s, wi, i) => s + (wi * 0.0005) / r[i], 0);
    const fitted = fitAlpha(back.perPosition).alpha;
    expect(Math.abs(fitted - alpha)).toBeLessThan(3 * seFit + roundFit);

    // SE of alpha from the mean length: tau = 1 + mean A, with A the accepted count of a draft,
    // P(A >= k) = alpha^k (k = 1..gamma), so E[A] = sum alpha^k and E[A^2] = sum (2k - 1) alpha^k;
    // se(tau) = sqrt(var A / N), and se(alpha) = se(tau) / (d tau / d alpha), d tau / d alpha =
    // sum k alpha^(k-1). The 2-decimal rounding of tau (<= 0.005) is again added as a bound.
    const ks = Array.from({ length: gamma }, (_, i) => i + 1);
    const ea = ks.reduce((s, k) => s + alpha ** k, 0);
    const ea2 = ks.reduce((s, k) => s + (2 * k - 1) * alpha ** k, 0);
    const slope = ks.reduce((s, k) => s + k * alpha ** (k - 1), 0);
    const seTau = Math.sqrt((ea2 - ea * ea) / n) / slope;
    const fromMean = alphaFromMeanLength(back.meanAcceptanceLength, gamma);
    expect(Math.abs(fromMean - alpha)).toBeLessThan(3 * seTau + 0.005 / slope);
    expect(seFit).toBeLessThan(0.01);
    expect(seTau).toBeLessThan(0.01);
  });
});
