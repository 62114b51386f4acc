import { argmax, normalizeInPlace, overlap, pointMass, sample, sampleResidual, shapeDist } from '../dist';
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
 * sum min(p, q), remembered per distribution pair: models hand out cached arrays (the synthetic
 * world's bank, the n-gram caches), so the same pair recurs and the O(V) sum is paid once.
 */
const overlapMemo = new WeakMap<Dist, { p: Dist; ov: number }>();
function overlapOf(p: Dist, q: Dist): number {
  const m = overlapMemo.get(q);
  if (m !== undefined && m.p === p) return m.ov;
  const ov = overlap(p, q);
  overlapMemo.set(q, { p, ov });
  return ov;
}

/**
 * Rows of a simulated model, built on first use. Where the model has fast paths (prob, draw,
 * overlap) they answer without a whole row, always (not only while the row is unbuilt), so a
 * run's numbers do not depend on which rows happened to be built (detail or not).
 */
class ModelScores implements Scores {
  /** The row built last and its index (-1: none). Verification reads rows in order and each
   * a few times in a row; a row read again later is rebuilt (models answer the same row). */
  private lastRow = -1;
  private last: Dist | null = null;
  constructor(
    readonly rows: number,
    protected readonly model: Model,
    protected readonly ctx: readonly TokenId[],
    protected readonly len: number,
  ) {}
  /** The context length row r is the distribution after (writing its path for a tree). */
  protected at(r: number): number {
    return this.len + r;
  }
  dist(r: number): Dist {
    if (r === this.lastRow) return this.last as Dist;
    const d = this.model.dist(this.ctx, this.at(r));
    this.lastRow = r;
    this.last = d;
    return d;
  }
  prob(r: number, x: TokenId): number {
    // The fast path and the row agree bit for bit; a built row answers in O(1).
    if (r === this.lastRow || this.model.prob === undefined) return this.dist(r)[x];
    return this.model.prob(this.ctx, this.at(r), x);
  }
  sample(r: number, rng: Rng): TokenId {
    return this.model.draw === undefined ? sample(this.dist(r), rng) : this.model.draw(this.ctx, this.at(r), rng);
  }
  argmax(r: number): TokenId {
    return argmax(this.dist(r));
  }
  overlap(r: number, q: Dist): number {
    const { model } = this;
    if (model.overlap !== undefined) return model.overlap(this.ctx, this.at(r), q);
    const p = this.dist(r);
    const known = model.rowOverlap === undefined ? undefined : model.rowOverlap(p, q);
    return known === undefined ? overlapOf(p, q) : known;
  }
  residual(r: number, q: Dist | null, x: TokenId, rng: Rng): TokenId {
    const { model } = this;
    // The row is usually built already (verification read p(x) there): the row's own fast path.
    if (model.rowResidual !== undefined) return model.rowResidual(this.dist(r), q, x, rng);
    return model.residual === undefined ? sampleResidual(this.dist(r), q, x, rng) : model.residual(this.ctx, this.at(r), q, x, rng);
  }
}

/** Rows over a token tree: row r is after the path from the root to node r-1, written into
 * the scratch space ctx[len ..] when the row is read. */
class TreeScores extends ModelScores {
  constructor(
    model: Model,
    ctx: TokenId[],
    len: number,
    private readonly nodes: { token: TokenId; parent: number }[],
  ) {
    super(nodes.length + 1, model, ctx, len);
  }
  /** Every row built so far: tree verification goes back to a parent's row. */
  private readonly built: (Dist | undefined)[] = [];
  protected at(r: number): number {
    return r === 0 ? this.len : this.len + writePath(this.nodes, r - 1, this.ctx as TokenId[], this.len);
  }
  dist(r: number): Dist {
    let d = this.built[r];
    if (d === undefined) {
      d = super.dist(r);
      this.built[r] = d;
    }
    return d;
  }
}

/**
 * Rows of a simulated model over a chain: row r is `model.dist(ctx, len + r)`, built on first
 * use. The drafted tokens must already sit in ctx[len .. len + k) (the proposer writes them).
 * Where the model has fast paths (prob, draw, overlap) they answer without a whole row.
 */
export function modelScores(model: Model, ctx: readonly TokenId[], len: number, rows: number): Scores {
  return new ModelScores(rows, model, ctx, len);
}

/**
 * Rows of a simulated model over a token tree: row r is the distribution after the path from
 * the root to node r-1, written into the scratch space ctx[len ..] when the row is built.
 */
export function treeModelScores(model: Model, ctx: readonly TokenId[], len: number, proposal: Proposal): Scores {
  const parents = proposal.parents as readonly number[];
  const nodes = proposal.tokens.map((token, i) => ({ token, parent: parents[i] }));
  return new TreeScores(model, ctx as TokenId[], len, nodes);
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
  // Greedy: the argmax of the logits is the argmax of the softmax; no exponentials needed.
  if (temperature <= 0) return pointMass(logits.length, argmax(logits));
  const p = softmax(logits);
  return temperature === 1 && topP >= 1 ? p : shapeDist(p, temperature, topP);
}

/** Rows of one forward pass of a real model, each shaped (shapeLogits) once, on first use. */
class LogitScores implements Scores {
  readonly rows: number;
  private readonly cache: (Dist | undefined)[];
  constructor(
    private readonly logits: readonly ArrayLike<number>[],
    private readonly temperature: number,
    private readonly topP: number,
    readonly wallMs: number | undefined,
  ) {
    this.rows = logits.length;
    this.cache = new Array(logits.length);
  }
  dist(r: number): Dist {
    let d = this.cache[r];
    if (d === undefined) {
      d = shapeLogits(this.logits[r], this.temperature, this.topP);
      this.cache[r] = d;
    }
    return d;
  }
  prob(r: number, x: TokenId): number {
    return this.dist(r)[x];
  }
  sample(r: number, rng: Rng): TokenId {
    return sample(this.dist(r), rng);
  }
  argmax(r: number): TokenId {
    return argmax(this.dist(r));
  }
  overlap(r: number, q: Dist): number {
    return overlapOf(this.dist(r), q);
  }
  residual(r: number, q: Dist | null, x: TokenId, rng: Rng): TokenId {
    return sampleResidual(this.dist(r), q, x, rng);
  }
}

/**
 * Rows from one forward pass of a real model: `logits[r]` are row r's raw logits. Each row is
 * shaped (shapeLogits) once, on first use. `wallMs`: the forward's measured time, if any.
 */
export function logitScores(logits: readonly ArrayLike<number>[], temperature: number, topP: number, wallMs?: number): Scores {
  return new LogitScores(logits, temperature, topP, wallMs);
}
