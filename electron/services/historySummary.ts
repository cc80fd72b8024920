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
  /** Jobs running that write history and will offer the aggregates after their commit. */
  private offersPending = 0;

  /**
   * The aggregates of the history `db` sees now: the kept ones while the revision is unchanged. While a job that
   * will offer new aggregates is running, the kept ones are answered even when the revision has moved: between the
   * job's commit and its done event the summary then still describes the history before the job (a whole state,
   * never part of one), instead of this thread spending hundreds of milliseconds on what the job computes anyway.
   * Once the job is done, its offer (or a fresh read) describes the history as it is.
   */
  current(db: Database): HistorySummary {
    if (this.cached && this.offersPending > 0) return this.cached;
    const revision = historyRevision(db);
    if (this.cached?.revision !== revision) this.cached = readHistorySummary(db);
    return this.cached;
  }

  /** Call when starting a job that writes history and offers its aggregates; `done` settles when the job ends. */
  expectOfferUntil(done: Promise<unknown> | undefined): void {
    if (!done) return;
    this.offersPending++;
    void done.finally(() => this.offersPending--);
  }

  /** Aggregates a job read after writing the history; used while the revision still matches (checked on every read). */
  offer(summary: HistorySummary): void {
    this.cached = summary;
  }
}
