/**
 * Assembles the services over one data folder: the database (opened lazily), the job runner, the event hub and the
 * dispatcher. Electron's main process, the browser host and the CLI each create one of these; none of it imports
 * `electron`.
 */
import type { Database } from 'better-sqlite3';
import { closeDatabase, databaseFileIn, openDatabase } from '../../db/open';
import { DatabaseDamagedError } from '../../db/integrity';
import { ApiError } from '../../shared/api/errors';
import type { BackupReason } from '../../shared/api/channels/backups';
import { backupDailyIfDue, createBackup, newestGoodBackup } from './backups';
import { backupHandlers } from './backupService';
import { getWorkspace } from '../../db/repositories/workspace';
import type { JobDoneEvent } from '../../shared/api/jobs';
import type { JobHandle } from '../../shared/api/types';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventHub } from './events';
import { JobRunner, resolveDatabaseDriver } from './jobs';
import { HistorySummaryCache } from './historySummary';
import type { Handlers, ServiceContext } from './handlers';
import { capacityHandlers } from './capacityService';
import { importHandlers } from './importService';
import { staffingHandlers } from './staffingService';
import { forecastHandlers } from './forecastService';
import { planHandlers } from './planService';
import { forecastChoiceHandlers } from './forecastChoiceService';
import { scenarioHandlers } from './scenarioService';
import { scheduleHandlers } from './scheduleService';
import { solverHandlers } from './solverService';
import { slaHandlers } from './slaService';
import { slaTicketHandlers } from './slaTicketService';
import { dashboardHandlers, type PdfPrinter } from './dashboardService';
import { workspaceHandlers } from './workspaceService';

export const DEFAULT_DEMO_WEEKS = 26;

export interface BackendOptions {
  dataDir: string;
  nativeBinding?: string;
  /** 'YYYY-MM-DD' the demo history ends on; defaults to yesterday. Fixed in tests for repeatable data. */
  demoEndDate?: string;
  log?: (message: string) => void;
  /** Prints the dashboard to PDF where the host can (Electron's printToPDF); the browser host prints instead. */
  pdf?: PdfPrinter;
}

export interface Backend {
  /** The app's dispatcher (renderer over IPC, browser host): the CLI-only channels are refused. */
  dispatch: Dispatch;
  /** Every channel, for the CLI in its own process. */
  dispatchLocal: Dispatch;
  events: EventHub;
  jobs: JobRunner;
  db(): Database;
  /** Seeds the demo workspace in a worker when the database has none; resolves when ready. */
  ensureWorkspace(): Promise<void>;
  waitForJob(jobId: string): Promise<JobDoneEvent | undefined>;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const log = options.log ?? console.error;
  const events = new EventHub();
  const file = databaseFileIn(options.dataDir);
  // Jobs with large reads or writes use their own connection to this file, off the thread that serves the UI.
  const jobs = new JobRunner(events, undefined, undefined, { file, dataDir: options.dataDir, driver: resolveDatabaseDriver(), nativeBinding: options.nativeBinding });
  const historySummary = new HistorySummaryCache();
  let database: Database | undefined;
  let seeding: Promise<void> | undefined;
  /** Set while the data file is refused as damaged: nothing opens it until a backup is restored. */
  let damage: DatabaseDamagedError | undefined;

  const refuseDamaged = (error: DatabaseDamagedError): never => {
    const good = newestGoodBackup(options.dataDir);
    damage = new DatabaseDamagedError(error.file, error.problems, good);
    // Not logged: every caller gets this error and shows it (the Data area, the CLI's one line).
    throw new ApiError({ code: 'conflict', message: damage.message });
  };

  const db = () => {
    if (damage) throw new ApiError({ code: 'conflict', message: damage.message });
    if (!database) {
      let opened;
      try {
        opened = openDatabase(file, { nativeBinding: options.nativeBinding });
      } catch (error) {
        if (error instanceof DatabaseDamagedError) refuseDamaged(error);
        throw error;
      }
      if (opened.backupFile) log(`[staffwise] backed up the data file to ${opened.backupFile} before migrating`);
      database = opened.db;
      if (getWorkspace(database)) {
        try {
          backupDailyIfDue(database, options.dataDir);
        } catch (error) {
          log(`[staffwise] ${(error as Error).message}`);
        }
      }
    }
    return database;
  };

  /** A copy of the workspace before a change the planner may want to undo; none while there is no workspace yet. */
  const backup = (reason: BackupReason) => {
    const current = db();
    return getWorkspace(current) ? createBackup(current, options.dataDir, reason) : undefined;
  };

  const closeDb = () => {
    if (database) closeDatabase(database);
    database = undefined;
  };

  /** `firstStart`: another process on the same folder may seed first; its workspace is then kept. */
  const resetDemo = (weeks = DEFAULT_DEMO_WEEKS, firstStart = false): JobHandle => {
    const endDate = options.demoEndDate ?? yesterday();
    // Generated, backed up and written in the worker on its own connection (workers/demoTasks.ts), which opens the
    // file this thread has created and migrated (and refuses here when it is damaged).
    db();
    const handle = jobs.start('demo.reset', 'demo.reset', { endDate, weeks, firstStart }, (reset) => {
      if (!reset.replaced) return { message: 'Another Staffwise on this data folder created the workspace first; it is kept.', result: undefined };
      historySummary.offer(reset.history);
      const undo = reset.backupName ? ` The previous workspace was backed up as ${reset.backupName}: restore it under Data → Backups to undo the reset.` : '';
      return {
        message: `Demo workspace ready: ${reset.agents} agents, ${reset.queues} queues, ${reset.intervals.toLocaleString('en-US')} intervals of history.${undo}`,
        result: undefined,
      };
    });
    historySummary.expectOfferUntil(jobs.wait(handle.jobId));
    return handle;
  };

  const ensureWorkspace = () => {
    seeding ??= (async () => {
      if (getWorkspace(db())) return;
      const { jobId } = resetDemo(DEFAULT_DEMO_WEEKS, true);
      const done = await jobs.wait(jobId);
      if (done && done.status !== 'succeeded') {
        seeding = undefined;
        throw new Error(`Could not create the demo workspace: ${done.message}`);
      }
    })();
    return seeding;
  };

  const context: ServiceContext = { db, jobs, workspaceReady: ensureWorkspace, resetDemo, backup, historySummary };
  const backupControl = {
    dataDir: options.dataDir,
    file,
    damage: () => damage,
    clearDamage: () => {
      damage = undefined;
      seeding = undefined;
    },
    closeDb,
  };
  const handlers: Handlers = {
    ...backupHandlers(context, backupControl),
    ...workspaceHandlers(context),
    ...capacityHandlers(context),
    ...staffingHandlers(context),
    ...importHandlers(context),
    ...forecastHandlers(context),
    ...forecastChoiceHandlers(context),
    ...scheduleHandlers(context),
    ...solverHandlers(),
    ...planHandlers(context),
    ...slaHandlers(context),
    ...slaTicketHandlers(context),
    ...dashboardHandlers({ ...context, pdf: options.pdf }),
    ...scenarioHandlers(context),
  };

  return {
    dispatch: createDispatcher(handlers, log, 'app'),
    dispatchLocal: createDispatcher(handlers, log, 'all'),
    events,
    jobs,
    db,
    ensureWorkspace,
    waitForJob: async (jobId) => jobs.wait(jobId),
    close: async () => {
      await jobs.shutdown();
      closeDb();
    },
  };
}

function yesterday(): string {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
