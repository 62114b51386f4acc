import { SEED_TARGET_TEXT, SIMILAR_CHARS } from '../corpora/seed';
import { pointMass } from '../dist';
import { charTokenizer, VocabBuilder } from '../tokenizer';
import type { Dist, Model, World } from '../types';

/**
 * The notebook's section 1: the target always continues the fixed text (point masses), then
 * ends; the draft copies the right character with probability `accuracy`, otherwise picks
 * uniformly from the similar-character list (which contains the right one), so
 * q(correct) = accuracy + (1 - accuracy) / 3. Temperature does not apply: both are fixed.
 */
export function seedWorld(accuracy: number, promptText: string): World {
  const vocab = new VocabBuilder();
  const eos = vocab.add('</s>');
  const text = Array.from(SEED_TARGET_TEXT);
  for (const c of text) vocab.addAll(SIMILAR_CHARS[c] ?? [c]);
  const prompt = vocab.addAll(charTokenizer.split(promptText));
  const size = vocab.tokens.length;
  const promptLen = prompt.length;

  const targetDists: Dist[] = text.map((c) => pointMass(size, vocab.add(c)));
  const draftDists: Dist[] = text.map((c) => {
    const q = new Float64Array(size);
    q[vocab.add(c)] += accuracy;
    const similar = SIMILAR_CHARS[c] ?? [c];
    for (const s of similar) q[vocab.add(s)] += (1 - accuracy) / similar.length;
    return q;
  });
  const end = pointMass(size, eos);
  const at = (dists: Dist[], len: number): Dist => dists[len - promptLen] ?? end;

  const target: Model = { vocabSize: size, dist: (_ctx, len) => at(targetDists, len) };
  const draft: Model = { vocabSize: size, dist: (_ctx, len) => at(draftDists, len) };
  return {
    kind: 'seed',
    vocab,
    tokenizer: charTokenizer,
    target,
    draft,
    // The seed world is positional (the text is fixed): Medusa heads and MTP modules alike
    // behave like the notebook's draft at the position they predict.
    medusaHeads: (head, ctx, len) => draft.dist(ctx, len + head),
    mtpModules: (_module, ctx, len) => draft.dist(ctx, len),
    history: [],
    prompt,
    eos,
    maxNewTokens: text.length,
    notes: [],
  };
}
