/**
 * The channel table planners use as a starting point, before they have their own handle times:
 * contacts one agent completes per productive hour (per chat slot for chat) and, for chat, how many chats an
 * agent works at once. Live channels are staffed with queueing maths, deferred ones with the workload model.
 */
import type { ChannelKind } from '../../model/queues';

export type ChannelName = ChannelKind;

export interface Range {
  low: number;
  high: number;
}

export interface ChannelDefaults {
  mode: 'live' | 'deferred';
  contactsPerAgentHour: Range;
  concurrency: Range;
  /** Handle time implied by the middle of the productivity range: 3600 s ÷ midpoint. */
  handleSec: number;
  /** The low end of the concurrency range: the cautious choice until the centre measures its own. */
  defaultConcurrency: number;
}

function channel(mode: ChannelDefaults['mode'], contactsPerAgentHour: Range, concurrency: Range = { low: 1, high: 1 }): ChannelDefaults {
  const midpoint = (contactsPerAgentHour.low + contactsPerAgentHour.high) / 2;
  return { mode, contactsPerAgentHour, concurrency, handleSec: 3600 / midpoint, defaultConcurrency: concurrency.low };
}

export const CHANNEL_DEFAULTS: Readonly<Record<ChannelName, ChannelDefaults>> = {
  phone: channel('live', { low: 3, high: 5 }),
  chat: channel('live', { low: 2, high: 4 }, { low: 2, high: 3 }),
  email: channel('deferred', { low: 4, high: 8 }),
  social: channel('deferred', { low: 5, high: 10 }),
};
