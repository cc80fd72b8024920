/**
 * Writes that are safe when several processes (the desktop app, the browser host, `staffwise` commands) share one
 * data folder.
 *
 * In WAL mode a deferred transaction that reads and then writes cannot upgrade its read lock once another process
 * has committed since its read began: SQLite answers SQLITE_BUSY at once, without waiting, and the write is lost.
 * `BEGIN IMMEDIATE` takes the write lock first, so the busy timeout (set in open.ts) makes writers queue instead.
 * When even that wait runs out (another process holds the lock for a very long write), the transaction is retried a
 * bounded number of times and then fails with a message that says what happened and that nothing was written.
 */
import type { Database } from 'better-sqlite3';

/** How long one attempt waits for another process's write to finish (PRAGMA busy_timeout), in milliseconds. */
export const BUSY_TIMEOUT_MS = 15_000;
/** Attempts in all before giving up: about 45 s of waiting. */
export const WRITE_ATTEMPTS = 3;

export class DatabaseBusyError extends Error {
  constructor(waitedMs: number) {
    super(
      `The data file stayed locked by another Staffwise window or command for ${Math.round(waitedMs / 1000)} s; nothing was written. ` +
        'Wait for the other import or save to finish, then try again.',
    );
    this.name = 'DatabaseBusyError';
  }
}

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `work` in one immediate transaction (nested calls become savepoints of the outer one) and returns its
 * result. Only the outermost call retries: a savepoint cannot be retried on its own.
 */
export function writeTransaction<T>(db: Database, work: () => T, attempts = WRITE_ATTEMPTS): T {
  const run = db.transaction(work);
  if (db.inTransaction) return run();
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return run.immediate();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (attempt >= attempts) throw new DatabaseBusyError(Date.now() - started);
    }
  }
}

/**
 * Runs a statement that SQLite may refuse at once with SQLITE_BUSY without calling the busy handler: two processes
 * switching a new file to WAL at the same moment each hold a shared lock and want an exclusive one, and SQLite
 * answers one of them "busy" straight away rather than let both wait forever. The statement is retried after a
 * short pause until `timeoutMs` has passed.
 */
export function retryWhileBusy<T>(work: () => T, timeoutMs = BUSY_TIMEOUT_MS): T {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (Date.now() - started >= timeoutMs) throw new DatabaseBusyError(Date.now() - started);
      Atomics.wait(pause, 0, 0, Math.min(200, 10 * 2 ** attempt));
    }
  }
}
