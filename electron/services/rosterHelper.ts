/**
 * Starts the roster solve's helper thread (shared/engine/roster/helperSearch.ts) with worker_threads, so a solve
 * uses the second core. Both threads block in synchronous solver code, so they talk through a message port read
 * with `receiveMessageOnPort` (no event loop needed) and a shared stop flag read with Atomics.
 *
 * The thread file: `rosterHelperThread.mjs` beside the bundle in a build (outside the asar archive when packaged,
 * like the job worker), the TypeScript source through tsx in development and tests.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { RosterHelperJob, RosterHelperStarter } from '../../shared/engine/roster';
import { resolveWorkerScript } from './jobs';

/** What the thread receives as `workerData`. */
export type RosterHelperThreadData = { job: RosterHelperJob; port: MessagePort; stopFlag: Int32Array };

/** The starter the roster service (the CLI's `staffwise roster`) and the bench use; it stops itself where it gets no second core. */
export const startRosterHelper: RosterHelperStarter = (job) => startHelperThread(job, secondCoreMonitor(processCpuSeconds, () => performance.now()));

/** Starts the thread; `keepsPaying` is asked at every receive whether the helper still pays (see secondCoreMonitor). */
export function startHelperThread(job: Parameters<RosterHelperStarter>[0], keepsPaying: () => boolean = () => true): ReturnType<RosterHelperStarter> {
  const script = resolveWorkerScript('rosterHelperThread.mjs', '../workers/rosterHelperDevThread.mjs');
  const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const workerData: RosterHelperThreadData = { job, port: port2, stopFlag };
    worker = new Worker(script.file, { workerData, transferList: [port2], execArgv: script.execArgv });
  } catch {
    port1.close();
    return undefined;
  }
  // A helper that fails leaves the solve to the main thread, which never waits for it.
  worker.on('error', () => undefined);
  worker.unref();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    Atomics.store(stopFlag, 0, 1);
    port1.close();
    // Stop is polled between HiGHS nodes; terminate makes sure a thread stuck in one long step ends too.
    setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
  };
  return {
    share: (cells) => {
      if (!stopped) port1.postMessage(cells);
    },
    receive: () => {
      if (stopped) return undefined;
      const latest = latestMessage<number[][]>(port1);
      // On a machine busy with other work the helper takes CPU from the main thread instead of adding a core's
      // worth (measured on the shared bench machine: worse rosters with it there), so it is stopped.
      if (!keepsPaying()) stop();
      return latest;
    },
    stop,
  };
}

/** Time the helper gets to end by itself after Stop before it is terminated. */
const STOP_GRACE_MS = 1000;
/** How often the process's CPU use is measured, and how many cores' worth it must get for the helper to pay. */
const CPU_WINDOW_MS = 2000;
const MIN_CORES_IN_USE = 1.5;
/** Windows in a row below that before the helper is stopped (one slow window can be a pause, e.g. GC). */
const LOW_WINDOWS_TO_STOP = 2;

/**
 * False once the process (both threads) has used less than MIN_CORES_IN_USE cores' worth of CPU over
 * LOW_WINDOWS_TO_STOP windows in a row: the second thread then only competes with the first for the CPU it gets.
 */
export function secondCoreMonitor(cpuSeconds: () => number, nowMs: () => number): () => boolean {
  let windowStart = { wall: nowMs(), cpu: cpuSeconds() };
  let lowWindows = 0;
  return () => {
    const now = nowMs();
    if (now - windowStart.wall < CPU_WINDOW_MS) return true;
    const cpu = cpuSeconds();
    const coresInUse = (cpu - windowStart.cpu) / ((now - windowStart.wall) / 1000);
    windowStart = { wall: now, cpu };
    lowWindows = coresInUse < MIN_CORES_IN_USE ? lowWindows + 1 : 0;
    return lowWindows < LOW_WINDOWS_TO_STOP;
  };
}

/** The last message waiting on the port (the earlier ones are older rosters), without blocking; undefined if none. */
export function latestMessage<T>(port: MessagePort): T | undefined {
  let latest: T | undefined;
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) latest = received.message as T;
  return latest;
}

/** CPU seconds used by the whole process (every thread) so far. */
function processCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
