/**
 * The tour's words in English, per lesson id ({placeholders} are filled from the lesson's vars).
 * They load with the tour, not with the page.
 */
export interface LessonText {
  title: string;
  /** What the lesson is about (one short paragraph). */
  intro: string;
  look: string;
  try: string;
  question: string;
  /** Choice questions: the label of each option id. */
  options?: Record<string, string>;
  /** Why the answer is right (after the page's own “Right.”, so it does not start with it). */
  right: string;
  /** Why a wrong answer is wrong (with the right one worked out). */
  wrong: string;
  /** The page is not where the question needs it yet: what to do. */
  notReady: string;
}

export const lessonsEn: Record<string, LessonText> = {
  notebook: {
    title: 'The notebook demo, step by step',
    intro:
      'A large target model always writes 人工智能是未来科技发展的核心驱动力。 A small draft model guesses {gamma} characters at a time: it copies the right one with probability 0.7, otherwise picks a look-alike (末 for 未). The target checks all {gamma} guesses in one forward pass.',
    look: 'The draft’s guesses appear on the stage, then each gets a verdict: ✓ kept, ✗ rejected, – discarded, ↻ the target’s own token, ★ a free bonus. The sentence above the stage explains each step.',
    try: 'Press Step (or →) until the sentence is complete, reading each explanation. The step log below lists every step.',
    question: 'How many target passes (steps) did the whole 18-character sentence take?',
    right: '{passes} passes for 18 characters. Decoding one character per pass would take 18.',
    wrong:
      'Count the rows of the step log, or read “Target passes” in the counters at the end: the sentence took {passes} passes, each adding 1 to {gamma} + 1 characters.',
    notReady: 'The run is still being computed; try again in a moment.',
  },
  rejection: {
    title: 'A rejected guess costs only its drafting',
    intro:
      'The target scores every guess in the pass it would have spent on one token anyway. At the first guess it rejects, it puts its own token there, so a pass never yields less than plain decoding. The guesses after the rejection are discarded unchecked: all they cost was the draft’s time.',
    look: 'The ✗ chip in this step and the ↻ chip that replaced it. Click the ✗ chip: the inspector shows the target’s p, the draft’s q and the u drawn against p/q. The formulas below carry this step’s numbers.',
    try: 'Step back and forth (← →) to other rejections; compare the explanation with the inspector.',
    question: 'This step drafted {k} characters and one was rejected. How many characters did this single target pass still add to the text?',
    right: '{kept} kept guesses plus the target’s own character = {answer}. Without speculation the same pass would have added 1.',
    wrong:
      'Count the ✓ chips before the ✗ ({kept}) and add the target’s replacement (↻): {kept} + 1 = {answer}. The discarded guesses add nothing but cost nothing more either.',
    notReady: 'Go to a step with a rejected (✗) chip first: the lesson opened at one; ← and → move between steps.',
  },
  bonus: {
    title: 'The bonus token',
    intro:
      'To check the last guess, the target computes its distribution for the position after it, too. When every guess survives, that distribution gives one more token for free: the bonus. So one pass emits between 1 and gamma + 1 tokens.',
    look: 'The ★ chip at the end of this step: the target’s own token after the {gamma} accepted guesses, from the same pass.',
    try: 'Step on: steps with a rejection have no bonus, the ↻ token takes its place.',
    question: 'Every guess in this step was accepted. With gamma = {gamma}, how many characters did the step emit?',
    right: '{gamma} accepted guesses + 1 bonus = {answer}, from one target pass.',
    wrong: 'Count the chips of this step: the {kept} ✓ guesses and the ★ bonus token: {kept} + 1 = {answer}.',
    notReady: 'Go to a step in which every guess is ✓ (the lesson opened at one): the question is about that step.',
  },
  lossless: {
    title: 'Lossless: the same text, faster',
    intro:
      'Speculation changes how fast text comes, not which text. In greedy mode (temperature 0) a guess is kept only if it is the target’s own top token, and at the first miss the target’s top token is used, so the output is exactly what the target alone would write.',
    look: 'The text on the stage and the counters: {passes} target passes for {tokens} tokens.',
    try: 'Set Method to “Autoregressive (no speculation)” and back: the text stays, the number of passes changes. Then set temperature to 1 and run the Lossless check below: sampled texts differ run to run, but their distribution is the same, and the check tests it (the “p ≥ q” rule fails it).',
    question: 'With greedy decoding, does switching speculation off (Autoregressive) change the generated text?',
    options: { same: 'No: the text is identical', different: 'Yes: the text changes', depends: 'Only when many guesses are rejected' },
    right: 'Every emitted token is the target’s own top token, whether it arrived as a kept guess or as the correction. Only the number of passes differs.',
    wrong:
      'Try it: with speculation {passes} passes wrote {tokens} tokens; autoregressive needs {tokens} passes for the very same tokens. A rejected guess is replaced by the target’s own choice, so rejections cannot change the text.',
    notReady: 'The run is still being computed; try again in a moment.',
  },
  gamma: {
    title: 'Gamma and the optimum',
    intro:
      'More guesses per pass give more tokens when they are kept, but the k-th guess survives only with probability alpha^k, while every guess costs c of a target pass to draft. The expected speedup therefore rises with gamma, peaks and falls.',
    look: 'The formulas with this page’s alpha, gamma and c, and the charts under “Acceptance & speedup”: measured points with 95% intervals beside the theory curve and its optimum.',
    try: 'Run the sweep. Then change c (Draft cost c) or alpha and see the optimum move: a cheaper draft affords more guesses.',
    question: 'At alpha = {alpha} and c = {c}, which gamma gives the largest expected speedup?',
    right: 'gamma = {best} gives {speedup}×.',
    wrong:
      'The speedup formula peaks at gamma = {best} ({speedup}×): put other gammas into it, or read the peak of the speedup chart. Past the peak each extra guess is rarely kept but always paid for.',
    notReady: 'The run is still being computed; try again in a moment.',
  },
  strength: {
    title: 'A weak draft against a strong one',
    intro:
      'alpha, the chance that a guess is accepted (the sum of min(p, q) over tokens), measures how well the draft imitates the target. A weak draft (alpha 0.5) passes each check only half the time, so a chain of guesses seldom gets far (the acceptance rate also counts the discarded ones); a strong one (alpha 0.9) passes nearly every check, and each pass then yields several tokens.',
    look: '“Tokens per step” and “Speedup vs autoregressive” in the counters, and the formula for the expected tokens per pass with this page’s alpha and gamma.',
    try: 'Set alpha to 0.9 in Parameters and watch the chips, the counters and the formula change.',
    question: 'Set alpha to 0.9 (a strong draft). What does the formula now give for the expected tokens per target pass? (two decimals)',
    right: 'E = {eStrong}, against {eWeak} for the weak draft at the same gamma. The counters measure close to it.',
    wrong: 'With alpha = 0.9 and gamma = {gamma}: E = (1 − 0.9^({gamma}+1)) / (1 − 0.9) = {eStrong}. Read it from the formula panel once alpha is 0.9.',
    notReady: 'Set alpha to 0.9 first (the alpha field in Parameters); the formula updates as you do. It is {alpha} now.',
  },
  ngram: {
    title: 'N-gram lookup on code editing',
    intro:
      'Editing code repeats the prompt: much of the answer is copied from it. N-gram prompt lookup (vLLM’s method “ngram”) needs no draft model: it searches the prompt and the output for the last few tokens and proposes what followed them, for the cost of a text search.',
    look: '“Where the proposal came from” under the stage: the matched tokens and the copied ones are highlighted. The explanation above the stage says where the match was.',
    try: 'Step on: where nothing matches, the target decodes one token; where it matches, a pass can yield 5 tokens. Try other prompt_lookup_max values.',
    question: 'At this step the last tokens were found earlier in the text. How many tokens long is the matched n-gram?',
    right: 'The last {answer} tokens matched, and the lookup copied the {k} tokens that followed them.',
    wrong:
      'The highlighted suffix at the end of the context, also highlighted where it occurred before, is {answer} tokens long: the lookup tries the longest n first (prompt_lookup_max) and keeps the first that occurs earlier.',
    notReady: 'Go to a step where the lookup found a match (the lesson opened at one): the explanation then says “also occur”.',
  },
  cost: {
    title: 'Cost and hardware: why checking is nearly free',
    intro:
      'At small batch, a large model’s forward pass is memory-bound: its time goes into reading the weights, about the same for 1 token or 5. So checking gamma guesses costs about one pass (v = 0 here) and speculation pays. At large batch the GPU is compute-bound, every extra token checked costs (v > 0) and the speedup shrinks.',
    look: 'The “Cost model & hardware” panel below: the roofline of an H100 or H200 gives c and v from the model sizes and the batch. The speedup formula with this page’s numbers: {speedup}×.',
    try: 'Raise the batch in that panel and apply it, or set Verify cost v to 0.1: the optimal gamma and the speedup fall.',
    question: 'Step once. How many milliseconds did that target pass, checking {gamma} guesses, take on the modelled clock? (see “Modelled time”)',
    right: '{targetMs} ms for the pass + {gamma} × {c} × {targetMs} = {draftMs} ms of drafting + {verifyMs} ms for checking = {ms} ms.',
    wrong:
      'After one step, “Modelled time” in the counters shows it: one pass ({targetMs} ms) plus drafting gamma × c passes ({draftMs} ms) plus checking gamma × v passes ({verifyMs} ms) = {ms} ms.',
    notReady: 'Press Step once first: the question is about the step just shown.',
  },
  realModels: {
    title: 'Real models: a draft and a target in your browser',
    intro:
      'So far the models were simulated. Here two real language models cached in this browser take their place: {draft} drafts {gamma} tokens, {target} checks them in one forward pass, with the same verification code as before (greedy: temperature 0). The prompt asks for a small edit of a function: an instruct model’s answer repeats much of it, which a draft guesses well. Press Load models: the files ({dtype}) come from the cache, nothing is downloaded.',
    look: 'The chips are the real tokenizer’s pieces (␣ a leading space, ¶ a newline); click one for the target’s p and the draft’s q. Under “What this run teaches”: the text coloured by how each token came, the per-position acceptance (row k: how often at least k guesses survived; ◆ = alpha^k) and the mean acceptance length. In “The race on your hardware”: the measured speedup beside the predicted one.',
    try: 'Press Play to watch the run from its start. Set gamma to 2 or 8, or pick the example “Free chat” (less to copy: fewer guesses kept). A kept guess pays only if the draft is much cheaper than the target: see c in the race panel.',
    question:
      'Over the whole run, how many tokens did one target forward produce on average? (two decimals: tokens ÷ target passes, as the counters show them at the end of the run)',
    right:
      '{tokens} tokens from {passes} target forwards = {answer} per forward; without a draft it is exactly 1. The mean acceptance length (1 + the guesses kept per round with a draft) is {meanLen}. Whether this makes decoding faster depends on what the draft’s forwards cost: the race panel measures it.',
    wrong:
      'At the end of the run the counters show {passes} target passes and {tokens} tokens (an end-of-text counts as one): {tokens} ÷ {passes} = {answer}, the “Tokens per step” counter. Each forward yields the guesses it kept plus one token of the target’s own.',
    notReady:
      'Press Load models first (the files come from this browser’s cache) and wait until the run is in: the page then opens at its end. The question is about that run.',
  },
};
