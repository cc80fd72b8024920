/**
 * One queue, one interval: the staffing calculator behind the UI, the CLI (`staffwise erlang`) and the API.
 * Solves for the agents the targets need — or, given `agents`, reports what they deliver — and lists every
 * intermediate value so a planner can check the result by hand.
 */
import type { CalculationStep } from '../common';
import { calculationSteps } from './calculationSteps';
import { evaluateAgents, liveQueue } from './liveQueue';
import { rosteredAgents } from './shrinkage';
import { checkTargets, requiredAgents, type StaffingTargets, type TargetCheck, type TargetName } from './solvers';
import { parseStaffingInput, type StaffingInput } from './staffingInput';

export interface StaffingResult {
  /** Erlang A when a patience is given, otherwise Erlang C. */
  model: 'erlang-c' | 'erlang-a';
  /** 'solve' found the agents; 'evaluate' reports on the agents given. */
  mode: 'solve' | 'evaluate';
  /** Offered load in Erlangs (per chat slot under concurrency). */
  traffic: number;
  /** Servers the agents provide: agents × concurrency. */
  servers: number;
  /** Productive agents: required (solve) or given (evaluate). */
  agents: number;
  /** Fractional requirement (solve only); see AgentRequirement.agentsExact. */
  agentsExact?: number;
  /** Agents to roster once shrinkage is added; equals `agents` without shrinkage. */
  agentsWithShrinkage: number;
  serviceLevel: number;
  asaSec: number;
  occupancy: number;
  pWait: number;
  /** Present with a patience (Erlang A). */
  pAbandon?: number;
  /** Erlang A: mean wait of the contacts that were answered. */
  asaAnsweredSec?: number;
  /** False when the agents cannot keep up with the load (Erlang C, servers ≤ traffic). */
  stable: boolean;
  /** The target that decided the agents (solve only; null without load). */
  limitingTarget?: TargetName | null;
  targets: TargetCheck[];
  meetsTargets: boolean;
  steps: CalculationStep[];
}

export function solveStaffing(raw: StaffingInput): StaffingResult {
  const input = parseStaffingInput(raw);
  const concurrency = { concurrency: input.concurrency ?? 1, efficiency: input.concurrencyEfficiency ?? 1 };
  const queue = liveQueue({
    contacts: input.callsPerInterval,
    intervalMin: input.intervalMin,
    ahtSec: input.ahtSec,
    patienceSec: input.patienceSec,
    concurrency,
  });
  const targets: StaffingTargets = {
    answerSec: input.answerSec,
    serviceLevel: input.slTarget,
    maxAsaSec: input.asaTargetSec,
    maxOccupancy: input.maxOccupancy,
    maxAbandon: input.maxAbandon,
  };

  const solved = input.agents === undefined ? requiredAgents(queue, targets) : undefined;
  const agents = solved?.agents ?? input.agents ?? 0;
  const metrics = solved?.metrics ?? evaluateAgents(queue, agents, input.answerSec);
  const checks = checkTargets(metrics, targets);
  const agentsWithShrinkage = input.shrinkage === undefined ? agents : rosteredAgents(agents, input.shrinkage);
  const withPatience = input.patienceSec !== undefined;

  return {
    model: withPatience ? 'erlang-a' : 'erlang-c',
    mode: solved ? 'solve' : 'evaluate',
    traffic: queue.traffic,
    servers: agents * queue.serversPerAgent,
    agents,
    ...(solved && { agentsExact: solved.agentsExact, limitingTarget: solved.limitingTarget }),
    agentsWithShrinkage,
    serviceLevel: metrics.serviceLevel,
    asaSec: metrics.asaSec,
    occupancy: metrics.occupancy,
    pWait: metrics.pWait,
    ...(withPatience && { pAbandon: metrics.pAbandon }),
    ...(metrics.asaAnsweredSec !== undefined && { asaAnsweredSec: metrics.asaAnsweredSec }),
    stable: metrics.stable,
    targets: checks,
    meetsTargets: checks.every((c) => c.met),
    steps: calculationSteps({ input, queue, agents, metrics, solved, targets, agentsWithShrinkage }),
  };
}
