/** Daily history aggregates the capacity dashboard reads (all queues together). */
import type { Database } from 'better-sqlite3';

export interface DailyWork {
  date: string;
  tickets: number;
  /** Σ volume × handle time over intervals that have a handle time. */
  handleSec: number;
  /** Tickets in intervals that have a handle time. */
  ticketsWithHandleTime: number;
}

export function dailyWork(db: Database): DailyWork[] {
  return db
    .prepare(
      `SELECT substr(start_local, 1, 10) AS date, SUM(volume) AS tickets,
              COALESCE(SUM(volume * aht_sec), 0) AS handleSec,
              COALESCE(SUM(CASE WHEN aht_sec IS NOT NULL THEN volume END), 0) AS ticketsWithHandleTime
       FROM interval_volumes WHERE status = 'open' GROUP BY date ORDER BY date`,
    )
    .all() as DailyWork[];
}
