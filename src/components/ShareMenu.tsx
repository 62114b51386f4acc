import { useState } from 'react';
import { useStore } from '../store/store';
import { embedSnippet, fullPageHash, lessonEmbedSnippet } from '../store/sync';
import { useT } from './useT';

/** Copy a link or an iframe snippet for the current state. */
export function ShareMenu() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const inTour = useStore((s) => s.tour !== null);
  const page = () => `${location.origin}${location.pathname}`;
  const copy = (text: string) => {
    setShown(text);
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  };
  return (
    <div className="share" data-testid="share-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        ⇪ {t('share')}
      </button>
      {open && (
        <div className="share-pop">
          <button type="button" data-testid="share-link" onClick={() => copy(`${page()}${fullPageHash()}`)}>
            {t('share.link')}
          </button>
          <button type="button" data-testid="share-embed" onClick={() => copy(embedSnippet(page()))}>
            {t('share.embed')}
          </button>
          {inTour && (
            <button type="button" data-testid="share-embed-lesson" onClick={() => copy(lessonEmbedSnippet(page()))}>
              {t('tour.embed')}
            </button>
          )}
          {shown && (
            <textarea readOnly data-testid="share-text" aria-label={t('share.copied')} value={shown} rows={3} onFocus={(e) => e.currentTarget.select()} />
          )}
          {shown && <span className="small muted">{t('share.copied')}</span>}
        </div>
      )}
    </div>
  );
}
