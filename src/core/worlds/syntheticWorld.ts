import { argmax, type ResidualCdf, residualCdf, residualDraw, sampleResidual, shapeDist } from '../dist';
import { fmix, hashString, mix, toUnit } from '../hash';
import type { Notice } from '../notices';
import { type RowSampler, rowSampler, samplerDraw } from '../rowSampler';
import { VocabBuilder, wordTokenizer } from '../tokenizer';
import type { Dist, Model, TokenId, World } from '../types';

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
  /** Guide-table samplers of p, q and qWrong, built on the first draw (the token sample
   * gives for the same uniform, usually from one read of the guide). */
  pSampler: RowSampler | undefined;
  qSampler: RowSampler | undefined;
  qWrongSampler: RowSampler | undefined;
  /** Running sum of the residual norm(max(0, p - q)) (built on the first rejection). */
  resQ: ResidualCdf | undefined;
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

/** The entry's guide-table samplers, each built on its first draw. */
function pSampler(e: Entry): RowSampler {
  if (e.pSampler === undefined) e.pSampler = rowSampler(e.p);
  return e.pSampler;
}
function qSampler(e: Entry): RowSampler {
  if (e.qSampler === undefined) e.qSampler = e.q === e.p ? pSampler(e) : rowSampler(e.q);
  return e.qSampler;
}
function qWrongSampler(e: Entry): RowSampler {
  if (e.qWrongSampler === undefined) e.qWrongSampler = e.qWrong === e.q ? qSampler(e) : rowSampler(e.qWrong);
  return e.qWrongSampler;
}

/** The parts shared by every run: the bank of distributions for one setting. */
export interface SyntheticBank {
  readonly entries: readonly Entry[];
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
  for (let b = 0; b < BANK; b++) {
    const hb = mix(seed, b);
    const logits = new Float64Array(vocabSize);
    let m = -Infinity;
    for (let i = 0; i < vocabSize; i++) {
      logits[i] = LOGIT_SCALE * hashNormal(hb, i);
      if (logits[i] > m) m = logits[i];
    }
    for (let i = 0; i < vocabSize; i++) logits[i] = Math.exp(logits[i] - m);
    const p = shapeDist(logits, temperature, topP);
    if (temperature <= 0) {
      const top = argmax(p);
      let second = top === 0 ? 1 : 0;
      for (let i = 0; i < vocabSize; i++) if (i !== top && logits[i] > logits[second]) second = i;
      const qWrong = new Float64Array(vocabSize);
      qWrong[second] = 1;
      entries.push({ p, q: p, qWrong, overlap: 1, heads: [], pSampler: undefined, qSampler: undefined, qWrongSampler: undefined, resQ: undefined });
    } else {
      const { q, overlap } = draftFor(p, alpha, mix(hb, 0x51ed));
      if (overlap > alpha + 1e-12) clamped++;
      const heads = headAlphas.map((a, i) => draftFor(p, a, mix(hb, 0x51ed + i + 1)).q);
      entries.push({ p, q, qWrong: q, overlap, heads, pSampler: undefined, qSampler: undefined, qWrongSampler: undefined, resQ: undefined });
    }
  }
  const notes: Notice[] = clamped > 0 ? [{ code: 'alphaClamped', alpha, count: clamped, total: BANK }] : [];
  const vocab = new VocabBuilder();
  for (let i = 0; i < vocabSize; i++) vocab.add(tokenName(i));
  return { entries, vocab, vocabSize, greedy: temperature <= 0, alpha, headAlphas, notes };
}

/**
 * A synthetic world over a bank: the context (its position and last tokens, salted by the run)
 * picks a bank entry by hash, and at T = 0 a second hash decides whether the draft's point mass
 * is right (probability alpha) or on the target's second choice.
 */
export function syntheticWorld(bank: SyntheticBank, runSeed: string, prompt: readonly TokenId[], notes: readonly Notice[]): World {
  const { vocab } = bank;
  const salt = hashString(runSeed);
  const { entries, alpha, greedy } = bank;
  const hashOf = (ctx: readonly TokenId[], len: number): number => {
    let h = mix(salt, len);
    for (let i = Math.max(0, len - HASH_WINDOW); i < len; i++) h = mix(h, ctx[i]);
    return h;
  };
  const entryOf = (ctx: readonly TokenId[], len: number) => entries[fmix(hashOf(ctx, len)) & BANK_MASK];
  // Draws through the entry's guide table (rowSampler.ts): the token sample(row) gives for
  // the same uniform, usually from one read of the guide.
  // No prob / overlap fast paths: a row here costs one hash, and verification reads a row's
  // p(x) and sum min(p, q) from the same (cached) row; routing them through the context again
  // (even with a memo of recent contexts) measured slower.
  const target: Model = {
    vocabSize: bank.vocabSize,
    dist: (ctx, len) => entryOf(ctx, len).p,
    draw: (ctx, len, rng) => samplerDraw(pSampler(entryOf(ctx, len)), rng),
    // After a rejection: the residual of the draft's own row from its running sum (the token
    // sampleResidual gives, without two passes over p and q).
    residual: (ctx, len, q, x, rng) => {
      const e = entryOf(ctx, len);
      if (q !== e.q || q === e.p) return sampleResidual(e.p, q, x, rng);
      if (e.resQ === undefined) e.resQ = residualCdf(e.p, e.q);
      return residualDraw(e.p, e.resQ, rng);
    },
  };
  const draftWrong = (h: number) => greedy && !(toUnit(fmix(h ^ 0x5bd1e995)) < alpha);
  const draft: Model = {
    vocabSize: bank.vocabSize,
    dist: (ctx, len) => {
      const h = hashOf(ctx, len);
      const e = entries[fmix(h) & BANK_MASK];
      return draftWrong(h) ? e.qWrong : e.q;
    },
    draw: (ctx, len, rng) => {
      const h = hashOf(ctx, len);
      const e = entries[fmix(h) & BANK_MASK];
      return samplerDraw(draftWrong(h) ? qWrongSampler(e) : qSampler(e), rng);
    },
    drawWithRow: (ctx, len, rng, rows) => {
      const h = hashOf(ctx, len);
      const e = entries[fmix(h) & BANK_MASK];
      if (draftWrong(h)) {
        rows.push(e.qWrong);
        return samplerDraw(qWrongSampler(e), rng);
      }
      rows.push(e.q);
      return samplerDraw(qSampler(e), rng);
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
