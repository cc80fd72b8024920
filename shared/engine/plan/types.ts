/**
 * The long-range capacity plan: weekly demand turned into required FTE, and supply (tenured staff, attrition,
 * hiring classes on a ramp curve) projected week by week. Every rate is a fraction (0.8, not 80); weeks are
 * counted from 0 = the plan's first week (a Monday).
 */

/** One week of demand for a capacity-equation pool (deferred work, or the CLI's single pool). */
export interface PlanWeekDemand {
  /** Contacts in the week. */
  volume: number;
  /** Average handle time, seconds. */
  ahtSec: number;
  /** Overrides the plan's default shrinkage for this week (training weeks, holidays). */
  shrinkage?: number;
  /**
   * Required paid FTE computed elsewhere (live queues: Erlang over the week's interval pattern, agent-hours → FTE).
   * When present it is used as is and volume/AHT only feed cost per contact.
   */
  requiredFte?: number;
}

export interface PlanQueue {
  name: string;
  /** 'live' queues carry requiredFte from the interval pipeline (Erlang); 'deferred' ones use the capacity equation. */
  kind: 'live' | 'deferred';
  demand: PlanWeekDemand[];
}

export interface PlanAttrition {
  /** Monthly attrition rate of tenured staff (fraction). */
  tenuredMonthly: number;
  /** Monthly attrition rate of new hires while they are in ramp (fraction). */
  newHireMonthly: number;
}

export interface HiringClass {
  /** Week index the class starts (its first week of ramp). */
  startWeek: number;
  /** Heads hired. */
  size: number;
  /** Ramp curve for this class (load per week of ramp); the plan's ramp when omitted. */
  ramp?: number[];
  kind?: HiringKind;
  label?: string;
}

export type HiringKind = 'replacement' | 'growth' | 'new-tier' | 'seasonal';

/** Heads leaving (negative) or joining (positive) the tenured pool at a given week: departures and transfers. */
export interface HeadcountAdjustment {
  week: number;
  change: number;
  note?: string;
}

export interface HiringRules {
  /** A class may start only in a week w ≥ leadTimeWeeks … */
  leadTimeWeeks: number;
  /** … with (w − leadTimeWeeks) mod cadenceWeeks = 0. */
  cadenceWeeks: number;
  minClassSize: number;
  maxClassSize: number;
  /** Optional cap on the sum of class sizes over the horizon. */
  maxHires?: number;
}

export interface PlanCosts {
  /** Cost of one head on payroll for one week (tenured or in ramp). */
  weeklyCostPerHead: number;
  /** One-off cost per hire (recruiting, onboarding). */
  hireCost: number;
  /** Penalty per FTE-week of shortfall (max(0, −gap)). */
  understaffPerFteWeek: number;
}

export interface CapacityPlanInput {
  /** Monday of week 0, 'YYYY-MM-DD' (optional for pure arithmetic). */
  startWeek?: string;
  weeks: number;
  /** Paid hours of one FTE per week (e.g. 40). */
  hoursPerFte: number;
  /** Occupancy target (fraction). */
  occupancy: number;
  /** Default shrinkage (fraction); a week may override it. */
  shrinkage: number;
  /** The single pool's weekly demand (the CLI form); ignored when `queues` is given. */
  demand: PlanWeekDemand[];
  /** Several queues served by the same agents: required FTE and volume are summed per week. */
  queues?: PlanQueue[];
  /** Starting headcount (tenured at week 0). */
  headcount: number;
  attrition: PlanAttrition;
  /** Default ramp curve: load per week of ramp, e.g. [0,0,0.25,0.5,0.75,0.75,1,1]. */
  ramp: number[];
  classes: HiringClass[];
  hiring: HiringRules;
  costs: PlanCosts;
  adjustments?: HeadcountAdjustment[];
}

export interface ClassWeek {
  classIndex: number;
  /** Week of ramp, 0-based (k in the conventions). */
  rampWeek: number;
  headcount: number;
  load: number;
  effectiveFte: number;
}

export interface PlanWeek {
  week: number;
  requiredFte: number;
  /** Required FTE per queue, in the order of `queues` (one entry for the single pool). */
  requiredByQueue: number[];
  volume: number;
  tenured: number;
  /** Heads still in ramp this week, with their load. */
  inRamp: ClassWeek[];
  headcount: number;
  effectiveFte: number;
  /** effective − required: negative is a shortfall. */
  gap: number;
  shrinkage: number;
}

export interface PlanCostBreakdown {
  payroll: number;
  hiring: number;
  understaffing: number;
  total: number;
  /** total ÷ Σ weekly volume (0 when there is no volume). */
  perContact: number;
}

export interface PlanProjection {
  weeks: PlanWeek[];
  hires: { startWeek: number; size: number }[];
  cost: PlanCostBreakdown;
  totalCost: number;
  /** Weekly attrition rates derived from the monthly ones. */
  weeklyAttrition: { tenured: number; newHire: number };
}
