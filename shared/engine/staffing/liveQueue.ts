/**
 * A live queue (phone, chat) in one interval, and what a given number of agents delivers to it — the reverse
 * calculation. Erlang C when callers never hang up; Erlang A when a mean patience is known.
 */
import { SINGLE_CONTACT, slotHandleSec, type ConcurrencyModel } from './concurrency';
import { erlangAMetrics } from './erlangA';
import { ErlangBLadder } from './erlangB';
import { erlangCMetrics } from './erlangC';
import { NO_LOAD_METRICS, type QueueMetrics } from './queueMetrics';

export interface LiveQueue {
  /** Offered load in Erlangs per server: contacts per second × seconds each holds a server. */
  traffic: number;
  /** Seconds one contact holds a server: the AHT, or a chat slot's handle time under concurrency. */
  holdSec: number;
  /** Servers each agent provides: 1 for phone, the concurrency for chat. */
  serversPerAgent: number;
  /** Mean patience in seconds; absent means Erlang C (nobody hangs up). */
  patienceSec?: number;
}

export interface LiveQueueSpec {
  contacts: number;
  intervalMin: number;
  ahtSec: number;
  patienceSec?: number;
  concurrency?: ConcurrencyModel;
}

/** Offered traffic in Erlangs: A = contacts × handle time ÷ interval length. */
export function offeredTraffic(contacts: number, holdSec: number, intervalMin: number): number {
  return (contacts * holdSec) / (intervalMin * 60);
}

export function liveQueue(spec: LiveQueueSpec): LiveQueue {
  const concurrency = spec.concurrency ?? SINGLE_CONTACT;
  const holdSec = slotHandleSec(spec.ahtSec, concurrency);
  return {
    traffic: offeredTraffic(spec.contacts, holdSec, spec.intervalMin),
    holdSec,
    serversPerAgent: concurrency.concurrency,
    patienceSec: spec.patienceSec,
  };
}

/** What `agents` agents deliver, with a service level measured against `answerSec`. */
export function evaluateAgents(queue: LiveQueue, agents: number, answerSec: number): QueueMetrics {
  return createQueueEvaluator(queue, answerSec)(agents);
}

/**
 * An evaluator for many staffing levels of one queue: the Erlang B recursion is shared between calls, so probing
 * N agents after N − 1 costs O(1) for Erlang C.
 */
export function createQueueEvaluator(queue: LiveQueue, answerSec: number): (agents: number) => QueueMetrics {
  const ladder = new ErlangBLadder(queue.traffic);
  const { traffic, holdSec: ahtSec, patienceSec } = queue;
  return (agents) => {
    if (traffic === 0) return NO_LOAD_METRICS;
    const servers = agents * queue.serversPerAgent;
    const blocking = ladder.at(servers);
    const load = { servers, traffic, ahtSec, answerSec };
    return patienceSec === undefined ? erlangCMetrics(load, blocking) : erlangAMetrics({ ...load, patienceSec }, blocking);
  };
}
