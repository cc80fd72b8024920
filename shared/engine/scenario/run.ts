/**
 * Runs a scenario: applyChanges, projectPlan, then what the plan itself does not model:
 *
 * - overtime: allowed hours = tenured heads × hours per agent (new hires in ramp do not work overtime); worked hours
 *   = min(allowed, shortfall × hoursPerFte); it adds worked hours ÷ hoursPerFte FTE to the week.
 * - cost = the plan's cost with the understaffing penalty on the gap after overtime, plus overtime hours × the
 *   overtime rate (default 1.5 × weeklyCostPerHead ÷ hoursPerFte).
 * - service level of live queues with targets: the week's effective FTE is shared between queues in proportion to
 *   their required FTE; a queue's agents in seat = its FTE × hoursPerFte × (1 − shrinkage) ÷ open hours per week,
 *   and Erlang C on the average interval (weekly volume ÷ open hours) gives the service level, interpolated
 *   between whole agents. Weeks are reported volume-weighted over those queues.
 */
import { createQueueEvaluator, liveQueue } from '../staffing/liveQueue';
import { demandPools, projectPlan } from '../plan/projection';
import type { CapacityPlanInput, PlanProjection } from '../plan/types';
import { applyScenario, queueNames } from './apply';
import type { LiveQueueTargets, ScenarioChange, ScenarioCost, ScenarioResult, ScenarioSettings, ScenarioWeek } from './types';
import { weekStartDate } from './weeks';

export function overtimeRate(plan: Pick<CapacityPlanInput, 'costs' | 'hoursPerFte'>, settings: ScenarioSettings = {}): number {
  return settings.overtimeCostPerHour ?? (1.5 * plan.costs.weeklyCostPerHead) / plan.hoursPerFte;
}

export function runScenario(plan: CapacityPlanInput, changes: readonly ScenarioChange[] = [], settings: ScenarioSettings = {}): ScenarioResult {
  const applied = applyScenario(plan, changes, settings);
  const projection = projectPlan(applied.plan);
  return scenarioResult(applied.plan, projection, applied.overtimeHoursPerHead, settings, applied.notes);
}

export function scenarioResult(plan: CapacityPlanInput, projection: PlanProjection, overtimeHoursPerHead: readonly number[], settings: ScenarioSettings, notes: string[] = []): ScenarioResult {
  const names = queueNames(plan);
  const pools = demandPools(plan);
  const weeks: ScenarioWeek[] = projection.weeks.map((row) => {
    const allowed = row.tenured * (overtimeHoursPerHead[row.week] ?? 0);
    const overtimeHours = Math.min(allowed, Math.max(0, -row.gap) * plan.hoursPerFte);
    const overtimeFte = overtimeHours / plan.hoursPerFte;
    const staffed = row.effectiveFte + overtimeFte;
    return {
      week: row.week,
      weekStart: weekStartDate(plan, row.week),
      requiredFte: row.requiredFte,
      effectiveFte: row.effectiveFte,
      headcount: row.headcount,
      overtimeHours,
      overtimeFte,
      gap: staffed - row.requiredFte,
      volume: row.volume,
      serviceLevel: weeklyServiceLevel(plan, names, pools.map((pool) => pool[row.week]), row.requiredByQueue, staffed, settings),
    };
  });
  const cost = scenarioCost(plan, projection, weeks, settings);
  return { plan, projection, weeks, hires: projection.hires, cost, totalCost: cost.total, overtimeHours: weeks.reduce((s, w) => s + w.overtimeHours, 0), notes };
}

function scenarioCost(plan: CapacityPlanInput, projection: PlanProjection, weeks: ScenarioWeek[], settings: ScenarioSettings): ScenarioCost {
  const { payroll, hiring } = projection.cost;
  const understaffing = plan.costs.understaffPerFteWeek * weeks.reduce((s, w) => s + Math.max(0, -w.gap), 0);
  const overtime = overtimeRate(plan, settings) * weeks.reduce((s, w) => s + w.overtimeHours, 0);
  const total = payroll + hiring + understaffing + overtime;
  const volume = weeks.reduce((s, w) => s + w.volume, 0);
  return { payroll, hiring, understaffing, overtime, total, perContact: volume > 0 ? total / volume : 0 };
}

/** Erlang C service level on the average interval for `agents` (fractional: interpolated between whole agents). */
export function averageIntervalServiceLevel(volume: number, ahtSec: number, agents: number, targets: LiveQueueTargets): number {
  if (volume <= 0 || ahtSec <= 0) return 1;
  const evaluate = createQueueEvaluator(liveQueue({ contacts: volume / targets.openHoursPerWeek, intervalMin: 60, ahtSec }), targets.answerSec);
  const below = Math.floor(Math.max(0, agents));
  const at = (n: number) => (n <= 0 ? 0 : evaluate(n).serviceLevel);
  return at(below) + (at(below + 1) - at(below)) * (agents - below);
}

function weeklyServiceLevel(
  plan: CapacityPlanInput,
  names: string[],
  demands: ({ volume: number; ahtSec: number; shrinkage?: number } | undefined)[],
  requiredByQueue: number[],
  staffedFte: number,
  settings: ScenarioSettings,
): number | null {
  const totalRequired = requiredByQueue.reduce((s, r) => s + r, 0);
  let weighted = 0;
  let volume = 0;
  names.forEach((name, q) => {
    const targets = settings.liveTargets?.[name];
    const demand = demands[q];
    if (!targets || !demand || (plan.queues?.[q]?.kind ?? 'live') !== 'live') return;
    const share = totalRequired > 0 ? requiredByQueue[q] / totalRequired : 0;
    const shrinkage = demand.shrinkage ?? plan.shrinkage;
    const agentsInSeat = (staffedFte * share * plan.hoursPerFte * (1 - shrinkage)) / targets.openHoursPerWeek;
    weighted += demand.volume * averageIntervalServiceLevel(demand.volume, demand.ahtSec, agentsInSeat, targets);
    volume += demand.volume;
  });
  return volume > 0 ? weighted / volume : null;
}
