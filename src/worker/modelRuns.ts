import { type LosslessResult, losslessVerdict, runStepsAsync, type SimParams, type StepEvent } from '../core';
import { type ModelSession, realSetup } from '../real/engine';

/** Runs on a loaded pair for the model worker: one generation in batches, the prompt prefill, the lossless check. */

/** Prefills the prompt into both caches, so that no lane's clock includes the prefill. */
export async function prefillPrompt(session: ModelSession): Promise<void> {
  const n = session.world.prompt.length;
  await session.target.logits(session.world.prompt, n, n);
  if (session.draft) await session.draft.logits(session.world.prompt, n, n);
}

/**
 * One generation on the session, its events handed to `each` in batches at most every
 * `everyMs` ms (the page renders each batch) and the last batch with done = true. Resolves to
 * every event, or null when `live()` turns false (checked between two steps).
 */
export async function driveRun(
  session: ModelSession,
  params: SimParams,
  withDetail: boolean,
  live: () => boolean,
  clock: () => number,
  everyMs: number,
  each: (batch: StepEvent[], done: boolean) => undefined | Promise<void>,
): Promise<StepEvent[] | null> {
  const all: StepEvent[] = [];
  let batch: StepEvent[] = [];
  let last = clock();
  const it = runStepsAsync(realSetup(session, params), `${params.seed}`, withDetail, () => !live());
  for (;;) {
    const r = await it.next();
    if (!live()) return null;
    if (r.done) {
      each(batch, true);
      return all;
    }
    all.push(r.value);
    batch.push(r.value);
    if (clock() - last >= everyMs) {
      const b = batch;
      batch = [];
      // The caller may hold the next forward back until the page has drawn this batch.
      await each(b, false);
      if (!live()) return null;
      last = clock();
    }
  }
}

/**
 * The lossless check on a real pair: `samples` sequences of `length` tokens with speculation
 * (seeds `${seed}/spec/i`, the acceptance rule as given) and as many from the target alone
 * (`${seed}/target/i`), tested for homogeneity by the core (losslessVerdict, as for simulated
 * worlds). Every run reuses the session's KV caches (cropped to the prompt). Resolves to null
 * when `live()` turns false (cancelled or superseded) between two forwards.
 */
export async function losslessOnPair(
  session: ModelSession,
  params: SimParams,
  samples: number,
  length: number,
  live: () => boolean,
  onProgress: (done: number) => void,
): Promise<LosslessResult | null> {
  const vocab = session.world.vocab.tokens;
  const spec = new Map<string, number>();
  const target = new Map<string, number>();
  let drafted = 0;
  let rejections = 0;
  const p = { ...params, length };
  const tally = async (q: SimParams, seed: string, into: Map<string, number>): Promise<boolean> => {
    const it = runStepsAsync(realSetup(session, q), seed, false, () => !live());
    const tokens: string[] = [];
    for (;;) {
      const r = await it.next();
      if (!live()) return false;
      if (r.done) break;
      for (const e of r.value.emitted) tokens.push(vocab[e]);
      drafted += r.value.drafted.length;
      rejections += r.value.verdicts.includes('rejected') ? 1 : 0;
    }
    const key = JSON.stringify(tokens.slice(0, length));
    into.set(key, (into.get(key) ?? 0) + 1);
    return true;
  };
  for (let i = 0; i < samples; i++) {
    if (!(await tally(p, `${params.seed}/spec/${i}`, spec))) return null;
    if (!(await tally({ ...p, method: 'autoregressive' }, `${params.seed}/target/${i}`, target))) return null;
    onProgress(i + 1);
  }
  return losslessVerdict(spec, target, samples, length, drafted, rejections);
}
