/**
 * What each kind of job hands back when it succeeds. A job's done event is a union over the kinds, so checking
 * `event.kind` and `event.status` narrows `event.result` to that kind's type: no consumer casts it.
 */
import type { ImportResult } from './channels/dataImport';
import type { SlaTicketImportInfo } from './channels/slaTickets';
import type { JobKind, JobStatus } from './types';
import type { SimulationResult } from '../engine/scenario/monteCarlo';

export interface JobResults {
  'demo.reset': undefined;
  import: ImportResult;
  'forecast.run': { runId: number };
  'schedule.generate': { scheduleId: number };
  'plan.optimise': { planId: number };
  /** Monte Carlo of a scenario; nothing is saved, the ranges are the result. */
  'scenario.simulate': SimulationResult & { bandMethod: string };
  /** A ticket export stored for SLA planning (backlog, mix). */
  'sla.tickets': SlaTicketImportInfo;
}

// Compile-time: every job kind declares its result, and nothing else does.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type JobResultsCoverEveryKind = Assert<Exact<keyof JobResults, JobKind>>;

interface JobDoneBase<K extends JobKind> {
  jobId: string;
  kind: K;
  /** A short human summary, e.g. "40 agents, 3 queues, 52,416 intervals". */
  message: string;
}

export type JobDoneOf<K extends JobKind> =
  | (JobDoneBase<K> & { status: 'succeeded'; result: JobResults[K] })
  | (JobDoneBase<K> & { status: Exclude<JobStatus, 'succeeded'> });

export type JobDoneEvent = { [K in JobKind]: JobDoneOf<K> }[JobKind];
