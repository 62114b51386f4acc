import { useMemo } from 'react';
import { type NarrationLine, narrateStep } from '../../core/learn/narrate';
import { narrationText } from '../../i18n/narrate';
import { useStore } from '../../store/store';
import { usePacedCursor } from '../useTrace';

/**
 * The current step's narration (the step the cursor has just shown), as lines and as text in
 * the page's language; null before the first step.
 */
export function useNarration(): { step: number; lines: NarrationLine[]; text: string } | null {
  // At top speed the narration follows a paced cursor (every few steps): words no one can read
  // at that speed are not worth a render per step.
  const cursor = usePacedCursor(5);
  const lang = useStore((s) => s.lang);
  const world = useStore((s) => s.world);
  const events = useStore((s) => s.events);
  const method = useStore((s) => s.params.method);
  const acceptance = useStore((s) => s.params.acceptance);
  const lines = useMemo(() => {
    const event = cursor > 0 ? events[cursor - 1] : undefined;
    if (!world || !event) return null;
    // The context before this step: where an n-gram match was found.
    const context = [...world.prompt];
    for (let i = 0; i < cursor - 1; i++) for (const t of events[i].emitted) context.push(t);
    return narrateStep({ event, method, acceptance, vocab: world.vocab, tokenizer: world.tokenizer, context, promptLen: world.prompt.length });
  }, [world, events, cursor, method, acceptance]);
  return useMemo(() => (lines === null ? null : { step: cursor, lines, text: narrationText(lang, lines) }), [lines, lang, cursor]);
}
