/**
 * Shrinkage: the share of paid time agents are not available to handle contacts (absence, holidays, training,
 * meetings). The queue needs `productive` agents logged in, so the roster needs productive ÷ (1 − shrinkage).
 */
import { ceilAgents } from '../common/ceilAgents';

export function rosteredAgentsExact(productiveAgents: number, shrinkage: number): number {
  return productiveAgents / (1 - shrinkage);
}

/** Whole rostered agents, rounded up: 14 productive at 30% shrinkage → 14 ÷ 0.7 = 20. */
export function rosteredAgents(productiveAgents: number, shrinkage: number): number {
  return ceilAgents(rosteredAgentsExact(productiveAgents, shrinkage));
}
