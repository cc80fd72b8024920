/**
 * The aggregates of the whole contact history that every area shows (per-queue totals, daily volumes): hundreds of
 * milliseconds over two years of 15-minute intervals, so they are kept until the stored history revision changes
 * (db/repositories/historyRevision.ts). A job that writes history computes the new aggregates on its own connection
 * and offers them here, so the thread that serves the UI does not redo that work after the job.
 */
import type { Database } from 'better-sqlite3';
import type { DailyVolume, QueueSummary } from '../../shared/api/types';
import { dailyVolumes, queueSummaries } from '../../db/repositories/workspace';
import { historyRevision } from '../../db/repositories/historyRevision';

export interface HistorySummary {
  /** The history revision these aggregates were read at. */
  revision: string;
  queues: QueueSummary[];
  dailyVolumes: DailyVolume[];
}

/** Reads the aggregates and the revision in one read transaction, so both describe the same committed state. */
export function readHistorySummary(db: Database): HistorySummary {
  return db.transaction(() => ({ revision: historyRevision(db), queues: queueSummaries(db), dailyVolumes: dailyVolumes(db) }))();
}

export class HistorySummaryCache {
  private cached: HistorySummary | undefined;

  /** The aggregates of the history `db` sees now: the kept ones while the revision is unchanged. */
  current(db: Database): HistorySummary {
    const revision = historyRevision(db);
    if (this.cached?.revision !== revision) this.cached = readHistorySummary(db);
    return this.cached;
  }

  /** Aggregates a job read after writing the history; used while the revision still matches (checked on every read). */
  offer(summary: HistorySummary): void {
    this.cached = summary;
  }
}
