import { useMemo } from 'react';
import { SPEEDS } from '../store/runSlice';
import { prefixOf, summaryAt } from '../store/selectors';
import { useStore } from '../store/store';

/** Prefix sums of the current trace (recomputed only when the trace changes). */
export function usePrefix() {
  const events = useStore((s) => s.events);
  return useMemo(() => prefixOf(events), [events]);
}

/** Steps between a side panel's redraws while playing at top speed. */
export const PACE = 8;

/**
 * The cursor a side panel (inspector, counters, race, log, announcer) shows. At top speed the
 * token stage advances every animation frame; redrawing every panel too made each frame a long
 * task on a slow device (profiled at 4x CPU throttle). There the panels catch up every PACE
 * steps, each on its own frame (`slot`, 0..PACE-1), so no frame redraws them all; paused, at
 * a slower speed or stepped by hand, they follow the cursor exactly.
 */
export function usePacedCursor(slot: number): number {
  return useStore((s) => (s.playing && !Number.isFinite(SPEEDS[s.speedIndex]) ? pacedCursor(s.cursor, slot) : s.cursor));
}

/** The last cursor at or before `cursor` that falls on `slot` (mod PACE); 0 before the first. */
export function pacedCursor(cursor: number, slot: number): number {
  return Math.max(0, cursor - ((((cursor - slot) % PACE) + PACE) % PACE));
}

/** The run's figures at the cursor. */
export function useSummary() {
  const prefix = usePrefix();
  const cursor = usePacedCursor(2);
  const targetMs = useStore((s) => s.params.targetMs);
  return summaryAt(prefix, cursor, targetMs);
}
