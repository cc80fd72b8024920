/**
 * Opens (creating if needed) the workspace database: the busy timeout, an integrity check (a damaged file is refused
 * before anything is written, see integrity.ts), WAL, foreign keys, a backup copy before migrating an existing file,
 * then the pending migrations in one transaction.
 */
import Database, { type Database as Db } from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseDamagedError, findDamage, markClosed, markOpen } from './integrity';
import { BUSY_TIMEOUT_MS, retryWhileBusy } from './writeTransaction';
import { applyMigrations, assertMigratable, loadMigrations, schemaVersion, type Migration } from './migrate';

export const DATABASE_FILE_NAME = 'staffwise.db';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  migrations?: Migration[];
}

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** Path of the backup taken before migrating, if one was needed. */
  backupFile?: string;
  appliedMigrations: number[];
  /** The check run before anything was written: quick, or full after an unclean shutdown. */
  integrityCheck: 'quick' | 'full';
}

export function databaseFileIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? loadMigrations();
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file) && statSync(file).size > 0;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // First: every later statement (even switching to WAL, which writes the header) then waits for another
    // process that is starting on the same folder instead of failing with "database is locked".
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before any write (even the WAL switch): a damaged file is refused as it is found.
    const { uncleanShutdown } = markOpen(file);
    const integrityCheck = uncleanShutdown ? 'full' : 'quick';
    const problems = existed ? findDamage(db, uncleanShutdown) : [];
    if (problems.length > 0) throw new DatabaseDamagedError(file, problems);
    // Two processes starting on one new file can collide here (see retryWhileBusy).
    retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('foreign_keys = ON');
    retryWhileBusy(() => assertMigratable(db, migrations));
    let backupFile: string | undefined;
    const version = schemaVersion(db);
    if (existed && version < migrations.length) {
      backupFile = backupBeforeMigration(db, file, version);
    }
    const appliedMigrations = applyMigrations(db, migrations);
    return { db, file, backupFile, appliedMigrations, integrityCheck };
  } catch (error) {
    db.close();
    markClosed(file);
    throw error;
  }
}

/** Closes the file and clears this process's open marker, so the next open knows it was closed cleanly. */
export function closeDatabase(db: Db): void {
  const file = db.name;
  db.close();
  markClosed(file);
}

/** Copies the file after folding the WAL into it, so the copy is complete on its own. */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backupFile = `${file}.v${fromVersion}-${stamp}.bak`;
  copyFileSync(file, backupFile);
  return backupFile;
}
