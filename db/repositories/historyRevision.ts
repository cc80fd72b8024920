/**
 * A token stored in the database that changes with every write to the contact history (queues and interval
 * volumes), so summaries derived from the whole history can be kept until it changes. It is written inside the
 * writer's own transaction, so every connection (this one, a job's worker, the CLI, a second host) sees the new
 * token exactly when it sees the new rows. A random token rather than a counter: a restored backup carries an older
 * token, which can never be mistaken for a newer state of another file.
 */
import type { Database } from 'better-sqlite3';

export function historyRevision(db: Database): string {
  return db.prepare('SELECT token FROM history_revision WHERE id = 1').pluck().get() as string;
}

/** Call inside the transaction of every function that writes queues or interval volumes. */
export function bumpHistoryRevision(db: Database): void {
  if (!db.inTransaction) throw new Error('bumpHistoryRevision must run inside the transaction that writes the history');
  db.prepare('UPDATE history_revision SET token = lower(hex(randomblob(8))) WHERE id = 1').run();
}
