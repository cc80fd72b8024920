/**
 * Runs heavy tasks in worker threads with progress events and cancellation. At most `maxConcurrent` run at once;
 * later ones wait in line, announced with `queued: true` progress events, and can be cancelled while they wait.
 *
 * Cancellation uses a shared flag rather than a message, because a worker busy in a synchronous loop never reads
 * its message queue; the task polls the flag between units of work. A worker that ignores it is terminated after
 * a grace period.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { JobDoneEvent, JobResults } from '../../shared/api/jobs';
import type { JobHandle, JobKind } from '../../shared/api/types';
import type { TaskInput, TaskName, TaskOutput } from '../workers/tasks';
import type { WorkerMessage } from '../workers/protocol';
import type { JobDatabaseAccess } from '../workers/jobDatabase';
import type { EventHub } from './events';

const CANCEL_GRACE_MS = 2000;
/**
 * Jobs running at once. Each holds a worker thread busy on one core, and an import can take up to about a gigabyte
 * of memory, so a laptop runs two and queues the rest instead of slowing every job down and risking running out.
 */
export const MAX_CONCURRENT_JOBS = 2;

interface WorkerScript {
  file: URL;
  execArgv: string[];
}

/**
 * The bundled app ships `worker.mjs` beside the bundle; tests and the CLI in development run the TypeScript source
 * through tsx (dev-worker.mjs). Packaged apps keep the worker outside the asar archive, where worker threads can load it.
 */
export function resolveWorkerScript(bundledName = 'worker.mjs', devEntry = '../workers/dev-worker.mjs'): WorkerScript {
  const bundled = new URL(`./${bundledName}`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) {
    const unpacked = new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
    return { file: existsSync(fileURLToPath(unpacked)) ? unpacked : bundled, execArgv: [] };
  }
  return { file: new URL(devEntry, import.meta.url), execArgv: [] };
}

/**
 * better-sqlite3's entry file for the worker's own connection (see workers/jobDatabase.ts). The packaged app keeps
 * better-sqlite3 outside the asar archive (electron-builder.yml asarUnpack), where a worker thread can load it.
 */
export function resolveDatabaseDriver(): string {
  const entry = createRequire(import.meta.url).resolve('better-sqlite3');
  const unpacked = entry.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return unpacked !== entry && existsSync(unpacked) ? unpacked : entry;
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

interface QueuedJob {
  jobId: string;
  kind: JobKind;
  done: Promise<JobDoneEvent>;
  launch(): void;
  /** Settles the job as cancelled without it ever starting. */
  drop(message: string): void;
}

export class JobRunner {
  private running = new Map<string, RunningJob>();
  private queue: QueuedJob[] = [];

  constructor(
    private readonly events: EventHub,
    private readonly script: WorkerScript = resolveWorkerScript(),
    private readonly maxConcurrent: number = MAX_CONCURRENT_JOBS,
    /** Lets tasks open their own connection to the workspace (large reads and writes off this thread). */
    private readonly database?: JobDatabaseAccess,
  ) {}

  /**
   * Starts `task` in a worker. `complete` runs on this thread with the task's output and returns the summary for
   * the done event; it must stay short (a small write at most), because this thread serves the UI. Tasks with large
   * reads or writes do them on their own connection (WorkspaceTaskContext) and hand back only a summary.
   */
  start<K extends JobKind, T extends TaskName>(
    kind: K,
    task: T,
    input: TaskInput<T>,
    complete: (output: TaskOutput<T>) => JobCompletion<JobResults[K]>,
  ): JobHandle {
    const jobId = randomUUID();
    if (this.running.size < this.maxConcurrent) {
      this.launch(jobId, kind, task, input, complete);
      return { jobId, kind };
    }
    let settle!: (event: JobDoneEvent) => void;
    const done = new Promise<JobDoneEvent>((resolve) => (settle = resolve));
    this.queue.push({
      jobId,
      kind,
      done,
      launch: () => void this.launch(jobId, kind, task, input, complete).then(settle),
      drop: (message) => {
        const event = { jobId, kind, status: 'cancelled', message } as JobDoneEvent;
        this.events.emit('job.done', event);
        settle(event);
      },
    });
    this.announceQueue();
    return { jobId, kind };
  }

  /** Starts a worker for the job now; resolves with its done event. */
  private launch<K extends JobKind, T extends TaskName>(
    jobId: string,
    kind: K,
    task: T,
    input: TaskInput<T>,
    complete: (output: TaskOutput<T>) => JobCompletion<JobResults[K]>,
  ): Promise<JobDoneEvent> {
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(this.script.file, {
      workerData: { task, input, cancelFlag: cancelBuffer, database: this.database },
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
        this.startQueued();
      };
      worker.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'progress':
            this.events.emit('job.progress', { jobId, kind, fraction: message.fraction, message: message.message });
            break;
          case 'result':
            // A task that wrote its result itself has committed it: the cancel came too late to undo anything.
            if (!message.committed && Atomics.load(cancelFlag, 0) === 1) {
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
    return done;
  }

  /** Fills free worker slots from the front of the line, then tells the jobs still waiting where they stand. */
  private startQueued(): void {
    while (this.running.size < this.maxConcurrent && this.queue.length > 0) this.queue.shift()!.launch();
    this.announceQueue();
  }

  private announceQueue(): void {
    this.queue.forEach(({ jobId, kind }, index) => {
      const ahead = index === 0 ? 'next in line' : `${index} ${index === 1 ? 'job' : 'jobs'} ahead in line`;
      this.events.emit('job.progress', { jobId, kind, fraction: 0, queued: true, message: `Queued: ${ahead}; at most ${this.maxConcurrent} jobs run at once.` });
    });
  }

  cancel(jobId: string): boolean {
    const waiting = this.queue.findIndex((job) => job.jobId === jobId);
    if (waiting >= 0) {
      const [job] = this.queue.splice(waiting, 1);
      job!.drop('Cancelled before it started; nothing was changed.');
      this.announceQueue();
      return true;
    }
    const job = this.running.get(jobId);
    if (!job) return false;
    Atomics.store(job.cancelFlag, 0, 1);
    setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS).unref();
    return true;
  }

  /** Resolves when the job finishes (immediately with undefined if it is unknown or already finished). */
  wait(jobId: string): Promise<JobDoneEvent> | undefined {
    return this.running.get(jobId)?.done ?? this.queue.find((job) => job.jobId === jobId)?.done;
  }

  async shutdown(): Promise<void> {
    for (const job of this.queue.splice(0)) job.drop('Staffwise closed before the job started; nothing was changed.');
    await Promise.all([...this.running.values()].map((job) => job.worker.terminate()));
    this.running.clear();
  }
}
