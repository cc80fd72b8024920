/** Response and event payload types shared by services and renderer. */

import type { ChannelKind } from '../model/queues';

export type { ChannelKind };

export interface QueueSummary {
  id: number;
  name: string;
  channel: ChannelKind;
  intervalMin: number;
  historyFrom: string | null;
  historyTo: string | null;
  openIntervals: number;
  totalVolume: number;
  /** Volume-weighted mean handle time over the history, when the data has handle times. */
  meanAhtSec: number | null;
}

export interface DailyVolume {
  date: string;
  queueId: number;
  volume: number;
}

export interface WorkspaceSummary {
  name: string;
  timezone: string;
  isDemo: boolean;
  agentCount: number;
  agentsBySkill: Record<string, number>;
  queues: QueueSummary[];
  dailyVolumes: DailyVolume[];
}

export interface SavedCalculation<T> {
  id: number;
  name: string;
  inputs: T;
  createdAt: string;
  updatedAt: string;
}

/**
 * The kinds of background job. Each declares its result type in `jobs.ts` (`JobResults`), so a job's done event is
 * typed by its kind and no consumer casts it.
 */
export type JobKind = 'demo.reset' | 'import' | 'forecast.run' | 'schedule.generate' | 'plan.optimise' | 'scenario.simulate' | 'sla.tickets';

export interface JobHandle {
  jobId: string;
  kind: JobKind;
}

export interface JobProgressEvent {
  jobId: string;
  kind: JobKind;
  fraction: number;
  message: string;
  /** True while the job waits for a free worker (a limited number of jobs run at once, the rest queue). */
  queued?: boolean;
}

export type JobStatus = 'succeeded' | 'failed' | 'cancelled';
