import { useStore } from '../store/store';
import { useT } from './useT';

/** In the seed world: where the notebook's simulation differs from real verification. */
export function NotebookNote() {
  const { t } = useT();
  const world = useStore((s) => s.params.world);
  if (world !== 'seed') return null;
  return (
    <details className="panel note" data-testid="notebook-note" open>
      <summary>{t('notebookNoteTitle')}</summary>
      <ul>
        <li>{t('notebookNote1')}</li>
        <li>{t('notebookNote2')}</li>
        <li>{t('notebookNote3')}</li>
      </ul>
    </details>
  );
}
