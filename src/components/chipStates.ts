import type { MessageKey } from '../i18n';

/** Every state a token chip can show (the `data-state` contract of the e2e tests). */
export type ChipState = 'draft' | 'accepted' | 'rejected' | 'discarded' | 'resampled' | 'bonus' | 'target';

/** Icon per state: colour is never the only signal. */
export const CHIP_ICON: Record<ChipState, string> = {
  draft: '?',
  accepted: '✓',
  rejected: '✗',
  discarded: '–',
  resampled: '↻',
  bonus: '★',
  target: '•',
};

/** The legend's label per state. */
export const CHIP_LABEL: Record<ChipState, MessageKey> = {
  draft: 'state.draft',
  accepted: 'state.accepted',
  rejected: 'state.rejected',
  discarded: 'state.discarded',
  resampled: 'state.resampled',
  bonus: 'state.bonus',
  target: 'state.target',
};
