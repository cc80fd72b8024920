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

export const startRosterHelper: RosterHelperStarter = (job) => {
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
  return {
    share: (cells) => port1.postMessage(cells),
    receive: () => latestMessage<number[][]>(port1),
    stop: () => {
      Atomics.store(stopFlag, 0, 1);
      port1.close();
      // Stop is polled between HiGHS nodes; terminate makes sure a thread stuck in one long step ends too.
      setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
    },
  };
};

/** Time the helper gets to end by itself after Stop before it is terminated. */
const STOP_GRACE_MS = 1000;

/** The last message waiting on the port (the earlier ones are older rosters), without blocking; undefined if none. */
export function latestMessage<T>(port: MessagePort): T | undefined {
  let latest: T | undefined;
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) latest = received.message as T;
  return latest;
}
