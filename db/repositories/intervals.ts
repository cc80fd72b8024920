/** Interval history of a queue, read in local wall-clock order (the repeated fall-back hour in UTC order). */
import type { Database } from 'better-sqlite3';
import type { QueueInterval, WorkspaceQueue } from '../../shared/model';

/** A stored queue: the workspace model's queue by id, without its intervals. */
export interface QueueRow extends Pick<WorkspaceQueue, 'name' | 'intervalMin'> {
  id: number;
  channel: string;
}

export function getQueue(db: Database, queueId: number): QueueRow | undefined {
  return db.prepare('SELECT id, name, channel, interval_min AS intervalMin FROM queues WHERE id = ?').get(queueId) as QueueRow | undefined;
}

/** Intervals with fromLocal ≤ start < toLocal ('YYYY-MM-DDTHH:mm' or dates). */
export function queueIntervals(db: Database, queueId: number, fromLocal: string, toLocal: string): QueueInterval[] {
  return db
    .prepare(
      `SELECT start_local AS startLocal, utc_offset_min AS utcOffsetMin, status, volume, aht_sec AS ahtSec
       FROM interval_volumes WHERE queue_id = ? AND start_local >= ? AND start_local < ?
       ORDER BY start_local, utc_offset_min DESC`,
    )
    .all(queueId, fromLocal, toLocal) as QueueInterval[];
}

export function queueHistoryRange(db: Database, queueId: number): { first: string; last: string } | undefined {
  const row = db.prepare('SELECT MIN(start_local) AS first, MAX(start_local) AS last FROM interval_volumes WHERE queue_id = ?').get(queueId) as
    | { first: string | null; last: string | null }
    | undefined;
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}
