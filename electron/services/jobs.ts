/**
 * Runs heavy tasks in worker threads with progress events and cancellation.
 *
 * Cancellation uses a shared flag rather than a message, because a worker busy in a synchronous loop never reads
 * its message queue; the task polls the flag between units of work. A worker that ignores it is terminated after
 * a grace period.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { JobDoneEvent, JobResults } from '../../shared/api/jobs';
import type { JobHandle, JobKind } from '../../shared/api/types';
import type { TaskInput, TaskName, TaskOutput } from '../workers/tasks';
import type { WorkerMessage } from '../workers/protocol';
import type { EventHub } from './events';

const CANCEL_GRACE_MS = 2000;

interface WorkerScript {
  file: URL;
  execArgv: string[];
}

/**
 * The bundled app ships `worker.mjs` beside the bundle; tests and the CLI in development run the TypeScript source
 * through tsx (dev-worker.mjs). Packaged apps keep the worker outside the asar archive, where worker threads can load it.
 */
export function resolveWorkerScript(): WorkerScript {
  const bundled = new URL('./worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) {
    const unpacked = new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
    return { file: existsSync(fileURLToPath(unpacked)) ? unpacked : bundled, execArgv: [] };
  }
  return { file: new URL('../workers/dev-worker.mjs', import.meta.url), execArgv: [] };
}

export interface JobCompletion<R> {
  /** Summary shown to the user when the job finishes. */
  message: string;
  result: R;
}

interface RunningJob {
  worker: Worker;
  cancelFlag: Int32Array;
  done: Promise<JobDoneEvent>;
}

export class JobRunner {
  private running = new Map<string, RunningJob>();

  constructor(
    private readonly events: EventHub,
    private readonly script: WorkerScript = resolveWorkerScript(),
  ) {}

  /**
   * Starts `task` in a worker. `complete` runs on this thread with the task's output (typically one write
   * transaction) and returns the summary for the done event.
   */
  start<K extends JobKind, T extends TaskName>(
    kind: K,
    task: T,
    input: TaskInput<T>,
    complete: (output: TaskOutput<T>) => JobCompletion<JobResults[K]>,
  ): JobHandle {
    const jobId = randomUUID();
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(this.script.file, {
      workerData: { task, input, cancelFlag: cancelBuffer },
      execArgv: this.script.execArgv,
    });
    const cancelFlag = new Int32Array(cancelBuffer);
    const done = new Promise<JobDoneEvent>((resolve) => {
      let settled = false;
      // Once the result has arrived the worker exits on its own; its exit must not count as a failure.
      let resultReceived = false;
      const finish = (event: { status: 'succeeded'; message: string; result: JobResults[K] } | { status: 'failed' | 'cancelled'; message: string }) => {
        if (settled) return;
        settled = true;
        this.running.delete(jobId);
        const full = { jobId, kind, ...event } as JobDoneEvent;
        this.events.emit('job.done', full);
        resolve(full);
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'progress':
            this.events.emit('job.progress', { jobId, kind, fraction: message.fraction, message: message.message });
            break;
          case 'result':
            if (Atomics.load(cancelFlag, 0) === 1) {
              finish({ status: 'cancelled', message: 'Cancelled; nothing was changed.' });
              break;
            }
            resultReceived = true;
            // Announce the save before the (synchronous) write starts, so the event reaches listeners first.
            this.events.emit('job.progress', { jobId, kind, fraction: 1, message: 'Saving…' });
            setImmediate(() => {
              try {
                const completion = complete(message.value as TaskOutput<T>);
                finish({ status: 'succeeded', message: completion.message, result: completion.result });
              } catch (error) {
                finish({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
              }
            });
            break;
          case 'cancelled':
            finish({ status: 'cancelled', message: 'Cancelled; nothing was changed.' });
            break;
          case 'error':
            finish({ status: 'failed', message: message.message });
            break;
        }
      });
      worker.on('error', (error) => finish({ status: 'failed', message: error.message }));
      worker.on('exit', () => {
        if (resultReceived) return;
        const cancelledByUser = Atomics.load(cancelFlag, 0) === 1;
        finish(
          cancelledByUser
            ? { status: 'cancelled', message: 'Cancelled; nothing was changed.' }
            : { status: 'failed', message: 'The worker stopped unexpectedly.' },
        );
      });
    });
    this.running.set(jobId, { worker, cancelFlag, done });
    this.events.emit('job.progress', { jobId, kind, fraction: 0, message: 'Starting…' });
    return { jobId, kind };
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    Atomics.store(job.cancelFlag, 0, 1);
    setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS).unref();
    return true;
  }

  /** Resolves when the job finishes (immediately with undefined if it is unknown or already finished). */
  wait(jobId: string): Promise<JobDoneEvent> | undefined {
    return this.running.get(jobId)?.done;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.running.values()].map((job) => job.worker.terminate()));
    this.running.clear();
  }
}
