/**
 * Rolling automatic backups of the workspace database, in `<data folder>/backups/`.
 *
 * A backup is made with `VACUUM INTO`: a complete, compact, consistent copy taken inside one read transaction, so
 * writers in other processes keep going while it runs and the copy never holds half a write. It is written under a
 * temporary name and renamed into place, so a crash mid-copy never leaves a backup that looks whole.
 *
 * When: the first open of each day (daily), and before every import, demo reset, publish and restore. Each kind
 * keeps its newest few (BACKUPS_KEPT); older ones are deleted when a new one of the same kind is made.
 */
import Database, { type Database as Db } from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { findDamage } from '../../db/integrity';
import type { BackupInfo } from '../../shared/api/channels/backups';
import { BACKUP_NAME, backupsDir, isReason, listBackups } from './backupCopies';

export { BACKUPS_FOLDER, BACKUPS_KEPT, BACKUPS_MAX_TOTAL_BYTES, backupDailyIfDue, backupsDir, createBackup, listBackups } from './backupCopies';

/** Opens a backup read-only and checks it; a backup that fails is never offered or restored. */
export function isGoodBackup(path: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return findDamage(db).length === 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function newestGoodBackup(dataDir: string): BackupInfo | undefined {
  return listBackups(dataDir).find((b) => isGoodBackup(join(backupsDir(dataDir), b.name)));
}

/** The backup's path, or an error naming what is wrong with the name. Names only: no path can escape the folder. */
export function backupPath(dataDir: string, name: string): string {
  const match = BACKUP_NAME.exec(name);
  if (!match || !isReason(match[2])) throw new Error(`"${name}" is not the name of a Staffwise backup (staffwise-<time>-<reason>.db)`);
  const path = join(backupsDir(dataDir), name);
  if (!existsSync(path)) throw new Error(`There is no backup called ${name} in ${backupsDir(dataDir)}`);
  return path;
}

/**
 * Copies a backup over the live database through SQLite's online backup API, page by page inside SQLite's own
 * locking: other processes that have the file open wait, then read the restored data (replacing the file under
 * them instead would let their write-ahead log land on the wrong file).
 */
export async function restoreIntoLiveFile(backupFile: string, liveFile: string): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(liveFile);
  } finally {
    source.close();
  }
}

/**
 * For a damaged file that no process can use: the damaged file (and its -wal/-shm) is moved aside, kept for a
 * specialist, and the backup is copied into its place under a temporary name and renamed.
 */
export function replaceDamagedFile(backupFile: string, liveFile: string, now = new Date()): string {
  const aside = `${liveFile}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(liveFile)) renameSync(liveFile, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(liveFile + suffix)) renameSync(liveFile + suffix, aside + suffix);
  const partial = `${liveFile}.restoring-${process.pid}`;
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  renameSync(partial, liveFile);
  return aside;
}
