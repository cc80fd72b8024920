/**
 * Warnings for the planning anti-patterns that make a capacity plan look better on paper than it will be:
 * - new hires counted at full capacity (a ramp of all 100%, or no ramp);
 * - hiring for a short peak: a class whose heads stay on payroll for the whole horizon but are needed in few weeks;
 * - occupancy or utilization targets above 85% (caution) or 90% (warning): agents burn out and leave, which the
 *   attrition rate then does not show;
 * - a flat long-range forecast although the history shows yearly seasonality;
 * - hires that land after the gap they were meant for: the class reaches full load only after the short weeks its
 *   ramp overlaps are over, and covers fewer short weeks afterwards than that gap lasted.
 */
import { fitLine } from '../forecast/methods/trend';
import { formatNumber } from '../staffing/formatNumber';
import { describeCoverage, listWeeks, SHORTFALL_TOLERANCE_FTE } from './optimiseHiring';
import { demandPools, projectPlan, rampOf } from './projection';
import type { CapacityPlanInput, PlanProjection } from './types';

export type PlanWarningCode = 'ramp-all-full' | 'short-peak-hiring' | 'occupancy-high' | 'utilization-high' | 'flat-forecast' | 'late-hire';

export interface PlanWarning {
  code: PlanWarningCode;
  /** 'warning' needs action; 'caution' deserves a second look. */
  severity: 'warning' | 'caution';
  message: string;
  /** The class the warning is about (index into plan.classes). */
  classIndex?: number;
  weeks?: number[];
}

export interface PlanWarningContext {
  /** The history behind the demand shows yearly seasonality (see longRangeForecast's `seasonality.detected`). */
  historyShowsSeasonality?: boolean;
  /** Utilization target of the deferred queues, when the plan has one (fraction). */
  utilization?: number;
}

/** Above this an occupancy or utilization target is a caution, above the next a warning. */
export const TARGET_CAUTION_ABOVE = 0.85;
export const TARGET_WARNING_ABOVE = 0.9;
/** A class needed in fewer than this share of its productive weeks was hired for a short peak … */
export const SHORT_PEAK_SHARE = 0.25;
/** … judged only when at least this many of its productive weeks fall inside the horizon. */
export const SHORT_PEAK_MIN_WEEKS = 8;
/** Weekly volume whose residuals around a straight line stay within this share of the mean is flat. */
export const FLAT_FORECAST_SPREAD = 0.03;

export function planWarnings(plan: CapacityPlanInput, projection: PlanProjection = projectPlan(plan), context: PlanWarningContext = {}): PlanWarning[] {
  return [...rampWarnings(plan), ...targetWarnings(plan, context), ...flatForecastWarnings(plan, context), ...classWarnings(plan, projection)];
}

function rampWarnings(plan: CapacityPlanInput): PlanWarning[] {
  const full = (ramp: number[]) => ramp.every((load) => load >= 1);
  const warnings: PlanWarning[] = [];
  const message = (whose: string) =>
    `${whose} counts new hires at full capacity from their first week (a ramp of all 100%). New agents are in orientation and shadowing first: the default onboarding ramp is 0%, 0%, 25%, 50%, 75%, 75%, 100%, 100%.`;
  if (full(plan.ramp)) warnings.push({ code: 'ramp-all-full', severity: 'warning', message: message('The plan\'s ramp') });
  plan.classes.forEach((cls, classIndex) => {
    if (cls.ramp && full(cls.ramp) && !full(plan.ramp)) warnings.push({ code: 'ramp-all-full', severity: 'warning', classIndex, message: message(`The class starting week ${cls.startWeek}`) });
  });
  return warnings;
}

function targetWarnings(plan: CapacityPlanInput, context: PlanWarningContext): PlanWarning[] {
  const targets: [PlanWarningCode, string, number | undefined][] = [
    ['occupancy-high', 'Occupancy', plan.occupancy],
    ['utilization-high', 'Utilization', context.utilization],
  ];
  return targets.flatMap(([code, label, value]): PlanWarning[] => {
    if (value === undefined || value <= TARGET_CAUTION_ABOVE) return [];
    const severity = value > TARGET_WARNING_ABOVE ? 'warning' : 'caution';
    const limit = severity === 'warning' ? TARGET_WARNING_ABOVE : TARGET_CAUTION_ABOVE;
    return [
      {
        code,
        severity,
        message: `${label} target ${formatNumber(value * 100)}% is above ${limit * 100}%: agents worked that hard burn out and leave faster than the plan's attrition assumes, and any surge goes straight to the queue. Plan at 85% or below.`,
      },
    ];
  });
}

function flatForecastWarnings(plan: CapacityPlanInput, context: PlanWarningContext): PlanWarning[] {
  if (!context.historyShowsSeasonality) return [];
  const pools = demandPools(plan);
  const volumes = Array.from({ length: plan.weeks }, (_, w) => pools.reduce((s, pool) => s + (pool[w]?.volume ?? 0), 0));
  const spread = residualSpread(volumes);
  if (spread === null || spread > FLAT_FORECAST_SPREAD) return [];
  return [
    {
      code: 'flat-forecast',
      severity: 'warning',
      message: `Weekly volume stays within ±${formatNumber(spread * 100, 2)}% of a straight line, but the history shows yearly seasonality (holiday dips, seasonal surges): the peaks will arrive unplanned. Use the long-range forecast's seasonal weeks.`,
    },
  ];
}

/** Largest deviation from the least-squares line, as a share of the mean; null for a series with no volume. */
function residualSpread(values: number[]): number | null {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (!(mean > 0)) return null;
  const line = fitLine(values.map((_, x) => x), values);
  return Math.max(...values.map((v, x) => Math.abs(v - (line.intercept + line.slope * x)))) / mean;
}

function classWarnings(plan: CapacityPlanInput, projection: PlanProjection): PlanWarning[] {
  const shortRuns = runsOf(projection.weeks.filter((w) => -w.gap > SHORTFALL_TOLERANCE_FTE).map((w) => w.week));
  const warnings: PlanWarning[] = [];
  describeCoverage(plan, projection).forEach((coverage) => {
    const cls = plan.classes[coverage.classIndex];
    const label = `The class of ${cls.size} starting week ${cls.startWeek}`;
    // Late: a run of short weeks overlaps the class's ramp and is over before the class reaches full load, and the
    // class covers fewer short weeks at full load than that run lasted — so that run is what it was hired for. (A
    // class that goes on to cover a longer gap was meant for that one, and the early weeks are the lead time's.)
    const coveredAtFullLoad = coverage.coversWeeks.filter((w) => w >= coverage.fullLoadWeek).length;
    const missed = shortRuns.filter(([from, to]) => to >= cls.startWeek && to < coverage.fullLoadWeek && coveredAtFullLoad < to - from + 1);
    for (const [from, to] of missed) {
      const fullLoadOffset = coverage.fullLoadWeek - cls.startWeek;
      const startBy = from - fullLoadOffset;
      warnings.push({
        code: 'late-hire',
        severity: 'warning',
        classIndex: coverage.classIndex,
        weeks: range(from, to),
        message: `${label} reaches full load in week ${coverage.fullLoadWeek}, after the shortfall in weeks ${listWeeks(range(from, to))} it overlaps is over. To cover it, start the class by week ${startBy}${startBy < plan.hiring.leadTimeWeeks ? ` — earlier than the ${plan.hiring.leadTimeWeeks}-week lead time allows, so cover that gap with overtime or temporary staff` : ''}.`,
      });
    }
    const productiveWeeks = plan.weeks - Math.max(0, coverage.firstEffectiveWeek);
    if (productiveWeeks < SHORT_PEAK_MIN_WEEKS || cls.size === 0) return;
    const share = coverage.coversWeeks.length / productiveWeeks;
    if (share >= SHORT_PEAK_SHARE) return;
    const ramp = rampOf(cls, plan);
    warnings.push({
      code: 'short-peak-hiring',
      severity: 'caution',
      classIndex: coverage.classIndex,
      weeks: coverage.coversWeeks,
      message: `${label} is needed in ${coverage.coversWeeks.length} of its ${productiveWeeks} productive weeks in the plan${coverage.coversWeeks.length ? ` (weeks ${listWeeks(coverage.coversWeeks)})` : ''}, yet stays on payroll throughout after a ${ramp.length}-week ramp: that is hiring for a short peak. Overtime, temporary staff or deferring low-priority work are usually cheaper.`,
    });
  });
  return warnings;
}

/** Consecutive weeks grouped as [first, last] runs. */
function runsOf(weeks: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const w of weeks) {
    const last = runs[runs.length - 1];
    if (last && w === last[1] + 1) last[1] = w;
    else runs.push([w, w]);
  }
  return runs;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
