import { type Notice, noticeVars } from '../core';
import { useStore } from '../store/store';
import { useT } from './useT';

const NONE: Notice[] = [];

/** Each notice with the default that replaced its value, when the next notice is that default
 * for the same key: one line per problem ("device must be one of ...; using auto for device"). */
function paired(notices: readonly Notice[]): [Notice, Notice | null][] {
  const out: [Notice, Notice | null][] = [];
  for (let i = 0; i < notices.length; i++) {
    const n = notices[i];
    const next = notices[i + 1];
    const fix = n.code !== 'defaulted' && next?.code === 'defaulted' && 'key' in n && next.key === n.key ? next : null;
    out.push([n, fix]);
    if (fix) i++;
  }
  return out;
}

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
      {paired(all).map(([n, fix]) => (
        <p className="notice" key={JSON.stringify(n)} data-code={n.code}>
          {fix
            ? t('notice.pair', { problem: t(`notice.${n.code}`, noticeVars(n)), fix: t(`notice.${fix.code}`, noticeVars(fix)) })
            : t(`notice.${n.code}`, noticeVars(n))}
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
