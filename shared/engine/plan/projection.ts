/**
 * The capacity plan's conventions, implemented exactly as the README states them so planners can check every
 * number in a spreadsheet:
 *
 * - weekly attrition from a monthly rate m: 1 − (1 − m)^(12/52)
 * - required paid FTE = volume × AHT(s) ÷ 3600 ÷ (hoursPerFte × occupancy) ÷ (1 − shrinkage)
 * - tenured(0) = starting headcount; tenured(w+1) = tenured(w) × (1 − tenured weekly attrition) + the classes whose
 *   ramp ends at w+1 (plus dated departures and transfers of that week)
 * - a class of n starting in week s: in week s+k (k < R) its headcount is n × (1 − new-hire weekly attrition)^k and
 *   its effective FTE that headcount × ramp[k]; from week s+R it is tenured, entering with n × (1 − h)^R
 * - headcount(w) = tenured + classes in ramp; effective(w) = tenured + Σ class headcount × ramp[k];
 *   gap(w) = effective − required
 * - cost = weeklyCostPerHead × Σ headcount + hireCost × Σ class sizes + understaffPerFteWeek × Σ max(0, −gap)
 */
import type { CapacityPlanInput, ClassWeek, HiringClass, PlanCostBreakdown, PlanProjection, PlanWeek, PlanWeekDemand } from './types';

export function weeklyAttritionRate(monthly: number): number {
  return 1 - (1 - monthly) ** (12 / 52);
}

export function requiredFteForWeek(demand: PlanWeekDemand, plan: Pick<CapacityPlanInput, 'hoursPerFte' | 'occupancy' | 'shrinkage'>): number {
  if (demand.requiredFte !== undefined) return demand.requiredFte;
  const shrinkage = demand.shrinkage ?? plan.shrinkage;
  return (demand.volume * demand.ahtSec) / 3600 / (plan.hoursPerFte * plan.occupancy) / (1 - shrinkage);
}

/** The demand series the plan sums: its queues, or the single pool. */
export function demandPools(plan: Pick<CapacityPlanInput, 'demand' | 'queues'>): PlanWeekDemand[][] {
  return plan.queues?.length ? plan.queues.map((q) => q.demand) : [plan.demand];
}

export function rampOf(cls: HiringClass, plan: Pick<CapacityPlanInput, 'ramp'>): number[] {
  return cls.ramp ?? plan.ramp;
}

/** Heads of a class of one at ramp week k (before it turns tenured); multiply by the class size. */
export function survivingShare(newHireWeekly: number, k: number): number {
  return (1 - newHireWeekly) ** k;
}

export function projectPlan(plan: CapacityPlanInput): PlanProjection {
  const tenuredWeekly = weeklyAttritionRate(plan.attrition.tenuredMonthly);
  const newHireWeekly = weeklyAttritionRate(plan.attrition.newHireMonthly);
  const weeks = plan.weeks;

  // Heads joining the tenured pool at each week: classes finishing their ramp, departures and transfers.
  const joining = new Array<number>(weeks + 1).fill(0);
  const inRamp: ClassWeek[][] = Array.from({ length: weeks }, () => []);
  plan.classes.forEach((cls, classIndex) => {
    const ramp = rampOf(cls, plan);
    for (let k = 0; k < ramp.length; k++) {
      const w = cls.startWeek + k;
      if (w < 0 || w >= weeks) continue;
      const headcount = cls.size * survivingShare(newHireWeekly, k);
      inRamp[w].push({ classIndex, rampWeek: k, headcount, load: ramp[k], effectiveFte: headcount * ramp[k] });
    }
    const end = cls.startWeek + ramp.length;
    if (end >= 0 && end < weeks) joining[end] += cls.size * survivingShare(newHireWeekly, ramp.length);
  });
  for (const adj of plan.adjustments ?? []) {
    if (adj.week >= 0 && adj.week < weeks) joining[adj.week] += adj.change;
  }

  const rows: PlanWeek[] = [];
  let tenured = plan.headcount + joining[0];
  for (let w = 0; w < weeks; w++) {
    if (w > 0) tenured = tenured * (1 - tenuredWeekly) + joining[w];
    const demands = demandPools(plan).map((pool) => pool[w] ?? { volume: 0, ahtSec: 0 });
    const requiredByQueue = demands.map((d) => requiredFteForWeek(d, plan));
    const requiredFte = requiredByQueue.reduce((s, r) => s + r, 0);
    const rampHeads = inRamp[w].reduce((s, c) => s + c.headcount, 0);
    const rampFte = inRamp[w].reduce((s, c) => s + c.effectiveFte, 0);
    const effectiveFte = tenured + rampFte;
    rows.push({
      week: w,
      requiredFte,
      requiredByQueue,
      volume: demands.reduce((s, d) => s + d.volume, 0),
      tenured,
      inRamp: inRamp[w],
      headcount: tenured + rampHeads,
      effectiveFte,
      gap: effectiveFte - requiredFte,
      shrinkage: demands[0]?.shrinkage ?? plan.shrinkage,
    });
  }

  const cost = planCost(plan, rows);
  return {
    weeks: rows,
    hires: plan.classes.map((c) => ({ startWeek: c.startWeek, size: c.size })),
    cost,
    totalCost: cost.total,
    weeklyAttrition: { tenured: tenuredWeekly, newHire: newHireWeekly },
  };
}

export function planCost(plan: CapacityPlanInput, rows: PlanWeek[]): PlanCostBreakdown {
  const payroll = plan.costs.weeklyCostPerHead * rows.reduce((s, r) => s + r.headcount, 0);
  const hiring = plan.costs.hireCost * plan.classes.reduce((s, c) => s + c.size, 0);
  const understaffing = plan.costs.understaffPerFteWeek * rows.reduce((s, r) => s + Math.max(0, -r.gap), 0);
  const total = payroll + hiring + understaffing;
  const volume = rows.reduce((s, r) => s + r.volume, 0);
  return { payroll, hiring, understaffing, total, perContact: volume > 0 ? total / volume : 0 };
}
