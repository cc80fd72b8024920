/**
 * Starts the roster solve's helper thread (shared/engine/roster/helperSearch.ts) with worker_threads, so a solve
 * uses the second core. Both threads block in synchronous solver code, so they talk through message ports read
 * with `receiveMessageOnPort` (no event loop needed) and shared memory read with Atomics: a stop flag, and the
 * shared pricing queue (shared/engine/roster/sharedPricing.ts): one 64-bit word holding the open round's number and
 * the next free position, taken by compare-and-swap, and a counter of results posted that the main thread waits on.
 *
 * The thread file: `rosterHelperThread.mjs` beside the bundle in a build (outside the asar archive when packaged,
 * like the job worker), the TypeScript source through tsx in development and tests.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { RosterHelperJob, RosterHelperStarter } from '../../shared/engine/roster';
import type { PricedPosition, PricingDesk, PricingPartner, PricingRound } from '../../shared/engine/roster/sharedPricing';
import { resolveWorkerScript } from './jobs';

/** What the thread receives as `workerData`. */
export type RosterHelperThreadData = { job: RosterHelperJob; port: MessagePort; stopFlag: Int32Array; pricing: PricingQueue };

/** The shared pricing queue's memory and message port (rounds one way, results the other), as each thread holds it. */
export type PricingQueue = {
  port: MessagePort;
  /** Open round's number × 2³² + next free position. */
  claims: BigInt64Array;
  /** Results posted so far, which the main thread waits on. */
  posted: Int32Array;
};

/** The starter the roster service (the CLI's `staffwise roster`) and the bench use; it stops itself where it gets no second core. */
export const startRosterHelper: RosterHelperStarter = (job) => startHelperThread(job, secondCoreMonitor(processCpuSeconds, () => performance.now()));

/** Starts the thread; `keepsPaying` is asked at every receive whether the helper still pays (see secondCoreMonitor). */
export function startHelperThread(job: Parameters<RosterHelperStarter>[0], keepsPaying: () => boolean = () => true): ReturnType<RosterHelperStarter> {
  const script = resolveWorkerScript('rosterHelperThread.mjs', '../workers/rosterHelperDevThread.mjs');
  const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const pricingChannel = new MessageChannel();
  const claims = new BigInt64Array(new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT));
  const posted = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    const workerData: RosterHelperThreadData = { job, port: port2, stopFlag, pricing: { port: pricingChannel.port2, claims, posted } };
    worker = new Worker(script.file, { workerData, transferList: [port2, pricingChannel.port2], execArgv: script.execArgv });
  } catch {
    port1.close();
    pricingChannel.port1.close();
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
    pricingChannel.port1.close();
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
    pricing: pricingPartner({ port: pricingChannel.port1, claims, posted }, () => stopped),
  };
}

/** The main thread's end of the pricing queue; once the helper is stopped, this thread takes every position. */
export function pricingPartner(queue: PricingQueue, helperGone: () => boolean): PricingPartner {
  const countOf = new Map<number, number>();
  return {
    open: (round) => {
      countOf.clear();
      countOf.set(round.id, round.employees.length);
      // The round is posted before it is opened, so a helper that sees it open finds it on the port.
      if (!helperGone()) queue.port.postMessage(round);
      Atomics.store(queue.claims, 0, BigInt(round.id) << 32n);
    },
    claim: (roundId) => claimPosition(queue.claims, roundId, countOf.get(roundId) ?? 0),
    receive: (roundId, waitMs) => {
      if (helperGone()) return null;
      const seen = Atomics.load(queue.posted, 0);
      let results = postedResults(queue.port, roundId);
      if (results.length === 0 && waitMs > 0) {
        Atomics.wait(queue.posted, 0, seen, waitMs);
        results = postedResults(queue.port, roundId);
      }
      return results;
    },
  };
}

/** The helper's end of the pricing queue. */
export function pricingDesk(queue: PricingQueue): PricingDesk {
  let seenRound = 0;
  /** The newest round on the port: the one opened, or about to be (it is posted before it is opened). */
  let newest: PricingRound | undefined;
  return {
    pending: () => {
      for (let received = receiveMessageOnPort(queue.port); received; received = receiveMessageOnPort(queue.port)) newest = received.message as PricingRound;
      const roundId = Number(Atomics.load(queue.claims, 0) >> 32n);
      if (roundId === seenRound || newest?.id !== roundId) return undefined;
      seenRound = roundId;
      return newest;
    },
    claim: (roundId) => claimPosition(queue.claims, roundId, newest?.id === roundId ? newest.employees.length : 0),
    post: (roundId, result) => {
      queue.port.postMessage({ roundId, ...result });
      Atomics.add(queue.posted, 0, 1);
      Atomics.notify(queue.posted, 0);
    },
  };
}

/** The next free position of round `roundId` (of `count`), taken for the calling thread; undefined when none is. */
function claimPosition(claims: BigInt64Array, roundId: number, count: number): number | undefined {
  for (;;) {
    const word = Atomics.load(claims, 0);
    if (Number(word >> 32n) !== roundId) return undefined;
    const next = Number(word & 0xffffffffn);
    if (next >= count) return undefined;
    if (Atomics.compareExchange(claims, 0, word, word + 1n) === word) return next;
  }
}

/** The results of round `roundId` waiting on the port (those of older rounds are dropped). */
function postedResults(port: MessagePort, roundId: number): PricedPosition[] {
  const results: PricedPosition[] = [];
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    const { roundId: id, ...result } = received.message as PricedPosition & { roundId: number };
    if (id === roundId) results.push(result);
  }
  return results;
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
