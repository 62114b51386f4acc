import type { TokenId } from '../types';

/** Followers of one context: token -> count, with the total and the number of distinct ones. */
export interface Followers {
  readonly counts: Map<TokenId, number>;
  total: number;
}

/** Counts of one n-gram order: context key (ids joined by ',') -> followers. */
export type OrderCounts = Map<string, Followers>;

/** The key of the `k` tokens before position `end` of `seq` (k may be 0). */
export function contextKey(seq: readonly TokenId[], end: number, k: number): string {
  let s = '';
  for (let i = end - k; i < end; i++) s += i === end - k ? `${seq[i]}` : `,${seq[i]}`;
  return s;
}

function bump(map: OrderCounts, key: string, token: TokenId, by = 1): void {
  let f = map.get(key);
  if (f === undefined) {
    f = { counts: new Map(), total: 0 };
    map.set(key, f);
  }
  f.counts.set(token, (f.counts.get(token) ?? 0) + by);
  f.total += by;
}

/**
 * Raw counts of every n-gram of length `order` over the sequences, each padded on the left
 * with order-1 `bos` tokens (the notebook's SimpleNGram.train, for any order).
 */
export function countNgrams(seqs: readonly (readonly TokenId[])[], order: number, bos: TokenId, onTokens?: (n: number) => void): OrderCounts {
  const map: OrderCounts = new Map();
  for (const s of seqs) {
    const padded = [...new Array<TokenId>(order - 1).fill(bos), ...s];
    for (let i = order - 1; i < padded.length; i++) {
      bump(map, contextKey(padded, i, order - 1), padded[i]);
      // Progress for long corpora, every 2^17 tokens.
      if (onTokens && ((i - order + 2) & 0x1ffff) === 0) onTokens(0x20000);
    }
  }
  return map;
}

/**
 * Unsmoothed maximum-likelihood next tokens after a context: [token, probability], most likely
 * first (ties to the lower id). Empty if the context never occurred.
 */
export function mleNext(counts: OrderCounts, contextIds: readonly TokenId[]): [TokenId, number][] {
  const f = counts.get(contextKey(contextIds, contextIds.length, contextIds.length));
  if (f === undefined) return [];
  return [...f.counts].map(([t, c]): [TokenId, number] => [t, c / f.total]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}
