import { describe, expect, test } from 'vitest';
import { explainPublished, PUBLISHED } from '../../src/core/published';
import { expectedSpeedup } from '../../src/core/theory';

describe('published operating points', () => {
  test('PUBLISHED - every row cites a table, figure or section of its source', () => {
    for (const row of PUBLISHED) expect(row.source, row.id).toMatch(/Table \d|Figure \d|§\s?\d/);
    // SuffixDecoding's 5.3x is the abstract's "up to" maximum and its mean accepted length could
    // not be traced to a table: the row is dropped.
    expect(PUBLISHED.find((r) => /suffix/i.test(`${r.id} ${r.source}`))).toBeUndefined();
  });

  test("explainPublished - every Leviathan T5 row carries Table 4's c, so its prediction shows", () => {
    const c: Record<string, number> = { 'lev-small-t0': 0.02, 'lev-small-t1': 0.02, 'lev-base-t0': 0.04, 'lev-large-t0': 0.11, 'lev-cnndm': 0.02 };
    for (const [id, want] of Object.entries(c)) {
      const row = PUBLISHED.find((r) => r.id === id);
      expect(row?.c, id).toBe(want);
      const e = explainPublished(row as NonNullable<typeof row>, 4);
      expect(e.predicted, id).toBeCloseTo(expectedSpeedup(row?.alpha as number, row?.gamma as number, want), 12);
    }
  });

  test('explainPublished - a tree tau is never turned into a chain alpha: trees are compared with trees', () => {
    const eagle2 = PUBLISHED.find((r) => r.id === 'eagle2-eagle2');
    expect(eagle2?.structure).toBe('tree');
    for (const g of [1, 4, 16]) {
      const e = explainPublished(eagle2 as NonNullable<typeof eagle2>, g);
      expect(e.alpha, `gamma ${g}`).toBeNull();
      expect(e.tau).toBe(4.83);
    }
  });
});
