import { useEffect, useRef } from 'react';
import { type Strike, warmFonts } from './fontStrikes';

/**
 * Makes `strikes` while the page is idle (fontStrikes.ts says why), with the glyphs of `table`
 * (the message table the page shows); again when the table changes. Marks its element
 * (test id font-warmup-`name`) data-ready="true" when done.
 */
export function FontWarmup({ name, strikes, table }: { name: string; strikes: readonly Strike[]; table: Readonly<Record<string, string>> }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const mark = ref.current;
    if (mark === null) return;
    mark.dataset.ready = 'false';
    return warmFonts(document.body, strikes, Object.values(table).join(''), () => {
      mark.dataset.ready = 'true';
    });
  }, [strikes, table]);
  return <span ref={ref} data-testid={`font-warmup-${name}`} hidden />;
}
