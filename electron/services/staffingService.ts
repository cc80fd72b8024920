import { DateTime } from 'luxon';
import { ApiError } from '../../shared/api/errors';
import type { ChannelStaffingSettings, RequirementRow, RequirementsResult, StaffingCurvePoint } from '../../shared/api/channels/staffing';
import { intervalRequirements, solveDeferredDay, solveStaffing, type StaffingInput } from '../../shared/engine/staffing';
import { deleteStaffingProfile, listStaffingProfiles, saveStaffingProfile } from '../../db/repositories/staffingProfiles';
import type { Database } from 'better-sqlite3';
import { getQueue, queueHistoryRange, queueIntervals, type StoredInterval } from '../../db/repositories/intervals';
import { getForecastRun } from '../../db/repositories/forecasts';
import { defaultWeekOfRun } from '../../shared/calendar/forecastWeeks';
import { forecastWeekPoints } from './weekForecastRun';
import type { Handlers, ServiceContext } from './handlers';

type StaffingHandlers = Pick<
  Handlers,
  'staffing.solve' | 'staffing.deferredDay' | 'staffing.requirements' | 'staffing.profiles.list' | 'staffing.profiles.save' | 'staffing.profiles.delete'
>;

/** How far the service-level chart reaches either side of the answer. */
const CURVE_BELOW = 4;
const CURVE_ABOVE = 6;

export function staffingHandlers(ctx: ServiceContext): StaffingHandlers {
  return {
    'staffing.solve': (input) => {
      const result = solveStaffing(input);
      return { ...result, asaSec: finiteOrNull(result.asaSec), curve: serviceLevelCurve(input, result.agents) };
    },
    'staffing.deferredDay': (input) => solveDeferredDay(input),
    'staffing.requirements': ({ staffing, source }) => {
      if (source.kind === 'series') {
        const intervals = source.points.map((p) => ({ startLocal: p.start, utcOffsetMin: 0, status: 'open' as const, volume: p.volume, ahtSec: null }));
        return requirementsFor(intervals, { ...staffing, intervalMin: source.intervalMin });
      }
      const db = ctx.db();
      if (source.kind === 'forecast') return forecastRequirements(db, staffing, source);
      const queue = getQueue(db, source.queueId);
      if (!queue) throw new ApiError({ code: 'not_found', message: `Queue ${source.queueId} does not exist (reset or imported since?)`, issues: [{ path: 'source.queueId', message: 'Unknown queue' }] });
      const weekStart = source.weekStart ?? lastCompleteWeek(queueHistoryRange(db, queue.id)?.last);
      if (!weekStart) throw new ApiError({ code: 'not_found', message: `${queue.name} has no history yet: import interval volumes in the Data area.` });
      const monday = DateTime.fromISO(weekStart);
      if (!monday.isValid) throw new ApiError({ code: 'invalid_request', message: `Week start ${weekStart} is not a date`, issues: [{ path: 'source.weekStart', message: 'Not a date' }] });
      const intervals = queueIntervals(db, queue.id, weekStart, monday.plus({ days: 7 }).toISODate()!);
      return { ...requirementsFor(intervals, { ...staffing, intervalMin: queue.intervalMin }), weekStart, queueName: queue.name };
    },
    'staffing.profiles.list': () => listStaffingProfiles(ctx.db()),
    'staffing.profiles.save': (profile) => saveStaffingProfile(ctx.db(), profile),
    'staffing.profiles.delete': ({ id }) => ({ deleted: deleteStaffingProfile(ctx.db(), id) }),
  };
}

/** Service level, ASA, occupancy (and abandonment) for agent counts around the answer, for the chart. */
function serviceLevelCurve(input: StaffingInput, answer: number): StaffingCurvePoint[] {
  const from = Math.max(1, answer - CURVE_BELOW);
  const points: StaffingCurvePoint[] = [];
  for (let agents = from; agents <= answer + CURVE_ABOVE; agents++) {
    const r = solveStaffing({ ...input, agents, shrinkage: undefined });
    points.push({ agents, serviceLevel: r.serviceLevel, asaSec: finiteOrNull(r.asaSec), occupancy: r.occupancy, ...(r.pAbandon !== undefined && { pAbandon: r.pAbandon }) });
  }
  return points;
}

/**
 * Requirements per interval. Open intervals are solved together (deferred work carries its backlog across them);
 * closed intervals need nobody; missing ones stay unknown rather than being treated as zero.
 */
export function requirementsFor(
  intervals: StoredInterval[],
  staffing: ChannelStaffingSettings,
  /** Live channels: take each interval's own `ahtSec` (a forecast AHT) where it has one, else the settings' AHT. */
  useIntervalAht = false,
): Omit<RequirementsResult, 'weekStart' | 'queueName'> {
  const open = intervals.map((p, i) => ({ p, i })).filter(({ p }) => p.status === 'open');
  const intervalAht = useIntervalAht && staffing.mode === 'live' ? open.map(({ p }) => p.ahtSec) : undefined;
  const solved = intervalRequirements(open.map(({ p }) => p.volume ?? 0), staffing, intervalAht);
  const ahtOf = new Map(open.map(({ i }, k) => [i, intervalAht?.[k] ?? undefined]));
  const byIndex = new Map(open.map(({ i }, k) => [i, solved[k]]));
  const rows: RequirementRow[] = intervals.map((p, i) => {
    const r = byIndex.get(i);
    if (!r) return { start: p.startLocal, status: p.status, volume: null, required: p.status === 'closed' ? 0 : null, requiredExact: p.status === 'closed' ? 0 : null };
    return {
      start: p.startLocal,
      status: 'open',
      volume: r.volume,
      required: r.required,
      requiredExact: r.requiredExact,
      ...(ahtOf.get(i) != null && { ahtSec: ahtOf.get(i)! }),
      ...(r.rostered !== undefined && { rostered: r.rostered }),
      ...(r.metrics && { serviceLevel: r.metrics.serviceLevel, occupancy: r.metrics.occupancy }),
      ...(r.backlog !== undefined && { backlog: r.backlog }),
    };
  });
  const hoursPerInterval = staffing.intervalMin / 60;
  return {
    intervalMin: staffing.intervalMin,
    rows,
    requiredAgentHours: solved.reduce((sum, r) => sum + r.required * hoursPerInterval, 0),
    peakRequired: solved.reduce((max, r) => Math.max(max, r.required), 0),
    missingIntervals: intervals.filter((p) => p.status === 'missing').length,
  };
}

/**
 * Requirements for a week of a forecast run: its intervals on the days it covers (closed intervals where it has no
 * point), the planner's day totals applied; live channels may take the run's AHT per interval.
 */
function forecastRequirements(
  db: Database,
  staffing: ChannelStaffingSettings,
  source: { runId: number; weekStart?: string; useForecastAht: boolean },
): RequirementsResult {
  const run = getForecastRun(db, source.runId);
  if (!run) throw new ApiError({ code: 'not_found', message: `Forecast run ${source.runId} does not exist`, issues: [{ path: 'source.runId', message: 'Unknown run' }] });
  const weekStart = source.weekStart ?? defaultWeekOfRun(run);
  const monday = DateTime.fromISO(weekStart);
  const dates = Array.from({ length: 7 }, (_, d) => monday.plus({ days: d }).toISODate()!);
  const { points, days } = forecastWeekPoints(db, run, dates);
  if (days.length === 0) {
    throw new ApiError({ code: 'invalid_request', message: `Forecast run ${run.id} covers ${run.firstDay} to ${run.lastDay}, not the week of ${weekStart}`, issues: [{ path: 'source.weekStart', message: 'Outside the run' }] });
  }
  const byStart = new Map(points.map((p) => [p.start, p]));
  const intervals: StoredInterval[] = [];
  for (const date of days) {
    for (let minute = 0; minute < 1440; minute += run.intervalMin) {
      const startLocal = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const point = byStart.get(startLocal);
      intervals.push(point ? { startLocal, utcOffsetMin: 0, status: 'open', volume: point.volume, ahtSec: point.ahtSec } : { startLocal, utcOffsetMin: 0, status: 'closed', volume: null, ahtSec: null });
    }
  }
  const useAht = source.useForecastAht && staffing.mode === 'live' && intervals.some((p) => p.ahtSec !== null);
  const queue = getQueue(db, run.queueId);
  const summary = run.details.aht;
  const ahtSource = useAht
    ? `AHT per interval from forecast run #${run.id}: ${summary?.method ?? 'forecast from the handle times in the history'}`
    : source.useForecastAht && staffing.mode === 'live'
      ? `Run #${run.id} has no forecast AHT (${summary ? 'its history had no handle times' : 'it was made before handle times were forecast'}): the AHT typed in the settings is used.`
      : undefined;
  return {
    ...requirementsFor(intervals, { ...staffing, intervalMin: run.intervalMin }, useAht),
    weekStart,
    queueName: queue?.name,
    volumeSource: `forecast run #${run.id} (${run.method}, ${run.backtest ? 'backtest ' : ''}as of ${run.asOf}), ${days[0]} to ${days[days.length - 1]}`,
    ...(ahtSource && { ahtSource }),
  };
}

/** The Monday of the last full Monday–Sunday week that ends on or before the last day of history. */
export function lastCompleteWeek(lastLocal: string | undefined): string | undefined {
  if (!lastLocal) return undefined;
  const lastDay = DateTime.fromISO(lastLocal.slice(0, 10));
  const sunday = lastDay.weekday === 7 ? lastDay : lastDay.minus({ days: lastDay.weekday });
  return sunday.minus({ days: 6 }).toISODate() ?? undefined;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
