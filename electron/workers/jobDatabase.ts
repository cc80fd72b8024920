/**
 * A job's own connection to the workspace database, opened inside its worker thread. Large writes (an import, a
 * stored forecast) and large reads (two years of history) then run off the thread that serves the UI: in WAL mode
 * the main thread's connection keeps reading the last committed state while the job writes, and sees the job's
 * rows all at once when its one transaction commits.
 *
 * The bundled worker must load nothing from node_modules by name (a packaged app runs it from app.asar.unpacked/,
 * where the archive's node_modules cannot be reached), so the main thread resolves better-sqlite3's entry file
 * (itself unpacked, beside its native binding) and hands the path over; the worker loads that file.
 */
import { createRequire } from 'node:module';
import type { Database } from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../../db/writeTransaction';

export interface JobDatabaseAccess {
  /** The workspace database file; the main thread has opened and migrated it before any job starts. */
  file: string;
  /** The data folder, where the "before" backups go. */
  dataDir: string;
  /** Absolute path of better-sqlite3's entry module. */
  driver: string;
  /** better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

type DriverConstructor = new (file: string, options: { fileMustExist: boolean; nativeBinding?: string }) => Database;

export function openJobConnection(access: JobDatabaseAccess): Database {
  const Driver = createRequire(import.meta.url)(access.driver) as DriverConstructor;
  const db = new Driver(access.file, { fileMustExist: true, ...(access.nativeBinding !== undefined && { nativeBinding: access.nativeBinding }) });
  // As on the main connection (db/open.ts): wait for another writer instead of failing, and keep foreign keys on.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  return db;
}
