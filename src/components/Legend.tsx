import { CHIP_ICON, CHIP_LABEL, type ChipState } from './chipStates';
import { useT } from './useT';

const STATES: ChipState[] = ['draft', 'accepted', 'rejected', 'discarded', 'resampled', 'bonus', 'target'];

/** Names the chip states, each with its colour, border and icon. */
export function Legend() {
  const { t } = useT();
  return (
    <ul className="legend" aria-label={t('legend')}>
      {STATES.map((s) => (
        <li key={s}>
          <span className={`chip chip-${s} chip-mini`} aria-hidden="true">
            <span className="chip-icon">{CHIP_ICON[s]}</span>
          </span>
          {t(CHIP_LABEL[s])}
        </li>
      ))}
    </ul>
  );
}
