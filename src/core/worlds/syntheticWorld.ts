import { argmax, fillResidualCdf, overlap, residualDraw, sampleResidual, shapeDist } from '../dist';
import { fmix, hashString, mix, toUnit } from '../hash';
import type { Notice } from '../notices';
import { SamplerRows } from '../rowSampler';
import { VocabBuilder, wordTokenizer } from '../tokenizer';
import type { Dist, Model, Rng, TokenId, World } from '../types';

/** Distinct target distributions the world draws from (context picks one by hash). */
const BANK = 512;
/** BANK is a power of two: index by mask (int32 arithmetic, no modulo on doubles). */
const BANK_MASK = BANK - 1;
/**
 * The prompt's token ids in the bank's vocabulary (a default prompt for ''), and notes on
 * words that are not in it (dropped).
 */
export function syntheticPrompt(bank: SyntheticBank, promptText: string): { prompt: TokenId[]; notes: Notice[] } {
  const { vocab } = bank;
  const words = wordTokenizer.split(promptText === '' ? `${tokenName(1)} ${tokenName(7)} ${tokenName(12)}` : promptText);
  const unknown = words.filter((w) => !vocab.ids.has(w));
  const prompt = words.filter((w) => vocab.ids.has(w)).map((w) => vocab.ids.get(w) as TokenId);
  const notes = [...bank.notes];
  if (unknown.length > 0) notes.push({ code: 'promptDropped', tokens: unknown.slice(0, 5).join(' ') });
  return { prompt, notes };
}

/** Spread of the logits: larger is peakier. */
const LOGIT_SCALE = 2.5;
/** How many previous tokens (besides the position) a context's hash reads. */
const HASH_WINDOW = 4;

interface Entry {
  p: Dist;
  /** Drafts of MTP heads 1.. (head 0 uses q): overlap alpha * decay^i. */
  heads: Dist[];
  /** Draft at T > 0: sum min(p, q) = alpha exactly. At T = 0: the right point mass. */
  q: Dist;
  /** T = 0 only: the draft's point mass when it is wrong (the target's second choice). */
  qWrong: Dist;
  overlap: number;
}

/** Token names: pronounceable syllables (ba, be, ...), then pairs of them. */
function tokenName(i: number): string {
  const cons = 'bdfgklmnprstvz';
  const vow = 'aeiou';
  const syl = (k: number) => cons[Math.floor(k / vow.length) % cons.length] + vow[k % vow.length];
  const n = cons.length * vow.length;
  return i < n ? syl(i) : syl(Math.floor(i / n) - 1) + syl(i % n);
}

/** A deterministic standard normal from two hashes (Box-Muller). */
function hashNormal(seed: number, i: number): number {
  const u1 = (fmix(mix(seed, 2 * i)) + 1) / 4294967297;
  const u2 = toUnit(fmix(mix(seed, 2 * i + 1)));
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Builds q from p so that sum_x min(p, q) = alpha exactly: one token x* with p(x*) <= alpha
 * takes the surplus (q(x*) = p(x*) + 1 - alpha), every other token is scaled down.
 * If every token has p > alpha, the overlap is min p instead (returned).
 */
function draftFor(p: Dist, alpha: number, h: number): { q: Dist; overlap: number } {
  if (alpha >= 1) return { q: p, overlap: 1 };
  const eligible: TokenId[] = [];
  for (let i = 0; i < p.length; i++) if (p[i] <= alpha) eligible.push(i);
  let star: TokenId;
  if (eligible.length > 0) star = eligible[fmix(h) % eligible.length];
  else {
    star = 0;
    for (let i = 1; i < p.length; i++) if (p[i] < p[star]) star = i;
  }
  const ps = p[star];
  const a = Math.max(alpha, ps);
  const q = new Float64Array(p.length);
  const scale = ps < 1 ? (a - ps) / (1 - ps) : 0;
  for (let i = 0; i < p.length; i++) q[i] = p[i] * scale;
  q[star] = ps + 1 - a;
  return { q, overlap: a };
}

/**
 * The bank's rows stored flat, entry b's row at [b V, (b + 1) V) of one array per kind (p, q,
 * qWrong); the rows handed out (entries' p, q, qWrong) are views of them, so a row's entry is
 * its byte offset over V * 8 (rowIndex). Draws read flat guide tables (SamplerRows) and sums
 * min(p, q) and residual running sums are kept per entry, each built on first use; all give
 * exactly what the plain functions give for the same rows (the same terms in the same order).
 */
class BankRows {
  readonly rowBytes: number;
  /** Guide-table samplers of the p, q and qWrong rows (one where the rows are the same). */
  private readonly pS: SamplerRows;
  private readonly qS: SamplerRows;
  private readonly qWrongS: SamplerRows;
  /** overlap(p, q) and overlap(p, qWrong) per entry (NaN: not yet summed). */
  private readonly ovQ: Float64Array;
  private readonly ovQWrong: Float64Array;
  /** The residual norm(max(0, p - q))'s running sum per entry (fillResidualCdf) and its last
   * id with mass; built on the entry's first rejection. */
  private resCdf = new Float64Array(0);
  private readonly resLast: Int32Array;
  private readonly resBuilt: Uint8Array;
  constructor(
    readonly V: number,
    readonly p: readonly Dist[],
    /** The same array as p where q is p (T = 0), the same as q where qWrong is q (T > 0). */
    readonly q: readonly Dist[],
    readonly qWrong: readonly Dist[],
  ) {
    this.rowBytes = V * Float64Array.BYTES_PER_ELEMENT;
    this.pS = new SamplerRows(p, V);
    this.qS = q === p ? this.pS : new SamplerRows(q, V);
    this.qWrongS = qWrong === q ? this.qS : new SamplerRows(qWrong, V);
    const n = p.length;
    this.ovQ = new Float64Array(n).fill(Number.NaN);
    this.ovQWrong = new Float64Array(n).fill(Number.NaN);
    this.resLast = new Int32Array(n);
    this.resBuilt = new Uint8Array(n);
  }
  /** The entry whose p is `row` (one of the views handed out), else -1. */
  rowIndex(row: Dist): number {
    const b = (row.byteOffset / this.rowBytes) | 0;
    return b < this.p.length && this.p[b] === row ? b : -1;
  }
  /** The token sample(p_b) draws with uniform u. */
  drawP(b: number, u: number): TokenId {
    return this.pS.draw(b, u);
  }
  /** The token sample(q_b) draws with uniform u. */
  drawQ(b: number, u: number): TokenId {
    return this.qS.draw(b, u);
  }
  /** The token sample(qWrong_b) draws with uniform u. */
  drawQWrong(b: number, u: number): TokenId {
    return this.qWrongS.draw(b, u);
  }
  /** overlap(p_b, q) where q is entry b's q or qWrong row, else undefined. */
  knownOverlap(b: number, q: Dist): number | undefined {
    if (q === this.q[b]) {
      let ov = this.ovQ[b];
      if (Number.isNaN(ov)) this.ovQ[b] = ov = overlap(this.p[b], q);
      return ov;
    }
    if (q === this.qWrong[b]) {
      let ov = this.ovQWrong[b];
      if (Number.isNaN(ov)) this.ovQWrong[b] = ov = overlap(this.p[b], q);
      return ov;
    }
    return undefined;
  }
  /** The token sampleResidual(p_b, q, x, rng) draws: for entry b's own q from its kept
   * residual running sum (residualDraw), else by sampleResidual itself. */
  residual(b: number, q: Dist | null, x: TokenId, rng: Rng): TokenId {
    const p = this.p[b];
    if (q === null || q !== this.q[b] || q === p) return sampleResidual(p, q, x, rng);
    const off = b * this.V;
    if (this.resCdf.length === 0) this.resCdf = new Float64Array(this.p.length * this.V);
    if (this.resBuilt[b] === 0) {
      this.resLast[b] = fillResidualCdf(p, q, this.resCdf, off);
      this.resBuilt[b] = 1;
    }
    return residualDraw(p, this.resCdf, off, this.resLast[b], rng);
  }
}

/** The parts shared by every run: the bank of distributions for one setting. */
export interface SyntheticBank {
  readonly entries: readonly Entry[];
  /** The entries' rows, flat (the entries' rows are views of them). */
  readonly rows: BankRows;
  readonly vocab: VocabBuilder;
  readonly vocabSize: number;
  readonly greedy: boolean;
  readonly alpha: number;
  /** Acceptance of MTP head i (head 0 is the draft itself). */
  readonly headAlphas: readonly number[];
  readonly notes: readonly Notice[];
}

/** Builds the bank: BANK target distributions at (temperature, topP), each with its draft. */
export function syntheticBank(
  vocabSize: number,
  alpha: number,
  temperature: number,
  topP: number,
  seed: number,
  headAlphas: readonly number[] = [],
): SyntheticBank {
  const entries: Entry[] = [];
  let clamped = 0;
  const V = vocabSize;
  const greedy = temperature <= 0;
  // Rows live in flat arrays (BankRows); each entry's rows are views of them.
  const flat = () => new Float64Array(BANK * V);
  const pFlat = flat();
  const qFlat = greedy ? pFlat : flat();
  const qWrongFlat = greedy ? flat() : qFlat;
  const view = (a: Float64Array, b: number, row: Float64Array): Dist => {
    const v = a.subarray(b * V, (b + 1) * V);
    v.set(row);
    return v;
  };
  for (let b = 0; b < BANK; b++) {
    const hb = mix(seed, b);
    const logits = new Float64Array(vocabSize);
    let m = -Infinity;
    for (let i = 0; i < vocabSize; i++) {
      logits[i] = LOGIT_SCALE * hashNormal(hb, i);
      if (logits[i] > m) m = logits[i];
    }
    for (let i = 0; i < vocabSize; i++) logits[i] = Math.exp(logits[i] - m);
    const p = view(pFlat, b, shapeDist(logits, temperature, topP));
    if (temperature <= 0) {
      const top = argmax(p);
      let second = top === 0 ? 1 : 0;
      for (let i = 0; i < vocabSize; i++) if (i !== top && logits[i] > logits[second]) second = i;
      const qWrong = qWrongFlat.subarray(b * V, (b + 1) * V);
      qWrong[second] = 1;
      entries.push({ p, q: p, qWrong, overlap: 1, heads: [] });
    } else {
      const { q, overlap } = draftFor(p, alpha, mix(hb, 0x51ed));
      if (overlap > alpha + 1e-12) clamped++;
      const heads = headAlphas.map((a, i) => draftFor(p, a, mix(hb, 0x51ed + i + 1)).q);
      const qv = view(qFlat, b, q);
      entries.push({ p, q: qv, qWrong: qv, overlap, heads });
    }
  }
  const notes: Notice[] = clamped > 0 ? [{ code: 'alphaClamped', alpha, count: clamped, total: BANK }] : [];
  const vocab = new VocabBuilder();
  for (let i = 0; i < vocabSize; i++) vocab.add(tokenName(i));
  const pRows = entries.map((e) => e.p);
  const qRows = greedy ? pRows : entries.map((e) => e.q);
  const rows = new BankRows(V, pRows, qRows, greedy ? entries.map((e) => e.qWrong) : qRows);
  return { entries, rows, vocab, vocabSize, greedy, alpha, headAlphas, notes };
}

/**
 * A synthetic world over a bank: the context (its position and last tokens, salted by the run)
 * picks a bank entry by hash, and at T = 0 a second hash decides whether the draft's point mass
 * is right (probability alpha) or on the target's second choice.
 */
export function syntheticWorld(bank: SyntheticBank, runSeed: string, prompt: readonly TokenId[], notes: readonly Notice[]): World {
  const { vocab } = bank;
  const salt = hashString(runSeed);
  const { entries, alpha, greedy, rows } = bank;
  const hashOf = (ctx: readonly TokenId[], len: number): number => {
    let h = mix(salt, len);
    for (let i = Math.max(0, len - HASH_WINDOW); i < len; i++) h = mix(h, ctx[i]);
    return h;
  };
  const entryOf = (ctx: readonly TokenId[], len: number): number => fmix(hashOf(ctx, len)) & BANK_MASK;
  // Draws through flat guide tables (rowSampler.ts): the token sample(row) gives for the same
  // uniform, usually from one read of the guide.
  // No prob / overlap fast paths by context: a row here costs one hash, and verification reads
  // a row's p(x) and sum min(p, q) from the same (cached) row; routing them through the context
  // again (even with a memo of recent contexts) measured slower. The row's own fast paths
  // (rowOverlap, rowResidual) find its entry from the row itself.
  const target: Model = {
    vocabSize: bank.vocabSize,
    dist: (ctx, len) => rows.p[entryOf(ctx, len)],
    draw: (ctx, len, rng) => rows.drawP(entryOf(ctx, len), rng.next()),
    // After a rejection: the residual of the draft's own row from its running sum (the token
    // sampleResidual gives, without two passes over p and q).
    residual: (ctx, len, q, x, rng) => rows.residual(entryOf(ctx, len), q, x, rng),
    rowOverlap: (row, q) => {
      const b = rows.rowIndex(row);
      return b < 0 ? undefined : rows.knownOverlap(b, q);
    },
    rowResidual: (row, q, x, rng) => {
      const b = rows.rowIndex(row);
      return b < 0 ? sampleResidual(row, q, x, rng) : rows.residual(b, q, x, rng);
    },
  };
  const draftWrong = (h: number) => greedy && !(toUnit(fmix(h ^ 0x5bd1e995)) < alpha);
  // The draft's token for the context (its row appended to `out`): one hash for both.
  const drawWithRow = (ctx: readonly TokenId[], len: number, rng: Rng, out: Dist[]): TokenId => {
    const h = hashOf(ctx, len);
    const b = fmix(h) & BANK_MASK;
    if (draftWrong(h)) {
      out.push(rows.qWrong[b]);
      return rows.drawQWrong(b, rng.next());
    }
    out.push(rows.q[b]);
    return rows.drawQ(b, rng.next());
  };
  const draft: Model = {
    vocabSize: bank.vocabSize,
    dist: (ctx, len) => {
      const h = hashOf(ctx, len);
      const b = fmix(h) & BANK_MASK;
      return draftWrong(h) ? rows.qWrong[b] : rows.q[b];
    },
    draw: (ctx, len, rng) => {
      const h = hashOf(ctx, len);
      const b = fmix(h) & BANK_MASK;
      return draftWrong(h) ? rows.drawQWrong(b, rng.next()) : rows.drawQ(b, rng.next());
    },
    drawWithRow: (ctx, len, rng, out) => drawWithRow(ctx, len, rng, out),
    // drawWithRow over a chain, in one loop.
    drawChain: (ctx, len, count, rng, out, stop) => {
      for (let i = 0; i < count; i++) {
        const x = drawWithRow(ctx, len + i, rng, out);
        ctx[len + i] = x;
        if (x === stop) return i + 1;
      }
      return count;
    },
  };
  // The k-th drafter's distribution for the context hashed to h: its own acceptance
  // alpha * decay^k; at T = 0 right with that probability.
  const drafterAt = (k: number, h: number): Dist => {
    const e = entries[fmix(h) & BANK_MASK];
    const a = bank.headAlphas[k] ?? alpha;
    if (greedy) return toUnit(fmix(h ^ 0x5bd1e995)) < a ? e.q : e.qWrong;
    return k === 0 || e.heads.length === 0 ? e.q : e.heads[k];
  };
  // MTP module k (chained): drafts position len from the context that holds the k drafts before it.
  const mtpModules = (module: number, ctx: readonly TokenId[], len: number): Dist => drafterAt(module, hashOf(ctx, len));
  // Medusa head i (parallel): sees only ctx[0..len), so it drafts position len + i for the
  // context its earlier heads' argmax guesses would make, not for the tokens actually drafted.
  const medusaHeads = (head: number, ctx: readonly TokenId[], len: number): Dist => {
    const guesses: TokenId[] = [];
    const at = (i: number): TokenId => (i < len ? ctx[i] : guesses[i - len]);
    const hashAt = (pos: number): number => {
      let h = mix(salt, pos);
      for (let i = Math.max(0, pos - HASH_WINDOW); i < pos; i++) h = mix(h, at(i));
      return h;
    };
    for (let j = 0; j < head; j++) guesses.push(argmax(drafterAt(j, hashAt(len + j))));
    return drafterAt(head, hashAt(len + head));
  };
  return {
    kind: 'synthetic',
    vocab,
    tokenizer: wordTokenizer,
    target,
    draft,
    medusaHeads,
    mtpModules,
    history: [],
    prompt,
    eos: null,
    maxNewTokens: Infinity,
    notes,
  };
}
