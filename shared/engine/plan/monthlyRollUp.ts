/**
 * The monthly roll-up of a weekly plan. A week belongs to the month of its Thursday (the ISO rule: a week lies in
 * the month holding most of its days). Contacts, shortfall and hires add up; FTE and headcount are the month's
 * weekly means.
 */
import { dateOf, dayNumberOf } from '../forecast/calendar';
import type { PlanProjection } from './types';

export interface PlanMonth {
  /** 'YYYY-MM'. */
  month: string;
  weeks: number;
  /** Plan weeks in the month. */
  weekIndexes: number[];
  volume: number;
  requiredFte: number;
  effectiveFte: number;
  headcount: number;
  /** Σ max(0, −gap) over the month's weeks, FTE-weeks. */
  shortfallFteWeeks: number;
  /** Heads of the classes starting in the month. */
  hires: number;
}

export function monthlyRollUp(projection: PlanProjection, weekStarts: string[]): PlanMonth[] {
  const months = new Map<string, PlanMonth>();
  for (const week of projection.weeks) {
    const month = dateOf(dayNumberOf(weekStarts[week.week]) + 3).slice(0, 7);
    const m = months.get(month) ?? { month, weeks: 0, weekIndexes: [], volume: 0, requiredFte: 0, effectiveFte: 0, headcount: 0, shortfallFteWeeks: 0, hires: 0 };
    m.weeks += 1;
    m.weekIndexes.push(week.week);
    m.volume += week.volume;
    m.requiredFte += week.requiredFte;
    m.effectiveFte += week.effectiveFte;
    m.headcount += week.headcount;
    m.shortfallFteWeeks += Math.max(0, -week.gap);
    m.hires += projection.hires.filter((h) => h.startWeek === week.week).reduce((s, h) => s + h.size, 0);
    months.set(month, m);
  }
  return [...months.values()].map((m) => ({ ...m, requiredFte: m.requiredFte / m.weeks, effectiveFte: m.effectiveFte / m.weeks, headcount: m.headcount / m.weeks }));
}
