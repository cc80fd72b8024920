/** The planner's choice of forecast run per queue and schedule week (no row: the automatic default applies). */
import type { Database } from 'better-sqlite3';

/** queue id → chosen run id for the week starting `weekStart`. */
export function weekForecastChoices(db: Database, weekStart: string): Map<number, number> {
  const rows = db.prepare('SELECT queue_id AS queueId, run_id AS runId FROM week_forecast_choices WHERE week_start = ?').all(weekStart) as { queueId: number; runId: number }[];
  return new Map(rows.map((r) => [r.queueId, r.runId]));
}

/** Sets the run for a queue's week, or with `runId` null goes back to the automatic default. */
export function setWeekForecastChoice(db: Database, weekStart: string, queueId: number, runId: number | null): void {
  if (runId === null) {
    db.prepare('DELETE FROM week_forecast_choices WHERE week_start = ? AND queue_id = ?').run(weekStart, queueId);
    return;
  }
  db.prepare(
    `INSERT INTO week_forecast_choices (week_start, queue_id, run_id, chosen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(week_start, queue_id) DO UPDATE SET run_id = excluded.run_id, chosen_at = excluded.chosen_at`,
  ).run(weekStart, queueId, runId, new Date().toISOString());
}
