import { describe, expect, test } from 'vitest';
import { formatSweep } from '../../src/cli/format';
import { acceptanceRows, speedupRows } from '../../src/components/tools/chartData';
import { type MethodKind, prepareWorld, sweepPoint } from '../../src/core';
import { chargedCost, methodTheory } from '../../src/core/methodTheory';
import { LOOKUP_MS_PER_TOKEN } from '../../src/core/proposers/ngramLookup';
import { expectedSpeedup } from '../../src/core/theory';
import { params, TEXTS } from './helpers';

describe('theory only where it describes the method', () => {
  test('sweepPoint - a tree gets no chain theory: gamma is not its parameter', () => {
    const p = params({ world: 'synthetic', method: 'tree', alpha: 0.7, vocab: 16, length: 40 });
    const prepared = prepareWorld(p, TEXTS);
    for (const g of [1, 4, 8]) {
      const pt = sweepPoint(prepared, p, g, 4);
      expect(pt.theoryTokensPerStep, `gamma ${g}`).toBeNull();
      expect(pt.theorySpeedup, `gamma ${g}`).toBeNull();
      expect(pt.theoryAcceptanceRate, `gamma ${g}`).toBeNull();
      expect(pt.theoryAbsent).toBe('tree');
    }
  });

  test.each([
    ['ngram', 'lookup'],
    ['suffix', 'lookup'],
    ['mtp', 'perHead'],
    ['medusa', 'perHead'],
    ['tree', 'tree'],
    ['autoregressive', 'noDraft'],
  ] as [MethodKind, string][])('methodTheory - %s: no chain curve (%s)', (method, reason) => {
    expect(methodTheory(params({ method }))).toEqual({ applies: false, reason, c: chargedCost(params({ method })) });
  });

  test('methodTheory - a draft model gets the chain curve with c; each method is charged what its proposer costs', () => {
    expect(methodTheory(params({ method: 'draft', costRatio: 0.07 }))).toEqual({ applies: true, c: 0.07 });
    // Lookups cost a CPU scan per proposed token, not c; Medusa heads ride in the target pass.
    expect(chargedCost(params({ method: 'ngram', targetMs: 40, costRatio: 0.07 }))).toBeCloseTo(LOOKUP_MS_PER_TOKEN / 40, 15);
    expect(chargedCost(params({ method: 'suffix', targetMs: 40, costRatio: 0.07 }))).toBeCloseTo(LOOKUP_MS_PER_TOKEN / 40, 15);
    expect(chargedCost(params({ method: 'medusa', costRatio: 0.07 }))).toBe(0);
    expect(chargedCost(params({ method: 'mtp', costRatio: 0.07 }))).toBe(0.07);
  });

  test('sweepPoint - the draft model theory is Leviathan at the measured alpha with its c', () => {
    const p = params({ world: 'synthetic', method: 'draft', alpha: 0.7, vocab: 16, length: 40, costRatio: 0.05, verifyCost: 0.01 });
    const pt = sweepPoint(prepareWorld(p, TEXTS), p, 4, 4);
    expect(pt.theorySpeedup).toBeCloseTo(expectedSpeedup(pt.alpha, 4, 0.05, 0.01), 12);
    expect(pt.theoryAbsent).toBeNull();
  });

  test('chartData - rows carry no theory where it is absent', () => {
    const p = params({ world: 'synthetic', method: 'tree', alpha: 0.7, vocab: 16, length: 30 });
    const pts = [sweepPoint(prepareWorld(p, TEXTS), p, 2, 2)];
    const theory = methodTheory(p);
    expect(acceptanceRows(pts, 0.7, theory).every((r) => r.theoryTokensPerStep === null && r.theoryAcceptanceRate === null)).toBe(true);
    expect(speedupRows(pts, 0.7, theory, 0).every((r) => r.theorySpeedup === null)).toBe(true);
  });

  test('formatSweep - the runner prints no theory for a tree and says why', () => {
    const p = params({ world: 'synthetic', method: 'tree', alpha: 0.7, vocab: 16, length: 30 });
    const text = formatSweep([sweepPoint(prepareWorld(p, TEXTS), p, 2, 2)], 'en');
    expect(text).toMatch(/\(-\)/);
    expect(text).toMatch(/no theory: .*tree/i);
  });
});
