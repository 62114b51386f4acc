import type { ReactNode } from 'react';

/**
 * A table that can be wider than a phone: it scrolls sideways inside its panel, and the page
 * keeps its width (the cost lesson's published operating points made it 573 px wide at 375).
 * The box, not the table, scrolls, so the table stays a table to screen readers; the box takes
 * focus so a keyboard can scroll it (axe: scrollable-region-focusable).
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
