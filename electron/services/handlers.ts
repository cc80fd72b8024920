import type { JobHandle } from '../../shared/api/types';
/** The shape every domain service module fills in: one handler per channel, receiving the validated request. */
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/api/contract';
import type { Database } from 'better-sqlite3';
import type { JobRunner } from './jobs';
import type { BackupInfo, BackupReason } from '../../shared/api/channels/backups';
import type { HistorySummaryCache } from './historySummary';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface ServiceContext {
  /** The workspace database, opened on first use (pure calculations never open it). */
  db(): Database;
  jobs: JobRunner;
  /** Resolves once the workspace exists (first start seeds the demo in a worker). */
  workspaceReady(): Promise<void>;
  /** Starts the demo seeding job; used by first start and by "Reset demo" in the Data area. */
  resetDemo(weeks?: number): JobHandle;
  /** Copies the workspace into the backups folder before a change (none while there is no workspace yet). */
  backup(reason: BackupReason): BackupInfo | undefined;
  /** The whole-history aggregates of the workspace summary, kept until the history changes. */
  historySummary: HistorySummaryCache;
}
