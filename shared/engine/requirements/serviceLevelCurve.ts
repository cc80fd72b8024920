/** The service-level chart of the Staffing calculator: what agent counts around the answer deliver. */
import { solveStaffing, type StaffingInput } from '../staffing';

export interface StaffingCurvePoint {
  agents: number;
  serviceLevel: number;
  /** Seconds; null where the queue is unstable (ASA unbounded). */
  asaSec: number | null;
  occupancy: number;
  pAbandon?: number;
}

/** How far the service-level chart reaches either side of the answer. */
const CURVE_BELOW = 4;
const CURVE_ABOVE = 6;

/** Service level, ASA, occupancy (and abandonment) for agent counts around the answer, for the chart. */
export function serviceLevelCurve(input: StaffingInput, answer: number): StaffingCurvePoint[] {
  const from = Math.max(1, answer - CURVE_BELOW);
  const points: StaffingCurvePoint[] = [];
  for (let agents = from; agents <= answer + CURVE_ABOVE; agents++) {
    const r = solveStaffing({ ...input, agents, shrinkage: undefined });
    points.push({ agents, serviceLevel: r.serviceLevel, asaSec: finiteOrNull(r.asaSec), occupancy: r.occupancy, ...(r.pAbandon !== undefined && { pAbandon: r.pAbandon }) });
  }
  return points;
}

/** JSON has no Infinity: an unbounded wait travels as null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
