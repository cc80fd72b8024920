/**
 * Required agents for a live queue: the smallest whole number of agents meeting every target at once (service
 * level, ASA, maximum occupancy, maximum abandonment), plus a fractional "exact" requirement for summing workloads.
 *
 * Every target is monotone in the number of agents (more agents never lower the service level or raise ASA,
 * occupancy or abandonment), so feasibility flips once. The search starts near the answer — just above the traffic
 * an agent pool must exceed, and at the occupancy cap's floor — gallops away from it in doubling steps and then
 * bisects, so a 4,000-Erlang solve probes a dozen staffing levels instead of thousands.
 */
import { StaffingInputError } from './errors';
import { formatNumber } from './formatNumber';
import { createQueueEvaluator, type LiveQueue } from './liveQueue';
import { NO_LOAD_METRICS, type QueueMetrics } from './queueMetrics';

export interface StaffingTargets {
  /** Target answer time in seconds; the service level is measured against it. */
  answerSec: number;
  /** Share of contacts to answer within answerSec, in (0, 1). */
  serviceLevel?: number;
  maxAsaSec?: number;
  /** Highest acceptable occupancy, in (0, 1]. */
  maxOccupancy?: number;
  /** Highest acceptable share of abandoned contacts, in (0, 1); needs a patience (Erlang A). */
  maxAbandon?: number;
}

export type TargetName = 'serviceLevel' | 'asa' | 'occupancy' | 'abandonment';

export interface TargetCheck {
  name: TargetName;
  target: number;
  achieved: number;
  met: boolean;
}

export interface AgentRequirement {
  /** Smallest whole number of agents meeting every target. */
  agents: number;
  /**
   * Fractional requirement: where the target that decided `agents` is met exactly, on the straight line between
   * its values at agents − 1 and agents (on 1/ASA for the ASA target, so an unstable queue's infinite ASA is 0).
   * Useful for adding up workload across intervals before rounding.
   */
  agentsExact: number;
  /** The target that needed the most agents; null when there is no load. */
  limitingTarget: TargetName | null;
  metrics: QueueMetrics;
}

/** Beyond this many agents a load is treated as one no staff can carry. */
export const MAX_AGENTS = 100_000;
/** Float tolerance when comparing a metric with its target, so 10 ÷ 14 agents does not miss a 10/14 cap. */
const TOLERANCE = 1e-12;

/** How each target reads its limit and the achieved value, and when the one satisfies the other. */
interface TargetRule {
  name: TargetName;
  limit(targets: StaffingTargets): number | undefined;
  achieved(metrics: QueueMetrics): number;
  met(achieved: number, limit: number): boolean;
}

const RULES: readonly TargetRule[] = [
  {
    name: 'serviceLevel',
    limit: (t) => t.serviceLevel,
    achieved: (m) => m.serviceLevel,
    met: (achieved, limit) => achieved >= limit - TOLERANCE,
  },
  { name: 'asa', limit: (t) => t.maxAsaSec, achieved: (m) => m.asaSec, met: (achieved, limit) => achieved <= limit * (1 + TOLERANCE) },
  {
    name: 'occupancy',
    limit: (t) => t.maxOccupancy,
    achieved: (m) => m.occupancy,
    met: (achieved, limit) => achieved <= limit + TOLERANCE,
  },
  {
    name: 'abandonment',
    limit: (t) => t.maxAbandon,
    achieved: (m) => m.pAbandon,
    met: (achieved, limit) => achieved <= limit + TOLERANCE,
  },
];

/** Each target that is set, with what the metrics achieve against it. */
export function checkTargets(metrics: QueueMetrics, targets: StaffingTargets): TargetCheck[] {
  return RULES.flatMap((rule) => {
    const target = rule.limit(targets);
    if (target === undefined) return [];
    const achieved = rule.achieved(metrics);
    return [{ name: rule.name, target, achieved, met: rule.met(achieved, target) }];
  });
}

/** checkTargets(…).every(met), without building the report: the search calls it for every probe. */
function meetsTargets(metrics: QueueMetrics, targets: StaffingTargets): boolean {
  return RULES.every((rule) => {
    const limit = rule.limit(targets);
    return limit === undefined || rule.met(rule.achieved(metrics), limit);
  });
}

export function requiredAgents(queue: LiveQueue, targets: StaffingTargets): AgentRequirement {
  if (queue.traffic === 0) return { agents: 0, agentsExact: 0, limitingTarget: null, metrics: NO_LOAD_METRICS };
  const evaluate = memoize(createQueueEvaluator(queue, targets.answerSec));
  const meetsAll = (agents: number) => meetsTargets(evaluate(agents), targets);

  const agents = smallestFeasible(meetsAll, startingGuess(queue, targets));
  if (agents === undefined) {
    throw new StaffingInputError(
      'callsPerInterval',
      `${formatNumber(queue.traffic, 6)} Erlangs would need more than ${MAX_AGENTS.toLocaleString('en')} agents to meet these targets`,
    );
  }
  const metrics = evaluate(agents);
  const below = agents > 1 ? evaluate(agents - 1) : staffless(queue);
  const { fraction, target } = bindingCrossing(queue, targets, agents, below, metrics);
  return { agents, agentsExact: agents - 1 + fraction, limitingTarget: target, metrics };
}

/**
 * Erlang C: just enough agents for the servers to exceed the traffic and respect the occupancy cap.
 * Erlang A: the Erlang C answer (microseconds to find). Abandonment usually lowers the requirement by only a few
 * agents, so the gallop from there needs few of the Erlang A probes, each a numerical integration.
 */
function startingGuess(queue: LiveQueue, targets: StaffingTargets): number {
  if (queue.patienceSec !== undefined) {
    const patientQueue = { ...queue, patienceSec: undefined };
    return Math.max(1, requiredAgents(patientQueue, { ...targets, maxAbandon: undefined }).agents);
  }
  const perAgent = queue.serversPerAgent;
  const stable = Math.floor(queue.traffic / perAgent) + 1;
  const occupancyFloor = Math.ceil(queue.traffic / (perAgent * (targets.maxOccupancy ?? 1)) - 1e-9);
  return Math.min(MAX_AGENTS, Math.max(1, stable, occupancyFloor));
}

/**
 * Smallest n in [1, MAX_AGENTS] with feasible(n), for a feasibility that flips from false to true once.
 * Gallops from `guess` in doubling steps to bracket the flip, then bisects.
 */
function smallestFeasible(feasible: (n: number) => boolean, guess: number): number | undefined {
  let infeasible = 0;
  let isFeasibleAt: number;
  if (feasible(guess)) {
    isFeasibleAt = guess;
    for (let step = 1; isFeasibleAt - step > infeasible; step *= 2) {
      const probe = isFeasibleAt - step;
      if (!feasible(probe)) {
        infeasible = probe;
        break;
      }
      isFeasibleAt = probe;
    }
  } else {
    infeasible = guess;
    for (let step = 1; ; step *= 2) {
      const probe = Math.min(infeasible + step, MAX_AGENTS);
      if (feasible(probe)) {
        isFeasibleAt = probe;
        break;
      }
      if (probe === MAX_AGENTS) return undefined;
      infeasible = probe;
    }
  }
  while (isFeasibleAt - infeasible > 1) {
    const middle = Math.floor((infeasible + isFeasibleAt) / 2);
    if (feasible(middle)) isFeasibleAt = middle;
    else infeasible = middle;
  }
  return isFeasibleAt;
}

/** What no agents deliver: everyone waits, nobody is answered, and (with patience) everyone hangs up. */
function staffless(queue: LiveQueue): QueueMetrics {
  return {
    pWait: 1,
    serviceLevel: 0,
    asaSec: Number.POSITIVE_INFINITY,
    occupancy: 1,
    pAbandon: queue.patienceSec === undefined ? 0 : 1,
    stable: false,
  };
}

/** Among the targets missed one agent below the answer, the one whose crossing point lies furthest up. */
function bindingCrossing(
  queue: LiveQueue,
  targets: StaffingTargets,
  agents: number,
  below: QueueMetrics,
  at: QueueMetrics,
): { fraction: number; target: TargetName | null } {
  let best: { fraction: number; target: TargetName | null } = { fraction: 1, target: null };
  for (const check of checkTargets(below, targets)) {
    if (check.met) continue;
    const fraction = crossingFraction(queue, check, agents, below, at);
    if (best.target === null || fraction > best.fraction) best = { fraction, target: check.name };
  }
  return best;
}

function crossingFraction(queue: LiveQueue, check: TargetCheck, agents: number, below: QueueMetrics, at: QueueMetrics): number {
  switch (check.name) {
    case 'serviceLevel':
      return linearCrossing(below.serviceLevel, at.serviceLevel, check.target);
    case 'asa':
      return linearCrossing(1 / below.asaSec, 1 / at.asaSec, 1 / check.target);
    case 'abandonment':
      return linearCrossing(below.pAbandon, at.pAbandon, check.target);
    case 'occupancy': {
      // Agents at which the carried load would fill exactly the cap.
      const carried = at.occupancy * agents * queue.serversPerAgent;
      return clamp01(carried / (queue.serversPerAgent * check.target) - (agents - 1));
    }
  }
}

function linearCrossing(from: number, to: number, target: number): number {
  return to === from ? 1 : clamp01((target - from) / (to - from));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function memoize(evaluate: (agents: number) => QueueMetrics): (agents: number) => QueueMetrics {
  const seen = new Map<number, QueueMetrics>();
  return (agents) => {
    let metrics = seen.get(agents);
    if (metrics === undefined) {
      metrics = evaluate(agents);
      seen.set(agents, metrics);
    }
    return metrics;
  };
}
