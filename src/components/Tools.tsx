import { lazy, Suspense, useEffect, useRef, useState } from 'react';
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

/** The tools below the playground, as tabs. */
export function Tools() {
  const { t } = useT();
  const [open, setOpen] = useState<ToolId | null>(null);
  const ref = useRef<HTMLElement>(null);
  // The tour opens the tab its lesson is about.
  const request = useStore((s) => s.toolRequest);
  useEffect(() => {
    if (request && request.id in PANELS) setOpen(request.id as ToolId);
  }, [request]);
  // The first panel (and the charts library) loads when the tools scroll into view.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setOpen((o) => o ?? 'analysis');
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setOpen((o) => o ?? 'analysis');
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const Panel = open ? PANELS[open] : null;
  return (
    <section className="panel tools" aria-label={t('tools')} ref={ref}>
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
            onClick={() => setOpen(id)}
          >
            {t(`tab.${id}` as MessageKey)}
          </button>
        ))}
      </div>
      {open && Panel && (
        <div role="tabpanel" id={`tabpanel-${open}`} aria-labelledby={`tab-${open}`} className="tabpanel">
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <Panel />
          </Suspense>
        </div>
      )}
    </section>
  );
}
