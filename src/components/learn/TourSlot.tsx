import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useStore } from '../../store/store';
import { useT } from '../useT';

// The lessons, their words and the formulas load only when the tour opens.
const TourPanel = lazy(() => import('./TourPanel'));

/** Shows a message instead of a blank page when the tour's chunk cannot load. */
class TourBoundary extends Component<{ fallback: (message: string) => ReactNode; children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  render() {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error);
  }
}

/** Where the tour appears when it is open (tour=N in the link, or the Take the tour button). */
export function TourSlot() {
  const { t } = useT();
  const tour = useStore((s) => s.tour);
  if (tour === null) return null;
  return (
    <TourBoundary fallback={(message) => <p className="notice notice-error">{t('tour.loadError', { message })}</p>}>
      <Suspense fallback={<p className="panel muted">{t('tour.loading')}</p>}>
        <TourPanel />
      </Suspense>
    </TourBoundary>
  );
}
