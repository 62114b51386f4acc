import { argmax, normalizeInPlace, sample, shapeDist } from '../dist';
import { writePath } from '../proposers/tree';
import type { Dist, Model, Proposal, Rng, Scores, TokenId } from '../types';

/**
 * The seam between verification and the models. A target answers "score these positions" with a
 * Scores object: row 0 is the distribution after the committed context, row r (1..k) the one
 * after proposal node r-1 (for a chain, after the first r drafted tokens). A simulated model
 * answers lazily, row by row, so verification that stops at the first rejection never builds
 * the rows after it; a real model answers with all k + 1 rows of one forward pass
 * (logitScores). Verification (verifyChain, verifyTree) reads only this interface.
 */

/**
 * Rows of a simulated model over a chain: row r is `model.dist(ctx, len + r)`, built on first
 * use. The drafted tokens must already sit in ctx[len .. len + k) (the proposer writes them).
 * Where the model has O(1) fast paths (prob, sample) they answer without a whole row.
 */
export function modelScores(model: Model, ctx: readonly TokenId[], len: number, rows: number): Scores {
  return lazyScores(
    model,
    rows,
    (r) => model.dist(ctx, len + r),
    ctx,
    (r) => len + r,
  );
}

/**
 * Rows of a simulated model over a token tree: row r is the distribution after the path from
 * the root to node r-1, written into the scratch space ctx[len ..] when the row is built.
 */
export function treeModelScores(model: Model, ctx: readonly TokenId[], len: number, proposal: Proposal): Scores {
  const parents = proposal.parents as readonly number[];
  const nodes = proposal.tokens.map((token, i) => ({ token, parent: parents[i] }));
  const buf = ctx as TokenId[];
  const at = (r: number) => (r === 0 ? len : len + writePath(nodes, r - 1, buf, len));
  return lazyScores(model, proposal.tokens.length + 1, (r) => model.dist(buf, at(r)), buf, at);
}

function lazyScores(model: Model, rows: number, build: (r: number) => Dist, ctx: readonly TokenId[], pos: (r: number) => number): Scores {
  const cache: (Dist | undefined)[] = new Array(rows);
  const dist = (r: number): Dist => {
    let d = cache[r];
    if (d === undefined) {
      d = build(r);
      cache[r] = d;
    }
    return d;
  };
  const { prob, draw } = model;
  return {
    rows,
    dist,
    // A model's fast path answers while the row is unbuilt (O(order) instead of O(V)); once
    // built, the row itself answers.
    prob: prob === undefined ? (r, x) => dist(r)[x] : (r, x) => (cache[r] === undefined ? prob.call(model, ctx, pos(r), x) : (cache[r] as Dist)[x]),
    sample:
      draw === undefined
        ? (r, rng) => sample(dist(r), rng)
        : (r, rng) => (cache[r] === undefined ? draw.call(model, ctx, pos(r), rng) : sample(cache[r] as Dist, rng)),
    argmax: (r) => argmax(dist(r)),
  };
}

/** Softmax of raw logits at temperature 1, in float64 (fp16/fp32 logits are widened first). */
export function softmax(logits: ArrayLike<number>): Dist {
  const n = logits.length;
  const out = new Float64Array(n);
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) if (logits[i] > m) m = logits[i];
  for (let i = 0; i < n; i++) out[i] = Math.exp(logits[i] - m);
  normalizeInPlace(out);
  return out;
}

/**
 * The distribution a real model's logits give under the sampling parameters: softmax, then the
 * same temperature / top-p shaping as every simulated model (shapeDist), in float64.
 */
export function shapeLogits(logits: ArrayLike<number>, temperature: number, topP: number): Dist {
  const p = softmax(logits);
  return temperature === 1 && topP >= 1 ? p : shapeDist(p, temperature, topP);
}

/**
 * Rows from one forward pass of a real model: `logits[r]` are row r's raw logits. Each row is
 * shaped (shapeLogits) once, on first use.
 */
export function logitScores(logits: readonly ArrayLike<number>[], temperature: number, topP: number): Scores {
  const cache: (Dist | undefined)[] = new Array(logits.length);
  const dist = (r: number): Dist => {
    let d = cache[r];
    if (d === undefined) {
      d = shapeLogits(logits[r], temperature, topP);
      cache[r] = d;
    }
    return d;
  };
  return {
    rows: logits.length,
    dist,
    prob: (r, x) => dist(r)[x],
    sample: (r: number, rng: Rng) => sample(dist(r), rng),
    argmax: (r) => argmax(dist(r)),
  };
}
