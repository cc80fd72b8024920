/**
 * A queue's week as a schedule sees it: requirements on the schedule's grid, and — for deferred work — what arrives
 * outside every shift template, optionally moved into the next hours a template covers.
 */
import type { ChannelStaffing } from '../staffing';
import type { QueueInterval } from '../../model';
import type { ShiftTemplate } from '../schedule/model';
import { deferIntoReach, templateReach, uncoveredWork, type UncoveredWork } from '../schedule/templateReach';
import { requirementsFor, type IntervalRequirements } from './requirementsFor';

export interface ScheduleWeekOptions {
  /** Live channels: take each open interval's forecast AHT where it has one. */
  useIntervalAht: boolean;
  /** The shift templates the week will be solved with: deferred work outside all of them is measured. */
  templates?: readonly ShiftTemplate[];
  /** The queue's channel, as a template's skill. */
  skill: string;
  /** Weekday of the week's first date, 0 = Monday. */
  startWeekday: number;
  /** Move work arriving outside every template into the next hours one covers. */
  deferOutsideShifts?: boolean;
}

export interface ScheduleWeekRequirements {
  /** The intervals solved (deferred volumes moved when asked). */
  intervals: QueueInterval[];
  result: IntervalRequirements;
  /** Agents per grid interval for the schedule's curve. */
  required: number[];
  /** Deferred work outside every template, as it arrives; null when all of it can be covered (or not measured). */
  uncovered: UncoveredWork | null;
  /** Contacts moved into covered hours, and those past the week's last covered interval (next week's work). */
  movedContacts: number;
  carriedToNextWeek: number;
}

export function scheduleWeekRequirements(weekIntervals: readonly QueueInterval[], staffing: ChannelStaffing, options: ScheduleWeekOptions): ScheduleWeekRequirements {
  const intervals = [...weekIntervals];
  const intervalMin = staffing.intervalMin;
  const days = intervals.length / (1440 / intervalMin);
  const reach = staffing.mode === 'deferred' && options.templates ? templateReach([...options.templates], options.skill, intervalMin, days, options.startWeekday) : null;
  let movedContacts = 0;
  let carriedToNextWeek = 0;
  let uncovered: UncoveredWork | null = null;
  if (reach) {
    uncovered = uncoveredWork(requirementsFor(intervals, staffing, false).rows.map((r) => r.required ?? 0), reach, intervalMin);
    if (uncovered && options.deferOutsideShifts) {
      const open = intervals.map((p, t) => reach[t] && p.status === 'open');
      const deferred = deferIntoReach(intervals.map((p) => (p.status === 'open' ? (p.volume ?? 0) : 0)), open);
      movedContacts = deferred.moved;
      carriedToNextWeek = deferred.carriedOver;
      deferred.volumes.forEach((volume, t) => {
        if (intervals[t].status === 'open') intervals[t] = { ...intervals[t], volume };
      });
    }
  }
  const result = requirementsFor(intervals, staffing, options.useIntervalAht);
  let required = result.rows.map((row) => row.required ?? 0);
  // Work moved to the morning is still spread over its response time by the deferred-work model, and so is work
  // arriving just before the last shift ends: what lands past the covered hours waits for the next ones too.
  if (reach && movedContacts > 0) required = deferIntoReach(required, reach).volumes;
  return { intervals, result, required, uncovered, movedContacts, carriedToNextWeek };
}
