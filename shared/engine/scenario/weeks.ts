/**
 * How a change's range maps onto plan weeks. Weeks are counted from the plan's startWeek (a Monday, week 0). A date
 * range covers every plan week its days touch; each week gets the share of its 7 days the range covers (d ÷ 7), and
 * the change acts pro rata on that share (see apply.ts). A week range covers whole weeks (share 1). Days outside
 * the plan's horizon are dropped.
 */
import { dateOf, dayNumberOf, weekdayOf } from '../forecast/calendar';
import type { CapacityPlanInput } from '../plan/types';
import { ScenarioInputError } from './schema';
import type { ScenarioChange, WeekCoverage } from './types';

export function planStartDay(plan: Pick<CapacityPlanInput, 'startWeek'>): number {
  if (!plan.startWeek) throw new ScenarioInputError('startWeek', 'startWeek: a change given by dates needs the plan to have a startWeek (a Monday, YYYY-MM-DD)');
  const day = dayNumberOf(plan.startWeek);
  if (weekdayOf(day) !== 1) throw new ScenarioInputError('startWeek', `startWeek: ${plan.startWeek} is not a Monday`);
  return day;
}

export function weekStartDate(plan: Pick<CapacityPlanInput, 'startWeek'>, week: number): string | undefined {
  return plan.startWeek ? dateOf(dayNumberOf(plan.startWeek) + week * 7) : undefined;
}

/** Plan week of a date (may be negative or beyond the horizon). */
export function weekOfDate(plan: Pick<CapacityPlanInput, 'startWeek'>, date: string): number {
  return Math.floor((dayNumberOf(date) - planStartDay(plan)) / 7);
}

export function changeCoverage(change: ScenarioChange, plan: Pick<CapacityPlanInput, 'startWeek' | 'weeks'>): WeekCoverage {
  const coverage: WeekCoverage = new Map();
  if (change.fromWeek !== undefined && change.toWeek !== undefined) {
    for (let w = Math.max(0, change.fromWeek); w <= Math.min(plan.weeks - 1, change.toWeek); w++) coverage.set(w, 1);
    return coverage;
  }
  if (change.from === undefined || change.to === undefined) return coverage;
  const start = planStartDay(plan);
  const first = dayNumberOf(change.from);
  const last = dayNumberOf(change.to);
  for (let day = first; day <= last; day++) {
    const week = Math.floor((day - start) / 7);
    if (week < 0 || week >= plan.weeks) continue;
    coverage.set(week, (coverage.get(week) ?? 0) + 1 / 7);
  }
  // Seven sevenths are one whole week, not 0.9999999999999998.
  for (const [week, share] of coverage) if (Math.abs(share - 1) < 1e-12) coverage.set(week, 1);
  return coverage;
}

/** The first plan week a change touches (a class added by dates starts there). */
export function firstCoveredWeek(change: ScenarioChange, plan: Pick<CapacityPlanInput, 'startWeek' | 'weeks'>): number | undefined {
  if (change.fromWeek !== undefined) return change.fromWeek;
  if (change.from !== undefined) return weekOfDate(plan, change.from);
  return undefined;
}
