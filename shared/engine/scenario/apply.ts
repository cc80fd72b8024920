/**
 * applyChanges: the baseline plan plus a scenario's changes → the plan projectPlan runs on.
 *
 * Pro-rata rule: a change covering d days of a plan week acts with the share c = d ÷ 7 of its effect on that week:
 * - relative changes (volume, AHT) multiply the week's value by 1 + x·c (a +300% change over 2 of 7 days
 *   multiplies the week's volume by 1 + 3 × 2/7);
 * - point changes (shrinkage, attrition) add x·c;
 * - targets (service level, occupancy) use the day-weighted mean (1 − c)·before + c·target;
 * - overtime allows hours·c per agent in the week.
 * Changes on the same week compound in the order given.
 *
 * Capacity-equation (deferred) queues go through the plan's formula with the changed volume, AHT and shrinkage, so a
 * volume change of x scales their required FTE by exactly (1 + x). A changed occupancy target is written into the
 * week's requiredFte with the same formula. Live queues carry a required FTE from the interval pipeline; a scenario
 * scales it: by the workload ratio (volume × AHT), by (1 − s) ÷ (1 − s′) for shrinkage, by occupancy ÷ occupancy′,
 * and for a service-level target by the ratio of Erlang C agents at the new and old target on the week's average
 * interval (weekly volume spread evenly over the queue's open hours). Scaling by workload ignores Erlang's economies
 * of scale, which is why short shocks are played at interval level against the schedule instead (shock.ts).
 *
 * Attrition changes act on tenured staff: in a covered week the tenured pool shrinks at the weekly rate of the
 * changed monthly rate, written as a departure adjustment of tenured(w − 1) × (weekly(m′) − weekly(m)).
 */
import { intervalRequirements } from '../staffing/intervals';
import { demandPools, projectPlan, requiredFteForWeek, weeklyAttritionRate } from '../plan/projection';
import type { CapacityPlanInput, HeadcountAdjustment, HiringClass, PlanWeekDemand } from '../plan/types';
import { ScenarioInputError } from './schema';
import type { LiveQueueTargets, ScenarioChange, ScenarioSettings } from './types';
import { changeCoverage, firstCoveredWeek } from './weeks';

/** The name the single-pool plan (no `queues`) answers to. */
export const SINGLE_POOL = '*';

export interface AppliedScenario {
  plan: CapacityPlanInput;
  /** Overtime hours allowed per agent, per plan week. */
  overtimeHoursPerHead: number[];
  notes: string[];
}

export function queueNames(plan: Pick<CapacityPlanInput, 'queues'>): string[] {
  return plan.queues?.length ? plan.queues.map((q) => q.name) : [SINGLE_POOL];
}

function queueKinds(plan: CapacityPlanInput): ('live' | 'deferred')[] {
  return plan.queues?.length ? plan.queues.map((q) => q.kind) : ['deferred'];
}

/**
 * Agents (fractional) the week's average interval of a live queue needs for a service-level target under Erlang C:
 * the smallest whole N meeting it, less the share of the last agent not needed, interpolating the service level
 * linearly between N − 1 and N. The average open hour goes through the requirements pipeline's interval solve
 * (`requiredExact`), so a scenario and the Staffing area agree on the same volume.
 */
export function averageIntervalAgents(volume: number, ahtSec: number, targets: LiveQueueTargets, serviceLevel = targets.serviceLevel, answerSec = targets.answerSec): number {
  if (volume <= 0 || ahtSec <= 0) return 0;
  const [averageHour] = intervalRequirements([volume / targets.openHoursPerWeek], { mode: 'live', intervalMin: 60, ahtSec, targets: { serviceLevel, answerSec } });
  return averageHour.requiredExact;
}

interface WeekState {
  volume: number;
  ahtSec: number;
  shrinkage: number;
  occupancy: number;
  serviceLevel?: number;
  answerSec?: number;
  touched: boolean;
}

const DEMAND_KINDS = new Set<ScenarioChange['kind']>(['volume', 'aht', 'shrinkage', 'occupancy', 'serviceTarget']);

export function applyChanges(plan: CapacityPlanInput, changes: readonly ScenarioChange[], settings: ScenarioSettings = {}): CapacityPlanInput {
  return applyScenario(plan, changes, settings).plan;
}

export function applyScenario(plan: CapacityPlanInput, changes: readonly ScenarioChange[], settings: ScenarioSettings = {}): AppliedScenario {
  const names = queueNames(plan);
  const kinds = queueKinds(plan);
  const notes: string[] = [];
  const coverages = changes.map((change) => changeCoverage(change, plan));
  changes.forEach((change, i) => {
    for (const name of change.queues ?? []) {
      if (!names.includes(name)) throw new ScenarioInputError(`changes.${i}.queues`, `changes.${i}.queues: no queue "${name}" in the plan (queues: ${names.join(', ')})`);
    }
    const hasRange = change.kind === 'classRemove' || coverages[i].size > 0;
    if (!hasRange) notes.push(`${describe(change)} falls outside the plan's ${plan.weeks} weeks and changes nothing`);
  });
  // Dense lookups: the loop below runs weeks × queues × changes times per scenario.
  const shares = coverages.map((coverage) => {
    const dense = new Float64Array(plan.weeks);
    for (const [w, c] of coverage) dense[w] = c;
    return dense;
  });
  const demandChanges = changes.flatMap((change, i) => (DEMAND_KINDS.has(change.kind) ? [i] : []));

  // Demand, queue by queue and week by week.
  const pools = demandPools(plan);
  const newPools: PlanWeekDemand[][] = pools.map((pool, q) => {
    const targets = settings.liveTargets?.[names[q]];
    const relevant = demandChanges.filter((i) => !changes[i].queues?.length || (changes[i].queues as string[]).includes(names[q]));
    if (relevant.length === 0) return pool;
    return pool.map((demand, w) => {
      if (!relevant.some((i) => shares[i][w] > 0)) return demand;
      const state: WeekState = {
        volume: demand.volume,
        ahtSec: demand.ahtSec,
        shrinkage: demand.shrinkage ?? plan.shrinkage,
        occupancy: plan.occupancy,
        serviceLevel: targets?.serviceLevel,
        answerSec: targets?.answerSec,
        touched: false,
      };
      for (const i of relevant) {
        const c = shares[i][w];
        if (c > 0) applyToWeek(state, changes[i], c, kinds[q], names[q], targets, notes);
      }
      return state.touched ? changedDemand(plan, demand, state, targets) : demand;
    });
  });

  const applied: CapacityPlanInput = {
    ...plan,
    demand: plan.queues?.length ? plan.demand : newPools[0],
    queues: plan.queues?.length ? plan.queues.map((queue, q) => ({ ...queue, demand: newPools[q] })) : plan.queues,
    classes: changedClasses(plan, changes, coverages, notes),
    adjustments: [...(plan.adjustments ?? [])],
  };
  applied.adjustments = [...(applied.adjustments ?? []), ...attritionAdjustments(applied, changes, coverages)];
  if (applied.adjustments.length === 0 && plan.adjustments === undefined) delete applied.adjustments;
  if (plan.queues === undefined) delete applied.queues;

  const overtimeHoursPerHead = new Array<number>(plan.weeks).fill(0);
  changes.forEach((change, i) => {
    if (change.kind !== 'overtime') return;
    for (const [w, c] of coverages[i]) overtimeHoursPerHead[w] += (change.value ?? 0) * c;
  });
  return { plan: applied, overtimeHoursPerHead, notes: [...new Set(notes)] };
}

function applyToWeek(state: WeekState, change: ScenarioChange, c: number, kind: 'live' | 'deferred', name: string, targets: LiveQueueTargets | undefined, notes: string[]): void {
  const x = change.value ?? 0;
  switch (change.kind) {
    case 'volume':
      state.volume *= 1 + x * c;
      state.touched = true;
      return;
    case 'aht':
      state.ahtSec *= 1 + x * c;
      state.touched = true;
      return;
    case 'shrinkage':
      state.shrinkage = state.shrinkage + x * c;
      if (state.shrinkage < 0 || state.shrinkage >= 1) throw new ScenarioInputError('value', `value: shrinkage of ${name} would become ${(state.shrinkage * 100).toFixed(1)}%, outside 0–100%`);
      state.touched = true;
      return;
    case 'occupancy':
      state.occupancy = (1 - c) * state.occupancy + c * x;
      state.touched = true;
      return;
    case 'serviceTarget':
      if (kind === 'deferred') {
        notes.push(`The service-level target does not enter the capacity equation, so it leaves ${name === SINGLE_POOL ? 'the pool' : name} unchanged`);
        return;
      }
      if (!targets || state.serviceLevel === undefined) {
        throw new ScenarioInputError('liveTargets', `liveTargets: a service-target change on ${name} needs its current service level, answer time and open hours per week`);
      }
      state.serviceLevel = (1 - c) * state.serviceLevel + c * x;
      if (change.answerSec !== undefined) state.answerSec = change.answerSec;
      state.touched = true;
      return;
    default:
      return;
  }
}

function changedDemand(plan: CapacityPlanInput, demand: PlanWeekDemand, state: WeekState, targets: LiveQueueTargets | undefined): PlanWeekDemand {
  const next: PlanWeekDemand = { volume: state.volume, ahtSec: state.ahtSec };
  if (demand.shrinkage !== undefined || state.shrinkage !== plan.shrinkage) next.shrinkage = state.shrinkage;
  if (demand.requiredFte === undefined) {
    if (state.occupancy !== plan.occupancy) next.requiredFte = requiredFteForWeek(next, { ...plan, occupancy: state.occupancy });
    return next;
  }
  const before = demand;
  const workloadBefore = before.volume * before.ahtSec;
  const workloadRatio = workloadBefore > 0 ? (state.volume * state.ahtSec) / workloadBefore : 1;
  const shrinkageRatio = (1 - (before.shrinkage ?? plan.shrinkage)) / (1 - state.shrinkage);
  const occupancyRatio = plan.occupancy / state.occupancy;
  let targetRatio = 1;
  if (targets && (state.serviceLevel !== targets.serviceLevel || state.answerSec !== targets.answerSec)) {
    const atOld = averageIntervalAgents(state.volume, state.ahtSec, targets);
    const atNew = averageIntervalAgents(state.volume, state.ahtSec, targets, state.serviceLevel, state.answerSec);
    targetRatio = atOld > 0 ? atNew / atOld : 1;
  }
  next.requiredFte = demand.requiredFte * workloadRatio * shrinkageRatio * occupancyRatio * targetRatio;
  return next;
}

function changedClasses(plan: CapacityPlanInput, changes: readonly ScenarioChange[], coverages: Map<number, number>[], notes: string[]): HiringClass[] {
  const removed = new Set<number>();
  changes.forEach((change, i) => {
    if (change.kind === 'classRemove') {
      const index = change.classIndex ?? -1;
      if (index >= plan.classes.length) throw new ScenarioInputError(`changes.${i}.classIndex`, `changes.${i}.classIndex: the plan has ${plan.classes.length} classes (0 … ${plan.classes.length - 1})`);
      removed.add(index);
    }
    if (change.kind === 'hiringFreeze') {
      plan.classes.forEach((cls, index) => {
        if (coverages[i].has(cls.startWeek)) removed.add(index);
      });
    }
  });
  const kept = plan.classes.filter((_, index) => !removed.has(index));
  const added: HiringClass[] = [];
  changes.forEach((change, i) => {
    if (change.kind !== 'classAdd') return;
    const startWeek = firstCoveredWeek(change, plan);
    if (startWeek === undefined) return;
    if (startWeek < 0 || startWeek >= plan.weeks) notes.push(`The added class starts in week ${startWeek}, outside the plan's ${plan.weeks} weeks`);
    added.push({ startWeek, size: change.size ?? 0, ...(change.ramp ? { ramp: change.ramp } : {}), label: change.label ?? `Added in scenario (change ${i + 1})` });
  });
  return [...kept, ...added];
}

function attritionAdjustments(plan: CapacityPlanInput, changes: readonly ScenarioChange[], coverages: Map<number, number>[]): HeadcountAdjustment[] {
  const monthlyDelta = new Array<number>(plan.weeks).fill(0);
  changes.forEach((change, i) => {
    if (change.kind !== 'attrition') return;
    for (const [w, c] of coverages[i]) monthlyDelta[w] += (change.value ?? 0) * c;
  });
  if (monthlyDelta.every((d) => d === 0)) return [];
  // Only the tenured pool matters here: project supply alone (no demand) to keep scenarios quick.
  const base = projectPlan({ ...plan, queues: undefined, demand: [] }).weeks;
  const baseWeekly = weeklyAttritionRate(plan.attrition.tenuredMonthly);
  const adjustments: HeadcountAdjustment[] = [];
  // reduction(w) = how far the changed tenured pool sits below the baseline one at week w.
  let reduction = 0;
  for (let w = 1; w < plan.weeks; w++) {
    const tenuredBefore = base[w - 1].tenured - reduction;
    const changedMonthly = Math.min(0.999, Math.max(0, plan.attrition.tenuredMonthly + monthlyDelta[w]));
    const extra = monthlyDelta[w] === 0 ? 0 : tenuredBefore * (weeklyAttritionRate(changedMonthly) - baseWeekly);
    reduction = reduction * (1 - baseWeekly) + extra;
    if (extra !== 0) adjustments.push({ week: w, change: -extra, note: `Attrition change: tenured monthly rate ${(changedMonthly * 100).toFixed(2)}%` });
  }
  return adjustments;
}

export function describe(change: ScenarioChange): string {
  const range = change.from ? `${change.from}..${change.to}` : change.fromWeek !== undefined ? `weeks ${change.fromWeek}..${change.toWeek}` : '';
  return `${change.label ?? change.kind} ${range}`.trim();
}
