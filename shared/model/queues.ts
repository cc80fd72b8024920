import type { QueueInterval } from './intervals';

/** The channels a queue can be: phone and chat are live queues, email and social deferred work. */
export const CHANNEL_KINDS = ['phone', 'chat', 'email', 'social'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A queue of the workspace with its interval history. */
export interface WorkspaceQueue {
  name: string;
  channel: ChannelKind;
  intervalMin: number;
  intervals: QueueInterval[];
  /** Daily totals of the days before the interval history (oldest first); absent when there are none. */
  dailyHistory?: { date: string; volume: number; ahtSec: number | null }[];
}
