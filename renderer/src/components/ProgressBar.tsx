import type { JobState } from '../stores/jobsStore';
import { useJobs } from '../stores/jobsStore';

/** Progress of a running job with a Cancel button; after it finishes, its outcome. */
export function JobProgress({ job }: { job?: JobState }) {
  const cancel = useJobs((s) => s.cancel);
  if (!job) return null;
  const status = job.done?.status;
  return (
    <div className={`job job--${status ?? 'running'}`} data-testid="job-progress">
      {!job.done && (
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
