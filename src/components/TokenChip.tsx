import { memo } from 'react';
import { CHIP_ICON, CHIP_LABEL, type ChipState } from './chipStates';
import { useT } from './useT';

export interface TokenChipProps {
  token: string;
  state: ChipState;
  /** Drafted (the proposal row) or output (the text). */
  kind: 'draft' | 'text';
  selected?: boolean;
  onSelect?: () => void;
  /** Seconds to wait before sliding in; null = no motion. */
  enterDelay?: number | null;
  /** In greedy mode a resampled token is the target's correction. */
  greedy?: boolean;
}

/** One token as a chip: its state shows as colour, border and an icon, and in its name. */
export const TokenChip = memo(function TokenChip({ token, state, kind, selected, onSelect, enterDelay = null, greedy }: TokenChipProps) {
  const { t } = useT();
  const stateLabel = t(state === 'resampled' && greedy ? 'state.correction' : CHIP_LABEL[state]);
  const name = t('chipName', { kind: t(kind === 'draft' ? 'chipKind.draft' : 'chipKind.text'), token, state: stateLabel });
  // Whitespace a reader cannot see: newlines as ¶, a lone space and a piece's leading or trailing
  // spaces as ␣ (real tokenizers' pieces carry them: " the").
  const shown = token === ' ' ? '␣' : token.replace(/\n/g, '¶').replace(/^ +| +$/g, (m) => '␣'.repeat(m.length));
  const common = {
    'data-testid': 'token-chip',
    'data-state': state,
    'data-token': token,
    className: `chip chip-${state}${selected ? ' chip-selected' : ''}`,
    'aria-label': name,
    'aria-pressed': selected ?? false,
    title: stateLabel,
    onClick: onSelect,
    onFocus: onSelect,
    type: 'button' as const,
  };
  const body = (
    <>
      <span className="chip-text">{shown}</span>
      <span className="chip-icon" aria-hidden="true">
        {CHIP_ICON[state]}
      </span>
    </>
  );
  if (enterDelay === null) return <button {...common}>{body}</button>;
  // Slides in with a CSS animation (styles.css: chip-enter; off under prefers-reduced-motion):
  // the browser runs it, so a step's chips cost no script per frame.
  return (
    <button {...common} className={`${common.className} chip-enter`} style={{ animationDelay: `${enterDelay}s` }}>
      {body}
    </button>
  );
});
