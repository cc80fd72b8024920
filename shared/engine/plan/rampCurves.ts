/**
 * Ramp curves and the planning table: how much of a tenured agent's load a new hire carries in each week of
 * onboarding, what that week is for and what support it needs, and how far ahead each kind of class must be
 * started. The default curve is the common contact-centre onboarding table; curves are data, so the app can edit
 * and name its own.
 */
import { dateOf, dayNumberOf } from '../forecast/calendar';
import { rampOf, survivingShare, weeklyAttritionRate } from './projection';
import type { CapacityPlanInput, HiringClass, HiringKind } from './types';

export interface RampWeekPlan {
  /** Share of a tenured agent's load carried this week (fraction). */
  load: number;
  /** What the week is for. */
  focus: string;
  /** Support the new hire gets. */
  support: string;
}

export interface RampCurve {
  name: string;
  weeks: RampWeekPlan[];
}

/** Weeks 1–2 0% (orientation, shadowing), week 3 25%, week 4 50%, weeks 5–6 75%, weeks 7–8 100%. */
export const DEFAULT_RAMP_CURVE: RampCurve = {
  name: 'Standard onboarding (8 weeks)',
  weeks: [
    { load: 0, focus: 'Orientation: company, products, tools and policies', support: 'Classroom training with a trainer' },
    { load: 0, focus: 'Shadowing tenured agents on live contacts', support: 'Classroom in the morning; a mentor assigned for shadowing' },
    { load: 0.25, focus: 'First live contacts of the simplest types', support: 'Mentor beside them; QA on every ticket; daily check-ins' },
    { load: 0.5, focus: 'Common contact types under supervision', support: 'Mentor on hand; QA on every ticket; daily check-ins' },
    { load: 0.75, focus: 'The full contact mix, supervised', support: 'Mentor on call; QA on every ticket; daily check-ins' },
    { load: 0.75, focus: 'Increasing independence', support: 'Mentor on call; QA on a sample of tickets; check-ins every other day' },
    { load: 1, focus: 'Independent work at full load', support: 'Regular QA sampling; weekly check-in with the team lead' },
    { load: 1, focus: 'Independent work; onboarding review', support: 'Regular QA sampling; end-of-onboarding review' },
  ],
};

export function rampLoads(curve: RampCurve): number[] {
  return curve.weeks.map((w) => w.load);
}

/** Weeks in a month on the 52-week year the conventions use (the same 12/52 as the attrition conversion). */
export const WEEKS_PER_MONTH = 52 / 12;

export interface LeadTime {
  /** The planning table's range, in months. */
  minMonths: number;
  maxMonths: number;
  /** The same range in whole weeks (months × 52 ÷ 12, rounded). */
  minWeeks: number;
  maxWeeks: number;
  /** The middle of the range in whole weeks: the default a new class of this kind gets. */
  defaultWeeks: number;
}

function leadTime(minMonths: number, maxMonths: number): LeadTime {
  return {
    minMonths,
    maxMonths,
    minWeeks: Math.round(minMonths * WEEKS_PER_MONTH),
    maxWeeks: Math.round(maxMonths * WEEKS_PER_MONTH),
    defaultWeeks: Math.round(((minMonths + maxMonths) / 2) * WEEKS_PER_MONTH),
  };
}

/** Replacement 2–3 months, growth 3–4, new tier or specialty 4–6, seasonal 1–2 (from the decision to the class start). */
export const DEFAULT_LEAD_TIMES: Record<HiringKind, LeadTime> = {
  replacement: leadTime(2, 3),
  growth: leadTime(3, 4),
  'new-tier': leadTime(4, 6),
  seasonal: leadTime(1, 2),
};

export interface RampScheduleRow {
  /** Week of ramp, 1-based as a trainee counts it. */
  rampWeek: number;
  /** Plan week index. */
  planWeek: number;
  /** Monday and Sunday of the week, YYYY-MM-DD. */
  weekStart: string;
  weekEnd: string;
  load: number;
  /** Heads expected still in the class (size × (1 − new-hire weekly attrition)^k). */
  expectedHeads: number;
  /** Agent-equivalents the class carries: expected heads × load. */
  effectiveFte: number;
  focus: string;
  support: string;
}

/**
 * A class's week-by-week onboarding plan. `planStart` is the Monday of the plan's week 0; the class's own ramp (or the
 * curve's loads) gives the load, and the curve gives each week's focus and support text (weeks beyond the curve's
 * text get the last week's). Pass the plan's attrition to see expected heads; without it every hire stays.
 */
export function rampSchedule(cls: HiringClass, curve: RampCurve, planStart: string, attrition?: Pick<CapacityPlanInput['attrition'], 'newHireMonthly'>): RampScheduleRow[] {
  const loads = rampOf(cls, { ramp: rampLoads(curve) });
  const newHireWeekly = weeklyAttritionRate(attrition?.newHireMonthly ?? 0);
  const firstDay = dayNumberOf(planStart);
  return loads.map((load, k) => {
    const planWeek = cls.startWeek + k;
    const text = curve.weeks[Math.min(k, curve.weeks.length - 1)] ?? { focus: '', support: '' };
    const expectedHeads = cls.size * survivingShare(newHireWeekly, k);
    return {
      rampWeek: k + 1,
      planWeek,
      weekStart: dateOf(firstDay + planWeek * 7),
      weekEnd: dateOf(firstDay + planWeek * 7 + 6),
      load,
      expectedHeads,
      effectiveFte: expectedHeads * load,
      focus: text.focus,
      support: text.support,
    };
  });
}
