import { type RefObject, useCallback, useEffect, useRef } from 'react';

/** How close to the bottom (px) still counts as "at the bottom" (rounding, sub-pixel rows). */
const SLACK_PX = 8;

/**
 * Keeps a scrolling box at its bottom while its content grows, as long as the reader has not
 * scrolled up in it: the newest tokens of a play (or rows of the log) stay in view, and a reader
 * who scrolled back to read stays where they are until they scroll to the bottom again.
 * The box takes the returned ref and onScroll; `size` is what grows (e.g. the steps shown).
 * The scroll is set from a ResizeObserver on the box's children, which runs after the frame's
 * layout: reading the heights there costs no extra layout (a layout effect would force one per step).
 */
export function useStickToBottom<T extends HTMLElement>(size: number): { ref: RefObject<T | null>; onScroll: () => void } {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const observer = useRef<ResizeObserver | null>(null);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) pinned.current = el.scrollTop + el.clientHeight >= el.scrollHeight - SLACK_PX;
  }, []);
  useEffect(() => {
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(() => {
      const el = ref.current;
      if (el === null) return;
      // Content that fits (a reset, a short run) pins the box again.
      if (el.scrollHeight <= el.clientHeight + SLACK_PX) pinned.current = true;
      else if (pinned.current) el.scrollTop = el.scrollHeight;
    });
    observer.current = ro;
    return () => ro.disconnect();
  }, []);
  // Children can come and go (a prompt line, the log's table): observe whatever is there now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the content changes (size)
  useEffect(() => {
    const el = ref.current;
    if (el === null || observer.current === null) return;
    for (const child of el.children) observer.current.observe(child);
  }, [size]);
  return { ref, onScroll };
}
