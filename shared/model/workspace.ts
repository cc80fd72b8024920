import type { WorkspaceAgent } from './agents';
import type { WorkspaceQueue } from './queues';

/** A calendar event the forecast knows about (a holiday, a campaign). */
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

/** A whole workspace as it is written in one go (the demo, or a reset). */
export interface Workspace {
  name: string;
  timezone: string;
  isDemo: boolean;
  queues: WorkspaceQueue[];
  agents: WorkspaceAgent[];
  events: WorkspaceEvent[];
}
