import type { JobChannel } from '../../store/jobsSlice';
import { useStore } from '../../store/store';
import { cancelJob } from '../../store/sync';
import { useT } from '../useT';

/** A job's progress bar with a cancel button, while it runs. */
export function Progress({ channel, testId }: { channel: JobChannel; testId?: string }) {
  const { t } = useT();
  const job = useStore((s) => s.jobs[channel]);
  if (job.status !== 'running') return null;
  return (
    <div className="progress-row">
      <progress data-testid={testId} max={job.total} value={job.done} aria-label={t('progress', { done: job.done, total: job.total })} />
      <span className="small muted">{t('progress', { done: job.done, total: job.total })}</span>
      <button type="button" data-testid={channel === 'sweep' ? 'btn-sweep-cancel' : `btn-${channel}-cancel`} onClick={() => cancelJob(channel)}>
        {t('cancel')}
      </button>
    </div>
  );
}
