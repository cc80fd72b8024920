import type { QueueInterval } from './intervals';

export type ChannelKind = 'phone' | 'chat' | 'email' | 'social';

/** A queue of the workspace with its interval history. */
export interface WorkspaceQueue {
  name: string;
  channel: ChannelKind;
  intervalMin: number;
  intervals: QueueInterval[];
  /** Daily totals of the days before the interval history (oldest first); absent when there are none. */
  dailyHistory?: { date: string; volume: number; ahtSec: number | null }[];
}
