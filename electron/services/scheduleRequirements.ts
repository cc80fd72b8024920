/**
 * The requirement curves a week is scheduled against: per skill (a queue's channel) and interval, the agents
 * needed on the floor. Each queue's volumes come from the forecast run chosen for the week — by the planner, else the
 * newest run reaching the week that is not a backtest (weekForecastRun.ts) — on the days that run covers (with the
 * planner's day adjustments, and the run's AHT per interval for live channels), else from that week's history; they are summed to the schedule's interval and turned
 * into agents with the queue's saved staffing profile, or the staffing defaults the Staffing area starts from.
 * Shrinkage is not added: breaks are scheduled explicitly, and the curve is what must be on the floor.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import type { ChannelStaffingSettings, StaffingProfile } from '../../shared/api/channels/staffing';
import type { OutsideShiftsWork, ScheduleRequirementSource, WeekRequirements } from '../../shared/api/channels/schedule';
import type { ShiftTemplate } from '../../shared/engine/schedule/model';
import { deferIntoReach, templateReach, uncoveredWork } from '../../shared/engine/schedule/templateReach';
import { weekdayOfDate } from '../../shared/engine/schedule/time';
import type { ChannelKind, QueueSummary } from '../../shared/api/types';
import { queueSummaries } from '../../db/repositories/workspace';
import { queueIntervals, type StoredInterval } from '../../db/repositories/intervals';
import { listStaffingProfiles } from '../../db/repositories/staffingProfiles';
import { listForecastRuns } from '../../db/repositories/forecasts';
import { weekForecastChoices } from '../../db/repositories/weekForecastChoices';
import { forecastWeekPoints, selectWeekRun } from './weekForecastRun';
import { countOf } from '../../shared/text/plural';
import { requirementsFor } from './staffingService';

const DAYS = 7;
const MINUTES_PER_DAY = 1440;

/** The staffing defaults of the Staffing area (renderer/src/stores/requirementsStore.ts `defaultSettings`). */
export function defaultStaffing(queue: Pick<QueueSummary, 'channel' | 'meanAhtSec'>, intervalMin: number): ChannelStaffingSettings {
  const aht = Math.round(queue.meanAhtSec ?? 300);
  if (queue.channel === 'email' || queue.channel === 'social') {
    return { mode: 'deferred', handleSec: aht, responseSec: 4 * 3600, intervalMin, maxOccupancy: 0.9, shrinkage: 0.3 };
  }
  return {
    mode: 'live',
    intervalMin,
    ahtSec: aht,
    shrinkage: 0.3,
    ...(queue.channel === 'chat' && { concurrency: { concurrency: 2, efficiency: 1 } }),
    targets: { answerSec: 20, serviceLevel: 0.8, maxOccupancy: 0.85 },
  } as ChannelStaffingSettings;
}

export function describeStaffing(s: ChannelStaffingSettings): string {
  const pct = (v: number | undefined) => (v === undefined ? '' : `${Math.round(v * 1000) / 10}%`);
  if (s.mode === 'deferred') {
    return `deferred work: ${Math.round(s.handleSec)} s per item, answered within ${+(s.responseSec / 3600).toFixed(2)} h${s.maxOccupancy ? `, occupancy ≤ ${pct(s.maxOccupancy)}` : ''}`;
  }
  const concurrency = s.concurrency?.concurrency ?? 1;
  return `Erlang ${s.patienceSec ? 'A' : 'C'}: AHT ${Math.round(s.ahtSec)} s, ${pct(s.targets.serviceLevel)} in ${s.targets.answerSec} s${s.targets.maxOccupancy ? `, occupancy ≤ ${pct(s.targets.maxOccupancy)}` : ''}${concurrency > 1 ? `, ${concurrency} contacts at once` : ''}`;
}

export function weekDates(weekStart: string): string[] {
  const monday = DateTime.fromISO(weekStart);
  return Array.from({ length: DAYS }, (_, d) => monday.plus({ days: d }).toISODate()!);
}

function minuteOf(start: string): number {
  return Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16));
}

interface Slot {
  open: number;
  volume: number;
  closed: number;
  missing: number;
}

/** A queue's week as weekRequirements read it: interval volumes (forecast or history) and the staffing applied. */
export interface QueueWeekLoad {
  queue: QueueSummary;
  intervals: StoredInterval[];
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
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const slotsPerDay = MINUTES_PER_DAY / intervalMinutes;
  const profiles = listStaffingProfiles(db);
  const series = new Map<string, Float64Array>();
  const sources: ScheduleRequirementSource[] = [];
  const notes: string[] = [];
  const choices = weekForecastChoices(db, weekStart);
  const outsideShifts: OutsideShiftsWork[] = [];

  for (const queue of queueSummaries(db)) {
    const slots: (Slot | null)[][] = dates.map(() => Array.from({ length: slotsPerDay }, () => null));
    const add = (day: number, minute: number, status: StoredInterval['status'] | 'open', volume: number) => {
      const index = Math.floor(minute / intervalMinutes);
      if (index < 0 || index >= slotsPerDay) return;
      const slot = (slots[day][index] ??= { open: 0, volume: 0, closed: 0, missing: 0 });
      if (status === 'open') {
        slot.open++;
        slot.volume += volume;
      } else if (status === 'closed') slot.closed++;
      else slot.missing++;
    };

    // Forecast days: the run chosen for the week (or the newest non-backtest run reaching it), scaled by the
    // planner's day totals; each interval keeps the run's forecast AHT where the history had handle times.
    const forecastDays = new Set<string>();
    const selection = selectWeekRun(db, queue, dates, choices.get(queue.id));
    const run = selection.run;
    const ahtBySlot: (number | null)[][] = dates.map(() => Array.from({ length: slotsPerDay }, () => null));
    if (run) {
      const { points, days } = forecastWeekPoints(db, run, dates);
      days.forEach((d) => forecastDays.add(d));
      for (const p of points) {
        const day = dateIndex.get(p.start.slice(0, 10))!;
        // A forecast coarser than the schedule's interval is spread evenly over the intervals it spans.
        const parts = Math.max(1, run.intervalMin / intervalMinutes);
        for (let k = 0; k < parts; k++) {
          const minute = minuteOf(p.start) + k * intervalMinutes;
          add(day, minute, 'open', p.volume / parts);
          const index = Math.floor(minute / intervalMinutes);
          if (p.ahtSec !== null && index < slotsPerDay) ahtBySlot[day][index] = p.ahtSec;
        }
      }
      // Days the forecast covers but has no point in are closed (the forecast leaves closed days out).
      days.forEach((date) => {
        const day = dateIndex.get(date)!;
        slots[day].forEach((slot, i) => {
          if (!slot) slots[day][i] = { open: 0, volume: 0, closed: 1, missing: 0 };
        });
      });
    }

    // History on every other day of the week.
    const historyDays = new Set<string>();
    let missingIntervals = 0;
    const history = queueIntervals(db, queue.id, weekStart, DateTime.fromISO(weekStart).plus({ days: DAYS }).toISODate()!);
    for (const p of history) {
      const date = p.startLocal.slice(0, 10);
      if (forecastDays.has(date)) continue;
      const day = dateIndex.get(date);
      if (day === undefined) continue;
      historyDays.add(date);
      if (p.status === 'missing') missingIntervals++;
      const parts = Math.max(1, queue.intervalMin / intervalMinutes);
      for (let k = 0; k < parts; k++) add(day, minuteOf(p.startLocal) + k * intervalMinutes, p.status, (p.volume ?? 0) / parts);
    }

    const daysWithoutData = dates.filter((d) => !forecastDays.has(d) && !historyDays.has(d));
    const intervals: StoredInterval[] = [];
    dates.forEach((date, day) => {
      for (let i = 0; i < slotsPerDay; i++) {
        const slot = slots[day][i];
        const minute = i * intervalMinutes;
        const startLocal = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        // Open when any part is open; missing when part is unknown and nothing is open; closed otherwise (also
        // the hour skipped at a spring-forward, and days without any data).
        const status = !slot ? (daysWithoutData.includes(date) ? 'missing' : 'closed') : slot.open > 0 ? 'open' : slot.missing > 0 ? 'missing' : 'closed';
        intervals.push({ startLocal, utcOffsetMin: 0, status, volume: status === 'open' ? slot!.volume : null, ahtSec: status === 'open' ? ahtBySlot[day][i] : null });
      }
    });

    const profile = profileFor(profiles, queue);
    const staffing = { ...(profile?.settings ?? defaultStaffing(queue, intervalMinutes)), intervalMin: intervalMinutes } as ChannelStaffingSettings;
    const forecastAhtUsed = staffing.mode === 'live' && intervals.some((p) => p.ahtSec !== null);
    // Deferred work outside every template: measured as it arrives, then (if the planner chose) moved into covered hours.
    const reach = staffing.mode === 'deferred' && options.templates ? templateReach(options.templates, queue.channel, intervalMinutes, DAYS, weekdayOfDate(weekStart)) : null;
    let movedContacts = 0;
    let carriedToNextWeek = 0;
    let uncovered = null;
    if (reach) {
      uncovered = uncoveredWork(requirementsFor(intervals, staffing, false).rows.map((r) => r.required ?? 0), reach, intervalMinutes);
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
    const result = requirementsFor(intervals, staffing, forecastAhtUsed);
    if (uncovered) {
      outsideShifts.push({ queueId: queue.id, queueName: queue.name, skill: queue.channel, ...uncovered, deferred: movedContacts > 0, movedContacts: Math.round(movedContacts * 10) / 10, carriedToNextWeek: Math.round(carriedToNextWeek * 10) / 10 });
    }
    options.onQueueLoad?.({ queue, intervals, staffing });
    const curve = (series.get(queue.channel) ?? new Float64Array(DAYS * slotsPerDay)) as Float64Array;
    let queueRequired = result.rows.map((row) => row.required ?? 0);
    // Work moved to the morning is still spread over its response time by the deferred-work model, and so is work
    // arriving just before the last shift ends: what lands past the covered hours waits for the next ones too.
    if (reach && movedContacts > 0) queueRequired = deferIntoReach(queueRequired, reach).volumes;
    queueRequired.forEach((required, t) => (curve[t] += required));
    series.set(queue.channel, curve);

    const source: ScheduleRequirementSource['source'] =
      forecastDays.size > 0 && historyDays.size > 0 ? 'forecast+history' : forecastDays.size > 0 ? 'forecast' : historyDays.size > 0 ? 'history' : 'none';
    sources.push({
      queueId: queue.id,
      queueName: queue.name,
      channel: queue.channel as ChannelKind,
      source,
      forecastRunId: forecastDays.size > 0 && run ? run.id : null,
      forecastMethod: forecastDays.size > 0 && run ? run.method : null,
      forecastChoice: forecastDays.size > 0 ? selection.how : 'none',
      forecastDays: [...forecastDays].sort(),
      historyDays: [...historyDays].sort(),
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

/** The profile saved for this queue (by name), newest first; profiles of another channel do not apply. */
function profileFor(profiles: StaffingProfile[], queue: QueueSummary): StaffingProfile | undefined {
  return profiles
    .filter((p) => p.queueName === queue.name && p.channel === queue.channel)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Mondays of the weeks a forecast reaches, per the newest run of each queue that is not a backtest. */
export function forecastWeeks(db: Database): string[] {
  const weeks = new Set<string>();
  for (const queue of queueSummaries(db)) {
    const run = listForecastRuns(db, queue.id).find((r) => !r.backtest);
    if (!run) continue;
    for (let d = DateTime.fromISO(run.firstDay); d.toISODate()! <= run.lastDay; d = d.plus({ days: 1 })) weeks.add(d.startOf('week').toISODate()!);
  }
  return [...weeks].sort();
}

/** "AHT 312–348 s": the range of the per-interval handle times used. */
function ahtRange(intervals: StoredInterval[]): string {
  const values = intervals.flatMap((p) => (p.ahtSec === null ? [] : [p.ahtSec]));
  const low = Math.round(Math.min(...values));
  const high = Math.round(Math.max(...values));
  return low === high ? `${low} s` : `${low}–${high} s`;
}
