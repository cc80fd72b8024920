/**
 * A forecast run in the job's worker, on its own connection: it reads up to two years of interval history (tens of
 * thousands of rows), fits and backtests the methods, forecasts handle times, and stores the run and its points in
 * one transaction. The thread that serves the UI only starts it and words the done message.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { forecast, forecastAht, ForecastCancelledError, type ForecastEvent, type ForecastInput } from '../../shared/engine/forecast';
import { handleTimeSamples, historySeries, insertForecastRun, listEvents } from '../../db/repositories/forecasts';
import { TaskCancelledError, type WorkspaceTaskContext } from './taskContext';

export interface ForecastRunTaskInput {
  queueId: number;
  /** The queue's history interval, in minutes. */
  historyIntervalMin: number;
  /** The forecast's interval, a multiple of the history's, in minutes. */
  intervalMin: number;
  horizonDays: number;
  method: ForecastInput['method'];
  /** History read: these local dates, inclusive. */
  historyFrom: string;
  asOf: string;
  /** Handle-time samples read from this local date to asOf. */
  ahtFrom: string;
  /** The workspace's zone: wall-clock starts that do not exist in it are not stored. */
  zone: string;
  backtest: boolean;
}

export interface ForecastRunTaskOutput {
  runId: number;
  method: string;
  /** Backtest WAPE per interval of the chosen method, a fraction; null when it was not backtested. */
  wape: number | null;
  days: number;
}

export function runForecastTask(input: ForecastRunTaskInput, ctx: WorkspaceTaskContext): ForecastRunTaskOutput {
  const db = ctx.db();
  ctx.progress(0, 'Reading the history…');
  const points = historySeries(db, input.queueId, input.historyFrom, input.asOf);
  ctx.checkCancelled();
  let result;
  try {
    result = forecast(
      { history: { intervalMin: input.historyIntervalMin, points }, intervalMin: input.intervalMin, horizonDays: input.horizonDays, method: input.method, events: engineEvents(db, input.queueId) },
      { onProgress: ctx.progress, shouldCancel: ctx.isCancelled },
    );
  } catch (error) {
    if (error instanceof ForecastCancelledError) throw new TaskCancelledError();
    throw error;
  }
  const forecastResult = result;
  const aht = forecastAht(handleTimeSamples(db, input.queueId, input.ahtFrom, input.asOf), input.intervalMin, forecastResult.points.map((p) => p.start));
  ctx.progress(0.99, 'Saving…');
  const runId = ctx.write(() =>
    insertForecastRun(
      db,
      { queueId: input.queueId, requestedMethod: input.method, intervalMin: input.intervalMin, horizonDays: input.horizonDays, asOf: input.asOf, backtest: input.backtest },
      forecastResult,
      (start) => existsInZone(start, input.zone),
      { aht: aht.summary },
      (start) => aht.ahtSec.get(start) ?? null,
    ),
  );
  const chosen = forecastResult.scores.find((s) => s.method === forecastResult.method);
  return { runId, method: forecastResult.method, wape: chosen?.wape ?? null, days: forecastResult.dailyTotals.length };
}

function engineEvents(db: Database, queueId: number): ForecastEvent[] {
  return listEvents(db, queueId).map((e) => ({ name: e.name, start: e.startDate, end: e.endDate, effect: e.effect, ...(e.value !== null && { value: e.value }) }));
}

/** The engine knows no zones: drop wall-clock starts that do not exist (the hour skipped at spring-forward). */
function existsInZone(start: string, zone: string): boolean {
  const at = DateTime.fromISO(start, { zone });
  return at.isValid && at.toFormat("yyyy-MM-dd'T'HH:mm") === start;
}
