/** What a task running in a worker thread may do besides computing: report progress and notice a cancel. */
import type { Database } from 'better-sqlite3';

export class TaskCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'TaskCancelledError';
  }
}

export interface TaskContext {
  progress(fraction: number, message: string): void;
  /** Throws TaskCancelledError when the user has cancelled; call it between units of work. */
  checkCancelled(): void;
  isCancelled(): boolean;
}

/** A task that reads or writes the workspace itself, on the job's own connection (see jobDatabase.ts). */
export interface WorkspaceTaskContext extends TaskContext {
  /** The job's connection, opened on first use. */
  db(): Database;
  /** The data folder (backups). */
  dataDir(): string;
  /**
   * Runs `work` as one write transaction on the job's connection. A cancel noticed before the commit rolls it all
   * back; once it has committed the job counts as done, even if a cancel arrives afterwards.
   */
  write<T>(work: () => T): T;
}
