/** Progress of long-running jobs (demo reset, imports, forecasts, solves), fed by the services' events. */
import { create } from 'zustand';
import type { JobProgressEvent } from '../../../shared/api/types';
import type { JobDoneEvent } from '../../../shared/api/jobs';
import { api } from '../api';

export interface JobState {
  jobId: string;
  kind: string;
  fraction: number;
  message: string;
  /** Waiting for a free worker; the message says where it stands in line. */
  queued?: boolean;
  done?: JobDoneEvent;
}

interface JobsStore {
  jobs: Record<string, JobState>;
  cancel(jobId: string): Promise<void>;
}

export const useJobs = create<JobsStore>(() => ({
  jobs: {},
  cancel: async (jobId) => {
    await api['jobs.cancel']({ jobId });
  },
}));

const doneListeners = new Set<(event: JobDoneEvent) => void>();

/** Subscribe to job completions (stores refresh their data when a job that changes it finishes). */
export function onJobDone(listener: (event: JobDoneEvent) => void): () => void {
  doneListeners.add(listener);
  return () => doneListeners.delete(listener);
}

api.on('job.progress', (event: JobProgressEvent) =>
  useJobs.setState((s) => ({ jobs: { ...s.jobs, [event.jobId]: { ...event } } })),
);
api.on('job.done', (event: JobDoneEvent) => {
  useJobs.setState((s) => ({
    jobs: { ...s.jobs, [event.jobId]: { ...(s.jobs[event.jobId] ?? event), fraction: 1, message: event.message, queued: false, done: event } },
  }));
  for (const listener of doneListeners) listener(event);
});

/** The most recent job of a kind, for areas that show one progress bar. */
export function useLatestJob(kind: string): JobState | undefined {
  return useJobs((s) => Object.values(s.jobs).filter((j) => j.kind === kind).at(-1));
}
