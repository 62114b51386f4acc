import { sample, sampleResidual, shapeDist } from '../dist';
import { contextKey } from '../ngram/counts';
import { fillMixture, type KneserNey, type KnMixture, newMixture } from '../ngram/kneserNey';
import { mixtureDraw, mixtureProb, mixtureRow } from '../ngram/mixture';
import { isRecurring, MixtureOverlap, registerRow, rowSource } from '../ngram/mixtureOverlap';
import { SharedBase, sameBase } from '../ngram/mixtureResidual';
import { type RowSampler, rowSampler, samplerDraw } from '../rowSampler';
import type { Dist, Model, TokenId } from '../types';

/** What the model keeps per context: the KN mixture (small) and, where kept, the row. */
interface Entry {
  readonly mix: KnMixture;
  row: Dist | undefined;
  /** The last q row overlap() was asked about and its answer (prob and overlap read the same
   * context within a step, and contexts recur across trials). */
  ovQ: Dist | null;
  ov: number;
  /** The row's running sum and guide table, for draws (low-order models). */
  sampler: RowSampler | undefined;
}

/** Contexts remembered before the cache is dropped (each holds a few references). */
const MAX_ENTRIES = 1 << 16;
/** Slots of the direct-mapped context table (a prime, so every digit of the key counts). */
const SLOTS = 4093;
/** A row kept by no one is drawn by a linear scan up to this length (as the draft proposer
 * draws without drawWithRow). */
const SCAN_MAX = 64;
/** Floats of whole rows the cache may hold (32 MB) before it is dropped. */
const MAX_ROW_FLOATS = 1 << 22;

/**
 * A Model over a trained KN model, shaped by temperature / top-p, cached by its last order-1
 * tokens.
 *
 * At T = 1 without top-p (the default) the distribution is the KN mixture itself and the model
 * has fast paths. A high-order model (the target) answers p(x), draws and sum min(p, q) from
 * the mixture in O(order) (a draw in O(log V * order)) and does not keep rows: most of a run's
 * contexts are new, so a row would be built once and thrown away. A model of order <= 2 (the
 * draft) has at most V + 1 contexts: it keeps every row and draws by binary search in the
 * row's running sum through a guide table (the same token as `sample(row)`).
 *
 * Temperature or top-p reshape the whole row, so there the model has no fast paths and every
 * answer reads the (cached) shaped row.
 */
export function ngramModel(m: KneserNey, temperature: number, topP: number): Model {
  const span = m.order - 1;
  const size = m.vocabSize;
  const raw = temperature === 1 && topP >= 1;
  const keepRows = !raw || span <= 1;
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
  // A model that keeps no rows sees mostly new contexts, each read two or three times within
  // a step: a small direct-mapped table (slot = key mod a prime) instead of a growing Map.
  const direct = numeric && !keepRows;
  const slotKeys = new Float64Array(SLOTS).fill(-1);
  const slots: (Entry | undefined)[] = new Array(SLOTS);
  // Few contexts (a bigram or unigram model: at most V + 1): a table indexed by the key.
  const small = numeric && size ** span <= 1 << 16 ? new Array<Entry | undefined>(size ** span) : null;
  const fresh = (ctx: readonly TokenId[], len: number): Entry => ({
    mix: fillMixture(m, ctx, len, newMixture(m)),
    row: undefined,
    sampler: undefined,
    ovQ: null,
    ov: 0,
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
    if (direct) {
      const slot = (key as number) % SLOTS;
      let e = slots[slot];
      if (slotKeys[slot] === key && e !== undefined) return e;
      // The slot's entry is refilled in place (no row is kept here, and no caller holds an
      // entry past its call): no allocation per new context.
      slotKeys[slot] = key as number;
      if (e === undefined) {
        e = fresh(ctx, len);
        slots[slot] = e;
      } else {
        fillMixture(m, ctx, len, e.mix);
        e.ovQ = null;
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
    if (keepRows) {
      e.row = row;
      rowFloats += size;
      // Kept rows recur (as q rows of a draft): worth an overlap envelope each; unshaped, they
      // also carry the mixture they came from (the residual's sparse walk reads it).
      registerRow(row, raw ? { m, mix: e.mix } : null);
    }
    return row;
  };
  const dist = (ctx: readonly TokenId[], len: number) => rowOf(entry(ctx, len));
  if (!raw) return { vocabSize: size, dist };
  const overlaps = new MixtureOverlap(m);
  const shared = new SharedBase(m);
  // The draft's rows over the same base: their mixture (the sparse paths), else null.
  const sharedSource = (q: Dist) => {
    const src = rowSource(q);
    return src && sameBase(m, src.m) ? src : null;
  };
  return {
    vocabSize: size,
    dist,
    prob: (ctx, len, x) => mixtureProb(m, entry(ctx, len).mix, x),
    draw: keepRows
      ? (ctx, len, rng) => {
          const e = entry(ctx, len);
          const row = rowOf(e);
          if (e.sampler === undefined) e.sampler = rowSampler(row);
          return samplerDraw(e.sampler, rng);
        }
      : (ctx, len, rng) => mixtureDraw(m, entry(ctx, len).mix, rng),
    // The draft's step: one context lookup for the token and the row it came from.
    drawWithRow(ctx, len, rng, rows) {
      const e = entry(ctx, len);
      const row = rowOf(e);
      rows.push(row);
      // A high-order draft keeps no rows: short ones are scanned, long ones drawn from the
      // mixture (the draft proposer's rule before this method existed).
      if (!keepRows) return row.length > SCAN_MAX ? mixtureDraw(m, e.mix, rng) : sample(row, rng);
      if (e.sampler === undefined) e.sampler = rowSampler(row);
      return samplerDraw(e.sampler, rng);
    },
    overlap(ctx, len, q) {
      const e = entry(ctx, len);
      if (isRecurring(q)) {
        if (e.ovQ !== q) {
          e.ov = overlaps.overlap(e.mix, q);
          e.ovQ = q;
        }
        return e.ov;
      }
      // A one-off q (another model's fresh array): the plain sum over p's row.
      const p = rowOf(e);
      let s = 0;
      for (let i = 0; i < p.length; i++) s += Math.min(p[i], q[i]);
      return s;
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
