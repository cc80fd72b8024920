/**
 * Many weeks from one weekly shape (the capacity plan's horizon): a week's contacts spread over its intervals by the
 * queue's share of the week in each, then Erlang per interval at the week's AHT.
 *
 *   interval volume = week contacts × pattern(t)
 *   agents(t)       = Erlang (C, or A with a patience) for that volume, the week's AHT and the queue's targets
 */
import { liveQueue, requiredAgents, type LiveChannelStaffing } from '../staffing';

/** Agents for one interval's volume at a given AHT. */
export type IntervalAgents = (volume: number, ahtSec: number) => number;

const solverCaches = new Map<string, Map<string, number>>();

/**
 * The solver for one staffing at one interval length. Identical (volume, AHT) pairs are solved once per process,
 * which keeps a 104-week plan at a few thousand Erlang solves. Volumes count to 0.01 of a contact and AHT to 0.1 s:
 * finer differences cannot change a whole number of agents in practice.
 */
export function intervalAgentsSolver(staffing: LiveChannelStaffing, intervalMin: number): IntervalAgents {
  const staffingKey = JSON.stringify({ ...staffing, intervalMin, ahtSec: 0 });
  if (!solverCaches.has(staffingKey) && solverCaches.size > 20) solverCaches.clear();
  const cache = solverCaches.get(staffingKey) ?? new Map<string, number>();
  solverCaches.set(staffingKey, cache);
  return (volume, ahtSec) => {
    const key = `${Math.round(volume * 100)}|${Math.round(ahtSec * 10)}`;
    let agents = cache.get(key);
    if (agents === undefined) {
      const queue = liveQueue({ contacts: Math.round(volume * 100) / 100, intervalMin, ahtSec, patienceSec: staffing.patienceSec, concurrency: staffing.concurrency });
      agents = queue.traffic === 0 ? 0 : requiredAgents(queue, staffing.targets).agents;
      cache.set(key, agents);
    }
    return agents;
  };
}

/** One week: agents per interval of the pattern (0 where the pattern is 0) and their sum (agent-intervals). */
export function patternWeekAgents(pattern: ArrayLike<number>, weekVolume: number, ahtSec: number, solve: IntervalAgents): { agents: Int32Array; agentIntervals: number } {
  const agents = new Int32Array(pattern.length);
  let agentIntervals = 0;
  for (let t = 0; t < pattern.length; t++) {
    if (pattern[t] === 0) continue;
    agents[t] = solve(weekVolume * pattern[t], ahtSec);
    agentIntervals += agents[t];
  }
  return { agents, agentIntervals };
}
