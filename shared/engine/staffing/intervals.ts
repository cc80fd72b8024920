/**
 * Interval requirements: for a series of intervals (a week at 15 or 30 minutes) and one channel, the agents each
 * interval needs — exact (fractional, for adding up workload) and rounded up (heads to schedule). Live channels
 * solve the queue per interval; deferred channels use the workload model with its backlog across intervals.
 * Run it once per channel for a multi-channel plan.
 */
import { z } from 'zod';
import { deferredRequirements, type DeferredWork } from './deferred';
import { parseOrThrow, StaffingInputError } from './errors';
import { capFractionField, concurrencyField, nonNegativeField, openFractionField, positiveField, shrinkageField } from './fields';
import { liveQueue } from './liveQueue';
import type { QueueMetrics } from './queueMetrics';
import { rosteredAgents } from './shrinkage';
import { requiredAgents } from './solvers';

export const staffingTargetsSchema = z
  .object({
    answerSec: nonNegativeField('Target answer time'),
    serviceLevel: openFractionField('Service-level target').optional(),
    maxAsaSec: positiveField('ASA target', 'seconds').optional(),
    maxOccupancy: capFractionField('Maximum occupancy').optional(),
    maxAbandon: openFractionField('Maximum abandonment').optional(),
  })
  .strict();

export const concurrencySchema = z
  .object({
    concurrency: concurrencyField(),
    efficiency: capFractionField('Concurrency efficiency'),
  })
  .strict();

export const liveChannelStaffingSchema = z
  .object({
    mode: z.literal('live'),
    intervalMin: positiveField('Interval length', 'minutes'),
    ahtSec: positiveField('AHT', 'seconds'),
    targets: staffingTargetsSchema,
    patienceSec: positiveField('Patience', 'seconds').optional(),
    concurrency: concurrencySchema.optional(),
    shrinkage: shrinkageField().optional(),
  })
  .strict()
  .refine((s) => s.targets.maxAbandon === undefined || s.patienceSec !== undefined, {
    path: ['targets', 'maxAbandon'],
    message: 'A maximum abandonment needs a mean patience: without one nobody abandons',
  });

export type LiveChannelStaffing = z.infer<typeof liveChannelStaffingSchema>;

export interface DeferredChannelStaffing extends DeferredWork {
  mode: 'deferred';
  shrinkage?: number;
}

export type ChannelStaffing = LiveChannelStaffing | DeferredChannelStaffing;

export interface IntervalRequirement {
  index: number;
  volume: number;
  /** Productive agents needed, rounded up. */
  required: number;
  /** Productive agents needed, fractional. */
  requiredExact: number;
  /** Agents to roster once shrinkage is added; present when a shrinkage is given. */
  rostered?: number;
  /** Live channels: what `required` agents deliver. */
  metrics?: QueueMetrics;
  /** Deferred channels: items carried into the next interval. */
  backlog?: number;
}

/**
 * `ahtSecByInterval` gives live channels a handle time per interval (a forecast AHT, say); an interval without one
 * (null or absent) uses the settings' `ahtSec`. Deferred work keeps one handle time: its backlog mixes intervals.
 */
export function intervalRequirements(volumes: readonly number[], staffing: ChannelStaffing, ahtSecByInterval?: readonly (number | null)[]): IntervalRequirement[] {
  const rows = staffing.mode === 'live' ? liveRequirements(volumes, staffing, ahtSecByInterval) : deferredRows(volumes, staffing);
  const { shrinkage } = staffing;
  return shrinkage === undefined ? rows : rows.map((row) => ({ ...row, rostered: rosteredAgents(row.required, shrinkage) }));
}

function liveRequirements(volumes: readonly number[], raw: LiveChannelStaffing, ahtSecByInterval?: readonly (number | null)[]): IntervalRequirement[] {
  const { intervalMin, ahtSec, patienceSec, concurrency, targets } = parseOrThrow(liveChannelStaffingSchema, raw);
  return volumes.map((volume, index) => {
    if (!Number.isFinite(volume) || volume < 0) {
      throw new StaffingInputError('volumes', `Volume in interval ${index + 1} must be a number of at least 0`);
    }
    const own = ahtSecByInterval?.[index];
    if (own !== undefined && own !== null && !(Number.isFinite(own) && own > 0)) {
      throw new StaffingInputError('ahtSecByInterval', `AHT in interval ${index + 1} must be greater than 0 seconds`);
    }
    const queue = liveQueue({ contacts: volume, intervalMin, ahtSec: own ?? ahtSec, patienceSec, concurrency });
    const requirement = requiredAgents(queue, targets);
    return {
      index,
      volume,
      required: requirement.agents,
      requiredExact: requirement.agentsExact,
      metrics: requirement.metrics,
    };
  });
}

function deferredRows(volumes: readonly number[], staffing: DeferredChannelStaffing): IntervalRequirement[] {
  const { handleSec, responseSec, intervalMin, maxOccupancy, openingBacklog } = staffing;
  const work = { handleSec, responseSec, intervalMin, maxOccupancy, openingBacklog };
  return deferredRequirements(volumes, work).map((row) => ({
    index: row.index,
    volume: row.arriving,
    required: row.agents,
    requiredExact: row.agentsExact,
    backlog: row.backlog,
  }));
}
