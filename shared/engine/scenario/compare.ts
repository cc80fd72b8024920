/**
 * Side by side: up to 4 scenarios against the baseline. Every delta is scenario − baseline, week by week and in
 * total, in the unit of the figure (FTE, percentage points as a fraction, heads, agent-hours, currency).
 */
import type { ScenarioResult } from './types';

export const MAX_COMPARED = 4;

export interface ComparedWeek {
  week: number;
  weekStart?: string;
  gap: number;
  gapDelta: number;
  serviceLevel: number | null;
  serviceLevelDelta: number | null;
  overtimeHours: number;
  overtimeHoursDelta: number;
}

export interface ScenarioComparison {
  name: string;
  weeks: ComparedWeek[];
  totals: {
    hires: number;
    hiresDelta: number;
    overtimeHours: number;
    overtimeHoursDelta: number;
    cost: number;
    costDelta: number;
    costPerContact: number;
    costPerContactDelta: number;
    /** Σ max(0, −gap): FTE-weeks short. */
    shortFteWeeks: number;
    shortFteWeeksDelta: number;
    weeksShort: number;
    weeksShortDelta: number;
    /** Lowest weekly service level (live queues with targets), null without any. */
    lowestServiceLevel: number | null;
    lowestServiceLevelDelta: number | null;
  };
}

export function compareScenarios(baseline: ScenarioResult, scenarios: readonly { name: string; result: ScenarioResult }[]): ScenarioComparison[] {
  if (scenarios.length > MAX_COMPARED) throw new Error(`Compare at most ${MAX_COMPARED} scenarios with the baseline (got ${scenarios.length})`);
  const base = totalsOf(baseline);
  return scenarios.map(({ name, result }) => {
    const t = totalsOf(result);
    const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
    return {
      name,
      weeks: result.weeks.map((w, i) => {
        const b = baseline.weeks[i];
        return {
          week: w.week,
          weekStart: w.weekStart,
          gap: w.gap,
          gapDelta: w.gap - (b?.gap ?? 0),
          serviceLevel: w.serviceLevel,
          serviceLevelDelta: delta(w.serviceLevel, b?.serviceLevel ?? null),
          overtimeHours: w.overtimeHours,
          overtimeHoursDelta: w.overtimeHours - (b?.overtimeHours ?? 0),
        };
      }),
      totals: {
        hires: t.hires,
        hiresDelta: t.hires - base.hires,
        overtimeHours: t.overtimeHours,
        overtimeHoursDelta: t.overtimeHours - base.overtimeHours,
        cost: t.cost,
        costDelta: t.cost - base.cost,
        costPerContact: t.costPerContact,
        costPerContactDelta: t.costPerContact - base.costPerContact,
        shortFteWeeks: t.shortFteWeeks,
        shortFteWeeksDelta: t.shortFteWeeks - base.shortFteWeeks,
        weeksShort: t.weeksShort,
        weeksShortDelta: t.weeksShort - base.weeksShort,
        lowestServiceLevel: t.lowestServiceLevel,
        lowestServiceLevelDelta: delta(t.lowestServiceLevel, base.lowestServiceLevel),
      },
    };
  });
}

function totalsOf(result: ScenarioResult) {
  const levels = result.weeks.map((w) => w.serviceLevel).filter((s): s is number => s !== null);
  return {
    hires: result.hires.reduce((s, h) => s + h.size, 0),
    overtimeHours: result.overtimeHours,
    cost: result.totalCost,
    costPerContact: result.cost.perContact,
    shortFteWeeks: result.weeks.reduce((s, w) => s + Math.max(0, -w.gap), 0),
    weeksShort: result.weeks.filter((w) => w.gap < -1e-9).length,
    lowestServiceLevel: levels.length ? Math.min(...levels) : null,
  };
}
