/**
 * Making, listing and pruning the backup copies (see backups.ts for when they are made). Kept apart from the code
 * that opens backup files so that a job's worker thread can take the "before" copy on its own connection: this
 * module needs no database driver of its own, only the connection it is handed.
 */
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../shared/api/channels/backups';

export const BACKUPS_FOLDER = 'backups';

/** Newest backups kept per reason: a week of dailies, and enough "before" copies to undo the last few changes. */
export const BACKUPS_KEPT: Record<BackupReason, number> = {
  daily: 7,
  'before-import': 10,
  'before-reset': 5,
  'before-publish': 10,
  'before-restore': 5,
  manual: 20,
};

/**
 * All backups together stay under this many bytes: each is a whole copy, and a workspace with years of 5-minute
 * history is hundreds of MB. The oldest go first, but the newest of each kind is always kept.
 */
export const BACKUPS_MAX_TOTAL_BYTES = 2 * 1024 ** 3;

const DAY_MS = 86_400_000;
/** staffwise-2026-12-01T03-09-00-000Z-before-import.db */
export const BACKUP_NAME = /^staffwise-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+?)(?:-\d+)?\.db$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

export function isReason(value: string): value is BackupReason {
  return Object.prototype.hasOwnProperty.call(BACKUPS_KEPT, value);
}

/** "2026-12-01T03-09-00-000Z" back to an ISO instant. */
function instantOfStamp(stamp: string): string {
  return `${stamp.slice(0, 10)}T${stamp.slice(11, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`;
}

/** Every backup in the folder, newest first. Files that do not follow the naming are not ours and are left alone. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const match = BACKUP_NAME.exec(name);
    if (!match || !isReason(match[2])) continue;
    // Another process sharing the folder may prune this file between the listing and the stat.
    const size = statSync(join(dir, name), { throwIfNoEntry: false })?.size;
    if (size !== undefined) backups.push({ name, reason: match[2], createdAt: instantOfStamp(match[1]), sizeBytes: size });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Copies the open database into a new backup and drops the oldest of the same reason beyond BACKUPS_KEPT. */
export function createBackup(db: Db, dataDir: string, reason: BackupReason, now = new Date(), maxTotalBytes = BACKUPS_MAX_TOTAL_BYTES): BackupInfo {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let name = `staffwise-${stamp}-${reason}.db`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `staffwise-${stamp}-${reason}-${n}.db`;
  const partial = join(dir, `${name}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, join(dir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`Could not write a backup into ${dir} (${(error as Error).message}); nothing was changed.`);
  }
  pruneBackups(dataDir, reason, maxTotalBytes);
  return { name, reason, createdAt: now.toISOString(), sizeBytes: statSync(join(dir, name)).size };
}

function pruneBackups(dataDir: string, reason: BackupReason, maxTotalBytes: number): void {
  const remove = (b: BackupInfo) => rmSync(join(backupsDir(dataDir), b.name), { force: true });
  const sameReason = listBackups(dataDir).filter((b) => b.reason === reason);
  sameReason.slice(BACKUPS_KEPT[reason]).forEach(remove);
  const all = listBackups(dataDir);
  let total = all.reduce((sum, b) => sum + b.sizeBytes, 0);
  const newestOfKind = new Set(BACKUP_REASONS.map((r) => all.find((b) => b.reason === r)?.name));
  for (const old of [...all].reverse()) {
    if (total <= maxTotalBytes) break;
    if (newestOfKind.has(old.name)) continue;
    remove(old);
    total -= old.sizeBytes;
  }
}

/** Makes the day's backup when none was made in the last 24 hours. */
export function backupDailyIfDue(db: Db, dataDir: string, now = new Date()): BackupInfo | undefined {
  const lastDaily = listBackups(dataDir).find((b) => b.reason === 'daily');
  if (lastDaily && now.getTime() - Date.parse(lastDaily.createdAt) < DAY_MS) return undefined;
  return createBackup(db, dataDir, 'daily', now);
}

