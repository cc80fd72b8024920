/**
 * Erlang C (M/M/N): Poisson arrivals, exponential handle times, N servers, callers who never hang up.
 *
 *   P(wait) C = N·B ÷ (N − A + A·B)                 (B = Erlang B for N servers, A Erlangs)
 *   SL(t)     = 1 − C·e^(−(N − A)·t ÷ AHT)           (waiting time given a wait is exponential with rate (N − A)/AHT)
 *   ASA       = C·AHT ÷ (N − A)
 *   occupancy = A ÷ N
 * Only defined for N > A; with N ≤ A the queue grows without bound, so every caller waits forever.
 */
import { erlangB } from './erlangB';
import type { QueueMetrics } from './queueMetrics';

export interface LiveLoad {
  servers: number;
  /** Offered load in Erlangs (arrival rate × handle time). */
  traffic: number;
  ahtSec: number;
  /** Target answer time for the service level, in seconds. */
  answerSec: number;
}

/** Erlang C probability of waiting from the Erlang B value for the same servers and traffic. */
export function erlangCFromBlocking(servers: number, traffic: number, blocking: number): number {
  if (servers <= traffic) return 1;
  return (servers * blocking) / (servers - traffic + traffic * blocking);
}

export function erlangC(servers: number, traffic: number): number {
  return erlangCFromBlocking(servers, traffic, erlangB(servers, traffic));
}

export function erlangCMetrics(load: LiveLoad, blocking = erlangB(load.servers, load.traffic)): QueueMetrics {
  const { servers, traffic, ahtSec, answerSec } = load;
  if (servers <= traffic) {
    return { pWait: 1, serviceLevel: 0, asaSec: Number.POSITIVE_INFINITY, occupancy: 1, pAbandon: 0, stable: false };
  }
  const pWait = erlangCFromBlocking(servers, traffic, blocking);
  const spareServers = servers - traffic;
  return {
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-spareServers * answerSec) / ahtSec),
    asaSec: (pWait * ahtSec) / spareServers,
    occupancy: traffic / servers,
    pAbandon: 0,
    stable: true,
  };
}
