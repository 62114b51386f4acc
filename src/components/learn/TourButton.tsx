import { useStore } from '../../store/store';
import { useT } from '../useT';

/** Starts the guided tour (its lessons load on demand). */
export function TourButton() {
  const { t } = useT();
  const tour = useStore((s) => s.tour);
  const setTour = useStore((s) => s.setTour);
  return (
    <button type="button" data-testid="tour-start" title={t('tour.start.tip')} aria-pressed={tour !== null} onClick={() => setTour(tour ?? 1)}>
      {t('tour.start')}
    </button>
  );
}
