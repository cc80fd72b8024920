/**
 * Assembles the services over one data folder: the database (opened lazily), the job runner, the event hub and the
 * dispatcher. Electron's main process, the browser host and the CLI each create one of these; none of it imports
 * `electron`.
 */
import type { Database } from 'better-sqlite3';
import { databaseFileIn, openDatabase } from '../../db/open';
import { getWorkspace, replaceWorkspace } from '../../db/repositories/workspace';
import type { JobDoneEvent, JobHandle } from '../../shared/api/types';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventHub } from './events';
import { JobRunner } from './jobs';
import type { Handlers, ServiceContext } from './handlers';
import { capacityHandlers } from './capacityService';
import { importHandlers } from './importService';
import { staffingHandlers } from './staffingService';
import { forecastHandlers } from './forecastService';
import { forecastChoiceHandlers } from './forecastChoiceService';
import { scheduleHandlers } from './scheduleService';
import { solverHandlers } from './solverService';
import { workspaceHandlers } from './workspaceService';

export const DEFAULT_DEMO_WEEKS = 26;

export interface BackendOptions {
  dataDir: string;
  nativeBinding?: string;
  /** 'YYYY-MM-DD' the demo history ends on; defaults to yesterday. Fixed in tests for repeatable data. */
  demoEndDate?: string;
  log?: (message: string) => void;
}

export interface Backend {
  dispatch: Dispatch;
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
  const jobs = new JobRunner(events);
  let database: Database | undefined;
  let seeding: Promise<void> | undefined;

  const db = () => {
    if (!database) {
      const opened = openDatabase(databaseFileIn(options.dataDir), { nativeBinding: options.nativeBinding });
      if (opened.backupFile) log(`[staffwise] backed up the data file to ${opened.backupFile} before migrating`);
      database = opened.db;
    }
    return database;
  };

  const resetDemo = (weeks = DEFAULT_DEMO_WEEKS): JobHandle => {
    const endDate = options.demoEndDate ?? yesterday();
    const handle = jobs.start('demo.reset', 'demo.generate', { endDate, weeks }, (workspace) => {
      replaceWorkspace(db(), workspace);
      const intervals = workspace.queues.reduce((n, q) => n + q.intervals.length, 0);
      return {
        message: `Demo workspace ready: ${workspace.agents.length} agents, ${workspace.queues.length} queues, ${intervals.toLocaleString('en-US')} intervals of history.`,
      };
    });
    return handle;
  };

  const ensureWorkspace = () => {
    seeding ??= (async () => {
      if (getWorkspace(db())) return;
      const { jobId } = resetDemo();
      const done = await jobs.wait(jobId);
      if (done && done.status !== 'succeeded') {
        seeding = undefined;
        throw new Error(`Could not create the demo workspace: ${done.message}`);
      }
    })();
    return seeding;
  };

  const context: ServiceContext = { db, jobs, workspaceReady: ensureWorkspace, resetDemo };
  const handlers: Handlers = { ...workspaceHandlers(context), ...capacityHandlers(context), ...staffingHandlers(context), ...importHandlers(context), ...forecastHandlers(context), ...forecastChoiceHandlers(context), ...scheduleHandlers(context), ...solverHandlers() };

  return {
    dispatch: createDispatcher(handlers, log),
    events,
    jobs,
    db,
    ensureWorkspace,
    waitForJob: async (jobId) => jobs.wait(jobId),
    close: async () => {
      await jobs.shutdown();
      database?.close();
      database = undefined;
    },
  };
}

function yesterday(): string {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
