import type { ChannelKind } from '../api/types';

export type IntervalStatus = 'open' | 'closed' | 'missing';

export interface IntervalPoint {
  /** Local wall-clock start, 'YYYY-MM-DDTHH:mm'. */
  startLocal: string;
  /** Minutes east of UTC at that instant; tells apart the two 01:30s of a fall-back night. */
  utcOffsetMin: number;
  status: IntervalStatus;
  volume: number | null;
  ahtSec: number | null;
}

export interface AgentContract {
  minMinutesPerWeek: number;
  maxMinutesPerWeek: number;
  maxShiftsPerWeek: number;
  maxConsecutiveDays: number;
  minConsecutiveDaysOff: number;
  maxWeekendsPer4Weeks: number;
}

export interface WorkspaceAgent {
  name: string;
  team: string;
  skills: ChannelKind[];
  contract: AgentContract;
  timezone: string;
}

export interface WorkspaceQueue {
  name: string;
  channel: ChannelKind;
  intervalMin: number;
  intervals: IntervalPoint[];
  /** Daily totals of the days before the interval history (oldest first); absent when there are none. */
  dailyHistory?: { date: string; volume: number; ahtSec: number | null }[];
}

export interface WorkspaceEvent {
  name: string;
  startDate: string;
  endDate: string;
  effect: 'multiplier' | 'additive' | 'closed';
  /** null asks the forecast to estimate the effect from earlier events of the same name. */
  value: number | null;
  /** null applies to every queue. */
  queueName: string | null;
}

export interface DemoWorkspace {
  name: string;
  timezone: string;
  isDemo: boolean;
  queues: WorkspaceQueue[];
  agents: WorkspaceAgent[];
  events: WorkspaceEvent[];
}
