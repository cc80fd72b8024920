/**
 * The heart of the pipeline: a series of queue intervals × a staffing → required agents per interval. Open intervals
 * are solved together (deferred work carries its backlog across them); closed intervals need nobody; missing ones
 * stay unknown rather than being treated as zero.
 */
import { intervalRequirements, type ChannelStaffing } from '../staffing';
import type { IntervalStatus, QueueInterval } from '../../model';

export interface RequirementRow {
  start: string;
  status: IntervalStatus;
  volume: number | null;
  required: number | null;
  requiredExact: number | null;
  /** The interval's own handle time (seconds) when a per-interval (forecast) AHT was used. */
  ahtSec?: number;
  rostered?: number;
  serviceLevel?: number;
  occupancy?: number;
  backlog?: number;
}

export interface IntervalRequirements {
  intervalMin: number;
  rows: RequirementRow[];
  /** Σ required agents × interval hours, over the open intervals. */
  requiredAgentHours: number;
  peakRequired: number;
  /** Intervals whose volume is unknown (missing data): no requirement is invented for them. */
  missingIntervals: number;
}

export function requirementsFor(
  intervals: readonly QueueInterval[],
  staffing: ChannelStaffing,
  /** Live channels: take each interval's own `ahtSec` (a forecast AHT) where it has one, else the settings' AHT. */
  useIntervalAht = false,
): IntervalRequirements {
  const open = intervals.map((p, i) => ({ p, i })).filter(({ p }) => p.status === 'open');
  const intervalAht = useIntervalAht && staffing.mode === 'live' ? open.map(({ p }) => p.ahtSec) : undefined;
  const solved = intervalRequirements(open.map(({ p }) => p.volume ?? 0), staffing, intervalAht);
  const ahtOf = new Map(open.map(({ i }, k) => [i, intervalAht?.[k] ?? undefined]));
  const byIndex = new Map(open.map(({ i }, k) => [i, solved[k]]));
  const rows: RequirementRow[] = intervals.map((p, i) => {
    const r = byIndex.get(i);
    if (!r) return { start: p.startLocal, status: p.status, volume: null, required: p.status === 'closed' ? 0 : null, requiredExact: p.status === 'closed' ? 0 : null };
    return {
      start: p.startLocal,
      status: 'open',
      volume: r.volume,
      required: r.required,
      requiredExact: r.requiredExact,
      ...(ahtOf.get(i) != null && { ahtSec: ahtOf.get(i)! }),
      ...(r.rostered !== undefined && { rostered: r.rostered }),
      ...(r.metrics && { serviceLevel: r.metrics.serviceLevel, occupancy: r.metrics.occupancy }),
      ...(r.backlog !== undefined && { backlog: r.backlog }),
    };
  });
  const hoursPerInterval = staffing.intervalMin / 60;
  return {
    intervalMin: staffing.intervalMin,
    rows,
    requiredAgentHours: solved.reduce((sum, r) => sum + r.required * hoursPerInterval, 0),
    peakRequired: solved.reduce((max, r) => Math.max(max, r.required), 0),
    missingIntervals: intervals.filter((p) => p.status === 'missing').length,
  };
}

/** Required agents per interval of a plain volume series (every interval open): 0 where nothing arrives. */
export function requiredPerInterval(volumes: readonly number[], staffing: ChannelStaffing): number[] {
  return intervalRequirements(volumes, staffing).map((r) => r.required);
}
