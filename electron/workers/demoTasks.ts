/**
 * "Reset demo" and the first start's seeding in the job's worker, on its own connection: generating the demo
 * workspace, the "before" backup and writing tens of thousands of interval rows in one transaction all happen off
 * the thread that serves the UI, which keeps answering from the workspace as it was until the commit.
 */
import { generateDemoWorkspace, type DemoOptions } from '../../shared/demo/generateDemo';
import { getWorkspace, replaceWorkspace } from '../../db/repositories/workspace';
import { createBackup } from '../services/backupCopies';
import { afterWorkspaceReplaced } from '../services/planDefaults';
import { readHistorySummary, type HistorySummary } from '../services/historySummary';
import type { WorkspaceTaskContext } from './taskContext';

export interface DemoResetTaskInput extends DemoOptions {
  /** First start: another process on the same folder may seed first; its workspace is then kept, and no backup is taken. */
  firstStart: boolean;
}

export type DemoResetTaskOutput =
  | { replaced: false }
  | {
      replaced: true;
      agents: number;
      queues: number;
      intervals: number;
      /** The backup of the workspace the reset replaced, when there was one. */
      backupName?: string;
      history: HistorySummary;
    };

export function resetDemoTask(input: DemoResetTaskInput, ctx: WorkspaceTaskContext): DemoResetTaskOutput {
  const { firstStart, ...options } = input;
  const workspace = generateDemoWorkspace(options, (fraction, message) => {
    ctx.checkCancelled();
    ctx.progress(fraction * 0.9, message);
  });
  const db = ctx.db();
  // A reset asked for by the planner: the workspace it replaces is backed up first, so it can be undone.
  let backupName: string | undefined;
  if (!firstStart && getWorkspace(db)) {
    ctx.progress(0.92, 'Backing up the current workspace…');
    backupName = createBackup(db, ctx.dataDir(), 'before-reset').name;
  }
  ctx.checkCancelled();
  ctx.progress(0.95, 'Saving…');
  // The demo plan is seeded (or the linked plan's new hires restored) in the same transaction: it reads two years of
  // history, and a workspace without its plan is never visible.
  const replaced = ctx.write(() => {
    if (!replaceWorkspace(db, workspace, { onlyIfNone: firstStart })) return false;
    afterWorkspaceReplaced(db);
    return true;
  });
  if (!replaced) return { replaced: false };
  return {
    replaced: true,
    agents: workspace.agents.length,
    queues: workspace.queues.length,
    intervals: workspace.queues.reduce((n, q) => n + q.intervals.length, 0),
    ...(backupName !== undefined && { backupName }),
    history: readHistorySummary(db),
  };
}
