/**
 * Scenarios: the baseline capacity plan plus named changes, each over a date (or week) range and for some or all
 * queues. Every rate is a fraction (0.05, not 5); volume and AHT changes are relative (+3 = +300%).
 */
import type { CapacityPlanInput, PlanProjection } from '../plan/types';

export const CHANGE_KINDS = [
  'volume',
  'aht',
  'shrinkage',
  'attrition',
  'hiringFreeze',
  'classAdd',
  'classRemove',
  'serviceTarget',
  'occupancy',
  'overtime',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One named change. The range is either dates (`from`..`to`, inclusive, 'YYYY-MM-DD') or weeks (`fromWeek`..`toWeek`,
 * inclusive, counted from the plan's startWeek = week 0). What `value` means depends on the kind:
 * - volume, aht: relative change (0.5 = +50%, −0.5 = −50%)
 * - shrinkage: change in points as a fraction (+0.05 = shrinkage 30% → 35%)
 * - attrition: change of the tenured monthly rate in points as a fraction (+0.01 = 2% → 3% a month)
 * - serviceTarget: the new service-level target (fraction); `answerSec` optionally replaces the answer time
 * - occupancy: the new occupancy target (fraction)
 * - overtime: hours per agent per week allowed
 * - classAdd: `size` heads starting in the first week of the range (`ramp` optional)
 * - classRemove: removes the baseline class `classIndex` (0-based)
 * - hiringFreeze: no value; removes every class starting in the range
 */
export interface ScenarioChange {
  kind: ChangeKind;
  label?: string;
  from?: string;
  to?: string;
  fromWeek?: number;
  toWeek?: number;
  /** Queue names the change applies to; all queues when omitted. */
  queues?: string[];
  value?: number;
  answerSec?: number;
  size?: number;
  ramp?: number[];
  classIndex?: number;
}

/** What a live queue must be held to, for service-level changes and the weekly service-level estimate. */
export interface LiveQueueTargets {
  /** Service-level target (fraction of contacts answered within answerSec). */
  serviceLevel: number;
  answerSec: number;
  /** Hours the queue is open in a week: the weekly volume is spread evenly over them (average interval). */
  openHoursPerWeek: number;
}

export interface ScenarioSettings {
  /** Cost of one overtime hour; default 1.5 × weeklyCostPerHead ÷ hoursPerFte (time and a half). */
  overtimeCostPerHour?: number;
  /** Per live queue name (or '*' for the single pool). */
  liveTargets?: Record<string, LiveQueueTargets>;
}

/** Covered share of each plan week: days the range touches in that week ÷ 7. */
export type WeekCoverage = Map<number, number>;

export interface ScenarioWeek {
  week: number;
  /** Monday of the week, when the plan has a startWeek. */
  weekStart?: string;
  requiredFte: number;
  effectiveFte: number;
  headcount: number;
  /** Overtime worked, agent-hours: min(allowed, shortfall hours). */
  overtimeHours: number;
  /** FTE added by overtime: overtime hours ÷ hoursPerFte. */
  overtimeFte: number;
  /** effective + overtime FTE − required. */
  gap: number;
  volume: number;
  /** Volume-weighted service level of the live queues with targets (average-interval Erlang C); null without any. */
  serviceLevel: number | null;
}

export interface ScenarioCost {
  payroll: number;
  hiring: number;
  understaffing: number;
  overtime: number;
  total: number;
  perContact: number;
}

export interface ScenarioResult {
  /** The plan with the changes applied (what projectPlan ran on). */
  plan: CapacityPlanInput;
  projection: PlanProjection;
  weeks: ScenarioWeek[];
  hires: { startWeek: number; size: number }[];
  cost: ScenarioCost;
  totalCost: number;
  overtimeHours: number;
  /** Things the user should know about how a change was applied (e.g. a target that does not enter a formula). */
  notes: string[];
}
