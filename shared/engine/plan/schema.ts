/**
 * The capacity plan's JSON form, checked at every edge that receives one (the CLI's --input, the app's import, the
 * worker task), so a bad plan is refused with one message naming the field — "demand[3].ahtSec must be greater
 * than 0" — instead of producing NaN weeks. Rates are fractions (0.3, not 30). Unknown keys are dropped, so a plan
 * exported by the app with extra descriptive fields still reads.
 */
import { z } from 'zod';
import { dayNumberOf, weekdayOf } from '../forecast/calendar';
import type { CapacityPlanInput } from './types';

export const PLAN_MIN_WEEKS = 13;
export const PLAN_MAX_WEEKS = 104;
/** Longest ramp curve accepted, in weeks: a year of onboarding is already far beyond any planning table. */
export const MAX_RAMP_WEEKS = 52;

const requiredNumber = () => z.number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') }).finite('must be a finite number');
const nonNegative = () => requiredNumber().min(0, 'cannot be negative');
const positive = () => requiredNumber().gt(0, 'must be greater than 0');
const wholeNumber = () => requiredNumber().int('must be a whole number');
/** A fraction in [0, 1) — shrinkage and attrition; 1 would mean nobody ever works or everyone leaves. */
const rateBelowOne = () => requiredNumber().min(0, 'cannot be negative').lt(1, 'must be a fraction below 1 (0.3 means 30%)');
const load = () => requiredNumber().min(0, 'cannot be negative').max(1, 'must be a fraction from 0 to 1 (0.25 means 25%)');

const mondayDate = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((text) => {
    try {
      return weekdayOf(dayNumberOf(text)) === 1;
    } catch {
      return false;
    }
  }, 'must be a real date that falls on a Monday');

const weekDemand = z.object({
  volume: nonNegative(),
  ahtSec: positive(),
  shrinkage: rateBelowOne().optional(),
  requiredFte: nonNegative().optional(),
});

const ramp = z.array(load(), { error: 'must be a list of loads, e.g. [0, 0, 0.25, 0.5, 0.75, 0.75, 1, 1]' }).max(MAX_RAMP_WEEKS, `cannot be longer than ${MAX_RAMP_WEEKS} weeks`);

const hiringClass = z.object({
  startWeek: wholeNumber().min(-MAX_RAMP_WEEKS, 'cannot be more than a year before the plan starts'),
  size: wholeNumber().min(0, 'cannot be negative'),
  ramp: ramp.optional(),
  kind: z.enum(['replacement', 'growth', 'new-tier', 'seasonal'], { error: 'must be replacement, growth, new-tier or seasonal' }).optional(),
  label: z.string().optional(),
});

const queue = z.object({
  name: z.string({ error: 'is required' }).min(1, 'cannot be empty'),
  kind: z.enum(['live', 'deferred'], { error: 'must be live or deferred' }),
  demand: z.array(weekDemand, { error: 'must be a list with one {volume, ahtSec} per week' }),
});

export const capacityPlanSchema = z
  .object({
    startWeek: mondayDate.optional(),
    weeks: wholeNumber().min(PLAN_MIN_WEEKS, `must be at least ${PLAN_MIN_WEEKS}`).max(PLAN_MAX_WEEKS, `cannot be more than ${PLAN_MAX_WEEKS}`),
    hoursPerFte: positive().max(168, 'cannot exceed the 168 hours of a week'),
    occupancy: requiredNumber().gt(0, 'must be greater than 0').max(1, 'must be a fraction up to 1 (0.85 means 85%)'),
    shrinkage: rateBelowOne(),
    demand: z.array(weekDemand, { error: 'must be a list with one {volume, ahtSec} per week' }).default([]),
    queues: z.array(queue, { error: 'must be a list of queues' }).optional(),
    headcount: nonNegative(),
    attrition: z.object({ tenuredMonthly: rateBelowOne(), newHireMonthly: rateBelowOne() }, { error: 'is required: {tenuredMonthly, newHireMonthly}' }),
    ramp,
    classes: z.array(hiringClass, { error: 'must be a list of {startWeek, size}' }).default([]),
    hiring: z.object(
      {
        leadTimeWeeks: wholeNumber().min(0, 'cannot be negative'),
        cadenceWeeks: wholeNumber().min(1, 'must be at least 1'),
        minClassSize: wholeNumber().min(0, 'cannot be negative'),
        maxClassSize: wholeNumber().min(1, 'must be at least 1'),
        maxHires: wholeNumber().min(0, 'cannot be negative').optional(),
      },
      { error: 'is required: {leadTimeWeeks, cadenceWeeks, minClassSize, maxClassSize}' },
    ),
    costs: z.object(
      { weeklyCostPerHead: nonNegative(), hireCost: nonNegative(), understaffPerFteWeek: nonNegative() },
      { error: 'is required: {weeklyCostPerHead, hireCost, understaffPerFteWeek}' },
    ),
    adjustments: z.array(z.object({ week: wholeNumber().min(0, 'cannot be negative'), change: requiredNumber(), note: z.string().optional() }), { error: 'must be a list of {week, change}' }).optional(),
  }, { error: 'must be a JSON object' })
  .superRefine((plan, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (!plan.queues?.length && plan.demand.length !== plan.weeks) fail(['demand'], `must have one entry per week: ${plan.weeks} weeks but ${plan.demand.length} entries`);
    plan.queues?.forEach((q, i) => {
      if (q.demand.length !== plan.weeks) fail(['queues', i, 'demand'], `must have one entry per week: ${plan.weeks} weeks but ${q.demand.length} entries`);
      q.demand.forEach((d, w) => {
        if (q.kind === 'live' && d.requiredFte === undefined) fail(['queues', i, 'demand', w, 'requiredFte'], 'is required for a live queue (Erlang over the week\'s pattern)');
      });
    });
    if (plan.hiring.maxClassSize < plan.hiring.minClassSize) fail(['hiring', 'maxClassSize'], `cannot be below minClassSize (${plan.hiring.minClassSize})`);
    plan.classes.forEach((c, i) => {
      if (c.startWeek >= plan.weeks) fail(['classes', i, 'startWeek'], `must be before the end of the plan (weeks 0–${plan.weeks - 1})`);
    });
    plan.adjustments?.forEach((a, i) => {
      if (a.week >= plan.weeks) fail(['adjustments', i, 'week'], `must be within the plan (weeks 0–${plan.weeks - 1})`);
    });
  });

/** `demand[3].ahtSec`: the path as a planner would type it into the JSON. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

export type PlanParseResult = { ok: true; plan: CapacityPlanInput } | { ok: false; field: string; message: string };

/** Validates a plan; on failure, the first problem as one line: "<field> <what is wrong>". */
export function parseCapacityPlan(input: unknown): PlanParseResult {
  const result = capacityPlanSchema.safeParse(input);
  if (result.success) return { ok: true, plan: result.data as CapacityPlanInput };
  const issue = result.error.issues[0];
  const field = formatFieldPath(issue.path) || 'plan';
  return { ok: false, field, message: `${field} ${issue.message}` };
}
