/** Response and event payload types shared by services and renderer. */

export type ChannelKind = 'phone' | 'chat' | 'email' | 'social';

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

export interface JobHandle {
  jobId: string;
  kind: string;
}

export interface JobProgressEvent {
  jobId: string;
  kind: string;
  fraction: number;
  message: string;
  /** True while the job waits for a free worker (a limited number of jobs run at once, the rest queue). */
  queued?: boolean;
}

export type JobStatus = 'succeeded' | 'failed' | 'cancelled';

export interface JobDoneEvent {
  jobId: string;
  kind: string;
  status: JobStatus;
  /** A short human summary, e.g. "40 agents, 3 queues, 52,416 intervals". */
  message: string;
  result?: unknown;
}
