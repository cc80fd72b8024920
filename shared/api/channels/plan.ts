/**
 * Hiring & ramp: long-range capacity plans, their hiring classes and named ramp curves. Every rate in a request is
 * a fraction (0.3, not 30): the renderer converts the percentages planners type.
 */
import { z } from 'zod';
import type { CapacityPlanInput, PlanProjection } from '../../engine/plan/types';
// Types only: the optimiser module (and its WebAssembly solver) stays out of the renderer.
import type { ClassCoverage, ShortWeekExplanation } from '../../engine/plan/optimiseHiring';
import type { RampScheduleRow } from '../../engine/plan/rampCurves';
import type { PlanWarning } from '../../engine/plan/warnings';
import type { JobHandle } from '../types';
import { idRequest, jobIdField, mondayDate, nameField, returns } from './define';
import { CHANNEL_KINDS } from '../../model/queues';

export const mondaySchema = mondayDate('plan');
const id = z.number().int().positive();
const num = (what: string) => z.number({ error: `${what} must be a number` });
/** A rate as a fraction in [0, 1): attrition, shrinkage. */
const rate = (what: string) => num(what).min(0, `${what} cannot be negative`).lt(1, `${what} must be below 1 (a fraction: 0.3 for 30%)`);
const wholeNumber = (what: string) => num(what).int(`${what} must be a whole number`);

export const PLAN_WEEKS = { min: 13, max: 104 } as const;
export const HIRING_KINDS = ['replacement', 'growth', 'new-tier', 'seasonal'] as const;
export type HiringKindName = (typeof HIRING_KINDS)[number];
export const planSkillSchema = z.enum(CHANNEL_KINDS, { error: 'Skill must be phone, chat, email or social' });

/** One row of the editable week table; absent values use the plan's defaults and the forecast as it is. */
export const weekAssumptionSchema = z
  .object({
    /** Overrides the plan's shrinkage this week (training weeks, holidays). */
    shrinkage: rate('Shrinkage').optional(),
    /** Change applied to the forecast's contacts this week: 0.1 = 10% more. */
    volumeChange: num('Volume change').min(-1, 'Volume change cannot remove more than all contacts').max(10, 'Volume change is at most 1000%').optional(),
    /** Change applied to the AHT trend this week: −0.05 = 5% shorter. */
    ahtChange: num('AHT change').gt(-1, 'AHT change must leave some handle time').max(10, 'AHT change is at most 1000%').optional(),
    /** Heads leaving (negative) or joining (positive) the tenured pool this week: dated departures and transfers. */
    headcountChange: num('Departures and transfers').min(-1000).max(1000).optional(),
    note: z.string().max(200).optional(),
  })
  .strict();
export type WeekAssumption = z.infer<typeof weekAssumptionSchema>;

const planQueueSchema = z
  .object({
    name: z.string().min(1).max(120),
    kind: z.enum(['live', 'deferred']),
    demand: z
      .array(
        z
          .object({
            volume: num('Volume').min(0, 'Volume cannot be negative'),
            ahtSec: num('AHT').min(0, 'AHT cannot be negative'),
            shrinkage: rate('Shrinkage').optional(),
            requiredFte: num('Required FTE').min(0, 'Required FTE cannot be negative').optional(),
          })
          .strict(),
      )
      .max(PLAN_WEEKS.max),
  })
  .strict();

/** The plan's assumptions: everything except its name, horizon and classes. */
export const planDocumentSchema = z
  .object({
    hoursPerFte: num('Hours per FTE').gt(0, 'Hours per FTE must be above 0').max(80, 'Hours per FTE is at most 80 a week'),
    occupancy: num('Occupancy').gt(0, 'Occupancy must be above 0').max(1, 'Occupancy must be at most 1 (a fraction: 0.85 for 85%)'),
    shrinkage: rate('Shrinkage'),
    /** Starting headcount; null takes the workspace's agents (per skill below). */
    headcount: num('Starting headcount').min(0, 'Starting headcount cannot be negative').max(100_000).nullable(),
    /** The channels the plan staffs; the pool's agents are those with any of these skills. Empty = every queue. */
    skills: z.array(planSkillSchema).max(4),
    attrition: z.object({ tenuredMonthly: rate('Tenured attrition'), newHireMonthly: rate('New-hire attrition') }).strict(),
    /** Yearly growth of contacts for queues with a year or less of history (the forecast learns it otherwise). */
    growthPerYear: num('Yearly growth').min(-0.9, 'Yearly growth cannot shrink demand by more than 90%').max(5, 'Yearly growth is at most 500%'),
    defaultRampCurveId: id,
    hiring: z
      .object({
        leadTimeWeeks: wholeNumber('Lead time').min(0, 'Lead time cannot be negative').max(PLAN_WEEKS.max),
        cadenceWeeks: wholeNumber('Cadence').min(1, 'Classes start at most every week (cadence ≥ 1)').max(PLAN_WEEKS.max),
        minClassSize: wholeNumber('Smallest class').min(1, 'A class has at least 1 hire'),
        maxClassSize: wholeNumber('Largest class').min(1, 'A class has at least 1 hire').max(500),
        maxHires: wholeNumber('Hire limit').min(0).max(100_000).optional(),
      })
      .strict()
      .refine((h) => h.maxClassSize >= h.minClassSize, { path: ['maxClassSize'], message: 'The largest class cannot be smaller than the smallest' }),
    costs: z
      .object({
        weeklyCostPerHead: num('Weekly cost per head').min(0, 'Weekly cost per head cannot be negative'),
        hireCost: num('Cost per hire').min(0, 'Cost per hire cannot be negative'),
        understaffPerFteWeek: num('Understaffing cost').min(0, 'Understaffing cost cannot be negative'),
      })
      .strict(),
    weekAssumptions: z.array(weekAssumptionSchema).max(PLAN_WEEKS.max),
    /** Demand fixed by an imported plan (the CLI form); the workspace forecast is used when absent. */
    importedDemand: z.array(planQueueSchema).max(50).optional(),
  })
  .strict();
export type PlanDocument = z.infer<typeof planDocumentSchema>;

export const planClassSchema = z
  .object({
    /** A saved class keeps its id, so its new hires (agents in the Schedule) keep theirs. */
    id: id.optional(),
    kind: z.enum(HIRING_KINDS, { error: 'Kind must be replacement, growth, new-tier or seasonal' }),
    startWeek: mondaySchema,
    size: wholeNumber('Class size').min(1, 'A class has at least 1 hire').max(500, 'A class has at most 500 hires'),
    rampCurveId: id,
    label: z.string().trim().min(1, 'Give the class a label').max(80),
    skill: planSkillSchema,
    /** Who chose the class: the planner's classes are kept when the optimiser runs; its own are replaced. */
    origin: z.enum(['planner', 'optimiser']).optional(),
  })
  .strict();
export type PlanClassInput = z.infer<typeof planClassSchema>;

export const planSaveSchema = z
  .object({
    id: id.optional(),
    name: nameField,
    startWeek: mondaySchema,
    weeks: wholeNumber('Weeks').min(PLAN_WEEKS.min, `A plan covers at least ${PLAN_WEEKS.min} weeks`).max(PLAN_WEEKS.max, `A plan covers at most ${PLAN_WEEKS.max} weeks`),
    document: planDocumentSchema,
    classes: z.array(planClassSchema).max(200),
    /** The plan whose new hires appear as agents in the weekly Schedule (one plan at a time). */
    linkedToSchedule: z.boolean(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (plan.document.weekAssumptions.length > plan.weeks) {
      ctx.addIssue({ code: 'custom', path: ['document', 'weekAssumptions'], message: `The week table has more rows than the plan's ${plan.weeks} weeks` });
    }
  });
export type PlanSave = z.infer<typeof planSaveSchema>;

export const rampWeekSchema = z
  .object({
    load: num('Load').min(0, 'Load cannot be negative').max(1, 'Load is at most 1 (a fraction: 0.25 for 25%)'),
    focus: z.string().max(200),
    support: z.string().max(200),
  })
  .strict();
export type RampWeek = z.infer<typeof rampWeekSchema>;

export const rampCurveSaveSchema = z
  .object({ id: id.optional(), name: nameField, weeks: z.array(rampWeekSchema).min(1, 'A ramp has at least one week').max(52, 'A ramp lasts at most 52 weeks') })
  .strict();

export interface RampCurve {
  id: number;
  name: string;
  weeks: RampWeek[];
  updatedAt: string;
  /** Classes (in any plan) and plans (as their default) that use it: such a curve cannot be deleted. */
  usedBy: number;
}

export interface PlanClass extends Omit<PlanClassInput, 'id' | 'origin'> {
  id: number;
  origin: 'planner' | 'optimiser';
}

export interface PlanSummary {
  id: number;
  name: string;
  startWeek: string;
  weeks: number;
  classCount: number;
  hires: number;
  linkedToSchedule: boolean;
  updatedAt: string;
}

export interface StoredPlan extends Omit<PlanSave, 'id' | 'classes'> {
  id: number;
  classes: PlanClass[];
  updatedAt: string;
  optimisation: PlanOptimisation | null;
}

/** A class's week-by-week onboarding plan (dates, load, expected heads, focus, support): printable. */
export type RampScheduleWeek = RampScheduleRow & {
  /** Outside the plan's horizon (before week 0 or after its last week). */
  outsideHorizon: boolean;
};

export interface PlanQueueInfo {
  name: string;
  channel: string;
  kind: 'live' | 'deferred';
  /** How the weekly contacts were forecast: seasonal (over a year of history), trend + growth assumption, or imported. */
  forecastMethod: string;
  historyDays: number;
  /** How required FTE is computed for this queue, in words. */
  staffingSummary: string;
  /** The history shows a yearly pattern (the forecast's seasonality test). */
  seasonalityDetected: boolean;
}

/** Why a number is what it is: the formula and the inputs, per week. */
export interface WeekExplanation {
  week: number;
  requiredFte: string;
  tenured: string;
  effectiveFte: string;
  headcount: string;
  gap: string;
}

export interface WeekServiceLevel {
  queue: string;
  /** Volume-weighted service level over the week's open intervals with the effective staff; null without contacts. */
  serviceLevel: number | null;
  /** Agents on the floor per interval as a share of those required: effective FTE ÷ required FTE. */
  staffRatio: number;
}

export interface PlanProjectionView {
  /** The plan in the CLI JSON form, with demand assembled from the workspace. */
  input: CapacityPlanInput;
  projection: PlanProjection;
  /** Monday of every plan week. */
  weekStarts: string[];
  queues: PlanQueueInfo[];
  startingHeadcount: { value: number; source: string };
  explanations: WeekExplanation[];
  serviceLevels: WeekServiceLevel[][];
  rampSchedules: { classIndex: number; label: string; weeks: RampScheduleWeek[] }[];
  warnings: PlanWarning[];
  /** Milliseconds to assemble demand (forecast + Erlang) and to project. */
  timings: { demandMs: number; projectMs: number };
}

export interface PlanOptimisation {
  ranAt: string;
  status: string;
  seconds: number;
  cost: { payroll: number; hiring: number; understaffing: number; total: number; perContact: number };
  /** Best bound proven by the solver; equal to the cost when optimal. */
  bound: number | null;
  gap: number | null;
  hires: { startWeek: number; size: number }[];
  shortWeeks: ShortWeekExplanation[];
  classes: ClassCoverage[];
}

export interface PlanExportFile {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

const planDraft = planSaveSchema;

export const planChannels = {
  'plan.list': { request: z.object({}).strict(), response: returns<PlanSummary[]>() },
  'plan.get': { request: idRequest, response: returns<StoredPlan>() },
  /** A new plan for the workspace with its defaults (not saved): shrinkage, headcount, the next Monday. */
  'plan.defaults': { request: z.object({ weeks: z.number().int().min(PLAN_WEEKS.min).max(PLAN_WEEKS.max).optional() }).strict(), response: returns<PlanSave>() },
  'plan.save': { request: planSaveSchema, response: returns<StoredPlan>() },
  'plan.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
  /** Projects a plan as edited (saved or not): demand from the workspace, supply from the classes. */
  'plan.project': { request: z.object({ plan: planDraft }).strict(), response: returns<PlanProjectionView>() },
  /** Chooses the class sizes with the hiring optimiser in a worker; the result replaces the saved plan's classes. */
  'plan.optimise': {
    request: z.object({ id, timeLimitSec: z.number().int().min(1, 'Give the optimiser at least 1 second').max(300, 'At most 300 seconds').optional() }).strict(),
    response: returns<JobHandle>(),
  },
  /** Stops a running optimisation and keeps the best plan found so far (jobs.cancel discards it instead). */
  'plan.stop': { request: z.object({ jobId: jobIdField }).strict(), response: returns<{ stopping: boolean }>() },
  /** The plan in the CLI JSON form (`staffwise plan --input`), or its weeks as CSV or XLSX. */
  'plan.export': {
    request: z.object({ plan: planDraft, format: z.enum(['json', 'csv', 'xlsx'], { error: 'Export as json, csv or xlsx' }) }).strict(),
    response: returns<PlanExportFile>(),
  },
  /** A plan in the CLI JSON form becomes a new saved plan (its demand is kept as imported). */
  'plan.import': {
    request: z.object({ name: nameField, startWeek: mondaySchema.optional(), json: z.string().min(2, 'The file is empty').max(5_000_000, 'The file is too large') }).strict(),
    response: returns<StoredPlan>(),
  },
  'ramp.list': { request: z.object({}).strict(), response: returns<RampCurve[]>() },
  'ramp.save': { request: rampCurveSaveSchema, response: returns<RampCurve>() },
  'ramp.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
};

/** A stored plan as the save, project and export requests take it (without the fields the app keeps itself). */
export function planSaveOf(stored: StoredPlan): PlanSave {
  const { updatedAt: _updatedAt, optimisation: _optimisation, ...plan } = stored;
  return plan;
}
