/** Entry point of every worker thread: runs one task named in workerData and reports back over the port. */
import { parentPort, workerData } from 'node:worker_threads';
import { tasks, type TaskName } from './tasks';
import { TaskCancelledError, type TaskContext } from './taskContext';
import type { WorkerMessage } from './protocol';

const { task, input, cancelFlag } = workerData as { task: TaskName; input: unknown; cancelFlag: SharedArrayBuffer };
const cancelled = new Int32Array(cancelFlag);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/**
 * End-to-end tests set STAFFWISE_JOB_STEP_DELAY_MS to slow every progress step, so that cancelling from the UI can
 * be exercised on jobs that are otherwise done before a click lands. Unset in normal use.
 */
const stepDelayMs = Number(process.env.STAFFWISE_JOB_STEP_DELAY_MS ?? 0);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

const ctx: TaskContext = {
  progress: (fraction, message) => {
    post({ type: 'progress', fraction, message });
    if (stepDelayMs > 0) Atomics.wait(sleeper, 0, 0, stepDelayMs);
  },
  isCancelled: () => Atomics.load(cancelled, 0) === 1,
  checkCancelled: () => {
    if (Atomics.load(cancelled, 0) === 1) throw new TaskCancelledError();
  },
};

try {
  const run = tasks[task] as (input: unknown, ctx: TaskContext) => unknown;
  const result = await run(input, ctx);
  post({ type: 'result', value: result });
} catch (error) {
  if (error instanceof TaskCancelledError) post({ type: 'cancelled' });
  else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
