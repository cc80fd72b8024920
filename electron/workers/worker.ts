/** Entry point of every worker thread: runs one task named in workerData and reports back over the port. */
import { parentPort, workerData } from 'node:worker_threads';
import { TaskCancelledError, tasks, type TaskContext, type TaskName } from './tasks';
import type { WorkerMessage } from './protocol';

const { task, input, cancelFlag } = workerData as { task: TaskName; input: unknown; cancelFlag: SharedArrayBuffer };
const cancelled = new Int32Array(cancelFlag);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const ctx: TaskContext = {
  progress: (fraction, message) => post({ type: 'progress', fraction, message }),
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
