import { describe, expect, test } from 'vitest';
import { H100_SXM, H200, type RooflineInput, rooflineCost, rooflineOptimalGamma } from '../../src/core/roofline';
import { optimalGamma } from '../../src/core/theory';

/** Llama-3.1-70B in BF16 with a 1B draft, the pairing the tests reason about. */
const BASE: RooflineInput = { paramsB: 70, bytesPerParam: 2, draftParamsB: 1, batch: 1, accelerator: H100_SXM, gamma: 4 };
const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

describe('roofline', () => {
  test('rooflineCost - a 70B BF16 model at batch 1 on H100 is memory-bound and verifies for free', () => {
    const cost = rooflineCost({ ...BASE, gamma: 5 });
    // 70e9 params * 2 bytes / 3.35e12 B/s = 41.79 ms.
    expect(cost.targetMs).toBeCloseTo(((70e9 * 2) / 3.35e12) * 1000, 9);
    expect(cost.targetMs).toBeCloseTo(41.8, 1);
    expect(cost.memoryBound).toBe(true);
    expect(cost.verifyMemoryBound).toBe(true);
    expect(cost.verifyCost).toBeCloseTo(0, 12);
    expect(cost.costRatio).toBeCloseTo(1 / 70, 12);
    expect(cost.arithmeticIntensity).toBe(1);
    expect(cost.ridgePoint).toBeCloseTo(989 / 3.35, 9);
  });

  test('rooflineCost - past the ridge point (~295 tokens per pass) verification turns compute-bound and v rises to 1', () => {
    const vs = BATCHES.map((batch) => rooflineCost({ ...BASE, batch }).verifyCost);
    for (let k = 1; k < vs.length; k++) expect(vs[k]).toBeGreaterThanOrEqual(vs[k - 1]);
    expect(vs[0]).toBe(0);
    expect(vs[vs.length - 1]).toBeCloseTo(1, 12);
    // Batch 64, gamma 4: 64 tokens decode memory-bound, 320 tokens verify compute-bound.
    const mid = rooflineCost({ ...BASE, batch: 64 });
    expect(mid.memoryBound).toBe(true);
    expect(mid.verifyMemoryBound).toBe(false);
    expect(mid.verifyCost).toBeGreaterThan(0);
    expect(mid.verifyCost).toBeLessThan(1);
    expect(rooflineCost({ ...BASE, batch: 296 }).memoryBound).toBe(false);
    expect(rooflineCost({ ...BASE, batch: 295 }).memoryBound).toBe(true);
  });

  test('rooflineCost, optimalGamma - the optimal gamma for alpha 0.8 never grows as batch goes from 1 to 1024', () => {
    const gammas = BATCHES.map((batch) => {
      const { costRatio, verifyCost } = rooflineCost({ ...BASE, batch });
      return optimalGamma(0.8, costRatio, verifyCost).gamma;
    });
    for (let k = 1; k < gammas.length; k++) expect(gammas[k]).toBeLessThanOrEqual(gammas[k - 1]);
    expect(gammas[0]).toBeGreaterThan(gammas[gammas.length - 1]);
  });

  test('rooflineOptimalGamma - with v recomputed per gamma the optimum also shrinks with batch', () => {
    const gammas = BATCHES.map((batch) => rooflineOptimalGamma({ ...BASE, batch }, 0.8).gamma);
    for (let k = 1; k < gammas.length; k++) expect(gammas[k]).toBeLessThanOrEqual(gammas[k - 1]);
    expect(gammas[0]).toBeGreaterThan(gammas[gammas.length - 1]);
    const best = rooflineOptimalGamma(BASE, 0.8);
    expect(best.cost.verifyCost).toBe(0);
    expect(best.speedup).toBeGreaterThan(1);
  });

  test('rooflineCost - H200 decodes faster than H100 at batch 1', () => {
    const h100 = rooflineCost(BASE);
    const h200 = rooflineCost({ ...BASE, accelerator: H200 });
    expect(h200.targetMs).toBeLessThan(h100.targetMs);
    expect(h200.targetMs).toBeCloseTo(((70e9 * 2) / 4.8e12) * 1000, 9);
  });
});
