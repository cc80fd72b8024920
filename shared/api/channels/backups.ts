/**
 * Backups of the workspace database and what a demo reset would delete. Backups are whole copies of the data file
 * taken automatically (daily, and before every import, demo reset, publish and restore) and on request; a restore
 * copies one back, after backing up the current state, so a restore can itself be undone.
 *
 * These channels keep working when the data file is damaged and refused (the listing says so and names the newest
 * good backup), since restoring is then the way out.
 */
import { z } from 'zod';
import { emptyRequest, returns } from './define';

export const BACKUP_REASONS = ['daily', 'before-import', 'before-reset', 'before-publish', 'before-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** File name inside the backups folder; the id used to restore it. */
  name: string;
  reason: BackupReason;
  /** ISO instant (UTC) the copy was taken. */
  createdAt: string;
  sizeBytes: number;
}

export interface BackupsState {
  /** Folder the backups are kept in. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** How many of each reason are kept before the oldest is deleted. */
  kept: Record<BackupReason, number>;
  /** All backups together stay under this size, in bytes (the newest of each kind is always kept). */
  maxTotalBytes: number;
  /** Set when the data file failed its integrity check and is refused; what to do is in `message`. */
  damaged: { message: string; newestGoodBackup: string | null } | null;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The backup of the state just replaced (absent when the replaced file was damaged and moved aside). */
  undoBackup: BackupInfo | null;
  /** Where a damaged file was moved, kept for inspection. */
  damagedFileMovedTo: string | null;
  message: string;
}

/** Everything a demo reset deletes, counted now; what it keeps is listed too. */
export interface ResetImpact {
  queues: number;
  /** Interval rows of contact history, of which `importedQueues` queues came from the planner's imports. */
  intervals: number;
  importedQueues: number;
  forecastRuns: number;
  forecastAdjustments: number;
  forecastEvents: number;
  schedules: number;
  publishedSchedules: number;
  agents: number;
  kept: string[];
}

const backupName = z
  .string({ error: 'Name the backup to restore' })
  .min(1, 'Name the backup to restore')
  .max(200, 'A backup name is at most 200 characters')
  .regex(/^staffwise-[0-9TZ-]+-[a-z-]+\.db$/, 'Use a backup name from the list, like staffwise-2026-12-01T03-09-00-000Z-daily.db');

export const backupChannels = {
  'backups.list': { request: emptyRequest, response: returns<BackupsState>() },
  'backups.create': { request: emptyRequest, response: returns<BackupInfo>() },
  'backups.restore': { request: z.object({ name: backupName }).strict(), response: returns<RestoreResult>() },
  'demo.resetImpact': { request: emptyRequest, response: returns<ResetImpact>() },
};
