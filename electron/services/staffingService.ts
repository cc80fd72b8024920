import { ApiError } from '../../shared/api/errors';
import type { ChannelStaffingSettings, RequirementsResult } from '../../shared/api/channels/staffing';
import { solveDeferredDay, solveStaffing } from '../../shared/engine/staffing';
import { finiteOrNull, forecastDayIntervals, lastCompleteWeek, requirementsFor, serviceLevelCurve } from '../../shared/engine/requirements';
import { addDays, weekDates } from '../../shared/calendar/days';
import { deleteStaffingProfile, listStaffingProfiles, saveStaffingProfile } from '../../db/repositories/staffingProfiles';
import type { Database } from 'better-sqlite3';
import { getQueue, queueHistoryRange, queueIntervals } from '../../db/repositories/intervals';
import { getForecastRun } from '../../db/repositories/forecasts';
import { defaultWeekOfRun } from '../../shared/calendar/forecastWeeks';
import { forecastWeekPoints } from './weekForecastRun';
import type { Handlers, ServiceContext } from './handlers';

type StaffingHandlers = Pick<
  Handlers,
  'staffing.solve' | 'staffing.deferredDay' | 'staffing.requirements' | 'staffing.profiles.list' | 'staffing.profiles.save' | 'staffing.profiles.delete'
>;

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
      const intervals = queueIntervals(db, queue.id, weekStart, addDays(weekStart, 7));
      return { ...requirementsFor(intervals, { ...staffing, intervalMin: queue.intervalMin }), weekStart, queueName: queue.name };
    },
    'staffing.profiles.list': () => listStaffingProfiles(ctx.db()),
    'staffing.profiles.save': (profile) => saveStaffingProfile(ctx.db(), profile),
    'staffing.profiles.delete': ({ id }) => ({ deleted: deleteStaffingProfile(ctx.db(), id) }),
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
  const { points, days } = forecastWeekPoints(db, run, weekDates(weekStart));
  if (days.length === 0) {
    throw new ApiError({ code: 'invalid_request', message: `Forecast run ${run.id} covers ${run.firstDay} to ${run.lastDay}, not the week of ${weekStart}`, issues: [{ path: 'source.weekStart', message: 'Outside the run' }] });
  }
  const intervals = forecastDayIntervals(days, run.intervalMin, points);
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
