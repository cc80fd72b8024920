/**
 * Hiring & ramp services: capacity plans (list, get, save, delete, defaults), named ramp curves, the projection of a
 * plan as edited, the hiring optimiser as a job (worker thread, progress, Stop), and export/import in the CLI's JSON
 * form (`staffwise plan --input`), so a plan round-trips between the app and the command line.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { PlanClassInput, PlanOptimisation, PlanQueueInfo, PlanSave, StoredPlan } from '../../shared/api/channels/plan';
import { DEFAULT_RAMP_CURVE } from '../../shared/engine/plan/rampCurves';
import {
  deletePlan,
  deleteRampCurve,
  getPlan,
  getRampCurve,
  listPlans,
  listRampCurves,
  planNameTaken,
  saveOptimisedClasses,
  savePlan,
  saveRampCurve,
  UnknownClassError,
} from '../../db/repositories/plans';
import { assemblePlan, projectAssembled } from './planProjection';
import { exportPlanCsv, exportPlanJson, exportPlanXlsx } from './planExports';
import { parseCapacityPlan } from '../../shared/engine/plan/schema';
import type { CapacityPlanInput } from '../../shared/engine/plan/types';
import type { Handlers, ServiceContext } from './handlers';
import { defaultPlan, firstPlanWeek } from './planDefaults';
import { writeTransaction } from '../../db/writeTransaction';
import { CHANNEL_KINDS } from '../../shared/model/queues';

type PlanHandlers = Pick<
  Handlers,
  | 'plan.list' | 'plan.get' | 'plan.defaults' | 'plan.save' | 'plan.delete' | 'plan.project' | 'plan.optimise' | 'plan.stop'
  | 'plan.export' | 'plan.import' | 'ramp.list' | 'ramp.save' | 'ramp.delete'
>;

const DEFAULT_OPTIMISE_SECONDS = 30;


export function planHandlers(ctx: ServiceContext): PlanHandlers {
  /** Stop flags of running optimisations, by job id. */
  const stopFlags = new Map<string, Int32Array>();
  const planOrThrow = (id: number): StoredPlan => {
    const plan = getPlan(ctx.db(), id);
    if (!plan) throw new ApiError({ code: 'not_found', message: `Plan ${id} does not exist (deleted?)`, issues: [{ path: 'id', message: 'Unknown plan' }] });
    return plan;
  };
  const checkName = (db: Database, name: string, id?: number) => {
    if (planNameTaken(db, name, id)) throw new ApiError({ code: 'conflict', message: `There is already a plan called “${name.trim()}”`, issues: [{ path: 'name', message: 'Already taken' }] });
  };

  return {
    'plan.list': async () => {
      await ctx.workspaceReady();
      return listPlans(ctx.db());
    },
    'plan.get': ({ id }) => planOrThrow(id),
    'plan.defaults': async ({ weeks }) => {
      await ctx.workspaceReady();
      return defaultPlan(ctx.db(), weeks ?? 52);
    },
    'plan.save': async (plan) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      if (plan.id !== undefined) planOrThrow(plan.id);
      checkName(db, plan.name, plan.id);
      checkRampCurves(db, plan);
      try {
        return getPlan(db, savePlan(db, { ...plan, name: plan.name.trim() }))!;
      } catch (error) {
        if (error instanceof UnknownClassError) throw new ApiError({ code: 'not_found', message: error.message, issues: [{ path: 'classes', message: 'Unknown class' }] });
        throw error;
      }
    },
    'plan.delete': ({ id }) => ({ deleted: deletePlan(ctx.db(), id) }),
    'plan.project': async ({ plan }) => {
      await ctx.workspaceReady();
      return projectAssembled(plan, assemblePlan(ctx.db(), plan));
    },
    'plan.optimise': async ({ id, timeLimitSec }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const stored = planOrThrow(id);
      const plannerClasses = stored.classes.filter((c) => c.origin === 'planner');
      // The planner's classes are kept as decided; the optimiser chooses the rest (its earlier choices are replaced).
      const plan: PlanSave = { ...stored, classes: plannerClasses };
      const assembled = assemblePlan(db, plan);
      const seconds = timeLimitSec ?? DEFAULT_OPTIMISE_SECONDS;
      const stopBuffer = new SharedArrayBuffer(4);
      const skill = busiestSkill(assembled.input, assembled.demand.info);
      const handle = ctx.jobs.start('plan.optimise', 'plan.optimise', { plan: assembled.input, fixedClasses: assembled.input.classes, timeLimitSec: seconds, stopFlag: stopBuffer }, (result) => {
        const chosen = result.classes.slice(plannerClasses.length);
        const weekStarts = assembled.weekStarts;
        const classes: PlanClassInput[] = [
          ...plannerClasses,
          ...chosen.map((c): PlanClassInput => ({
            kind: 'replacement',
            startWeek: weekStarts[c.startWeek],
            size: c.size,
            rampCurveId: stored.document.defaultRampCurveId,
            label: `Optimised class ${weekStarts[c.startWeek]}`,
            skill,
            origin: 'optimiser',
          })),
        ];
        const optimisation: PlanOptimisation = {
          ranAt: new Date().toISOString(),
          status: result.stoppedEarly ? 'stopped' : result.status,
          seconds: result.seconds,
          cost: result.cost,
          bound: result.bound,
          gap: result.gap,
          hires: result.classes.map((c) => ({ startWeek: c.startWeek, size: c.size })),
          shortWeeks: result.shortWeeks,
          classes: result.classCoverage,
        };
        saveOptimisedClasses(db, id, classes, optimisation);
        const hires = chosen.reduce((n, c) => n + c.size, 0);
        const proof = result.status === 'optimal' ? 'proven optimal' : result.gap === null ? 'no bound proven' : `within ${(result.gap * 100).toFixed(2)}% of the best possible`;
        return {
          message: `${result.stoppedEarly ? 'Stopped; kept the best plan found. ' : ''}${chosen.length} class${chosen.length === 1 ? '' : 'es'} (${hires} hires), total cost ${Math.round(result.cost.total).toLocaleString('en-US')} (${proof}), ${result.shortWeeks.length} week${result.shortWeeks.length === 1 ? '' : 's'} still short, ${result.seconds.toFixed(1)} s.`,
          result: { planId: id },
        };
      });
      stopFlags.set(handle.jobId, new Int32Array(stopBuffer));
      void ctx.jobs.wait(handle.jobId)?.then(() => stopFlags.delete(handle.jobId));
      return handle;
    },
    'plan.stop': ({ jobId }) => {
      const flag = stopFlags.get(jobId);
      if (!flag) return { stopping: false };
      Atomics.store(flag, 0, 1);
      return { stopping: true };
    },
    'plan.export': async ({ plan, format }) => {
      await ctx.workspaceReady();
      const view = projectAssembled(plan, assemblePlan(ctx.db(), plan));
      if (format === 'json') return exportPlanJson(plan, view);
      if (format === 'csv') return exportPlanCsv(plan, view);
      return exportPlanXlsx(plan, view);
    },
    'plan.import': async ({ name, startWeek, json }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      checkName(db, name);
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch (error) {
        throw new ApiError({ code: 'invalid_request', message: `The file is not JSON: ${(error as Error).message}`, issues: [{ path: 'json', message: 'Not JSON' }] });
      }
      const parsed = parseCapacityPlan(raw);
      if (!parsed.ok) throw new ApiError({ code: 'invalid_request', message: `The plan file: ${parsed.message}`, issues: [{ path: `json.${parsed.field}`, message: parsed.message }] });
      return getPlan(db, savePlan(db, planFromCliForm(db, parsed.plan, name.trim(), startWeek)))!;
    },
    'ramp.list': () => listRampCurves(ctx.db()),
    'ramp.save': ({ id, name, weeks }) => {
      const db = ctx.db();
      const taken = listRampCurves(db).some((c) => c.id !== id && c.name.toLowerCase() === name.trim().toLowerCase());
      if (taken) throw new ApiError({ code: 'conflict', message: `There is already a ramp curve called “${name.trim()}”`, issues: [{ path: 'name', message: 'Already taken' }] });
      const saved = writeTransaction(db, () => saveRampCurve(db, { id, name: name.trim(), weeks }));
      if (!saved) throw new ApiError({ code: 'not_found', message: `Ramp curve ${id} does not exist (deleted?)`, issues: [{ path: 'id', message: 'Unknown ramp curve' }] });
      return saved;
    },
    'ramp.delete': ({ id }) => {
      const db = ctx.db();
      const curve = getRampCurve(db, id);
      if (!curve) return { deleted: false };
      if (curve.usedBy > 0) {
        throw new ApiError({ code: 'conflict', message: `“${curve.name}” is used by ${curve.usedBy} class${curve.usedBy === 1 ? '' : 'es'} or plan${curve.usedBy === 1 ? '' : 's'}: give them another curve first`, issues: [{ path: 'id', message: 'In use' }] });
      }
      return { deleted: writeTransaction(db, () => deleteRampCurve(db, id)) };
    },
  };
}

function checkRampCurves(db: Database, plan: PlanSave): void {
  const known = new Set(listRampCurves(db).map((c) => c.id));
  const unknown = (id: number, path: string) =>
    new ApiError({ code: 'not_found', message: `Ramp curve ${id} does not exist (deleted?): choose another`, issues: [{ path, message: 'Unknown ramp curve' }] });
  if (!known.has(plan.document.defaultRampCurveId)) throw unknown(plan.document.defaultRampCurveId, 'document.defaultRampCurveId');
  plan.classes.forEach((c, i) => {
    if (!known.has(c.rampCurveId)) throw unknown(c.rampCurveId, `classes.${i}.rampCurveId`);
  });
}

/** The channel the optimiser's classes are trained for: the one whose queues need the most FTE over the plan. */
function busiestSkill(input: CapacityPlanInput, info: PlanQueueInfo[]): PlanClassInput['skill'] {
  const byChannel = new Map<string, number>();
  (input.queues ?? []).forEach((q, i) => {
    const channel = info[i]?.channel || 'phone';
    const required = q.demand.reduce((sum, d) => sum + (d.requiredFte ?? (d.volume * d.ahtSec) / 3600), 0);
    byChannel.set(channel, (byChannel.get(channel) ?? 0) + required);
  });
  const best = [...byChannel].sort((a, b) => b[1] - a[1])[0]?.[0];
  return ((CHANNEL_KINDS as readonly string[]).includes(best ?? '') ? best : 'phone') as PlanClassInput['skill'];
}

/**
 * A plan in the CLI's JSON form as an app plan: its demand is kept as imported (the workspace forecast is not
 * used), its ramp becomes a named curve when no stored curve has the same loads, and its classes start on the
 * plan's Mondays. Exported again, it gives the same JSON.
 */
function planFromCliForm(db: Database, input: CapacityPlanInput, name: string, startWeekOverride?: string): PlanSave {
  const startWeek = startWeekOverride ?? input.startWeek ?? firstPlanWeek(db);
  const monday = DateTime.fromISO(startWeek);
  const curveFor = (loads: number[]): number => {
    const existing = listRampCurves(db).find((c) => c.weeks.length === loads.length && c.weeks.every((w, k) => w.load === loads[k]));
    if (existing) return existing.id;
    const text = (k: number) => DEFAULT_RAMP_CURVE.weeks[Math.min(k, DEFAULT_RAMP_CURVE.weeks.length - 1)];
    const curveName = `Imported ramp ${loads.map((l) => Math.round(l * 100)).join('/')}`;
    return saveRampCurve(db, { name: curveName, weeks: loads.map((load, k) => ({ load, focus: text(k).focus, support: text(k).support })) })!.id;
  };
  const queues = input.queues?.length ? input.queues : [{ name: 'Imported demand', kind: 'deferred' as const, demand: input.demand }];
  const weekAssumptions = Array.from({ length: input.weeks }, (_, w) => {
    const change = (input.adjustments ?? []).filter((a) => a.week === w).reduce((s, a) => s + a.change, 0);
    return change !== 0 ? { headcountChange: change } : {};
  });
  while (weekAssumptions.length > 0 && Object.keys(weekAssumptions[weekAssumptions.length - 1]).length === 0) weekAssumptions.pop();
  const defaultRampCurveId = curveFor(input.ramp);
  return {
    name,
    startWeek,
    weeks: input.weeks,
    document: {
      hoursPerFte: input.hoursPerFte,
      occupancy: input.occupancy,
      shrinkage: input.shrinkage,
      headcount: input.headcount,
      skills: [],
      attrition: input.attrition,
      growthPerYear: 0,
      defaultRampCurveId,
      hiring: { ...input.hiring, minClassSize: Math.max(1, input.hiring.minClassSize) },
      costs: input.costs,
      weekAssumptions,
      importedDemand: queues.map((q) => ({ name: q.name, kind: q.kind, demand: q.demand.map((d) => ({ ...d })) })),
    },
    classes: input.classes
      .filter((c) => c.size > 0)
      .map((c, i) => ({
        kind: c.kind ?? 'replacement',
        startWeek: monday.plus({ weeks: c.startWeek }).toISODate()!,
        size: c.size,
        rampCurveId: c.ramp ? curveFor(c.ramp) : defaultRampCurveId,
        label: c.label ?? `Class ${i + 1}`,
        skill: 'phone',
      })),
    linkedToSchedule: false,
  };
}
