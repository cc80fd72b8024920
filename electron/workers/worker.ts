/** Entry point of every worker thread: runs one task named in workerData and reports back over the port. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { tasks, type TaskName } from './tasks';
import { TaskCancelledError, type WorkspaceTaskContext } from './taskContext';
import type { WorkerMessage } from './protocol';
import { openJobConnection, type JobDatabaseAccess } from './jobDatabase';
import { writeTransaction } from '../../db/writeTransaction';

const { task, input, cancelFlag, database } = workerData as { task: TaskName; input: unknown; cancelFlag: SharedArrayBuffer; database?: JobDatabaseAccess };
const cancelled = new Int32Array(cancelFlag);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/**
 * End-to-end tests set STAFFWISE_JOB_STEP_DELAY_MS to slow every progress step, so that cancelling from the UI can
 * be exercised on jobs that are otherwise done before a click lands. Unset in normal use.
 */
const stepDelayMs = Number(process.env.STAFFWISE_JOB_STEP_DELAY_MS ?? 0);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

let connection: Database | undefined;
let committed = false;
const access = (): JobDatabaseAccess => {
  if (!database) throw new Error(`The ${task} job was started without access to the workspace database.`);
  return database;
};

const ctx: WorkspaceTaskContext = {
  progress: (fraction, message) => {
    post({ type: 'progress', fraction, message });
    if (stepDelayMs > 0) Atomics.wait(sleeper, 0, 0, stepDelayMs);
  },
  isCancelled: () => Atomics.load(cancelled, 0) === 1,
  checkCancelled: () => {
    if (Atomics.load(cancelled, 0) === 1) throw new TaskCancelledError();
  },
  db: () => (connection ??= openJobConnection(access())),
  dataDir: () => access().dataDir,
  write: (work) => {
    const value = writeTransaction(ctx.db(), () => {
      const result = work();
      // The last moment a cancel can still undo everything: the transaction rolls back.
      ctx.checkCancelled();
      return result;
    });
    committed = true;
    return value;
  },
};

try {
  const run = tasks[task] as (input: unknown, ctx: WorkspaceTaskContext) => unknown;
  const result = await run(input, ctx);
  connection?.close();
  post({ type: 'result', value: result, committed });
} catch (error) {
  connection?.close();
  if (error instanceof TaskCancelledError) post({ type: 'cancelled' });
  else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
