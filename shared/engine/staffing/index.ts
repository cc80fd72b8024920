/**
 * The staffing engine: pure, deterministic functions from workload and targets to agents (no I/O, browser-safe).
 *
 * - erlangB / erlangC / erlangA: queue metrics for a number of servers (Erlang A exact, with abandonment)
 * - liveQueue / evaluateAgents: a phone or chat queue in one interval, and what given agents deliver
 * - requiredAgents: the smallest agents meeting service level, ASA, occupancy and abandonment targets
 * - concurrency: the chat slot model; shrinkage: productive → rostered agents
 * - deferred: email, tickets and social as workload within a response target, with backlog across intervals
 * - intervalRequirements: a whole series of intervals for one channel
 * - solveStaffing: the explained single-queue calculator used by the UI, CLI and API
 */
export * from './calculationSteps';
export * from '../common/ceilAgents';
export * from './channels';
export * from './concurrency';
export * from './deferred';
export * from './erlangA';
export * from './erlangB';
export * from './erlangC';
export * from './errors';
export * from './formatNumber';
export * from './intervals';
export * from './liveQueue';
export * from './queueMetrics';
export * from './shrinkage';
export * from './solveStaffing';
export * from './solvers';
export * from './staffingInput';
export type { CalculationStep } from '../common';
export * from './deferredDay';
