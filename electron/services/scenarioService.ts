/**
 * Scenarios over stored capacity plans: saved scenarios with versions and diffs, "make baseline", side-by-side
 * comparison (computed on request, so the UI recomputes as an assumption changes), a short shock on a week's
 * schedule at interval level, and Monte Carlo ranges as a worker job.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ComparedScenario, ScenarioComparisonView, ScenarioResultView, StoredScenario } from '../../shared/api/channels/scenario';
import type { StoredPlan } from '../../shared/api/channels/plan';
import {
  applyScenario,
  bandAtHorizon,
  compareScenarios,
  horizonQuantiles,
  quantifyResponse,
  runScenario,
  SCENARIO_PRESETS,
  ScenarioInputError,
  type LiveQueueTargets,
  type ScenarioChange,
  type ScenarioResult,
  type ScenarioSettings,
  type WeekBand,
} from '../../shared/engine/scenario';
import { dailyHistory, getPlan } from '../../db/repositories/plans';
import { deleteScenario, getScenario, listScenarios, listVersions, makeBaseline, saveScenario, scenarioNameTaken } from '../../db/repositories/scenarios';
import { queueSummaries } from '../../db/repositories/workspace';
import { assemblePlan, type AssembledPlan } from './planProjection';
import { PLAN_INTERVAL_MIN } from './planDemand';
import { forecastWeeklyContacts } from './planForecast';
import { shockWeek } from './scenarioShock';
import type { Handlers, ServiceContext } from './handlers';

type ScenarioHandlers = Pick<
  Handlers,
  'scenario.presets' | 'scenario.list' | 'scenario.save' | 'scenario.versions' | 'scenario.makeBaseline' | 'scenario.delete' | 'scenario.compare' | 'scenario.shock' | 'scenario.simulate'
>;

export const PLAN_AS_IS = 'Plan as is';
/** Backtest of the weekly forecast for the Monte Carlo bands: horizons 1…13 weeks from up to 26 weekly origins. */
const BAND_HORIZON_WEEKS = 13;
const BAND_ORIGINS = 26;

export const SCENARIO_CONVENTIONS = [
  'A change covering d days of a plan week acts with the share d ÷ 7: volume and AHT × (1 + x·d/7); shrinkage and attrition + x·d/7; targets (1 − d/7)·before + d/7·target.',
  'Weeks are counted from the plan’s start week (a Monday); a date range covers every week its days touch.',
  'Overtime worked = min(tenured heads × allowed hours, shortfall FTE × hours per FTE); it adds hours ÷ hours per FTE to the week’s FTE and costs 1.5 × weekly cost per head ÷ hours per FTE an hour.',
  'Gap = effective FTE + overtime FTE − required FTE; cost = payroll + hiring + understaffing penalty on the gap after overtime + overtime.',
  'Service level (live queues): Erlang C on the week’s average open interval with the queue’s share of the staffed FTE × hours per FTE × (1 − shrinkage) ÷ open hours.',
  'Deltas are scenario − baseline; the baseline is the scenario marked baseline (the plan as is until another is promoted).',
];

export function scenarioHandlers(ctx: ServiceContext): ScenarioHandlers {
  const cache = new Map<number, { updatedAt: string; assembled: AssembledPlan; targets: Record<string, LiveQueueTargets> }>();

  const planOrThrow = (id: number): StoredPlan => {
    const plan = getPlan(ctx.db(), id);
    if (!plan) throw new ApiError({ code: 'not_found', message: `Plan ${id} does not exist (deleted?)`, issues: [{ path: 'planId', message: 'Unknown plan' }] });
    return plan;
  };
  const scenarioOrThrow = (id: number): StoredScenario => {
    const scenario = getScenario(ctx.db(), id);
    if (!scenario) throw new ApiError({ code: 'not_found', message: `Scenario ${id} does not exist (deleted?)`, issues: [{ path: 'id', message: 'Unknown scenario' }] });
    return scenario;
  };
  /** The plan as the engine reads it, assembled once per saved version of the plan (forecasts and Erlang are not free). */
  const assembled = (planId: number) => {
    const stored = planOrThrow(planId);
    const hit = cache.get(planId);
    if (hit && hit.updatedAt === stored.updatedAt) return { stored, ...hit };
    const plan = assemblePlan(ctx.db(), stored);
    const targets = Object.fromEntries(
      plan.demand.live.map((model) => {
        const openSlots = model.pattern.reduce((n, share) => n + (share > 0 ? 1 : 0), 0);
        return [model.queueName, { serviceLevel: model.staffing.targets.serviceLevel ?? 0.8, answerSec: model.staffing.targets.answerSec, openHoursPerWeek: Math.max(1, (openSlots * PLAN_INTERVAL_MIN) / 60) }];
      }),
    );
    cache.set(planId, { updatedAt: stored.updatedAt, assembled: plan, targets });
    return { stored, updatedAt: stored.updatedAt, assembled: plan, targets };
  };
  const ensureBaseline = (db: Database, planId: number) => {
    if (!listScenarios(db, planId).some((s) => s.isBaseline)) {
      const name = scenarioNameTaken(db, planId, PLAN_AS_IS) ? `${PLAN_AS_IS} (${DateTime.now().toISODate()})` : PLAN_AS_IS;
      saveScenario(db, { planId, name, changes: [], isBaseline: true, note: 'The plan without changes' });
    }
  };
  const engineError = (error: unknown): never => {
    if (error instanceof ScenarioInputError) throw new ApiError({ code: 'invalid_request', message: error.message, issues: [{ path: error.field, message: error.message }] });
    throw error;
  };
  const run = (plan: ReturnType<typeof assembled>, changes: ScenarioChange[], settings: ScenarioSettings = {}): ScenarioResult => {
    try {
      return runScenario(plan.assembled.input, changes, { ...settings, liveTargets: plan.targets });
    } catch (error) {
      return engineError(error);
    }
  };
  const view = (name: string, result: ScenarioResult): ScenarioResultView => ({
    name,
    weeks: result.weeks,
    hires: result.hires,
    cost: result.cost,
    totalCost: result.totalCost,
    overtimeHours: result.overtimeHours,
    notes: result.notes,
  });

  return {
    'scenario.presets': () => SCENARIO_PRESETS,
    'scenario.list': async ({ planId }) => {
      await ctx.workspaceReady();
      planOrThrow(planId);
      ensureBaseline(ctx.db(), planId);
      return listScenarios(ctx.db(), planId);
    },
    'scenario.save': async ({ id, planId, name, changes, settings, note }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const plan = assembled(planId);
      if (id !== undefined && scenarioOrThrow(id).planId !== planId) throw new ApiError({ code: 'invalid_request', message: 'The scenario belongs to another plan', issues: [{ path: 'planId', message: 'Another plan' }] });
      if (scenarioNameTaken(db, planId, name, id)) throw new ApiError({ code: 'conflict', message: `This plan already has a scenario called “${name.trim()}”`, issues: [{ path: 'name', message: 'Already taken' }] });
      run(plan, changes, settings); // refuses a change the engine cannot apply (unknown queue, a rate out of range) before saving
      ensureBaseline(db, planId);
      return getScenario(db, saveScenario(db, { id, planId, name, changes, settings, note }))!;
    },
    'scenario.versions': ({ id }) => {
      scenarioOrThrow(id);
      return listVersions(ctx.db(), id);
    },
    'scenario.makeBaseline': ({ id }) => {
      scenarioOrThrow(id);
      makeBaseline(ctx.db(), id);
      return getScenario(ctx.db(), id)!;
    },
    'scenario.delete': ({ id }) => {
      const scenario = scenarioOrThrow(id);
      if (scenario.isBaseline) throw new ApiError({ code: 'conflict', message: 'This is the baseline: make another scenario the baseline before deleting it', issues: [{ path: 'id', message: 'Baseline' }] });
      return { deleted: deleteScenario(ctx.db(), id) };
    },
    'scenario.compare': async ({ planId, baseline, scenarios }) => {
      await ctx.workspaceReady();
      const plan = assembled(planId);
      const db = ctx.db();
      ensureBaseline(db, planId);
      const stored = listScenarios(db, planId).find((s) => s.isBaseline)!;
      const base = baseline ?? { name: stored.name, changes: stored.current.changes, settings: stored.current.settings };
      const baseResult = run(plan, base.changes, base.settings);
      const results = scenarios.map((s) => ({ name: s.name, result: run(plan, s.changes, s.settings) }));
      const comparisons = compareScenarios(baseResult, results);
      const compared: ComparedScenario[] = results.map(({ name, result }, i) => ({
        result: view(name, result),
        comparison: comparisons[i],
        responses: scenarios[i].changes
          .filter((c) => c.kind === 'volume')
          .map((change) => {
            const preset = SCENARIO_PRESETS.find((p) => change.label?.startsWith(p.name));
            return { change: change.label ?? `volume ${change.from ?? `week ${change.fromWeek}`}`, ...quantifyResponse(plan.assembled.input, change, baseResult, result, preset?.response ?? '') };
          }),
      }));
      const view_: ScenarioComparisonView = {
        planName: plan.stored.name,
        weekStarts: plan.assembled.weekStarts,
        baseline: view(base.name, baseResult),
        scenarios: compared,
        conventions: SCENARIO_CONVENTIONS,
      };
      return view_;
    },
    'scenario.shock': async (request) => {
      await ctx.workspaceReady();
      try {
        return shockWeek(ctx.db(), request);
      } catch (error) {
        return engineError(error);
      }
    },
    'scenario.simulate': async ({ planId, changes, runs, seed }) => {
      await ctx.workspaceReady();
      const plan = assembled(planId);
      let applied;
      try {
        applied = applyScenario(plan.assembled.input, changes, { liveTargets: plan.targets });
      } catch (error) {
        return engineError(error);
      }
      const bands = weeklyBands(ctx.db(), plan.stored, plan.assembled, applied.plan);
      return ctx.jobs.start(
        'scenario.simulate',
        'scenario.simulate',
        { plan: applied.plan, overtimeHoursPerHead: applied.overtimeHoursPerHead, bands: bands.bands, attrition: 'binomial', runs, seed: seed ?? 1 },
        (result) => ({
          message: `${runs.toLocaleString('en-US')} runs done: ${result.hireUpTo.explanation}`,
          result: { ...result, bandMethod: bands.method },
        }),
      );
    },
  };
}

/**
 * Bands for each queue and plan week from a rolling-origin backtest of the plan's own weekly forecast (see
 * shared/engine/scenario/weeklyBands.ts): origins are the last BAND_ORIGINS Mondays with BAND_HORIZON_WEEKS full
 * weeks of history after them. A volume change moves a week's band with its forecast.
 */
function weeklyBands(db: Database, stored: StoredPlan, assembled: AssembledPlan, applied: AssembledPlan['input']): { bands: (WeekBand | null)[][]; method: string } {
  const queues = queueSummaries(db);
  const methods: string[] = [];
  const bands = (applied.queues ?? []).map((queue, q) => {
    const summary = queues.find((s) => s.name === queue.name);
    if (!summary) return queue.demand.map(() => null);
    const history = dailyHistory(db, summary.id);
    if (history.length < 7 * (BAND_HORIZON_WEEKS + 8)) {
      methods.push(`${queue.name}: too little history to backtest, no forecast uncertainty`);
      return queue.demand.map(() => null);
    }
    const lastDay = DateTime.fromISO(history[history.length - 1].date);
    const lastMonday = lastDay.minus({ days: lastDay.weekday - 1 });
    const logRatios: number[][] = Array.from({ length: BAND_HORIZON_WEEKS }, () => []);
    const weeklyActual = new Map<string, number>();
    for (const d of history) {
      const monday = DateTime.fromISO(d.date).minus({ days: DateTime.fromISO(d.date).weekday - 1 }).toISODate()!;
      weeklyActual.set(monday, (weeklyActual.get(monday) ?? 0) + d.volume);
    }
    for (let k = 0; k < BAND_ORIGINS; k++) {
      const origin = lastMonday.minus({ weeks: BAND_HORIZON_WEEKS + k });
      const before = history.filter((d) => d.date < origin.toISODate()!);
      const forecast = forecastWeeklyContacts(before, origin.toISODate()!, BAND_HORIZON_WEEKS, stored.document.growthPerYear).volumes;
      forecast.forEach((f, h) => {
        const actual = weeklyActual.get(origin.plus({ weeks: h }).toISODate()!);
        if (f > 0 && actual !== undefined && actual > 0) logRatios[h].push(Math.log(actual / f));
      });
    }
    const quantiles = horizonQuantiles({ logRatios });
    methods.push(`${queue.name}: ${quantiles[0]?.samples ?? 0} backtest errors at 1 week ahead, ${quantiles[BAND_HORIZON_WEEKS - 1]?.samples ?? 0} at ${BAND_HORIZON_WEEKS}`);
    const horizonOffset = Math.max(0, Math.round(DateTime.fromISO(stored.startWeek).diff(lastMonday, 'weeks').weeks));
    const baseDemand = assembled.input.queues?.[q]?.demand ?? [];
    return queue.demand.map((d, w) => {
      const base = baseDemand[w]?.volume ?? d.volume;
      const band = bandAtHorizon(quantiles, base, horizonOffset + w);
      if (!band || base <= 0) return null;
      const ratio = d.volume / base;
      return { lo95: band.lo95 * ratio, lo80: band.lo80 * ratio, hi80: band.hi80 * ratio, hi95: band.hi95 * ratio };
    });
  });
  return { bands, method: `Weekly bands from a backtest of the plan's weekly forecast by horizon: ${methods.join('; ')}` };
}
