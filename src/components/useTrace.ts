import { useMemo } from 'react';
import { prefixOf, summaryAt } from '../store/selectors';
import { useStore } from '../store/store';

/** Prefix sums of the current trace (recomputed only when the trace changes). */
export function usePrefix() {
  const events = useStore((s) => s.events);
  return useMemo(() => prefixOf(events), [events]);
}

/** The run's figures at the cursor. */
export function useSummary() {
  const prefix = usePrefix();
  const cursor = useStore((s) => s.cursor);
  const targetMs = useStore((s) => s.params.targetMs);
  return summaryAt(prefix, cursor, targetMs);
}
