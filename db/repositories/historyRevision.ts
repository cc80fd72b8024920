/**
 * A per-connection counter of changes to the contact history (queues and interval volumes), so summaries derived
 * from the whole history can be kept until it changes. Only this connection's writers bump it; writes by other
 * connections (the CLI, a second host) show up in `PRAGMA data_version`, which callers check as well.
 */
import type { Database } from 'better-sqlite3';

const revisions = new WeakMap<Database, number>();

export function historyRevision(db: Database): number {
  return revisions.get(db) ?? 0;
}

/** Call from every function that writes queues or interval volumes. */
export function bumpHistoryRevision(db: Database): void {
  revisions.set(db, historyRevision(db) + 1);
}
