import { tokenText } from '../store/selectors';
import { useStore } from '../store/store';
import { useT } from './useT';
import { usePacedCursor } from './useTrace';

/** A polite live region announcing each step's outcome for screen-reader users. */
export function Announcer() {
  const { t } = useT();
  const world = useStore((s) => s.world);
  const cursor = usePacedCursor(5);
  const event = useStore((s) => (cursor > 0 ? s.events[cursor - 1] : undefined));
  const text = event
    ? t('announce', {
        step: cursor,
        drafted: event.drafted.length,
        accepted: event.verdicts.filter((v) => v === 'accepted').length,
        emitted: event.emitted.map((x) => tokenText(world, x)).join(world?.tokenizer === 'words' ? ' ' : ''),
      })
    : '';
  return (
    <div className="sr-only" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
