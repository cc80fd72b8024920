import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { AccuracyRow, ForecastDay, ForecastIntervalPoint, ForecastView } from '../../shared/api/channels/forecast';
import { forecast } from '../../shared/engine/forecast';
import { getWorkspace } from '../../db/repositories/workspace';
import { getQueue, queueHistoryRange } from '../../db/repositories/intervals';
import {
  dailyActuals,
  dayAdjustments,
  deleteEvent,
  forecastPoints,
  getForecastRun,
  intervalActuals,
  listEvents,
  listForecastRuns,
  saveEvent,
  setDayAdjustment,
} from '../../db/repositories/forecasts';
import { countOf } from '../../shared/text/plural';
import type { Handlers, ServiceContext } from './handlers';

type ForecastHandlers = Pick<
  Handlers,
  | 'forecast.run' | 'forecast.runs' | 'forecast.view' | 'forecast.adjustDay' | 'forecast.accuracy' | 'forecast.exportCsv' | 'forecast.series'
  | 'events.list' | 'events.save' | 'events.delete'
>;

/** History the engine sees: two years is enough for weekly and yearly seasonality and keeps runs quick. */
const HISTORY_DAYS = 730;
/** Recent history the handle-time forecast averages: long enough for every weekday and slot, short enough to follow change. */
const AHT_HISTORY_WEEKS = 8;
/** Daily history shown before the forecast on the chart. */
const CHART_HISTORY_DAYS = 42;

export function forecastHandlers(ctx: ServiceContext): ForecastHandlers {
  const queueOrThrow = (queueId: number) => {
    const queue = getQueue(ctx.db(), queueId);
    if (!queue) throw new ApiError({ code: 'not_found', message: `Queue ${queueId} does not exist`, issues: [{ path: 'queueId', message: 'Unknown queue' }] });
    return queue;
  };
  const runOrThrow = (runId: number) => {
    const run = getForecastRun(ctx.db(), runId);
    if (!run) throw new ApiError({ code: 'not_found', message: `Forecast run ${runId} does not exist`, issues: [{ path: 'runId', message: 'Unknown run' }] });
    return run;
  };

  return {
    'forecast.run': async ({ queueId, horizonDays, method, intervalMin, asOf }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const queue = queueOrThrow(queueId);
      const zone = getWorkspace(db)?.timezone ?? 'UTC';
      const range = queueHistoryRange(db, queue.id);
      if (!range) throw new ApiError({ code: 'not_found', message: `${queue.name} has no history yet: import interval volumes or tickets in the Data area.` });
      const lastDay = asOf ?? range.last.slice(0, 10);
      // An "as of" before the end of the history forecasts days that already happened: a backtest, not a plan.
      const backtest = lastDay < range.last.slice(0, 10);
      if (lastDay < range.first.slice(0, 10)) {
        throw new ApiError({ code: 'invalid_request', message: `As-of date ${lastDay} is before the history starts (${range.first.slice(0, 10)})`, issues: [{ path: 'asOf', message: 'Before the history' }] });
      }
      const forecastInterval = intervalMin ?? queue.intervalMin;
      if (forecastInterval % queue.intervalMin !== 0) {
        throw new ApiError({ code: 'invalid_request', message: `${queue.name} has ${queue.intervalMin}-minute history: forecast at a multiple of it`, issues: [{ path: 'intervalMin', message: 'Not a multiple of the history interval' }] });
      }
      // The history read, the fit and the store run in the job's worker on its own connection (forecastTasks.ts).
      const historyFrom = DateTime.fromISO(lastDay).minus({ days: HISTORY_DAYS - 1 }).toISODate()!;
      const ahtFrom = DateTime.fromISO(lastDay).minus({ weeks: AHT_HISTORY_WEEKS }).plus({ days: 1 }).toISODate()!;
      return ctx.jobs.start(
        'forecast.run',
        'forecast.run',
        { queueId: queue.id, historyIntervalMin: queue.intervalMin, intervalMin: forecastInterval, horizonDays, method, historyFrom, asOf: lastDay, ahtFrom, zone, backtest },
        (run) => ({
          message: `${backtest ? `Backtest as of ${lastDay}` : 'Forecast'} ready for ${queue.name}: ${run.method}${run.wape !== null ? ` (backtest WAPE per interval ${(run.wape * 100).toFixed(1)}%)` : ''}, ${countOf(run.days, 'day')}.`,
          result: { runId: run.runId },
        }),
      );
    },
    'forecast.runs': ({ queueId }) => listForecastRuns(ctx.db(), queueId),
    'forecast.view': ({ runId }) => buildView(ctx.db(), runOrThrow(runId)),
    'forecast.adjustDay': ({ queueId, date, total, note }) => {
      queueOrThrow(queueId);
      return { adjusted: setDayAdjustment(ctx.db(), queueId, date, total, note) };
    },
    'forecast.accuracy': ({ runId }) => accuracy(buildView(ctx.db(), runOrThrow(runId)).days),
    'forecast.exportCsv': ({ runId }) => {
      const run = runOrThrow(runId);
      const view = buildView(ctx.db(), run);
      const lines = ['timestamp,forecast,lo80,hi80,lo95,hi95,adjusted'];
      for (const p of view.points) lines.push([p.start, r2(p.forecast), r2(p.lo80), r2(p.hi80), r2(p.lo95), r2(p.hi95), p.adjusted === null ? '' : r2(p.adjusted)].join(','));
      const queue = getQueue(ctx.db(), run.queueId);
      return { fileName: `forecast-${slug(queue?.name ?? 'queue')}-${run.asOf}.csv`, csv: lines.join('\n') + '\n' };
    },
    'forecast.series': (input) => forecast(input),
    'events.list': () => listEvents(ctx.db()),
    'events.save': ({ id, event }) => {
      const saved = saveEvent(ctx.db(), event, id);
      if (!saved) throw new ApiError({ code: 'not_found', message: `Event ${id} does not exist`, issues: [{ path: 'id', message: 'Unknown event' }] });
      return saved;
    },
    'events.delete': ({ id }) => ({ deleted: deleteEvent(ctx.db(), id) }),
  };
}

/** The statistical forecast with the planner's day totals and the actuals that have arrived since. */
function buildView(db: Database, run: NonNullable<ReturnType<typeof getForecastRun>>): ForecastView {
  const { dailyTotals, intradayProfile, events, intervalModel, warnings, choice, aht } = run.details;
  const first = dailyTotals[0]?.date ?? run.asOf;
  const last = dailyTotals.at(-1)?.date ?? run.asOf;
  const adjustments = dayAdjustments(db, run.queueId, first, last);
  const actualDays = dailyActuals(db, run.queueId, first, last);
  const actualIntervals = intervalActuals(db, run.queueId, first, last, run.intervalMin);
  const days: ForecastDay[] = dailyTotals.map((d) => {
    const adjustment = adjustments.get(d.date);
    return { ...d, adjusted: adjustment?.total ?? null, note: adjustment?.note ?? null, actual: actualDays.get(d.date) ?? null };
  });
  const scaleByDate = new Map(days.filter((d) => d.adjusted !== null).map((d) => [d.date, d.forecast > 0 ? d.adjusted! / d.forecast : 0]));
  const points: ForecastIntervalPoint[] = forecastPoints(db, run.id).map((p) => {
    const scale = scaleByDate.get(p.start.slice(0, 10));
    return { ...p, adjusted: scale === undefined ? null : p.forecast * scale, actual: actualIntervals.get(p.start) ?? null };
  });
  const historyFrom = DateTime.fromISO(run.asOf).minus({ days: CHART_HISTORY_DAYS - 1 }).toISODate()!;
  const historyDays = [...dailyActuals(db, run.queueId, historyFrom, run.asOf)].map(([date, volume]) => ({ date, volume })).sort((a, b) => a.date.localeCompare(b.date));
  return { run: { ...run, scores: run.scores, intervalModel, warnings, events, ...(choice && { choice }), ...(aht && { aht }) }, days, points, intradayProfile, historyDays };
}

/** Forecast versus actual by ISO week and by month, over the days whose actuals have arrived. */
export function accuracy(days: ForecastDay[]): { weeks: AccuracyRow[]; months: AccuracyRow[] } {
  const group = (key: (date: string) => string) => {
    const groups = new Map<string, { forecast: number; actual: number; absError: number; days: number }>();
    for (const d of days) {
      if (d.actual === null) continue;
      const f = d.adjusted ?? d.forecast;
      const g = groups.get(key(d.date)) ?? { forecast: 0, actual: 0, absError: 0, days: 0 };
      g.forecast += f;
      g.actual += d.actual;
      g.absError += Math.abs(f - d.actual);
      g.days += 1;
      groups.set(key(d.date), g);
    }
    return [...groups].map(([period, g]) => ({
      period,
      forecast: g.forecast,
      actual: g.actual,
      wape: g.actual > 0 ? g.absError / g.actual : 0,
      bias: g.actual > 0 ? (g.forecast - g.actual) / g.actual : 0,
      days: g.days,
    }));
  };
  return {
    weeks: group((date) => DateTime.fromISO(date).startOf('week').toISODate()!),
    months: group((date) => date.slice(0, 7)),
  };
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
