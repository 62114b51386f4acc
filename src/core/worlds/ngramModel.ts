import { sample, sampleResidual, shapeDist } from '../dist';
import { contextKey } from '../ngram/counts';
import { fillMixture, type KneserNey, type KnMixture, newMixture } from '../ngram/kneserNey';
import { mixtureDraw, mixtureProb, mixtureRow } from '../ngram/mixture';
import { guardBand, guardedDraw, type MixtureIndex, mixtureIndex } from '../ngram/mixtureIndex';
import { MixtureNodes } from '../ngram/mixtureNodes';
import { isRecurring, MixtureOverlap, registerRow, rowSource } from '../ngram/mixtureOverlap';
import { type ResidualWalk, SharedBase, sameBase, walkDraw } from '../ngram/mixtureResidual';
import { type RowSampler, rowSampler, samplerDraw } from '../rowSampler';
import type { Dist, Model, Rng, TokenId } from '../types';

/** What a model that keeps rows keeps per context: the KN mixture (small) and the row. */
interface Entry {
  readonly mix: KnMixture;
  row: Dist | undefined;
  /** The mixture's CDF index, for draws (mixtureIndex). */
  index: MixtureIndex | undefined;
  /** The row's running sum and guide table, for the rare draw the index leaves (keptDraw). */
  sampler: RowSampler | undefined;
}

/** Contexts remembered before the cache is dropped (each holds a few references). */
const MAX_ENTRIES = 1 << 16;
/** A row kept by no one is drawn by a linear scan up to this length (as the draft proposer
 * draws without drawWithRow). */
const SCAN_MAX = 64;
/** Floats of whole rows the cache may hold (32 MB) before it is dropped. */
const MAX_ROW_FLOATS = 1 << 22;

/**
 * A Model over a trained KN model, shaped by temperature / top-p.
 *
 * At T = 1 without top-p (the default) the distribution is the KN mixture itself and the model
 * has fast paths. A high-order model (the target) keeps no rows (most of a run's contexts are
 * new, so a row would be built once and thrown away) but keeps every mixture it meets, one per
 * node (nodeModel): it answers p(x) in O(order), a draw in O(log V * order), and sum min(p, q)
 * and the residual's walk once per node and q row. A model of order <= 2 (the draft) has at
 * most V + 1 contexts: it keeps every row (the verifier reads q rows) and draws through the
 * mixture's CDF index (the same token as `sample(row)`).
 *
 * Temperature or top-p reshape the whole row, so there the model has no fast paths and every
 * answer reads the (cached) shaped row.
 */
export function ngramModel(m: KneserNey, temperature: number, topP: number): Model {
  const raw = temperature === 1 && topP >= 1;
  return raw && m.order > 2 ? nodeModel(m) : keptModel(m, temperature, topP);
}

/** The draft's rows over the same base as m: their mixture (the sparse paths), else null. */
function sharedSourceOf(m: KneserNey): (q: Dist) => { m: KneserNey; mix: KnMixture } | null {
  return (q) => {
    const src = rowSource(q);
    return src && sameBase(m, src.m) ? src : null;
  };
}

/** A model that keeps rows, cached by its last order-1 tokens: low orders, or shaped rows. */
function keptModel(m: KneserNey, temperature: number, topP: number): Model {
  const span = m.order - 1;
  const size = m.vocabSize;
  const raw = temperature === 1 && topP >= 1;
  // The context as one number (base-V digits, padded with bos) where it fits in a double's
  // 53 bits, else as a string.
  const numeric = size ** span <= Number.MAX_SAFE_INTEGER;
  const keyOf = (ctx: readonly TokenId[], len: number): number | string => {
    if (!numeric) return len < span ? `^${contextKey(ctx, len, len)}` : contextKey(ctx, len, span);
    let k = 0;
    for (let i = len - span; i < len; i++) k = k * size + (i < 0 ? m.bos : ctx[i]);
    return k;
  };
  let cache = new Map<number | string, Entry>();
  let rowFloats = 0;
  // Few contexts (a bigram or unigram model: at most V + 1): a table indexed by the key.
  const small = numeric && size ** span <= 1 << 16 ? new Array<Entry | undefined>(size ** span) : null;
  const fresh = (ctx: readonly TokenId[], len: number): Entry => ({
    mix: fillMixture(m, ctx, len, newMixture(m)),
    row: undefined,
    index: undefined,
    sampler: undefined,
  });
  const entry = (ctx: readonly TokenId[], len: number): Entry => {
    const key = keyOf(ctx, len);
    if (small !== null) {
      let e = small[key as number];
      if (e === undefined) {
        e = fresh(ctx, len);
        small[key as number] = e;
      }
      return e;
    }
    let e = cache.get(key);
    if (e === undefined) {
      if (cache.size >= MAX_ENTRIES || rowFloats >= MAX_ROW_FLOATS) {
        cache = new Map();
        rowFloats = 0;
      }
      e = fresh(ctx, len);
      cache.set(key, e);
    }
    return e;
  };
  const rowOf = (e: Entry): Dist => {
    if (e.row !== undefined) return e.row;
    const r = mixtureRow(m, e.mix);
    // At T = 1 without top-p the model's own distribution is the answer (no copy).
    const row = raw ? r : shapeDist(r, temperature, topP);
    e.row = row;
    rowFloats += size;
    // Kept rows recur (as q rows of a draft): worth an overlap envelope each; unshaped, they
    // also carry the mixture they came from (the residual's sparse walk reads it).
    registerRow(row, raw ? { m, mix: e.mix } : null);
    return row;
  };
  const dist = (ctx: readonly TokenId[], len: number) => rowOf(entry(ctx, len));
  if (!raw) return { vocabSize: size, dist };
  const overlaps = new MixtureOverlap(m);
  const shared = new SharedBase(m);
  const sharedSource = sharedSourceOf(m);
  // A kept row's draw: the token sample(row) gives for one uniform, read from the mixture's
  // index (small arrays, few cache lines, where the row's own running sum would be a cache
  // miss per draw) unless u lies within the guard band of an edge of its interval; then from
  // the row's running sum.
  const band = guardBand(m, m.order - 1);
  const keptDraw = (e: Entry, row: Dist, rng: Rng): TokenId => {
    const u = rng.next();
    if (e.index === undefined) e.index = mixtureIndex(m, e.mix);
    const x = guardedDraw(e.index, u, band);
    if (x >= 0) return x;
    if (e.sampler === undefined) e.sampler = rowSampler(row);
    return samplerDraw(e.sampler, { next: () => u });
  };
  return {
    vocabSize: size,
    dist,
    prob: (ctx, len, x) => mixtureProb(m, entry(ctx, len).mix, x),
    draw: (ctx, len, rng) => {
      const e = entry(ctx, len);
      return keptDraw(e, rowOf(e), rng);
    },
    // The draft's step: one context lookup for the token and the row it came from.
    drawWithRow(ctx, len, rng, rows) {
      const e = entry(ctx, len);
      const row = rowOf(e);
      rows.push(row);
      return keptDraw(e, row, rng);
    },
    overlap(ctx, len, q) {
      const e = entry(ctx, len);
      return isRecurring(q) ? overlaps.overlap(e.mix, q) : rowOverlap(rowOf(e), q);
    },
    residual(ctx, len, q, x, rng) {
      const e = entry(ctx, len);
      // A q row of a KN model over the same base: the sparse walk; anything else: the row.
      const src = q === null ? null : sharedSource(q);
      if (src !== null) return shared.residual(e.mix, q as Dist, src.m, src.mix, rng);
      return sampleResidual(rowOf(e), q, x, rng);
    },
  };
}

/** sum min(p, q) over two rows. */
function rowOverlap(p: Dist, q: Dist): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.min(p[i], q[i]);
  return s;
}

/**
 * A high-order model at T = 1: its mixtures kept per node (MixtureNodes), no rows. Per node it
 * also remembers sum min(p, q) and the residual's walk for the q row last asked about: a node's
 * q is the draft row its last token brings, so both recur.
 */
function nodeModel(m: KneserNey): Model {
  const size = m.vocabSize;
  const nodes = new MixtureNodes(m);
  const overlaps = new MixtureOverlap(m);
  const shared = new SharedBase(m);
  const sharedSource = sharedSourceOf(m);
  // Per slot: the q row last asked about and the answer (overlap, residual walk).
  const ovQ: (Dist | null)[] = [];
  const ov: number[] = [];
  const resQ: (Dist | null)[] = [];
  const res: (ResidualWalk | null)[] = [];
  /** Grows the per-slot memos to cover slot s (slots are handed out in order). */
  const cover = (s: number) => {
    while (ovQ.length <= s) {
      ovQ.push(null);
      ov.push(0);
      resQ.push(null);
      res.push(null);
    }
  };
  const rowAt = (s: number) => mixtureRow(m, nodes.mixture(s));
  return {
    vocabSize: size,
    dist: (ctx, len) => rowAt(nodes.slot(ctx, len)),
    prob: (ctx, len, x) => nodes.prob(nodes.slot(ctx, len), x),
    draw: (ctx, len, rng) => mixtureDraw(m, nodes.mixture(nodes.slot(ctx, len)), rng),
    // A high-order draft keeps no rows: short ones are scanned, long ones drawn from the
    // mixture (the draft proposer's rule before this method existed).
    drawWithRow(ctx, len, rng, rows) {
      const mix = nodes.mixture(nodes.slot(ctx, len));
      const row = mixtureRow(m, mix);
      rows.push(row);
      return row.length > SCAN_MAX ? mixtureDraw(m, mix, rng) : sample(row, rng);
    },
    overlap(ctx, len, q) {
      const s = nodes.slot(ctx, len);
      cover(s);
      if (ovQ[s] === q) return ov[s];
      // A one-off q (another model's fresh array): the plain sum over p's row.
      if (!isRecurring(q)) return rowOverlap(rowAt(s), q);
      const v = overlaps.overlap(nodes.mixture(s), q);
      ovQ[s] = q;
      ov[s] = v;
      return v;
    },
    residual(ctx, len, q, x, rng) {
      const s = nodes.slot(ctx, len);
      cover(s);
      // The walk laid out for this q row before (only shared-base rows get one).
      let w = res[s];
      if (q !== null && resQ[s] === q && w !== null) return walkDraw(m, nodes.mixture(s), w, rng);
      // A q row of a KN model over the same base: the sparse walk; anything else: the row.
      const src = q === null ? null : sharedSource(q);
      if (src === null) return sampleResidual(rowAt(s), q, x, rng);
      w = shared.walk(nodes.mixture(s), q as Dist, src.m, src.mix);
      res[s] = w;
      resQ[s] = q;
      return walkDraw(m, nodes.mixture(s), w, rng);
    },
  };
}
