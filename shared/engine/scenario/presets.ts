/**
 * The planning table's shocks as editable presets, and the response each calls for, quantified on the weekly plan.
 *
 * A short shock hides in a weekly average (a +300% outage over 2 days is +86% on the week), so the response is
 * worked out on the shock days themselves. For each week the shock touches (c = covered days ÷ 7), staff taken to be
 * spread evenly over the week:
 * - required FTE on the shock days = baseline required + (scenario − baseline required) ÷ c
 * - extra shortfall on the shock days = max(0, required on the shock days − staffed FTE) − max(0, −baseline gap)
 * - overtime hours needed = Σ extra shortfall × c × hoursPerFte (agent-hours), and per tenured agent
 * - extra temporary agents = ⌈max extra shortfall⌉ (heads needed on the shock days)
 * - deferrable work to postpone = min(the deferred queues' extra handling hours, the shortfall in productive hours
 *   = Σ extra shortfall × c × hoursPerFte × occupancy × (1 − shrinkage)); the backlog clears with the baseline's
 *   spare productive hours per day (max(0, gap) × hoursPerFte × occupancy × (1 − shrinkage) ÷ 7) from the day
 *   after the shock, counted in calendar days
 * - hours that can be released (negative shocks) = Σ max(0, staffed − required on the shock days) × c × hoursPerFte
 *   beyond the baseline's spare
 * The interval view (shock.ts) plays the same shock against the week's schedule for service level and backlog by
 * interval.
 */
import { dateOf, dayNumberOf } from '../forecast/calendar';
import { demandPools } from '../plan/projection';
import type { CapacityPlanInput } from '../plan/types';
import { ScenarioInputError } from './schema';
import type { ScenarioChange, ScenarioResult } from './types';
import { changeCoverage, weekStartDate } from './weeks';

export const PRESET_IDS = ['outage', 'release', 'migration', 'holiday', 'pr-crisis'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface ScenarioPreset {
  id: PresetId;
  name: string;
  /** Relative volume change (3 = +300%). */
  volumeChange: number;
  days: number;
  /** The planning table's response, in words. */
  response: string;
}

export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  { id: 'outage', name: 'Product outage', volumeChange: 3, days: 2, response: 'All hands; defer non-critical work' },
  { id: 'release', name: 'Major release', volumeChange: 0.5, days: 14, response: 'Pre-scheduled extra coverage' },
  { id: 'migration', name: 'Competitor migration', volumeChange: 1, days: 56, response: 'Temporary staff, extended hours' },
  { id: 'holiday', name: 'Holiday', volumeChange: -0.5, days: 1, response: 'Reduced staffing, skeleton crew' },
  { id: 'pr-crisis', name: 'PR crisis', volumeChange: 5, days: 3, response: 'Emergency protocol' },
];

export function presetById(id: string): ScenarioPreset {
  const preset = SCENARIO_PRESETS.find((p) => p.id === id);
  if (!preset) throw new ScenarioInputError('preset', `preset: unknown preset "${id}" (one of ${PRESET_IDS.join(', ')})`);
  return preset;
}

/** The preset as a change starting on `startDate`, with the planner's edits (days, volume change, queues). */
export function presetChange(id: string, startDate: string, edits: { days?: number; volumeChange?: number; queues?: string[] } = {}): ScenarioChange {
  const preset = presetById(id);
  const days = edits.days ?? preset.days;
  if (!Number.isInteger(days) || days < 1) throw new ScenarioInputError('days', 'days: a preset lasts a whole number of days, at least 1');
  const value = edits.volumeChange ?? preset.volumeChange;
  if (value <= -1) throw new ScenarioInputError('volumeChange', 'volumeChange: must be above −100%');
  return {
    kind: 'volume',
    label: `${preset.name} ${value >= 0 ? '+' : ''}${Math.round(value * 100)}%`,
    from: startDate,
    to: dateOf(dayNumberOf(startDate) + days - 1),
    value,
    ...(edits.queues?.length ? { queues: edits.queues } : {}),
  };
}

export interface ShockResponseWeek {
  week: number;
  weekStart?: string;
  /** Covered share of the week (days ÷ 7). */
  share: number;
  extraShortfallFte: number;
  requiredFteOnShockDays: number;
  serviceLevel: number | null;
  baselineServiceLevel: number | null;
}

export interface ShockResponse {
  response: string;
  weeks: ShockResponseWeek[];
  overtimeHoursNeeded: number;
  overtimeHoursPerAgent: number;
  extraTemporaryAgents: number;
  deferrable: {
    /** Extra handling hours of deferred queues during the shock. */
    extraWorkHours: number;
    /** Handling hours to postpone: what the staff on hand cannot absorb. */
    postponeHours: number;
    /** Calendar days after the shock until the postponed backlog is worked off (null: not within the horizon). */
    clearsAfterDays: number | null;
    /** Plan week and date in which it is cleared. */
    clearsInWeek: number | null;
    clearsOn?: string;
  };
  releasableHours: number;
  lowestServiceLevel: number | null;
}

export function quantifyResponse(plan: CapacityPlanInput, change: ScenarioChange, baseline: ScenarioResult, scenario: ScenarioResult, response = ''): ShockResponse {
  const coverage = changeCoverage(change, plan);
  const shockWeeks = [...coverage.keys()].sort((a, b) => a - b);
  const productivePerFte = (w: number) => plan.hoursPerFte * plan.occupancy * (1 - (scenario.projection.weeks[w]?.shrinkage ?? plan.shrinkage));
  const deferredQueues = plan.queues?.length ? plan.queues.map((q, i) => (q.kind === 'deferred' ? i : -1)).filter((i) => i >= 0) : [0];
  const basePools = demandPools(baseline.plan);
  const scenarioPools = demandPools(scenario.plan);

  let overtimeHoursNeeded = 0;
  let tenuredSum = 0;
  let tempAgents = 0;
  let extraWorkHours = 0;
  let shortProductiveHours = 0;
  let releasableHours = 0;
  const weeks: ShockResponseWeek[] = shockWeeks.map((w) => {
    const b = baseline.weeks[w];
    const s = scenario.weeks[w];
    const share = coverage.get(w) ?? 0;
    const staffed = s.requiredFte + s.gap;
    const requiredOnDays = share > 0 ? b.requiredFte + (s.requiredFte - b.requiredFte) / share : b.requiredFte;
    const extraShortfallFte = Math.max(0, Math.max(0, requiredOnDays - staffed) - Math.max(0, -b.gap));
    overtimeHoursNeeded += extraShortfallFte * share * plan.hoursPerFte;
    tenuredSum += scenario.projection.weeks[w].tenured;
    tempAgents = Math.max(tempAgents, extraShortfallFte);
    shortProductiveHours += extraShortfallFte * share * productivePerFte(w);
    releasableHours += Math.max(0, Math.max(0, staffed - requiredOnDays) - Math.max(0, b.gap)) * share * plan.hoursPerFte;
    for (const q of deferredQueues) {
      const before = basePools[q][w];
      const after = scenarioPools[q][w];
      if (before && after) extraWorkHours += Math.max(0, after.volume * after.ahtSec - before.volume * before.ahtSec) / 3600;
    }
    return {
      week: w,
      weekStart: weekStartDate(plan, w),
      share,
      extraShortfallFte,
      requiredFteOnShockDays: requiredOnDays,
      serviceLevel: s.serviceLevel,
      baselineServiceLevel: b.serviceLevel,
    };
  });

  const postponeHours = Math.min(extraWorkHours, shortProductiveHours);
  const clearance = clearanceAfter(plan, change, baseline, postponeHours, productivePerFte);
  const levels = weeks.map((w) => w.serviceLevel).filter((l): l is number => l !== null);
  const averageTenured = shockWeeks.length ? tenuredSum / shockWeeks.length : 0;
  return {
    response,
    weeks,
    overtimeHoursNeeded,
    overtimeHoursPerAgent: averageTenured > 0 ? overtimeHoursNeeded / averageTenured : 0,
    extraTemporaryAgents: Math.ceil(tempAgents - 1e-9),
    deferrable: { extraWorkHours, postponeHours, ...clearance },
    releasableHours,
    lowestServiceLevel: levels.length ? Math.min(...levels) : null,
  };
}

/** Days after the shock's last day until spare capacity has worked off `backlogHours`, walking day by day. */
function clearanceAfter(
  plan: CapacityPlanInput,
  change: ScenarioChange,
  baseline: ScenarioResult,
  backlogHours: number,
  productivePerFte: (w: number) => number,
): { clearsAfterDays: number | null; clearsInWeek: number | null; clearsOn?: string } {
  const lastDay = lastShockDay(plan, change);
  if (lastDay === null) return { clearsAfterDays: null, clearsInWeek: null };
  if (backlogHours <= 1e-9) return { clearsAfterDays: 0, clearsInWeek: Math.floor(lastDay / 7), ...(plan.startWeek ? { clearsOn: dateOf(dayNumberOf(plan.startWeek) + lastDay) } : {}) };
  let left = backlogHours;
  for (let day = lastDay + 1; day < plan.weeks * 7; day++) {
    const w = Math.floor(day / 7);
    const spare = (Math.max(0, baseline.weeks[w].gap) * productivePerFte(w)) / 7;
    if (spare >= left - 1e-9) {
      const days = day - lastDay - 1 + (spare > 0 ? left / spare : 0);
      return { clearsAfterDays: days, clearsInWeek: w, ...(plan.startWeek ? { clearsOn: dateOf(dayNumberOf(plan.startWeek) + day) } : {}) };
    }
    left -= spare;
  }
  return { clearsAfterDays: null, clearsInWeek: null };
}

/** The shock's last day as a day index from the plan's start (clipped to the horizon). */
function lastShockDay(plan: CapacityPlanInput, change: ScenarioChange): number | null {
  if (change.toWeek !== undefined) return Math.min(plan.weeks, change.toWeek + 1) * 7 - 1;
  if (change.to === undefined || !plan.startWeek) return null;
  return Math.min(plan.weeks * 7 - 1, dayNumberOf(change.to) - dayNumberOf(plan.startWeek));
}
