import { type Notice, noticeVars } from '../core';
import { useStore } from '../store/store';
import { useT } from './useT';

const NONE: Notice[] = [];

/** What was fixed in the link or refused, and any worker error; never a blank page. */
export function Notices() {
  const { t } = useT();
  const notices = useStore((s) => s.notices);
  const worlds = useStore((s) => s.world?.notes ?? NONE);
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const dismiss = useStore((s) => s.dismissNotices);
  const crash = useStore((s) => s.crash);
  const all = [...notices, ...worlds];
  if (all.length === 0 && status !== 'error' && crash === null) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {crash !== null && <p className="notice notice-error">{t('workerError', { message: crash })}</p>}
      {status === 'error' && <p className="notice notice-error">{t('runError', { message: error ?? '?' })}</p>}
      {all.map((n) => (
        <p className="notice" key={JSON.stringify(n)} data-code={n.code}>
          {t(`notice.${n.code}`, noticeVars(n))}
        </p>
      ))}
      {(notices.length > 0 || crash !== null) && (
        <button type="button" className="linkish" onClick={dismiss}>
          {t('dismiss')}
        </button>
      )}
    </div>
  );
}
