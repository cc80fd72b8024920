/**
 * Weekly schedules in the app: the requirements of a week (forecast or history through the staffing engine), the
 * solve as a job (worker thread, progress, a Stop that keeps the best schedule so far), drag edits, locks and
 * re-solves, published versions and exports.
 *
 * Versions: each week has numbered versions. A draft can be edited and re-solved in place; publishing freezes it.
 * Any edit sent for a published version is applied to a new draft copied from it, and the reply names that draft.
 */
import { z } from 'zod';
import type {
  AgentInput,
  RuleViolation,
  ScheduleInput,
  ScheduleSummary,
  ShiftAssignment,
  ShiftTemplateInput,
  ShortfallExplanation,
} from '../../engine/schedule';
// The model module, not the engine's index, so the solver (and its WebAssembly) stays out of the renderer.
import { ShiftTemplateSchema, type ScheduleProblem } from '../../engine/schedule/model';
import { parseScheduleInput } from '../../engine/schedule/context';
import { availabilityWindowIssues } from '../../engine/schedule/availabilityWindows';
import type { ChannelKind, JobHandle } from '../types';
import { jobIdField, mondayDate, returns } from './define';

const monday = mondayDate('schedule');
const id = z.number().int().positive();
const scheduleId = z.object({ scheduleId: id }).strict();
/** Minutes from the day's local midnight; a shift may run past midnight, up to 48:00. */
const minute = z.number({ error: 'Times are minutes from midnight' }).int('Times are whole minutes').min(0, 'Times start at 00:00').max(2880, 'Times end by 48:00');
const span = z
  .object({ start: minute, end: minute })
  .strict()
  .refine((s) => s.end > s.start, { message: 'A span must end after it starts' });
const breakSchema = z
  .object({ start: minute, end: minute, kind: z.enum(['lunch', 'break']), paid: z.boolean() })
  .strict()
  .refine((b) => b.end > b.start, { message: 'A break must end after it starts' });

/** A shift's times, as a drag or resize leaves them: working spans, breaks inside them. */
export const shiftTimesSchema = z
  .object({
    start: minute,
    end: minute,
    segments: z.array(span).min(1, 'A shift has at least one working span').max(4),
    breaks: z.array(breakSchema).max(8),
  })
  .strict()
  .superRefine((shift, ctx) => {
    if (shift.end <= shift.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'A shift must end after it starts' });
    if (shift.end - shift.start > 16 * 60) ctx.addIssue({ code: 'custom', path: ['end'], message: 'A shift lasts at most 16 hours' });
    shift.segments.forEach((s, i) => {
      if (s.start < shift.start || s.end > shift.end) ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'A working span lies inside the shift' });
      if (i > 0 && s.start < shift.segments[i - 1].end) ctx.addIssue({ code: 'custom', path: ['segments', i], message: 'Working spans are ordered and do not overlap' });
    });
    shift.breaks.forEach((b, i) => {
      if (!shift.segments.some((s) => s.start <= b.start && b.end <= s.end)) {
        ctx.addIssue({ code: 'custom', path: ['breaks', i], message: 'A break lies inside one working span' });
      }
    });
  });
export type ShiftTimes = z.infer<typeof shiftTimesSchema>;

export const SCHEDULE_TIME_LIMITS = { min: 5, max: 600, default: 30 } as const;
/** The solve's time limit, seconds: the one rule the Schedule form and the service both check it with. */
export const scheduleTimeLimitSchema = z
  .number({ error: 'The time limit is a number of seconds' })
  .int('The time limit is whole seconds')
  .min(SCHEDULE_TIME_LIMITS.min, `Give the solver at least ${SCHEDULE_TIME_LIMITS.min} seconds`)
  .max(SCHEDULE_TIME_LIMITS.max, `At most ${SCHEDULE_TIME_LIMITS.max} seconds`);

/** When the agent can be scheduled, beyond the contract; edited per agent in the Schedule area. */
export const agentSchedulePreferencesSchema = z
  .object({
    /** Weekdays off every week, 0 = Monday … 6 = Sunday. */
    fixedWeekdaysOff: z.array(z.number().int().min(0).max(6)).max(7),
    /** Windows in the agent's own time zone; empty means available at any time. A weekday with no window is off. */
    availability: z
      .array(
        z
          .object({
            weekday: z.number().int().min(0).max(6),
            from: z.string().max(5, 'Use a time like 08:00').regex(/^\d{2}:\d{2}$/, 'Use a time like 08:00'),
            to: z.string().max(5, 'Use a time like 18:00').regex(/^\d{2}:\d{2}$/, 'Use a time like 18:00'),
          })
          .strict(),
      )
      .max(21)
      .superRefine((windows, ctx) => {
        for (const issue of availabilityWindowIssues(windows)) ctx.addIssue({ code: 'custom', path: [issue.index, issue.field], message: `Window ${issue.index + 1}: ${issue.message}` });
      }),
    /** Shift (template) or day preferences with weights: 'avoid' late shifts, 'prefer' to be off on Fridays… */
    preferences: z
      .array(
        z
          .object({
            kind: z.enum(['prefer', 'avoid']),
            templateId: z.string().min(1).max(40).optional(),
            weekday: z.number().int().min(0).max(6).optional(),
            weight: z.number().min(0).max(100),
          })
          .strict(),
      )
      .max(20),
  })
  .strict();
export type AgentSchedulePreferences = z.infer<typeof agentSchedulePreferencesSchema>;

export interface ScheduleRequirementSource {
  queueId: number;
  queueName: string;
  channel: ChannelKind;
  /** Where the week's volumes came from: the queue's latest forecast run, its history, both (days apart), or nothing. */
  source: 'forecast' | 'history' | 'forecast+history' | 'none';
  forecastRunId: number | null;
  forecastMethod: string | null;
  /** How the forecast run was picked: the planner's choice for the week, the automatic default, or no run used. */
  forecastChoice?: 'chosen' | 'automatic' | 'none';
  forecastDays: string[];
  historyDays: string[];
  /** Days with no data at all: no requirement is invented for them. */
  daysWithoutData: string[];
  /** Intervals whose volume is unknown (missing data) in the history used; they count as zero. */
  missingIntervals: number;
  /** The staffing profile saved for this queue, or null when the staffing defaults were used. */
  profileName: string | null;
  staffingSummary: string;
  volume: number;
  requiredAgentHours: number;
  peakRequired: number;
}

export interface WeekRequirements {
  weekStart: string;
  intervalMinutes: 15 | 30;
  days: 7;
  /** Agents required on the floor per interval and skill (channel), 7 × (1440 / intervalMinutes) values each. */
  series: { skill: string; required: number[] }[];
  sources: ScheduleRequirementSource[];
  notes: string[];
  /**
   * Deferred queues (email, tickets) whose work arrives where no shift template reaches, said once per queue; with
   * `deferred` the work was moved into the next hours a template covers (it waits in the backlog until then).
   */
  outsideShifts?: OutsideShiftsWork[];
}

export interface OutsideShiftsWork {
  queueId: number;
  queueName: string;
  skill: string;
  /** Most agents required at once outside every template, and agent-hours over the week (before deferring). */
  peakAgents: number;
  agentHours: number;
  /** Clock windows, e.g. ['22:00–06:00']. */
  windows: string[];
  deferred: boolean;
  /** Contacts moved into covered hours (0 unless deferred), of which those after the week's last shift go to next week. */
  movedContacts: number;
  carriedToNextWeek: number;
}

export interface ScheduleSettings {
  timeLimitSec: number;
  intervalMinutes: 15 | 30;
}

export interface ScheduleMeta {
  id: number;
  weekStart: string;
  version: number;
  status: 'draft' | 'published';
  basedOn: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  shiftCount: number;
  /** Under-coverage at the last solve, agent-hours. */
  underHours: number | null;
}

export interface ScheduleShift {
  id: number;
  agentId: number;
  /** 0 = Monday of the week … 6 = Sunday. */
  day: number;
  date: string;
  /** Minutes from that day's local midnight; `end` may pass 1440. */
  start: number;
  end: number;
  segments: { start: number; end: number }[];
  breaks: { start: number; end: number; kind: 'lunch' | 'break'; paid: boolean }[];
  templateId: string | null;
  skill: string;
  locked: boolean;
}

/** A stored shift as the schedule engine reads it (coverage, rule checks, locks for a re-solve). */
export function toAssignment(shift: ScheduleShift): ShiftAssignment {
  return {
    agentId: String(shift.agentId),
    day: shift.day,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    segments: shift.segments,
    breaks: shift.breaks,
    skill: shift.skill,
    ...(shift.templateId !== null && { templateId: shift.templateId }),
    locked: shift.locked,
  };
}

/**
 * The inverse of `toAssignment`: an engine assignment of the week whose dates are `weekDates` (Monday first) as a
 * shift to store. `toAssignment(fromAssignment(a))` gives back `a` (with its date filled in).
 */
export function fromAssignment(assignment: ShiftAssignment, weekDates: readonly string[]): Omit<ScheduleShift, 'id'> {
  return {
    agentId: Number(assignment.agentId),
    day: assignment.day,
    date: weekDates[assignment.day],
    start: assignment.start,
    end: assignment.end,
    segments: assignment.segments.map((s) => ({ start: s.start, end: s.end })),
    breaks: assignment.breaks.map((b) => ({ start: b.start, end: b.end, kind: b.kind, paid: b.paid })),
    templateId: assignment.templateId ?? null,
    skill: assignment.skill,
    locked: assignment.locked === true,
  };
}

/** An agent without saved scheduling preferences. */
export const NO_PREFERENCES: AgentSchedulePreferences = { fixedWeekdaysOff: [], availability: [], preferences: [] };

/**
 * The one place an agent's saved scheduling preferences meet the engine's agent: fixed days off, preferences, and
 * availability (replacing any the agent had; none saved means available whenever the contract allows).
 */
export function withAgentPreferences(agent: AgentInput, saved: AgentSchedulePreferences): AgentInput {
  const { availability: _replaced, ...rest } = agent;
  return {
    ...rest,
    ...(saved.availability.length > 0 && { availability: saved.availability }),
    fixedWeekdaysOff: saved.fixedWeekdaysOff,
    preferences: saved.preferences,
  };
}

/**
 * The one assembly of a week's schedule input: its agents as the engine reads them, the templates, the week's
 * requirement curves and (for a re-solve) the locked shifts. The service solves it; the Schedule area checks rules
 * and coverage against the same problem (`problemOfView`).
 */
export function scheduleInputOf(week: {
  weekStart: string;
  timeZone: string;
  agents: readonly AgentInput[];
  templates: readonly ShiftTemplateInput[];
  requirements: Pick<WeekRequirements, 'intervalMinutes' | 'series'>;
  locked?: readonly ShiftAssignment[];
}): ScheduleInput {
  return {
    startDate: week.weekStart,
    timeZone: week.timeZone,
    agents: [...week.agents],
    templates: [...week.templates],
    requirements: { intervalMinutes: week.requirements.intervalMinutes, days: 7, series: week.requirements.series },
    ...(week.locked && { locked: [...week.locked] }),
  };
}

/**
 * Stored shifts as coverage counts them: a new hire in ramp covers their load only (25% → 0.25 of an agent), as in
 * the capacity plan. Used by the Schedule area and its exports, so the screen and the files agree.
 */
export function coverageAssignments(shifts: ScheduleShift[], agents: Pick<ScheduleAgent, 'id' | 'ramp'>[]): (ShiftAssignment & { load?: number })[] {
  const loads = new Map(agents.filter((a) => a.ramp).map((a) => [a.id, a.ramp!.load]));
  return shifts.map((shift) => (loads.has(shift.agentId) ? { ...toAssignment(shift), load: loads.get(shift.agentId) } : toAssignment(shift)));
}

/**
 * The engine's problem for a stored schedule (its agents, templates and requirements), for rule checks in the
 * renderer and the service alike; undefined when the stored pieces no longer parse.
 */
export function problemOfView(view: Pick<ScheduleView, 'schedule' | 'timeZone' | 'agents' | 'templates' | 'requirements'>): ScheduleProblem | undefined {
  try {
    return parseScheduleInput(
      scheduleInputOf({ weekStart: view.schedule.weekStart, timeZone: view.timeZone, agents: view.agents.map((a) => a.engine), templates: view.templates, requirements: view.requirements }),
    );
  } catch {
    return undefined;
  }
}

export interface ScheduleAgent {
  id: number;
  name: string;
  team: string;
  skills: string[];
  /** The agent as the schedule engine reads it (id is the agent id as text). */
  engine: AgentInput;
  preferences: AgentSchedulePreferences;
  /** A new hire of the linked capacity plan, in ramp this week: coverage counts them at `load`; load 0 is training. */
  ramp?: { load: number; rampWeek: number; rampWeeks: number; classLabel: string; focus: string };
}

/** What the solver said at the last solve; coverage after later edits is recomputed from the shifts. */
export interface SolveReport {
  summary: ScheduleSummary;
  explanations: ShortfallExplanation[];
  violations: RuleViolation[];
  timeLimitSec: number;
  /** Shifts kept as locked in that solve. */
  lockedKept: number;
  /** True when the planner pressed Stop and the best schedule found by then was kept. */
  stoppedEarly: boolean;
}

export interface ScheduleView {
  schedule: ScheduleMeta;
  settings: ScheduleSettings;
  timeZone: string;
  agents: ScheduleAgent[];
  templates: ShiftTemplateInput[];
  requirements: WeekRequirements;
  shifts: ScheduleShift[];
  solve: SolveReport | null;
  /** Every version of this week, newest first. */
  versions: ScheduleMeta[];
}

export interface ScheduleOverview {
  timeZone: string;
  agentCount: number;
  /** The week the area opens on: the first week after the history when a forecast covers it, else the last full history week. */
  suggestedWeek: string | null;
  historyWeeks: { first: string; last: string } | null;
  /** Mondays of weeks a stored forecast run reaches. */
  forecastWeeks: string[];
  schedules: ScheduleMeta[];
}

export interface ScheduleTemplate {
  id: string;
  name: string;
  definition: ShiftTemplateInput;
  /** In words: start window and step, length, breaks, rules. */
  description: string;
}

/** A template's key ('early', 'late-evening', …): shifts and preferences name their template by it. */
const templateKey = z.string().min(1, 'Name a template').max(40);
const MAX_SHIFT_MINUTES = 16 * 60;

/**
 * A shift template as the planner saves it: the engine's own template schema (so an error names the field, e.g.
 * `template.latestStart`) plus the app's limits. Its id is assigned by the app (the key), so it may be left out.
 */
/** Breaks one template may have (lunch, paid breaks, a third break on long shifts…). */
export const MAX_TEMPLATE_BREAKS = 6;

export const shiftTemplateSaveSchema = z
  .preprocess((value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { id: 'new', ...value } : value), ShiftTemplateSchema)
  .superRefine((t, ctx) => {
    // Zod runs these checks even when a field above failed (a non-aborting issue), so each one looks before it reads.
    if (typeof t.name === 'string' && (t.name.trim() === '' || t.name.length > 40)) ctx.addIssue({ code: 'custom', path: ['name'], message: 'A name of 1 to 40 characters' });
    if (t.earliestStart >= 1440) ctx.addIssue({ code: 'custom', path: ['earliestStart'], message: 'The first start is before 24:00' });
    if (t.latestStart >= 1440) ctx.addIssue({ code: 'custom', path: ['latestStart'], message: 'The last start is before 24:00' });
    if (t.startStepMinutes < 5) ctx.addIssue({ code: 'custom', path: ['startStepMinutes'], message: 'Starts are at least 5 minutes apart' });
    // An empty list would mean "never" (no weekday, no skill); leaving the field out means "every".
    if (Array.isArray(t.weekdays) && t.weekdays.length === 0) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Pick at least one weekday (all seven: every day)' });
    if (Array.isArray(t.skills) && t.skills.length === 0) ctx.addIssue({ code: 'custom', path: ['skills'], message: 'Pick at least one skill (none picked: any skill)' });
    if (Array.isArray(t.breaks) && t.breaks.length > MAX_TEMPLATE_BREAKS) ctx.addIssue({ code: 'custom', path: ['breaks'], message: `At most ${MAX_TEMPLATE_BREAKS} breaks a shift` });
    if (!Array.isArray(t.segments)) return;
    if (t.segments.length > 2) ctx.addIssue({ code: 'custom', path: ['segments'], message: 'A shift has one working part, or two for a split shift' });
    const last = t.segments[t.segments.length - 1];
    if (last && last.offsetMinutes + last.lengthMinutes > MAX_SHIFT_MINUTES) {
      ctx.addIssue({ code: 'custom', path: ['segments', t.segments.length - 1, 'lengthMinutes'], message: 'A shift lasts at most 16 hours from its start' });
    }
  });

export interface ScheduleExportFile {
  fileName: string;
  mimeType: string;
  /** 'base64' for binary files (XLSX, zip). */
  encoding: 'utf8' | 'base64';
  content: string;
  agentId?: number;
}

export interface ShiftEditResult {
  /** The schedule the edit landed in: a new draft when the one edited was published. */
  scheduleId: number;
  newDraft: boolean;
  /** Ids of the edited shifts in that schedule (they change when a draft is copied). */
  shiftIds: number[];
}

export const scheduleChannels = {
  'schedule.overview': { request: z.object({}).strict(), response: returns<ScheduleOverview>() },
  'schedule.templates': { request: z.object({}).strict(), response: returns<ScheduleTemplate[]>() },
  /** Adds a template (no id) or replaces one (its id); the next Generate uses it. Schedules already made keep theirs. */
  'schedule.templates.save': {
    request: z.object({ id: templateKey.optional(), template: shiftTemplateSaveSchema }).strict(),
    response: returns<ScheduleTemplate>(),
  },
  /**
   * Removes a template from the next Generates. Schedules already made keep their own copy of the templates they
   * were solved with and their shifts keep the template id, so they show and check as before. The last template
   * cannot be removed.
   */
  'schedule.templates.delete': { request: z.object({ id: templateKey }).strict(), response: returns<{ deleted: boolean }>() },
  'schedule.requirements': {
    request: z
      .object({
        weekStart: monday,
        intervalMinutes: z.union([z.literal(15), z.literal(30)]).optional(),
        /** Move deferred work arriving outside every shift template into the next covered hours. */
        deferOutsideShifts: z.boolean().optional(),
      })
      .strict(),
    response: returns<WeekRequirements>(),
  },
  /** Solves a week as a job. With scheduleId, that schedule's locked shifts are kept and a draft is re-solved in place. */
  'schedule.generate': {
    request: z
      .object({
        weekStart: monday,
        timeLimitSec: scheduleTimeLimitSchema,
        intervalMinutes: z.union([z.literal(15), z.literal(30)], { error: 'Intervals are 15 or 30 minutes' }).optional(),
        scheduleId: id.optional(),
        /** As in schedule.requirements: deferred work outside every shift template moves into covered hours. */
        deferOutsideShifts: z.boolean().optional(),
        /** Re-solve although the locked shifts themselves make a rule impossible (the planner saw the list). */
        acceptLockConflicts: z.boolean().optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  /** Stops a running solve and keeps the best schedule found so far (jobs.cancel discards it instead). */
  'schedule.stop': { request: z.object({ jobId: jobIdField }).strict(), response: returns<{ stopping: boolean }>() },
  'schedule.view': { request: scheduleId, response: returns<ScheduleView>() },
  'schedule.updateShift': {
    request: z
      .object({
        scheduleId: id,
        shiftId: id,
        times: shiftTimesSchema,
        /** Moves the shift to another agent and/or day (a drag across rows or days); absent keeps both. */
        moveTo: z
          .object({
            agentId: id,
            day: z.number({ error: 'Days are 0 (Monday) to 6 (Sunday)' }).int().min(0, 'Days are 0 (Monday) to 6 (Sunday)').max(6, 'Days are 0 (Monday) to 6 (Sunday)'),
            /** The skill the shift serves for its new agent. */
            skill: z.string().min(1).max(40),
          })
          .strict()
          .optional(),
      })
      .strict(),
    response: returns<ShiftEditResult>(),
  },
  'schedule.addShift': {
    request: z
      .object({
        scheduleId: id,
        agentId: id,
        day: z.number().int().min(0).max(6),
        skill: z.string().min(1).max(40),
        templateId: z.string().min(1).max(40).nullable(),
        times: shiftTimesSchema,
      })
      .strict(),
    response: returns<ShiftEditResult>(),
  },
  'schedule.deleteShift': { request: z.object({ scheduleId: id, shiftId: id }).strict(), response: returns<ShiftEditResult>() },
  'schedule.lockShifts': {
    request: z.object({ scheduleId: id, shiftIds: z.array(id).min(1).max(10_000), locked: z.boolean() }).strict(),
    response: returns<ShiftEditResult>(),
  },
  /** Refused (conflict, listing them) while the shifts break rules, unless the planner confirmed that list. */
  'schedule.publish': {
    request: z.object({ scheduleId: id, acceptRuleViolations: z.boolean().optional() }).strict(),
    response: returns<ScheduleMeta>(),
  },
  'schedule.deleteDraft': { request: scheduleId, response: returns<{ deleted: boolean }>() },
  'schedule.export': {
    request: z
      .object({
        scheduleId: id,
        format: z.enum(['csv', 'xlsx', 'ics'], { error: 'Export as csv, xlsx or ics' }),
        /** ICS: one agent's calendar; without it, one zip holding a calendar file per agent. */
        agentId: id.optional(),
      })
      .strict(),
    response: returns<{ files: ScheduleExportFile[] }>(),
  },
  'schedule.agentPreferences.save': {
    request: z.object({ agentId: id, preferences: agentSchedulePreferencesSchema }).strict(),
    response: returns<AgentSchedulePreferences>(),
  },
};
