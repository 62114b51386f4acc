/**
 * English messages of the learning layer: step narration (one per core NarrationCode, as
 * notices are worded), the tour's chrome and the formulas. Spread into the en table.
 * Lesson texts are not here: they load with the tour (a lazy chunk).
 */
export const learnEn = {
  'narrate.autoregressive': 'No speculation this pass: the target decoded one token, “{token}”.',
  'narrate.draft': 'The draft model guessed {k} tokens, “{tokens}”, sampling each from its own distribution q.',
  'narrate.draftGreedy': 'The draft model guessed {k} tokens, “{tokens}”, taking its top pick each time.',
  'narrate.mtp': '{k} prediction heads guessed “{tokens}” in one pass, head i looking i + 1 tokens ahead.',
  'narrate.ngramPrompt': 'The last {n} tokens, “{ngram}”, also occur in the prompt at token {at}; the lookup copied the {k} that followed them: “{tokens}”.',
  'narrate.ngramOutput':
    'The last {n} tokens, “{ngram}”, also occur earlier in the output at token {at}; the lookup copied the {k} that followed them: “{tokens}”.',
  'narrate.ngramNone': 'The n-gram lookup found no earlier occurrence of the last tokens, so nothing was proposed; the target decoded “{token}” alone.',
  'narrate.suffixLocal':
    'A suffix of {n} tokens matched in this request’s suffix tree; its most frequent continuation proposed “{tokens}” ({k} tokens, running probability {prob}).',
  'narrate.suffixGlobal':
    'A suffix of {n} tokens matched in the tree of earlier answers; its most frequent continuation proposed “{tokens}” ({k} tokens, running probability {prob}).',
  'narrate.suffixNone': 'The suffix trees had no continuation of the last tokens, so nothing was proposed; the target decoded “{token}” alone.',
  'narrate.tree': 'The draft built a tree of {nodes} candidate tokens, {depth} levels deep; the target checked every branch in one pass.',
  'narrate.treeBonus': 'It kept the path “{path}” down to a leaf and added a free bonus token, “{bonus}”.',
  'narrate.treeMiss': 'It kept the path “{path}”; no child of its end passed, so the target put “{repl}” there.',
  'narrate.treeMiss0': 'No first-level branch passed, so the target put “{repl}” there itself.',
  'narrate.allAccepted': 'The target kept all {k}, and because every guess survived, the same pass gave a free bonus token: “{bonus}”.',
  'narrate.allAcceptedEnd': 'The target kept all {k}.',
  'narrate.rejectU':
    'The target kept {kept} (“{keptText}”) and rejected “{token}”: u = {u} is not below p/q = {p}/{q} = {ratio}; in its place it sampled “{repl}” from the residual max(0, p − q).',
  'narrate.rejectU0':
    'The target rejected the first guess, “{token}”: u = {u} is not below p/q = {p}/{q} = {ratio}; in its place it sampled “{repl}” from the residual max(0, p − q).',
  'narrate.rejectZero':
    'The target kept {kept} (“{keptText}”) and rejected “{token}”: it gives that token probability 0 (p/q = 0/{q}), so no u could accept it; the residual gave “{repl}” instead.',
  'narrate.rejectZero0':
    'The target rejected the first guess, “{token}”, outright: it gives that token probability 0 (p/q = 0/{q}); the residual gave “{repl}” instead.',
  'narrate.rejectGreedy': 'The target kept {kept} (“{keptText}”); at “{token}” its own choice differs (its top token is “{repl}”), so “{repl}” replaced it.',
  'narrate.rejectGreedy0': 'The target’s own choice differs from the first guess, “{token}”: its top token is “{repl}”, which takes its place.',
  'narrate.rejectPgeq': 'After keeping {kept}, the wrong p ≥ q rule rejected “{token}” (p = {p} < q = {q}) and put the residual’s pick “{repl}” in its place.',
  'narrate.rejectTypical':
    'After keeping {kept}, typical acceptance rejected “{token}” (p = {p} is below its threshold) and took the target’s top token “{repl}”.',
  'narrate.rejectPlain': 'After keeping {kept}, the target rejected “{token}” and put “{repl}” in its place.',
  'narrate.discarded': 'The rest ({d}) were discarded unchecked: drafting them was all they cost.',
  'narrate.endOfText': 'The target then ended the text.',
  narration: 'What happened in this step',
  'narration.none': 'Press Step (→) to run the first step; each step is explained here.',
  'narration.step': 'Step {step}.',
  tour: 'Tour',
  'tour.start': 'Take the tour',
  'tour.start.tip': 'A guided path through speculative decoding in {n} short lessons; each sets the page and asks one question.',
  'tour.title': 'Guided tour',
  'tour.next': 'Next',
  'tour.prev': 'Back',
  'tour.exit': 'Leave the tour',
  'tour.exit.tip': 'Close the tour; the page keeps the lesson’s settings.',
  'tour.progress': 'Lesson {n} of {total}',
  'tour.look': 'Look',
  'tour.try': 'Try',
  'tour.question': 'Question',
  'tour.check': 'Check',
  'tour.right': 'Right.',
  'tour.wrong': 'Not quite.',
  'tour.choose': 'Choose…',
  'tour.reset': 'Set the page for this lesson again',
  'tour.loading': 'Loading the tour…',
  'tour.loadError': 'The tour could not be loaded: {message}.',
  'tour.embed': 'Copy iframe snippet for this lesson',
  formulas: 'Formulas',
  'tab.formulas': 'Formulas',
  'formula.rule': 'Acceptance rule',
  'formula.residual': 'On a rejection, the replacement is drawn from the residual',
  'formula.expected': 'Expected tokens per target pass',
  'formula.speedup': 'Expected speedup',
  'formula.position': 'At the step’s first rejection (step {step}):',
  'formula.noPosition': 'Step to a rejected guess to see its numbers here.',
  'formula.greedy': 'Greedy (T = 0): a guess is kept exactly when it is the target’s top token; no u is drawn.',
  'formula.alphaFrom': 'alpha = {alpha} ({source}), gamma = {gamma}, c = {c}, v = {v}.',
  'formula.alphaSet': 'set on the page',
  'formula.alphaMeasured': 'measured: mean sum min(p, q) of this run',
  'formula.residualTop': 'top of the residual here:',
} as const;
