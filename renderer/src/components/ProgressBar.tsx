import type { JobState } from '../stores/jobsStore';
import { useJobs } from '../stores/jobsStore';

/** Progress of a running job with a Cancel button; a queued job says so and can be cancelled; after it finishes, its outcome. */
export function JobProgress({ job }: { job?: JobState }) {
  const cancel = useJobs((s) => s.cancel);
  if (!job) return null;
  const status = job.done?.status ?? (job.queued ? 'queued' : 'running');
  return (
    <div className={`job job--${status}`} data-testid="job-progress" data-status={status}>
      {job.queued && !job.done && <span className="job__badge">Queued</span>}
      {!job.done && !job.queued && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.fraction * 100)}>
          <div className="progress__bar" style={{ width: `${Math.round(job.fraction * 100)}%` }} />
        </div>
      )}
      <span className="job__message">{job.message}</span>
      {!job.done && (
        <button type="button" onClick={() => void cancel(job.jobId)}>
          Cancel
        </button>
      )}
    </div>
  );
}
