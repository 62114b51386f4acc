import { useEffect, useState } from 'react';

function list(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/** Whether a CSS media query matches now (follows changes: a resize, a changed setting). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => list(query)?.matches ?? false);
  useEffect(() => {
    const mq = list(query);
    if (!mq) return;
    const on = () => setMatches(mq.matches);
    on();
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, [query]);
  return matches;
}
