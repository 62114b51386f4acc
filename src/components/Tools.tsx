import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n';
import { useStore } from '../store/store';
import { useT } from './useT';

// Each tool loads on first use: charts, tree and lab code stay out of the first load.
const PANELS = {
  analysis: lazy(() => import('./tools/AnalysisPanel')),
  compare: lazy(() => import('./tools/ComparePanel')),
  lossless: lazy(() => import('./tools/LosslessPanel')),
  cost: lazy(() => import('./tools/CostPanel')),
  engine: lazy(() => import('./tools/EnginePanel')),
  lab: lazy(() => import('./tools/LabPanel')),
  export: lazy(() => import('./tools/ExportPanel')),
  formulas: lazy(() => import('./learn/FormulasPanel')),
} as const;

export type ToolId = keyof typeof PANELS;
const IDS = Object.keys(PANELS) as ToolId[];

/** How long after a panel mounts its charts may still grow (they size themselves). */
const SETTLE_MS = 1000;

/**
 * Mounts with a panel (inside its Suspense) and reports, SETTLE_MS later, that it has settled.
 *
 * Why: where the page is one column (phones, narrow windows) the controls come after the tools
 * on screen but before them in the document (styles.css: .controls { order: 2 }). The browser's
 * scroll anchoring picks its anchor in document order, so when the first panel opened on scroll
 * (about 2,000 px of charts on a phone) it kept the controls in place and the reader, who was
 * looking at the step log, was thrown 2,000 px down to the parameters; a tab that changed the
 * panel's height moved the tab bar the same way. While a panel settles, styles.css takes the
 * controls out of anchoring (.tools[data-settling]), so the anchor is what the reader sees above
 * or at the tools, and the panel grows or shrinks below it.
 */
function Settled({ onSettled }: { onSettled: () => void }) {
  useEffect(() => {
    const id = setTimeout(onSettled, SETTLE_MS);
    return () => clearTimeout(id);
  }, [onSettled]);
  return null;
}

/** The tools below the playground, as tabs. */
export function Tools() {
  const { t } = useT();
  const [open, setOpen] = useState<ToolId | null>(null);
  // True from a panel's opening (on scroll, by the tour or a tab) until it has settled: see Settled.
  const [settling, setSettling] = useState(false);
  const settled = useCallback(() => setSettling(false), []);
  // Opens a panel once the controls are out of scroll anchoring (see Settled): two frames after
  // `settling` is set, so the browser has chosen its anchor without them (in the same frame it
  // keeps the one it had). A timer stands in where frames do not run (a frame out of view).
  const show = useCallback((next: (o: ToolId | null) => ToolId) => {
    setSettling(true);
    const apply = () => setOpen(next);
    requestAnimationFrame(() => requestAnimationFrame(apply));
    setTimeout(apply, 100);
  }, []);
  const ref = useRef<HTMLElement>(null);
  // The tour opens the tab its lesson is about.
  const request = useStore((s) => s.toolRequest);
  useEffect(() => {
    if (request && request.id in PANELS) show(() => request.id as ToolId);
  }, [request, show]);
  // The first panel (and the charts library) loads when the tools scroll into view.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setOpen((o) => o ?? 'analysis');
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        show((o) => o ?? 'analysis');
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, [show]);
  const Panel = open ? PANELS[open] : null;
  return (
    <section className="panel tools" aria-label={t('tools')} ref={ref} data-settling={settling || undefined}>
      <div className="tabs" role="tablist" aria-label={t('tools')}>
        {IDS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            data-testid={`tab-${id}`}
            aria-selected={open === id}
            aria-controls={`tabpanel-${id}`}
            className={open === id ? 'tab tab-on' : 'tab'}
            onClick={() => show(() => id)}
          >
            {t(`tab.${id}` as MessageKey)}
          </button>
        ))}
      </div>
      {open && Panel && (
        <div role="tabpanel" id={`tabpanel-${open}`} aria-labelledby={`tab-${open}`} className="tabpanel">
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <Panel />
            {settling && <Settled key={open} onSettled={settled} />}
          </Suspense>
        </div>
      )}
    </section>
  );
}
