import type { TokenId } from '../types';

/** A node of a count-annotated suffix trie: how often its path occurred, and its children. */
export interface SuffixNode {
  count: number;
  children: Map<TokenId, SuffixNode>;
}

const node = (): SuffixNode => ({ count: 0, children: new Map() });

/**
 * A suffix trie of bounded depth over one token sequence, built incrementally: every substring
 * of length <= depth is a path, and each node counts the substrings that pass through it
 * (SuffixDecoding's count-annotated suffix tree, here as a trie of bounded depth).
 */
export class SuffixTrie {
  readonly root: SuffixNode = node();
  /** Nodes of the suffixes that end at the last appended token, shortest first. */
  private active: SuffixNode[] = [];
  length = 0;

  constructor(readonly depth: number) {}

  /** Appends one token: every active suffix (and the new one of length 1) grows by it. O(depth). */
  append(t: TokenId): void {
    const next: SuffixNode[] = [];
    const grow = (from: SuffixNode) => {
      let child = from.children.get(t);
      if (child === undefined) {
        child = node();
        from.children.set(t, child);
      }
      child.count++;
      next.push(child);
    };
    grow(this.root);
    for (let i = 0; i < this.active.length && i < this.depth - 1; i++) grow(this.active[i]);
    this.active = next;
    this.root.count++;
    this.length++;
  }

  /** Appends a whole sequence. */
  extend(tokens: readonly TokenId[], from = 0, to = tokens.length): void {
    for (let i = from; i < to; i++) this.append(tokens[i]);
  }

  /** The node of a path, or null where the trie does not have it. */
  find(ctx: readonly TokenId[], start: number, end: number): SuffixNode | null {
    let n: SuffixNode | undefined = this.root;
    for (let i = start; i < end && n; i++) n = n.children.get(ctx[i]);
    return n ?? null;
  }
}

/** What one suffix match proposes: the path, each step's running probability, and the score. */
export interface SuffixCandidate {
  /** Length of the matched context suffix. */
  matchLen: number;
  tokens: TokenId[];
  /** Running probability after each token: product of count(child) / count(parent). */
  probs: number[];
  /** count(child) / count(parent) of each step down the path. */
  counts: [number, number][];
  /** Expected accepted tokens: sum of probs. */
  score: number;
  /** Which tree it came from. */
  source: 'local' | 'global';
}

/**
 * Path-mode speculation from a trie (ArcticInference's SuffixDecoding): for each match length m
 * (1..depth-1) whose context suffix is in the trie, walk down following the highest-count child,
 * keeping the running probability; stop under `minTokenProb` or at
 * min(maxSpec, floor(m * specFactor + offset)) tokens. The best score wins; ties go to the
 * longer match.
 */
export function speculateFromTrie(
  trie: SuffixTrie,
  ctx: readonly TokenId[],
  len: number,
  maxSpec: number,
  specFactor: number,
  minTokenProb: number,
  source: 'local' | 'global',
  offset = 0,
): SuffixCandidate | null {
  let best: SuffixCandidate | null = null;
  for (let m = 1; m < trie.depth && m <= len; m++) {
    let n = trie.find(ctx, len - m, len);
    if (n === null) break; // a longer suffix cannot match if this one does not
    const limit = Math.min(maxSpec, Math.floor(m * specFactor + offset), trie.depth - m);
    const tokens: TokenId[] = [];
    const probs: number[] = [];
    const counts: [number, number][] = [];
    let prob = 1;
    while (tokens.length < limit && n.children.size > 0) {
      let bestTok = -1;
      let bestChild: SuffixNode | null = null;
      for (const [tok, child] of n.children)
        if (bestChild === null || child.count > bestChild.count || (child.count === bestChild.count && tok < bestTok)) {
          bestTok = tok;
          bestChild = child;
        }
      const p = prob * ((bestChild as SuffixNode).count / n.count);
      if (p < minTokenProb) break;
      prob = p;
      tokens.push(bestTok);
      probs.push(prob);
      counts.push([(bestChild as SuffixNode).count, n.count]);
      n = bestChild as SuffixNode;
    }
    const score = probs.reduce((a, b) => a + b, 0);
    if (tokens.length > 0 && (best === null || score >= best.score)) best = { matchLen: m, tokens, probs, counts, score, source };
  }
  return best;
}
