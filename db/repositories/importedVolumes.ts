/**
 * Writes imported interval history: queues are created by name or matched, and each queue's intervals inside the
 * imported date range are replaced, all in one transaction, so an import is
 * either wholly there or not at all.
 */
import type { Database } from 'better-sqlite3';
import { bumpHistoryRevision } from './historyRevision';
import { addDays } from '../../shared/calendar/days';
import type { ChannelKind } from '../../shared/api/types';
import type { ImportLogEntry } from '../../shared/api/channels/dataImport';
import { writeTransaction } from '../writeTransaction';

/** Rows per INSERT statement (5 parameters each, well under SQLite's limit). */
const INSERT_BATCH = 200;

export interface QueueByName {
  id: number;
  name: string;
  channel: ChannelKind;
  intervalMin: number;
}

/** One queue's imported intervals, all 'open' (0 is a real zero); parallel arrays keep a year of them compact. */
export interface ImportedSeriesWrite {
  queueName: string;
  /** Used when the queue is created; an existing queue keeps its channel. */
  channel: ChannelKind;
  intervalMin: number;
  /** Local dates, inclusive: the queue's stored intervals starting on these days are replaced. */
  fromDate: string;
  toDate: string;
  localStart: readonly string[];
  offsetMin: readonly number[];
  volume: readonly number[];
  ahtSec: readonly (number | null)[];
}

export interface ImportedSeriesOutcome {
  queueId: number;
  queueName: string;
  channel: ChannelKind;
  created: boolean;
  intervals: number;
  replacedIntervals: number;
}

export function queuesByName(db: Database): Map<string, QueueByName> {
  const rows = db.prepare('SELECT id, name, channel, interval_min AS intervalMin FROM queues ORDER BY id').all() as QueueByName[];
  return new Map(rows.map((row) => [row.name, row]));
}

/** The day after a local date `YYYY-MM-DD`. */

/**
 * Creates or matches each series' queue, deletes its intervals in the date range and inserts the new ones, in
 * one transaction. Throws (and writes nothing) when an existing queue's interval length differs from the series'.
 */
export function replaceImportedIntervals(db: Database, series: readonly ImportedSeriesWrite[]): ImportedSeriesOutcome[] {
  const findQueue = db.prepare('SELECT id, name, channel, interval_min AS intervalMin FROM queues WHERE name = ?');
  const insertQueue = db.prepare('INSERT INTO queues (name, channel, interval_min) VALUES (?, ?, ?)');
  const deleteRange = db.prepare('DELETE FROM interval_volumes WHERE queue_id = ? AND start_local >= ? AND start_local < ?');
  const insertRows = (rows: number) =>
    db.prepare(`INSERT INTO interval_volumes (queue_id, start_local, utc_offset_min, status, volume, aht_sec) VALUES ${Array(rows).fill("(?, ?, ?, 'open', ?, ?)").join(', ')}`);
  // Many rows per statement: a year of 15-minute intervals for 20 queues is 700,000 rows, written twice as fast.
  const insertBatch = insertRows(INSERT_BATCH);
  const insertOne = insertRows(1);
  const values = new Array<unknown>(INSERT_BATCH * 5);
  return writeTransaction(db, () => {
    bumpHistoryRevision(db);
    return series.map((s): ImportedSeriesOutcome => {
      const existing = findQueue.get(s.queueName) as QueueByName | undefined;
      if (existing && existing.intervalMin !== s.intervalMin) {
        throw new Error(`Nothing was imported: queue "${s.queueName}" has ${existing.intervalMin}-minute intervals, not ${s.intervalMin}.`);
      }
      const queueId = existing ? existing.id : Number(insertQueue.run(s.queueName, s.channel, s.intervalMin).lastInsertRowid);
      const replacedIntervals = existing ? deleteRange.run(queueId, s.fromDate, addDays(s.toDate, 1)).changes : 0;
      // The schema keeps AHT positive: an interval whose contacts all took no time has no meaningful AHT.
      const aht = (i: number) => {
        const value = s.ahtSec[i];
        return value !== null && value > 0 ? value : null;
      };
      const count = s.localStart.length;
      let i = 0;
      for (; i + INSERT_BATCH <= count; i += INSERT_BATCH) {
        for (let k = 0; k < INSERT_BATCH; k++) {
          values[k * 5] = queueId;
          values[k * 5 + 1] = s.localStart[i + k];
          values[k * 5 + 2] = s.offsetMin[i + k];
          values[k * 5 + 3] = s.volume[i + k];
          values[k * 5 + 4] = aht(i + k);
        }
        insertBatch.run(values);
      }
      for (; i < count; i++) insertOne.run(queueId, s.localStart[i], s.offsetMin[i], s.volume[i], aht(i));
      return { queueId, queueName: s.queueName, channel: existing?.channel ?? s.channel, created: !existing, intervals: count, replacedIntervals };
    });
  });
}

/** Logs a finished import; call inside the transaction that wrote its intervals. */
export function recordImport(db: Database, entry: Omit<ImportLogEntry, 'id'>): number {
  const info = db
    .prepare(
      `INSERT INTO data_imports (imported_at, format, file_name, rows_read, bad_rows, contacts, date_from, date_to, intervals, queues)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(entry.importedAt, entry.format, entry.fileName, entry.rowsRead, entry.badRowCount, entry.contacts, entry.dateRange.from, entry.dateRange.to, entry.intervals, JSON.stringify(entry.queues));
  return Number(info.lastInsertRowid);
}

/** The most recent imports first. */
export function listImports(db: Database, limit: number): ImportLogEntry[] {
  const rows = db
    .prepare(
      `SELECT id, imported_at, format, file_name, rows_read, bad_rows, contacts, date_from, date_to, intervals, queues
       FROM data_imports ORDER BY imported_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number;
    imported_at: string;
    format: 'intervals' | 'tickets';
    file_name: string | null;
    rows_read: number;
    bad_rows: number;
    contacts: number;
    date_from: string;
    date_to: string;
    intervals: number;
    queues: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    importedAt: r.imported_at,
    format: r.format,
    fileName: r.file_name,
    rowsRead: r.rows_read,
    badRowCount: r.bad_rows,
    contacts: r.contacts,
    dateRange: { from: r.date_from, to: r.date_to },
    intervals: r.intervals,
    queues: JSON.parse(r.queues) as ImportLogEntry['queues'],
  }));
}
