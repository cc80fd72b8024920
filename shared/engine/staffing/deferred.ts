/**
 * Deferred work (email, tickets, social): items need not be answered while the customer waits, only within a
 * response-time target, so queueing maths does not apply — the requirement is workload over time.
 *
 * Model: with a response window of w = ⌊response target ÷ interval⌋ intervals (at least 1), each interval's items
 * are worked in equal shares over that interval and the next w − 1. Every item is then finished within its target,
 * and the workload is levelled across the window instead of piling up at deadlines. Work not yet done at the end
 * of an interval is the backlog carried into the next one; items arriving in the last w − 1 intervals leave a
 * closing backlog. An opening backlog is worked off the same way, as if it arrived at the start of the series.
 *
 *   work in interval i = Σ_{j=i−w+1..i} items_j × handle time ÷ w
 *   agents (exact)     = work ÷ (interval length × max occupancy)
 */
import { z } from 'zod';
import { ceilAgents } from '../common/ceilAgents';
import { parseOrThrow, StaffingInputError } from './errors';
import { capFractionField, nonNegativeField, positiveField } from './fields';

export const deferredWorkSchema = z
  .object({
    handleSec: positiveField('Handle time', 'seconds'),
    responseSec: positiveField('Response-time target', 'seconds'),
    intervalMin: positiveField('Interval length', 'minutes'),
    maxOccupancy: capFractionField('Maximum occupancy').optional(),
    openingBacklog: nonNegativeField('Opening backlog').optional(),
  })
  .strict()
  .refine((w) => w.responseSec >= w.handleSec, {
    path: ['responseSec'],
    message: 'Response-time target is shorter than the handle time: no staffing finishes an item in time',
  });

export type DeferredWork = z.infer<typeof deferredWorkSchema>;

export interface DeferredInterval {
  index: number;
  /** Items arriving in the interval. */
  arriving: number;
  /** Items worked in the interval (fractional: shares of items). */
  worked: number;
  /** Agent seconds of work in the interval. */
  workloadSec: number;
  /** Items arrived but not yet worked at the end of the interval. */
  backlog: number;
  agentsExact: number;
  agents: number;
}

export function deferredRequirements(volumes: readonly number[], work: DeferredWork): DeferredInterval[] {
  const { handleSec, responseSec, intervalMin, maxOccupancy = 1, openingBacklog = 0 } = parseOrThrow(deferredWorkSchema, work);
  checkVolumes(volumes);
  const intervalSec = intervalMin * 60;
  const window = Math.max(1, Math.floor(responseSec / intervalSec + 1e-9));
  const rows: DeferredInterval[] = [];
  let backlog = openingBacklog;
  for (let i = 0; i < volumes.length; i++) {
    let windowItems = i < window ? openingBacklog : 0;
    for (let j = Math.max(0, i - window + 1); j <= i; j++) windowItems += volumes[j];
    const worked = windowItems / window;
    backlog = Math.max(0, backlog + volumes[i] - worked);
    const workloadSec = worked * handleSec;
    const agentsExact = workloadSec / (intervalSec * maxOccupancy);
    rows.push({ index: i, arriving: volumes[i], worked, workloadSec, backlog, agentsExact, agents: ceilAgents(agentsExact) });
  }
  return rows;
}

/** Fractions of an item left by floating-point rounding, treated as done. */
const LEFTOVER = 1e-9;

export interface BacklogInterval {
  index: number;
  arriving: number;
  /** Items the staffed agents can work in the interval. */
  capacity: number;
  worked: number;
  backlog: number;
  /** Items still waiting at the end of the interval although their response target has passed. */
  overdue: number;
  /** Items whose response target passed during this interval while they still waited: each late item counts once. */
  missed: number;
}

/**
 * The reverse calculation: given agents per interval, how the backlog develops when items are worked oldest first
 * and how many miss their response target. Items are taken to arrive at the start of their interval (so none is
 * flattered by arriving late), and an opening backlog counts as arriving at the start of the first interval.
 */
export function simulateDeferredBacklog(
  volumes: readonly number[],
  agents: readonly number[],
  work: DeferredWork,
): BacklogInterval[] {
  const { handleSec, responseSec, intervalMin, maxOccupancy = 1, openingBacklog = 0 } = parseOrThrow(deferredWorkSchema, work);
  checkVolumes(volumes);
  if (agents.length !== volumes.length) {
    throw new StaffingInputError('agents', `Expected ${volumes.length} agent counts, one per interval, got ${agents.length}`);
  }
  const intervalSec = intervalMin * 60;
  const queue: { arrivedAt: number; items: number }[] = [{ arrivedAt: 0, items: openingBacklog }];
  let head = 0;
  const rows: BacklogInterval[] = [];
  for (let i = 0; i < volumes.length; i++) {
    queue.push({ arrivedAt: i, items: volumes[i] });
    const capacity = (Math.max(0, agents[i]) * intervalSec * maxOccupancy) / handleSec;
    let remaining = capacity;
    while (head < queue.length && remaining > 0) {
      const taken = Math.min(remaining, queue[head].items);
      queue[head].items -= taken;
      remaining -= taken;
      if (queue[head].items <= LEFTOVER) head++;
    }
    const intervalEnd = (i + 1) * intervalSec;
    let backlog = 0;
    let overdue = 0;
    let missed = 0;
    for (let k = head; k < queue.length; k++) {
      backlog += queue[k].items;
      const deadline = queue[k].arrivedAt * intervalSec + responseSec;
      // Still waiting as an interval ending at or after its deadline closes: it has missed its target.
      if (deadline <= intervalEnd) overdue += queue[k].items;
      if (deadline <= intervalEnd && deadline > intervalEnd - intervalSec) missed += queue[k].items;
    }
    rows.push({ index: i, arriving: volumes[i], capacity, worked: capacity - remaining, backlog, overdue, missed });
  }
  return rows;
}

function checkVolumes(volumes: readonly number[]): void {
  const bad = volumes.findIndex((v) => !Number.isFinite(v) || v < 0);
  if (bad >= 0) throw new StaffingInputError('volumes', `Volume in interval ${bad + 1} must be a number of at least 0`);
}
