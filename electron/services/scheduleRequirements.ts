/**
 * The requirement curves a week is scheduled against: per skill (a queue's channel) and interval, the agents
 * needed on the floor. Each queue's volumes come from the forecast run chosen for the week — by the planner, else the
 * newest run reaching the week that is not a backtest (weekForecastRun.ts) — on the days that run covers (with the
 * planner's day adjustments, and the run's AHT per interval for live channels), else from that week's history; they are summed to the schedule's interval and turned
 * into agents with the queue's saved staffing profile, or the staffing defaults the Staffing area starts from.
 * Shrinkage is not added: breaks are scheduled explicitly, and the curve is what must be on the floor.
 */
import type { Database } from 'better-sqlite3';
import type { ChannelStaffingSettings } from '../../shared/api/channels/staffing';
import type { OutsideShiftsWork, ScheduleRequirementSource, WeekRequirements } from '../../shared/api/channels/schedule';
import type { ShiftTemplate } from '../../shared/engine/schedule/model';
import { weekdayOfDate } from '../../shared/engine/schedule/time';
import type { ChannelKind, QueueSummary } from '../../shared/api/types';
import type { QueueInterval } from '../../shared/model';
import { describeStaffing, queueStaffing, scheduleWeekRequirements, weekIntervals } from '../../shared/engine/requirements';
import { addDays, weekDates } from '../../shared/calendar/days';
import { weeksOfRun } from '../../shared/calendar/forecastWeeks';
import { queueSummaries } from '../../db/repositories/workspace';
import { queueIntervals } from '../../db/repositories/intervals';
import { listStaffingProfiles } from '../../db/repositories/staffingProfiles';
import { listForecastRuns } from '../../db/repositories/forecasts';
import { weekForecastChoices } from '../../db/repositories/weekForecastChoices';
import { forecastWeekPoints, selectWeekRun } from './weekForecastRun';
import { countOf } from '../../shared/text/plural';

const DAYS = 7;

/** A queue's week as weekRequirements read it: interval volumes (forecast or history) and the staffing applied. */
export interface QueueWeekLoad {
  queue: QueueSummary;
  intervals: QueueInterval[];
  staffing: ChannelStaffingSettings;
}

export interface WeekRequirementOptions {
  /** The shift templates the week will be solved with: deferred work outside all of them is reported once. */
  templates?: ShiftTemplate[];
  /** Move that work into the next hours a template covers (the deferred-work model carries it as backlog). */
  deferOutsideShifts?: boolean;
  /** Called with each queue's week as read (the dashboard rates intervals against the same volumes). */
  onQueueLoad?: (load: QueueWeekLoad) => void;
}

export function weekRequirements(db: Database, weekStart: string, intervalMinutes: 15 | 30, options: WeekRequirementOptions = {}): WeekRequirements {
  const dates = weekDates(weekStart);
  const slotsPerDay = 1440 / intervalMinutes;
  const profiles = listStaffingProfiles(db);
  const series = new Map<string, Float64Array>();
  const sources: ScheduleRequirementSource[] = [];
  const notes: string[] = [];
  const choices = weekForecastChoices(db, weekStart);
  const outsideShifts: OutsideShiftsWork[] = [];

  for (const queue of queueSummaries(db)) {
    // Forecast days: the run chosen for the week (or the newest non-backtest run reaching it), scaled by the
    // planner's day totals; history on every other day of the week.
    const selection = selectWeekRun(db, queue, dates, choices.get(queue.id));
    const run = selection.run;
    const forecast = run ? { intervalMin: run.intervalMin, ...forecastWeekPoints(db, run, dates) } : undefined;
    const history = { intervalMin: queue.intervalMin, intervals: queueIntervals(db, queue.id, weekStart, addDays(weekStart, DAYS)) };
    const week = weekIntervals({ dates, intervalMin: intervalMinutes, forecast, history });
    const { forecastDays, historyDays, daysWithoutData, missingIntervals } = week;

    const { staffing, profile } = queueStaffing(profiles, queue, intervalMinutes);
    const forecastAhtUsed = staffing.mode === 'live' && week.intervals.some((p) => p.ahtSec !== null);
    // Deferred work outside every template: measured as it arrives, then (if the planner chose) moved into covered hours.
    const solved = scheduleWeekRequirements(week.intervals, staffing, {
      useIntervalAht: forecastAhtUsed,
      templates: options.templates,
      skill: queue.channel,
      startWeekday: weekdayOfDate(weekStart),
      deferOutsideShifts: options.deferOutsideShifts,
    });
    const { intervals, result, uncovered, movedContacts, carriedToNextWeek } = solved;
    if (uncovered) {
      outsideShifts.push({ queueId: queue.id, queueName: queue.name, skill: queue.channel, ...uncovered, deferred: movedContacts > 0, movedContacts: Math.round(movedContacts * 10) / 10, carriedToNextWeek: Math.round(carriedToNextWeek * 10) / 10 });
    }
    options.onQueueLoad?.({ queue, intervals, staffing });
    const curve = series.get(queue.channel) ?? new Float64Array(DAYS * slotsPerDay);
    solved.required.forEach((required, t) => (curve[t] += required));
    series.set(queue.channel, curve);

    const source: ScheduleRequirementSource['source'] =
      forecastDays.length > 0 && historyDays.length > 0 ? 'forecast+history' : forecastDays.length > 0 ? 'forecast' : historyDays.length > 0 ? 'history' : 'none';
    sources.push({
      queueId: queue.id,
      queueName: queue.name,
      channel: queue.channel as ChannelKind,
      source,
      forecastRunId: forecastDays.length > 0 && run ? run.id : null,
      forecastMethod: forecastDays.length > 0 && run ? run.method : null,
      forecastChoice: forecastDays.length > 0 ? selection.how : 'none',
      forecastDays,
      historyDays,
      daysWithoutData,
      missingIntervals,
      profileName: profile?.name ?? null,
      staffingSummary: describeStaffing(staffing) + (forecastAhtUsed && run ? `; on forecast days AHT per interval from run #${run.id} (${ahtRange(intervals)})` : ''),
      volume: intervals.reduce((sum, p) => sum + (p.volume ?? 0), 0),
      requiredAgentHours: result.requiredAgentHours,
      peakRequired: result.peakRequired,
    });
    if (daysWithoutData.length === DAYS) notes.push(`${queue.name} has neither a forecast nor history for this week: it needs nobody. ${selection.lookedFor} Run a forecast in the Forecast area, or choose a run for this week.`);
    else if (daysWithoutData.length > 0) notes.push(`${queue.name} has no forecast or history for ${daysWithoutData.join(', ')}: nobody is required then. ${selection.lookedFor}`);
    if (missingIntervals > 0) notes.push(`${queue.name}: ${countOf(missingIntervals, 'interval')} of this week's history ${missingIntervals === 1 ? 'is' : 'are'} missing data and count${missingIntervals === 1 ? 's' : ''} as zero.`);
  }

  return {
    weekStart,
    intervalMinutes,
    days: DAYS,
    series: [...series].map(([skill, required]) => ({ skill, required: Array.from(required, (v) => Math.round(v * 1000) / 1000) })),
    sources,
    notes,
    ...(outsideShifts.length > 0 && { outsideShifts }),
  };
}

/** Mondays of the weeks a forecast reaches, per the newest run of each queue that is not a backtest. */
export function forecastWeeks(db: Database): string[] {
  const weeks = new Set<string>();
  for (const queue of queueSummaries(db)) {
    const run = listForecastRuns(db, queue.id).find((r) => !r.backtest);
    if (run) weeksOfRun(run).forEach((w) => weeks.add(w.monday));
  }
  return [...weeks].sort();
}

/** "AHT 312–348 s": the range of the per-interval handle times used. */
function ahtRange(intervals: readonly QueueInterval[]): string {
  const values = intervals.flatMap((p) => (p.ahtSec === null ? [] : [p.ahtSec]));
  const low = Math.round(Math.min(...values));
  const high = Math.round(Math.max(...values));
  return low === high ? `${low} s` : `${low}–${high} s`;
}
