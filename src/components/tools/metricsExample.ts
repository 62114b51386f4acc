/**
 * The example vLLM metrics line the engine panel starts with: 200 drafts of 5 tokens over 9.76 s,
 * written by formatVllmMetrics, so it keeps vLLM's invariants (whole num_drafts; the rates sum to
 * mean acceptance length - 1).
 */
export const METRICS_EXAMPLE =
  'INFO 07-21 14:02:11 [metrics.py:86] SpecDecoding metrics: Mean acceptance length: 3.01, Accepted throughput: 41.19 tokens/s, Drafted throughput: 102.46 tokens/s, Accepted: 402 tokens, Drafted: 1000 tokens, Per-position acceptance rate: 0.735, 0.515, 0.360, 0.245, 0.155, Avg Draft acceptance rate: 40.2%';
