/**
 * Refusing to write into a damaged data file.
 *
 * Every open runs SQLite's `PRAGMA quick_check` (every page and b-tree is read and checked; about 0.1 s on the demo
 * workspace) before anything is written. After an unclean shutdown (a process that had the file open did not close
 * it: a crash, a kill, a power cut) the full `PRAGMA integrity_check` runs instead, which also checks that every
 * index matches its table.
 *
 * Unclean shutdowns are seen through marker files beside the database: each process writes
 * `staffwise.db.open-<pid>` when it opens the file and removes it when it closes it. A marker whose process no
 * longer runs was left by a process that never closed the file.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';

/** Problems quoted in the message: the first is enough to act on, the rest is noise to a planner. */
const PROBLEMS_QUOTED = 1;

export class DatabaseDamagedError extends Error {
  readonly file: string;
  readonly problems: string[];
  constructor(file: string, problems: string[], newestGoodBackup?: { name: string; createdAt: string }) {
    const found = problems.slice(0, PROBLEMS_QUOTED).join('; ');
    const restore = newestGoodBackup
      ? `Restore the newest good backup (${newestGoodBackup.name}, taken ${newestGoodBackup.createdAt.slice(0, 16).replace('T', ' ')} UTC) in the Data area under Backups, or with "staffwise backup --restore ${newestGoodBackup.name}".`
      : 'No good backup was found in its backups folder: copy a backup of staffwise.db from elsewhere into the data folder, or move the damaged file away to start a new workspace.';
    super(`The data file ${file} is damaged (SQLite found: ${found}). Staffwise will not write to it, so nothing more is lost. ${restore}`);
    this.name = 'DatabaseDamagedError';
    this.file = file;
    this.problems = problems;
  }
}

const isDamageCode = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
};

/**
 * The problems SQLite finds in the open file ([] when it is sound). `full`: integrity_check (indexes too) rather
 * than quick_check.
 */
export function findDamage(db: Database, full = false): string[] {
  try {
    const rows = db.pragma(full ? 'integrity_check(20)' : 'quick_check(20)') as Record<string, string>[];
    const problems = rows.map((row) => String(Object.values(row)[0]));
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    // A file that is not a database at all, or whose first page is unreadable, fails the check itself.
    if (isDamageCode(error)) return [(error as Error).message];
    throw error;
  }
}

/** Whether an error thrown by a query means the file is damaged (a page became unreadable after the check). */
export function isDamageError(error: unknown): boolean {
  return isDamageCode(error);
}

const MARKER_INFIX = '.open-';

function markerPath(file: string, pid = process.pid): string {
  return `${file}${MARKER_INFIX}${pid}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks the file as open by this process; returns whether an earlier process left it open (an unclean shutdown)
 * and clears those stale markers, since the check that follows covers them.
 */
export function markOpen(file: string): { uncleanShutdown: boolean } {
  const prefix = basename(file) + MARKER_INFIX;
  let uncleanShutdown = false;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    names = [];
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || (Number.isInteger(pid) && isRunning(pid))) continue;
    uncleanShutdown = true;
    rmSync(join(dirname(file), name), { force: true });
  }
  try {
    writeFileSync(markerPath(file), new Date().toISOString());
  } catch {
    // A read-only or full folder: opening goes on (and says what is wrong when it writes); only the detection of
    // this process's own unclean shutdown is lost.
  }
  return { uncleanShutdown };
}

/** Called after closing the file cleanly. */
export function markClosed(file: string): void {
  rmSync(markerPath(file), { force: true });
}
