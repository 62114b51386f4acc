import { describe, expect, test } from 'vitest';
import { METRICS_EXAMPLE } from '../../src/components/tools/metricsExample';
import { formatVllmMetrics, metricsFromCounts, parseVllmMetrics } from '../../src/core/metrics';
import { noticeText } from '../../src/core/notices';

// vLLM's line (vllm-project/vllm vllm/v1/spec_decode/metrics.py, SpecDecodingLogging.log):
// mean acceptance length = 1 + accepted / num_drafts and rate i = accepted_at_i / num_drafts,
// so the rates sum to accepted / num_drafts = mean length - 1, up to the printed rounding.
describe('metrics consistency', () => {
  test('parseVllmMetrics - rates that do not sum to mean length - 1 give a warning, not an error', () => {
    const line =
      'SpecDecoding metrics: Mean acceptance length: 2.77, Accepted throughput: 41.20 tokens/s, Drafted throughput: 93.11 tokens/s, ' +
      'Accepted: 412 tokens, Drafted: 931 tokens, Per-position acceptance rate: 0.735, 0.548, 0.386, 0.210, 0.100, Avg Draft acceptance rate: 44.3%';
    const r = parseVllmMetrics(line);
    if ('error' in r) throw new Error(r.error);
    expect(r.warnings.map((w) => w.code)).toEqual(['metricsRateSum']);
    expect(noticeText(r.warnings[0])).toMatch(/sum to 1\.979.*1\.77/);
  });

  test('parseVllmMetrics - every line vLLM could print passes (rounding tolerated)', () => {
    // Worst cases for rounding: many positions, rates near .0005 boundaries.
    for (const [drafts, hist] of [
      [7, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]],
      [3, [0, 1, 1, 1]],
      [200, [53, 44, 31, 23, 18, 31]],
      [1, [0, 0, 0, 1]],
    ] as [number, number[]][]) {
      const accepted = hist.reduce((s, h, i) => s + h * i, 0);
      const line = formatVllmMetrics(metricsFromCounts({ numDrafts: drafts, accepted, drafted: drafts * (hist.length - 1), acceptedHist: hist, elapsedS: 3 }));
      const r = parseVllmMetrics(line);
      if ('error' in r) throw new Error(r.error);
      expect(r.warnings, line).toEqual([]);
    }
  });

  test("METRICS_EXAMPLE - the page's example line keeps vLLM's invariants", () => {
    const r = parseVllmMetrics(METRICS_EXAMPLE);
    if ('error' in r) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    // num_drafts is a whole number and every draft proposed gamma tokens (a draft model).
    expect(r.drafted % r.gamma).toBe(0);
    expect(Math.abs(r.accepted / (r.drafted / r.gamma) + 1 - r.meanAcceptanceLength)).toBeLessThan(0.005);
  });
});
