/**
 * Example prompts where the methods differ: editing code (the answer copies most of the prompt:
 * n-gram lookup and suffix decoding shine), summarising a passage given in the prompt (partly
 * copied), and free chat (nothing to copy: only the draft model helps).
 */
export const EXAMPLE_PROMPTS = {
  code: `Rename the variable \`total\` to \`sum\` in this function and return the whole function:

def average(values):
    total = 0
    for v in values:
        total += v
    if len(values) == 0:
        return 0
    return total / len(values)`,
  summary: `Summarise this passage in two sentences:

Speculative decoding speeds up text generation from a large language model without changing what it generates. A small draft model guesses several tokens ahead; the large target model then checks all of the guesses in a single forward pass, keeps the longest prefix it agrees with, and adds one token of its own. Because the check uses a rejection rule that corrects every disagreement, the output follows exactly the target model's distribution.`,
  // The engine's own default prompt (src/real/engine.ts), so an empty prompt reads the same.
  chat: 'Write a short story about a robot who learns to paint.',
} as const;

export type ExampleName = keyof typeof EXAMPLE_PROMPTS;
