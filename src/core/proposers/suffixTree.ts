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
 * longer match. `trie` may be several tries read as one (their counts add up): the global tree
 * over earlier responses and this request's own response, each its own sequence.
 */
export function speculateFromTrie(
  trie: SuffixTrie | readonly SuffixTrie[],
  ctx: readonly TokenId[],
  len: number,
  maxSpec: number,
  specFactor: number,
  minTokenProb: number,
  source: 'local' | 'global',
  offset = 0,
): SuffixCandidate | null {
  const tries = Array.isArray(trie) ? (trie as readonly SuffixTrie[]) : [trie as SuffixTrie];
  const depth = tries.length > 0 ? tries[0].depth : 0;
  let best: SuffixCandidate | null = null;
  for (let m = 1; m < depth && m <= len; m++) {
    let n = findAll(tries, ctx, len - m, len);
    if (n === null) break; // a longer suffix cannot match if this one does not
    const limit = Math.min(maxSpec, Math.floor(m * specFactor + offset), depth - m);
    const tokens: TokenId[] = [];
    const probs: number[] = [];
    const counts: [number, number][] = [];
    let prob = 1;
    while (tokens.length < limit) {
      const next = bestChild(n);
      if (next === null) break;
      const p = prob * (next.count / n.count);
      if (p < minTokenProb) break;
      prob = p;
      tokens.push(next.token);
      probs.push(prob);
      counts.push([next.count, n.count]);
      n = next.nodes;
    }
    const score = probs.reduce((a, b) => a + b, 0);
    if (tokens.length > 0 && (best === null || score >= best.score)) best = { matchLen: m, tokens, probs, counts, score, source };
  }
  return best;
}

/** The same path in several tries: its nodes (where present) and their summed count. */
interface NodeSet {
  nodes: SuffixNode[];
  count: number;
}

function findAll(tries: readonly SuffixTrie[], ctx: readonly TokenId[], start: number, end: number): NodeSet | null {
  const nodes: SuffixNode[] = [];
  let count = 0;
  for (const t of tries) {
    const n = t.find(ctx, start, end);
    if (n !== null) {
      nodes.push(n);
      count += n.count;
    }
  }
  return nodes.length > 0 ? { nodes, count } : null;
}

/** The highest-count child over the set (ties to the lower token id), or null at a leaf. */
function bestChild(set: NodeSet): { token: TokenId; count: number; nodes: NodeSet } | null {
  let token = -1;
  let count = 0;
  if (set.nodes.length === 1) {
    // One trie: no merging (the common case, kept allocation-free).
    let child: SuffixNode | null = null;
    for (const [tok, c] of set.nodes[0].children)
      if (c.count > count || (c.count === count && tok < token)) {
        token = tok;
        count = c.count;
        child = c;
      }
    return child === null ? null : { token, count, nodes: { nodes: [child], count } };
  }
  const sums = new Map<TokenId, number>();
  for (const n of set.nodes) for (const [tok, c] of n.children) sums.set(tok, (sums.get(tok) ?? 0) + c.count);
  for (const [tok, c] of sums)
    if (c > count || (c === count && tok < token)) {
      token = tok;
      count = c;
    }
  if (count === 0) return null;
  const nodes: SuffixNode[] = [];
  for (const n of set.nodes) {
    const c = n.children.get(token);
    if (c !== undefined) nodes.push(c);
  }
  return { token, count, nodes: { nodes, count } };
}
