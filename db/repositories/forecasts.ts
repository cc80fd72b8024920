/** Forecast runs, their interval points, planner adjustments and events. */
import { addDays, localTimestamp, minuteOfTimestamp } from '../../shared/calendar/days';
import type { Database } from 'better-sqlite3';
import type { ForecastRunSummary, StoredEvent } from '../../shared/api/channels/forecast';
import type { AhtForecastSummary, ForecastResult, HandleTimeSample, IntervalPoint } from '../../shared/engine/forecast';
import { writeTransaction } from '../writeTransaction';

interface RunRow {
  id: number;
  queue_id: number;
  created_at: string;
  requested_method: string;
  method: string;
  interval_min: number;
  horizon_days: number;
  as_of: string;
  scores: string;
  details: string;
  backtest: number;
  /** Last forecast day, read from the stored daily totals. */
  forecast_to: string | null;
}

/** Columns of a run summary: the row plus the last forecast day, so coverage needs no JSON parse in code. */
const SUMMARY_COLUMNS = `*, json_extract(details, '$.dailyTotals[#-1].date') AS forecast_to`;

export type RunDetails = Pick<ForecastResult, 'dailyTotals' | 'intradayProfile' | 'events' | 'intervalModel' | 'warnings'> &
  Partial<Pick<ForecastResult, 'choice'>> & {
    /** Where the run's per-interval handle times came from; absent for runs stored before they were forecast. */
    aht?: AhtForecastSummary;
  };

const toSummary = (r: RunRow): ForecastRunSummary => ({
  id: r.id,
  queueId: r.queue_id,
  createdAt: r.created_at,
  requestedMethod: r.requested_method,
  method: r.method,
  intervalMin: r.interval_min,
  horizonDays: r.horizon_days,
  asOf: r.as_of,
  backtest: r.backtest === 1,
  firstDay: addDays(r.as_of, 1),
  lastDay: r.forecast_to ?? addDays(r.as_of, r.horizon_days),
});

/**
 * Stores a run and its points in one transaction. `backtest` marks a run made "as of" a date before the end of the
 * history (to compare with what happened): it is never used for a schedule unless chosen. `ahtSec` gives the
 * forecast handle time of an interval start, where the history has handle times.
 */
export function insertForecastRun(
  db: Database,
  run: { queueId: number; requestedMethod: string; intervalMin: number; horizonDays: number; asOf: string; backtest: boolean },
  result: ForecastResult,
  keepStart: (start: string) => boolean,
  extraDetails: Pick<RunDetails, 'aht'> = {},
  ahtSec: (start: string) => number | null = () => null,
): number {
  return writeTransaction(db, () => {
    const details: RunDetails = {
      dailyTotals: result.dailyTotals,
      intradayProfile: result.intradayProfile,
      events: result.events,
      intervalModel: result.intervalModel,
      warnings: result.warnings,
      ...(result.choice && { choice: result.choice }),
      ...extraDetails,
    };
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO forecast_runs (queue_id, created_at, requested_method, method, interval_min, horizon_days, as_of, scores, details, backtest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.queueId, new Date().toISOString(), run.requestedMethod, result.method, run.intervalMin, run.horizonDays, run.asOf, JSON.stringify(result.scores), JSON.stringify(details), run.backtest ? 1 : 0);
    const runId = Number(lastInsertRowid);
    const insert = db.prepare('INSERT INTO forecast_points (run_id, start_local, forecast, lo80, hi80, lo95, hi95, aht_sec) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of result.points) if (keepStart(p.start)) insert.run(runId, p.start, p.forecast, p.lo80, p.hi80, p.lo95, p.hi95, ahtSec(p.start));
    return runId;
  });
}

export function listForecastRuns(db: Database, queueId: number): ForecastRunSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM forecast_runs WHERE queue_id = ? ORDER BY id DESC`).all(queueId) as RunRow[]).map(toSummary);
}

export function getForecastRun(db: Database, runId: number): (ForecastRunSummary & { scores: ForecastResult['scores']; details: RunDetails }) | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM forecast_runs WHERE id = ?`).get(runId) as RunRow | undefined;
  return row && { ...toSummary(row), scores: JSON.parse(row.scores) as ForecastResult['scores'], details: JSON.parse(row.details) as RunDetails };
}

export function forecastPoints(db: Database, runId: number) {
  return db
    .prepare('SELECT start_local AS start, forecast, lo80, hi80, lo95, hi95, aht_sec AS ahtSec FROM forecast_points WHERE run_id = ? ORDER BY start_local')
    .all(runId) as { start: string; forecast: number; lo80: number; hi80: number; lo95: number; hi95: number; ahtSec: number | null }[];
}

export function dayAdjustments(db: Database, queueId: number, from: string, to: string): Map<string, { total: number; note: string | null }> {
  const rows = db.prepare('SELECT date, total, note FROM forecast_adjustments WHERE queue_id = ? AND date >= ? AND date <= ?').all(queueId, from, to) as {
    date: string;
    total: number;
    note: string | null;
  }[];
  return new Map(rows.map((r) => [r.date, { total: r.total, note: r.note }]));
}

/** Sets a day's total, or with `total` null reverts the day to the statistical forecast. */
export function setDayAdjustment(db: Database, queueId: number, date: string, total: number | null, note?: string): boolean {
  if (total === null) return db.prepare('DELETE FROM forecast_adjustments WHERE queue_id = ? AND date = ?').run(queueId, date).changes > 0;
  db.prepare(
    `INSERT INTO forecast_adjustments (queue_id, date, total, note, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(queue_id, date) DO UPDATE SET total = excluded.total, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(queueId, date, total, note ?? null, new Date().toISOString());
  return true;
}

/** History as the engine reads it: open → volume, closed and missing kept as markers. */
export function historySeries(db: Database, queueId: number, fromDate: string, toDateInclusive: string): IntervalPoint[] {
  const rows = db
    .prepare(
      `SELECT start_local AS start, status, volume FROM interval_volumes
       WHERE queue_id = ? AND start_local >= ? AND start_local < ? || 'T99'
       ORDER BY start_local, utc_offset_min DESC`,
    )
    .all(queueId, fromDate, toDateInclusive) as { start: string; status: 'open' | 'closed' | 'missing'; volume: number | null }[];
  return rows.map((r) => ({ start: r.start, value: r.status === 'open' ? r.volume! : r.status }));
}

/** Open intervals with a measured handle time between two dates inclusive, for the AHT forecast. */
export function handleTimeSamples(db: Database, queueId: number, from: string, to: string): HandleTimeSample[] {
  return db
    .prepare(
      `SELECT start_local AS start, volume, aht_sec AS ahtSec FROM interval_volumes
       WHERE queue_id = ? AND status = 'open' AND aht_sec IS NOT NULL AND start_local >= ? AND start_local < ? || 'T99'`,
    )
    .all(queueId, from, to) as HandleTimeSample[];
}

/** Actual volume per local day (open intervals only) between two dates inclusive. */
export function dailyActuals(db: Database, queueId: number, from: string, to: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT substr(start_local, 1, 10) AS date, SUM(volume) AS volume FROM interval_volumes
       WHERE queue_id = ? AND status = 'open' AND start_local >= ? AND start_local < ? || 'T99' GROUP BY date`,
    )
    .all(queueId, from, to) as { date: string; volume: number }[];
  return new Map(rows.map((r) => [r.date, r.volume]));
}

/** Actual volume per interval start, summed to `intervalMin` when the history is finer. */
export function intervalActuals(db: Database, queueId: number, from: string, to: string, intervalMin: number): Map<string, number> {
  const rows = db
    .prepare(`SELECT start_local AS start, volume FROM interval_volumes WHERE queue_id = ? AND status = 'open' AND start_local >= ? AND start_local < ? || 'T99'`)
    .all(queueId, from, to) as { start: string; volume: number }[];
  const totals = new Map<string, number>();
  for (const r of rows) {
    const slot = Math.floor(minuteOfTimestamp(r.start) / intervalMin) * intervalMin;
    const key = localTimestamp(r.start.slice(0, 10), slot);
    totals.set(key, (totals.get(key) ?? 0) + r.volume);
  }
  return totals;
}

interface EventRow {
  id: number;
  name: string;
  start_date: string;
  end_date: string;
  effect: StoredEvent['effect'];
  value: number | null;
  queue_id: number | null;
}

const toEvent = (r: EventRow): StoredEvent => ({ id: r.id, name: r.name, startDate: r.start_date, endDate: r.end_date, effect: r.effect, value: r.value, queueId: r.queue_id });

export function listEvents(db: Database, queueId?: number): StoredEvent[] {
  const rows = (
    queueId === undefined
      ? db.prepare('SELECT * FROM forecast_events ORDER BY start_date').all()
      : db.prepare('SELECT * FROM forecast_events WHERE queue_id IS NULL OR queue_id = ? ORDER BY start_date').all(queueId)
  ) as EventRow[];
  return rows.map(toEvent);
}

export function saveEvent(db: Database, event: Omit<StoredEvent, 'id'>, id?: number): StoredEvent | undefined {
  const values = [event.name, event.startDate, event.endDate, event.effect, event.value, event.queueId];
  const row =
    id === undefined
      ? db.prepare('INSERT INTO forecast_events (name, start_date, end_date, effect, value, queue_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING *').get(...values)
      : db.prepare('UPDATE forecast_events SET name = ?, start_date = ?, end_date = ?, effect = ?, value = ?, queue_id = ? WHERE id = ? RETURNING *').get(...values, id);
  return row ? toEvent(row as EventRow) : undefined;
}

export function deleteEvent(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM forecast_events WHERE id = ?').run(id).changes > 0;
}
