import type { LogitModel } from '../core/engine/asyncStep';
import type { CausalLm } from './types';

/** Largest difference between cached and recomputed logits still taken as float rounding. */
export const CACHE_TOLERANCE = 1e-3;

/** What the cache check found; `fallback` means every forward now recomputes without a cache. */
export interface CacheCheck {
  readonly maxDiff: number;
  readonly fallback: boolean;
}

/**
 * The core's LogitModel over a real model with a KV cache. It remembers which tokens its cache
 * holds; each call keeps the longest common prefix with the new context, crops the rest (the
 * rejected drafts) and runs one forward over what is new: for the target, the last committed
 * token(s) and the drafts; for the draft model, one token per drafted position.
 * The first multi-row call (the first verify) is checked against a full recompute: if they
 * differ beyond CACHE_TOLERANCE, the model falls back to recomputing without a cache, and
 * `onCheck` says so.
 */
export function cachedLogitModel(lm: CausalLm, onCheck?: (c: CacheCheck) => void): LogitModel & { readonly check: CacheCheck | null } {
  let cached: number[] = [];
  let check: CacheCheck | null = null;
  let recomputeAll = false;
  return {
    vocabSize: lm.vocabSize,
    get check() {
      return check;
    },
    async logits(ctx, from, to) {
      // Row j (from..to) is the distribution after ctx[0..j): the logits at input position j - 1.
      if (from < 1) throw new Error('a model needs at least one token of context');
      const seq = ctx.slice(0, to);
      if (recomputeAll) {
        const t0 = now();
        const all = await lm.recompute(seq);
        return { rows: all.slice(from - 1, to), wallMs: now() - t0 };
      }
      let common = 0;
      const limit = Math.min(cached.length, to);
      while (common < limit && cached[common] === seq[common]) common++;
      // Re-feed at least the token before the first wanted row, so its logits come out; the
      // adapter crops its cache to `start` and prefills long prompts in chunks.
      const start = Math.min(common, from - 1);
      const out = await lm.forward(seq.slice(start, to), start, to - from + 1);
      const rows = out.logits;
      const wallMs = out.ms;
      cached = seq;
      if (check === null && to > from) {
        check = await compare(lm, seq, from, rows);
        onCheck?.(check);
        if (check.fallback) recomputeAll = true;
      }
      return { rows, wallMs };
    },
  };
}

async function compare(lm: CausalLm, seq: number[], from: number, rows: Float32Array[]): Promise<CacheCheck> {
  const full = await lm.recompute(seq);
  let maxDiff = 0;
  for (let r = 0; r < rows.length; r++) {
    const a = rows[r];
    const b = full[from - 1 + r];
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
  }
  return { maxDiff, fallback: !(maxDiff <= CACHE_TOLERANCE) };
}

/** Wall clock in ms (this file runs in the worker or Node, never in the pure core). */
const now = () => performance.now();
