/**
 * The backup channels: list, back up now, restore (see shared/api/channels/backups.ts), and what a demo reset
 * would delete. They work while the data file is refused as damaged: restoring is the way out.
 */
import type { DatabaseDamagedError } from '../../db/integrity';
import { resetImpact } from '../../db/repositories/workspace';
import { ApiError } from '../../shared/api/errors';
import type { BackupInfo, RestoreResult } from '../../shared/api/channels/backups';
import { backupPath, backupsDir, BACKUPS_KEPT, BACKUPS_MAX_TOTAL_BYTES, createBackup, isGoodBackup, listBackups, newestGoodBackup, replaceDamagedFile, restoreIntoLiveFile } from './backups';
import type { Handlers, ServiceContext } from './handlers';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore' | 'demo.resetImpact'>;

/** What the backend lends the backup service beyond the usual context: the file and its open/damaged state. */
export interface BackupControl {
  dataDir: string;
  file: string;
  damage(): DatabaseDamagedError | undefined;
  clearDamage(): void;
  closeDb(): void;
}

/** What is kept by a reset, in the planner's words. */
const KEPT_BY_RESET = ['saved capacity calculations', 'staffing profiles', 'shift templates', 'the import log'];

export function backupHandlers(ctx: ServiceContext, control: BackupControl): BackupHandlers {
  const damagedState = () => {
    // Opening the file is what finds damage: try once, so a file damaged since the last open is reported too.
    if (!control.damage()) {
      try {
        ctx.db();
      } catch {
        // Any error other than damage is reported by the channel that needs the database.
      }
    }
    const damage = control.damage();
    if (!damage) return null;
    return { message: damage.message, newestGoodBackup: newestGoodBackup(control.dataDir)?.name ?? null };
  };

  return {
    'backups.list': () => {
      const damaged = damagedState();
      return { folder: backupsDir(control.dataDir), backups: listBackups(control.dataDir), kept: BACKUPS_KEPT, maxTotalBytes: BACKUPS_MAX_TOTAL_BYTES, damaged };
    },

    'backups.create': (): BackupInfo => {
      const db = ctx.db();
      return createBackup(db, control.dataDir, 'manual');
    },

    'backups.restore': async ({ name }): Promise<RestoreResult> => {
      let path: string;
      try {
        path = backupPath(control.dataDir, name);
      } catch (error) {
        throw new ApiError({ code: 'not_found', message: (error as Error).message, issues: [{ path: 'name', message: 'No such backup' }] });
      }
      if (!isGoodBackup(path)) {
        throw new ApiError({ code: 'conflict', message: `Backup ${name} is itself damaged and was not restored: choose an older one.`, issues: [{ path: 'name', message: 'Damaged backup' }] });
      }
      const restored = listBackups(control.dataDir).find((b) => b.name === name)!;
      if (control.damage()) {
        control.closeDb();
        const aside = replaceDamagedFile(path, control.file);
        control.clearDamage();
        ctx.db(); // reopens, checks and migrates the restored copy
        return {
          restored,
          undoBackup: null,
          damagedFileMovedTo: aside,
          message: `Restored ${name}. The damaged file was moved to ${aside} and is no longer used.`,
        };
      }
      // A job still running saves its result into the restored data when it finishes (or fails naming why).
      const undoBackup = createBackup(ctx.db(), control.dataDir, 'before-restore');
      await restoreIntoLiveFile(path, control.file);
      // Reopen so a backup from an older Staffwise is migrated, and the workspace is looked up afresh.
      control.closeDb();
      control.clearDamage();
      ctx.db();
      return {
        restored,
        undoBackup,
        damagedFileMovedTo: null,
        message: `Restored ${name} (taken ${restored.createdAt.slice(0, 16).replace('T', ' ')} UTC). What it replaced was backed up as ${undoBackup.name}.`,
      };
    },

    'demo.resetImpact': async () => {
      await ctx.workspaceReady();
      return { ...resetImpact(ctx.db()), kept: KEPT_BY_RESET };
    },
  };
}
