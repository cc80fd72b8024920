/**
 * Input and output model of the interval-demand scheduler, as zod schemas so the CLI, the IPC layer and the worker
 * validate the same shapes. Times of day are written as 'HH:MM' (or minutes) and parsed to minutes since midnight in
 * the site's time zone; days are indices into the planning horizon; weekdays are 0 = Monday … 6 = Sunday.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { MINUTES_PER_DAY, parseClock, weekdayOfDate } from './time';

const clockTime = z
  .union([z.string().max(5, 'Use a time like 08:00'), z.number().int().min(0).max(2 * MINUTES_PER_DAY)])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    try {
      return parseClock(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const weekday = z.number().int().min(0).max(6);
const timeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' });
const positiveMinutes = z.number().int().positive();
const weight = z.number().nonnegative();

export const BreakRuleSchema = z
  .object({
    kind: z.enum(['lunch', 'break']),
    lengthMinutes: positiveMinutes,
    /** Lunches are usually unpaid and short breaks paid; paid minutes count towards contract hours. */
    paid: z.boolean(),
    /** The break must lie entirely inside [windowStart, windowEnd], both counted in minutes from the shift start. */
    windowStartMinutes: z.number().int().min(0),
    windowEndMinutes: positiveMinutes,
  })
  .refine((b) => b.windowEndMinutes - b.windowStartMinutes >= b.lengthMinutes, {
    message: 'break window is shorter than the break',
    path: ['windowEndMinutes'],
  });

export const SegmentSchema = z.object({
  /** Minutes from the shift start to the start of this working span. */
  offsetMinutes: z.number().int().min(0),
  lengthMinutes: positiveMinutes,
});

export const ShiftCategorySchema = z.enum(['early', 'day', 'late', 'night', 'split']);

export const ShiftTemplateSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().min(1).max(120),
    /** Staggered starts: every `startStepMinutes` from `earliestStart` to `latestStart` inclusive. */
    earliestStart: clockTime,
    latestStart: clockTime,
    startStepMinutes: positiveMinutes.default(30),
    /** Working spans; one for a plain shift, two or more for a split shift (09–13 + 16–20). */
    segments: z.array(SegmentSchema).min(1),
    breaks: z.array(BreakRuleSchema).default([]),
    /** Lates and splits are spread evenly across agents; the category says which counts a shift adds to. */
    category: ShiftCategorySchema.default('day'),
    /** Skills this template may serve; absent means any skill. */
    skills: z.array(z.string().max(40)).optional(),
    /** Weekdays on which the template may start; absent means every day. */
    weekdays: z.array(weekday).optional(),
    /** Templates after which this one may not start on the next day (e.g. no early after a late). */
    cannotFollow: z.array(z.string().max(40)).default([]),
  })
  .refine((t) => t.latestStart >= t.earliestStart, { message: 'latestStart is before earliestStart', path: ['latestStart'] })
  .refine((t) => t.segments.every((s, i) => i === 0 || s.offsetMinutes >= t.segments[i - 1].offsetMinutes + t.segments[i - 1].lengthMinutes), {
    message: 'segments must be ordered and must not overlap',
    path: ['segments'],
  })
  .refine((t) => t.breaks.every((b) => b.windowEndMinutes <= spanMinutes(t.segments)), {
    message: 'a break window ends after the shift',
    path: ['breaks'],
  });

export const ContractSchema = z.object({
  minMinutesPerWeek: z.number().int().min(0).default(0),
  maxMinutesPerWeek: z.number().int().min(0).default(40 * 60),
  maxShiftsPerWeek: z.number().int().min(0).max(7).default(5),
  maxConsecutiveWorkingDays: z.number().int().min(1).default(5),
  minConsecutiveWorkingDays: z.number().int().min(1).default(1),
  minConsecutiveDaysOff: z.number().int().min(1).default(1),
  /** Weekends (Saturday or Sunday worked) allowed over the whole planning period. */
  maxWeekendsPerPeriod: z.number().int().min(0).default(52),
});

export const AvailabilityWindowSchema = z.object({
  weekday,
  /** In the agent's own time zone when both the agent and the site have one; otherwise in site time. */
  from: clockTime,
  to: clockTime,
});

export const PreferenceSchema = z.object({
  /** 'prefer' = wants it, 'avoid' = does not want it; violating either costs `weight`. */
  kind: z.enum(['prefer', 'avoid']),
  /** A shift preference when set; a preference to work (prefer) or to be off (avoid) on the day(s) when absent. */
  templateId: z.string().optional(),
  /** Horizon day; with neither `day` nor `weekday` the preference holds on every day. */
  day: z.number().int().min(0).optional(),
  weekday: weekday.optional(),
  weight: weight.default(1),
});

export const AgentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  team: z.string().optional(),
  skills: z.array(z.string().min(1)).min(1),
  contract: ContractSchema.prefault({}),
  /** Weekly windows in which shifts must lie; absent means always available. A weekday with no window is unavailable. */
  availability: z.array(AvailabilityWindowSchema).optional(),
  /** Recurring days off by weekday (e.g. every Sunday). */
  fixedWeekdaysOff: z.array(weekday).default([]),
  /** One-off days off by horizon day (leave, training). */
  daysOff: z.array(z.number().int().min(0)).default([]),
  preferences: z.array(PreferenceSchema).default([]),
  /** IANA zone, e.g. 'Europe/Lisbon'. */
  timeZone: timeZone.optional(),
});

export const RequirementSeriesSchema = z.object({
  skill: z.string().min(1),
  /** Agents required per interval, horizon-long: days × (1440 / intervalMinutes) values. */
  required: z.array(z.number().nonnegative()),
});

export const RequirementsSchema = z
  .object({
    intervalMinutes: z.union([z.literal(15), z.literal(30)]),
    days: z.number().int().min(1),
    series: z.array(RequirementSeriesSchema).min(1),
  })
  .refine((r) => r.series.every((s) => s.required.length === (r.days * MINUTES_PER_DAY) / r.intervalMinutes), {
    message: 'each series needs days × (1440 / intervalMinutes) values',
  })
  .refine((r) => new Set(r.series.map((s) => s.skill)).size === r.series.length, { message: 'one series per skill' });

export const ScheduledBreakSchema = z.object({
  start: z.number(),
  end: z.number(),
  kind: z.enum(['lunch', 'break']),
  paid: z.boolean().default(false),
});

export const WorkingSpanSchema = z.object({ start: z.number(), end: z.number() });

/** One shift worked by one agent. Minutes count from midnight (site time) of `day`; `end` may pass 1440. */
export const ShiftAssignmentSchema = z.object({
  agentId: z.string().min(1),
  day: z.number().int().min(0),
  date: z.string().optional(),
  start: z.number(),
  end: z.number(),
  /** Working spans; a split shift has several, a plain shift one equal to [start, end]. */
  segments: z.array(WorkingSpanSchema).min(1),
  breaks: z.array(ScheduledBreakSchema).default([]),
  skill: z.string().min(1),
  templateId: z.string().optional(),
  locked: z.boolean().optional(),
});

export const ScheduleRulesSchema = z.object({
  /** Minimum rest between the end of one shift and the start of the next. */
  minRestMinutes: z.number().int().min(0).default(11 * 60),
  /** Grid on which breaks are placed. */
  breakStepMinutes: positiveMinutes.default(15),
});

export const ScheduleWeightsSchema = z.object({
  underPerAgentHour: weight.default(10),
  overPerAgentHour: weight.default(1),
});

export const ScheduleInputSchema = z
  .object({
    /** Calendar date of day 0 ('YYYY-MM-DD'); sets the weekday and dates in the output. */
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Weekday of day 0 when there is no start date. */
    startWeekday: weekday.default(0),
    /** IANA zone of the site; requirements and shift times are in this zone. */
    timeZone: timeZone.optional(),
    agents: z.array(AgentSchema).min(1),
    /** Absent means the default Early / Core / Late / Split templates. */
    templates: z.array(ShiftTemplateSchema).min(1).optional(),
    requirements: RequirementsSchema,
    rules: ScheduleRulesSchema.prefault({}),
    weights: ScheduleWeightsSchema.prefault({}),
    /** Shifts kept as they are; the rest of the schedule is solved around them. */
    locked: z.array(ShiftAssignmentSchema).default([]),
  })
  .refine((input) => new Set(input.agents.map((a) => a.id)).size === input.agents.length, { message: 'agent ids must be unique' })
  .transform((input) => ({
    ...input,
    startWeekday: input.startDate ? weekdayOfDate(input.startDate) : input.startWeekday,
  }));

export type BreakRule = z.output<typeof BreakRuleSchema>;
export type ShiftCategory = z.output<typeof ShiftCategorySchema>;
export type ShiftTemplateInput = z.input<typeof ShiftTemplateSchema>;
export type ShiftTemplate = z.output<typeof ShiftTemplateSchema>;
export type Contract = z.output<typeof ContractSchema>;
export type AgentInput = z.input<typeof AgentSchema>;
export type Agent = z.output<typeof AgentSchema>;
export type Preference = z.output<typeof PreferenceSchema>;
export type RequirementsInput = z.input<typeof RequirementsSchema>;
export type Requirements = z.output<typeof RequirementsSchema>;
export type ScheduledBreak = z.output<typeof ScheduledBreakSchema>;
export type WorkingSpan = z.output<typeof WorkingSpanSchema>;
export type ShiftAssignmentInput = z.input<typeof ShiftAssignmentSchema>;
export type ShiftAssignment = z.output<typeof ShiftAssignmentSchema>;
export type ScheduleWeights = z.output<typeof ScheduleWeightsSchema>;
export type ScheduleInput = z.input<typeof ScheduleInputSchema>;
/** Input after validation: defaults filled in, clock times as minutes, start weekday resolved. */
export type ScheduleProblem = z.output<typeof ScheduleInputSchema> & { templates: ShiftTemplate[] };

function spanMinutes(segments: { offsetMinutes: number; lengthMinutes: number }[]): number {
  const last = segments[segments.length - 1];
  return last.offsetMinutes + last.lengthMinutes;
}
