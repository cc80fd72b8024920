/**
 * The Schedule area's services: a week's requirements, solving it in a worker (Stop keeps the best schedule so
 * far), drag edits and locks (a published version is never changed: edits go to a new draft), publishing, exports.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { fromAssignment, NO_PREFERENCES, problemOfView, scheduleInputOf, toAssignment, withAgentPreferences, type ScheduleAgent, type ScheduleMeta, type ScheduleOverview, type ScheduleTemplate, type ScheduleView, type ShiftEditResult } from '../../shared/api/channels/schedule';
import {
  checkScheduleRules,
  DEFAULT_TEMPLATES,
  lockConflicts,
  parseScheduleInput,
  ShiftTemplateSchema,
  type AgentInput,
  type ShiftTemplateInput,
} from '../../shared/engine/schedule';
import { getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import { queueHistoryRange } from '../../db/repositories/intervals';
import {
  addShift,
  agentExists,
  deactivateTemplate,
  deleteDraft,
  deleteShift,
  editSchedule,
  getSchedule,
  getTemplateRow,
  insertTemplate,
  listScheduleAgents,
  listSchedules,
  listShifts,
  listTemplates,
  publishSchedule,
  saveAgentPreferences,
  saveSolvedSchedule,
  setShiftsLocked,
  templateKeys,
  updateShiftTimes,
  moveShift,
  updateTemplate,
  type AgentRow,
  type NewShift,
} from '../../db/repositories/schedules';
import { exportCsv, exportIcs, exportIcsZip, exportXlsx } from './scheduleExports';
import { availableForShifts, hiresInWeek, withHireStatus } from './planHiresInSchedule';
import { forecastWeeks, weekRequirements } from './scheduleRequirements';
import { weekDates } from '../../shared/calendar/days';
import { lastCompleteWeek } from '../../shared/engine/requirements';
import type { Handlers, ServiceContext } from './handlers';
import { writeTransaction } from '../../db/writeTransaction';
import { formatClock, WEEKDAY_SHORT } from '../../shared/calendar/days';

type ScheduleHandlers = Pick<
  Handlers,
  | 'schedule.overview' | 'schedule.templates' | 'schedule.templates.save' | 'schedule.templates.delete' | 'schedule.requirements' | 'schedule.generate' | 'schedule.stop' | 'schedule.view'
  | 'schedule.updateShift' | 'schedule.addShift' | 'schedule.deleteShift' | 'schedule.lockShifts' | 'schedule.publish'
  | 'schedule.deleteDraft' | 'schedule.export' | 'schedule.agentPreferences.save'
>;

const DEFAULT_INTERVAL = 30;

export function scheduleHandlers(ctx: ServiceContext): ScheduleHandlers {
  /** Stop flags of running solves, by job id (schedule.stop sets them; the job runner's cancel flag discards instead). */
  const stopFlags = new Map<string, Int32Array>();

  const scheduleOrThrow = (scheduleId: number) => {
    const stored = getSchedule(ctx.db(), scheduleId);
    if (!stored) throw new ApiError({ code: 'not_found', message: `Schedule ${scheduleId} does not exist (deleted, or the demo was reset)`, issues: [{ path: 'scheduleId', message: 'Unknown schedule' }] });
    return stored;
  };
  const zoneOf = (db: Database) => getWorkspace(db)?.timezone ?? 'UTC';
  const templatesOf = (db: Database) => listTemplates(db, DEFAULT_TEMPLATES);
  const parsedTemplates = (db: Database) => templatesOf(db).map((t) => ShiftTemplateSchema.parse(t.definition));

  const view = (scheduleId: number): ScheduleView => {
    const db = ctx.db();
    const stored = scheduleOrThrow(scheduleId);
    const agentRows = listScheduleAgents(db);
    const hires = hiresInWeek(db, stored.meta.weekStart);
    return {
      schedule: stored.meta,
      settings: stored.settings,
      timeZone: zoneOf(db),
      agents: withHireStatus(agentRows.filter((a) => a.skills.length > 0).map((a) => toScheduleAgent(a, zoneOf(db))), hires),
      templates: stored.templates,
      requirements: stored.requirements,
      shifts: listShifts(db, scheduleId),
      solve: stored.solve,
      versions: listSchedules(db, stored.meta.weekStart),
    };
  };

  const edit = (scheduleId: number, apply: (draftId: number, mapId: (shiftId: number) => number) => number[]): ShiftEditResult => {
    scheduleOrThrow(scheduleId);
    return editSchedule(ctx.db(), scheduleId, apply);
  };
  const templateNotFound = (key: string) =>
    new ApiError({
      code: 'not_found',
      message: `There is no template “${key}”${getTemplateRow(ctx.db(), key) ? ' any more (it was removed)' : ''}`,
      issues: [{ path: 'id', message: 'Unknown template' }],
    });
  const shiftNotFound = (shiftId: number) =>
    new ApiError({ code: 'not_found', message: `Shift ${shiftId} is not in this schedule (reload it: it may have been re-solved)`, issues: [{ path: 'shiftId', message: 'Unknown shift' }] });

  return {
    'schedule.overview': async (): Promise<ScheduleOverview> => {
      await ctx.workspaceReady();
      const db = ctx.db();
      let first: string | undefined;
      let last: string | undefined;
      for (const queue of queueSummaries(db)) {
        const range = queueHistoryRange(db, queue.id);
        if (!range) continue;
        if (!first || range.first < first) first = range.first;
        if (!last || range.last > last) last = range.last;
      }
      const lastFull = lastCompleteWeek(last);
      const firstFull = first ? DateTime.fromISO(first.slice(0, 10)).plus({ days: 6 }).startOf('week').toISODate()! : undefined;
      const forecasts = forecastWeeks(db);
      const schedules = listSchedules(db);
      // The first Monday after the history ends: the week a planner schedules next.
      const dayAfter = last ? DateTime.fromISO(last.slice(0, 10)).plus({ days: 1 }) : undefined;
      const nextWeek = dayAfter ? (dayAfter.weekday === 1 ? dayAfter : dayAfter.startOf('week').plus({ weeks: 1 })).toISODate()! : undefined;
      const suggestedWeek =
        schedules.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.weekStart ??
        (nextWeek && forecasts.includes(nextWeek) ? nextWeek : undefined) ??
        forecasts[0] ??
        lastFull ??
        null;
      return {
        timeZone: zoneOf(db),
        agentCount: listScheduleAgents(db).length,
        suggestedWeek,
        historyWeeks: firstFull && lastFull && firstFull <= lastFull ? { first: firstFull, last: lastFull } : null,
        forecastWeeks: forecasts,
        schedules: listSchedules(db),
      };
    },

    'schedule.templates': () => templatesOf(ctx.db()).map(toScheduleTemplate),

    'schedule.templates.save': ({ id, template }) => {
      const db = ctx.db();
      return writeTransaction(db, (): ScheduleTemplate => {
        const current = templatesOf(db); // seeds the defaults first, so a first save does not replace them
        const name = template.name.trim();
        if (id !== undefined && !current.some((t) => t.key === id)) throw templateNotFound(id);
        if (current.some((t) => t.key !== id && t.name.toLowerCase() === name.toLowerCase())) {
          throw new ApiError({ code: 'conflict', message: `There is already a template called “${name}”`, issues: [{ path: 'template.name', message: 'Already taken' }] });
        }
        const key = id ?? newTemplateKey(name, templateKeys(db));
        const unknown = template.cannotFollow.filter((k) => k !== key && !current.some((t) => t.key === k));
        if (unknown.length > 0) {
          throw new ApiError({ code: 'invalid_request', message: `“Cannot follow” names templates that do not exist: ${unknown.join(', ')}`, issues: [{ path: 'template.cannotFollow', message: 'Unknown template' }] });
        }
        const definition: ShiftTemplateInput = { ...template, id: key, name };
        if (id === undefined) insertTemplate(db, key, name, definition);
        else updateTemplate(db, key, name, definition);
        return toScheduleTemplate({ key, name, definition });
      });
    },

    'schedule.templates.delete': ({ id }) => {
      const db = ctx.db();
      return writeTransaction(db, () => {
        const current = templatesOf(db);
        if (!current.some((t) => t.key === id)) throw templateNotFound(id);
        if (current.length === 1) {
          throw new ApiError({ code: 'conflict', message: 'A week is solved from at least one template: add another before removing the last one', issues: [{ path: 'id', message: 'The last template' }] });
        }
        return { deleted: deactivateTemplate(db, id) };
      });
    },

    'schedule.requirements': async ({ weekStart, intervalMinutes, deferOutsideShifts }) => {
      await ctx.workspaceReady();
      return weekRequirements(ctx.db(), weekStart, intervalMinutes ?? DEFAULT_INTERVAL, { templates: parsedTemplates(ctx.db()), deferOutsideShifts });
    },

    'schedule.generate': async ({ weekStart, timeLimitSec, intervalMinutes, scheduleId, acceptLockConflicts, deferOutsideShifts }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const base = scheduleId === undefined ? undefined : scheduleOrThrow(scheduleId);
      if (base && base.meta.weekStart !== weekStart) {
        throw new ApiError({ code: 'invalid_request', message: `Schedule ${scheduleId} is for the week of ${base.meta.weekStart}, not ${weekStart}`, issues: [{ path: 'scheduleId', message: 'Another week' }] });
      }
      const interval = intervalMinutes ?? base?.settings.intervalMinutes ?? DEFAULT_INTERVAL;
      const requirements = weekRequirements(db, weekStart, interval, { templates: parsedTemplates(db), deferOutsideShifts });
      if (requirements.series.length === 0) {
        throw new ApiError({ code: 'not_found', message: 'There are no queues to schedule for: import contact history in the Data area (or reset the demo).' });
      }
      const zone = zoneOf(db);
      // The linked plan's new hires: not yet started, or in a training week, they get no shifts.
      const agents = withHireStatus(listScheduleAgents(db).filter((a) => a.skills.length > 0), hiresInWeek(db, weekStart)).filter(availableForShifts);
      if (agents.length === 0) throw new ApiError({ code: 'not_found', message: 'There are no agents with skills to schedule: reset the demo in the Data area.' });
      const templates = templatesOf(db).map((t) => t.definition);
      const knownAgents = new Set(agents.map((a) => a.id));
      const locked = base ? listShifts(db, base.meta.id).filter((s) => s.locked && knownAgents.has(s.agentId)) : [];
      const input = scheduleInputOf({ weekStart, timeZone: zone, agents: agents.map((a) => toEngineAgent(a, zone)), templates, requirements, locked: locked.map(toAssignment) });
      let problem;
      try {
        problem = parseScheduleInput(input);
      } catch (error) {
        throw new ApiError({ code: 'invalid_request', message: `The schedule input is not valid: ${(error as Error).message}` });
      }
      // Locks are fixed inside the model, so the solver keeps every rule around them when any week can; when the
      // locks themselves rule that out, say which lock and which rule now, not as violations after the solve.
      const conflicts = acceptLockConflicts ? [] : lockConflicts(problem);
      if (conflicts.length > 0) {
        throw new ApiError({
          code: 'conflict',
          message: `The locked shifts make ${conflicts.length === 1 ? 'a rule' : `${conflicts.length} rules`} impossible to keep: ${conflicts.map((c) => c.message).join('; ')}. Unlock or move them, or re-solve anyway.`,
          issues: conflicts.map((c) => ({ path: 'locks', message: c.message })),
        });
      }
      const stopBuffer = new SharedArrayBuffer(4);
      const handle = ctx.jobs.start('schedule.generate', 'schedule.generate', { input, timeLimitSec, stopFlag: stopBuffer }, (result) => {
        const dates = weekDates(weekStart);
        const shifts: NewShift[] = result.assignments.map((a) => fromAssignment(a, dates));
        const id = saveSolvedSchedule(
          db,
          {
            weekStart,
            settings: { timeLimitSec, intervalMinutes: interval },
            requirements,
            templates,
            solve: { summary: result.summary, explanations: result.explanations, violations: result.violations, timeLimitSec, lockedKept: locked.length, stoppedEarly: result.stoppedEarly },
            shifts,
          },
          base?.meta.id,
        );
        const saved = getSchedule(db, id)!.meta;
        const s = result.summary;
        const bound = s.lowerBoundUnderHours === undefined ? '' : ` (least possible ${round1(s.lowerBoundUnderHours)})`;
        return {
          message: `${result.stoppedEarly ? `Stopped at ${Math.round(s.seconds)} s; kept the best schedule found. ` : ''}Week of ${weekStart}, version ${saved.version} (draft): ${shifts.length} shifts, ${round1(s.underHours)} agent-hours short${bound}, ${round1(s.overHours)} over, ${s.ruleViolations} rule violations, ${Math.round(s.seconds)} s.`,
          result: { scheduleId: id },
        };
      });
      stopFlags.set(handle.jobId, new Int32Array(stopBuffer));
      void ctx.jobs.wait(handle.jobId)?.then(() => stopFlags.delete(handle.jobId));
      return handle;
    },

    'schedule.stop': ({ jobId }) => {
      const flag = stopFlags.get(jobId);
      if (!flag) return { stopping: false };
      Atomics.store(flag, 0, 1);
      return { stopping: true };
    },

    'schedule.view': ({ scheduleId }) => view(scheduleId),

    'schedule.updateShift': ({ scheduleId, shiftId, times, moveTo }) => {
      const db = ctx.db();
      if (moveTo && !agentExists(db, moveTo.agentId)) throw new ApiError({ code: 'not_found', message: `Agent ${moveTo.agentId} does not exist`, issues: [{ path: 'moveTo.agentId', message: 'Unknown agent' }] });
      const weekStart = moveTo && scheduleOrThrow(scheduleId).meta.weekStart;
      // Times and the new agent/day in one transaction: a move is one edit, never a delete and an add.
      return edit(scheduleId, (draftId, mapId) => {
        const id = mapId(shiftId);
        if (!updateShiftTimes(db, draftId, id, times)) throw shiftNotFound(shiftId);
        if (moveTo && weekStart) moveShift(db, draftId, id, { ...moveTo, date: weekDates(weekStart)[moveTo.day] });
        return [id];
      });
    },

    'schedule.addShift': ({ scheduleId, agentId, day, skill, templateId, times }) => {
      const db = ctx.db();
      if (!agentExists(db, agentId)) throw new ApiError({ code: 'not_found', message: `Agent ${agentId} does not exist`, issues: [{ path: 'agentId', message: 'Unknown agent' }] });
      const weekStart = scheduleOrThrow(scheduleId).meta.weekStart;
      return edit(scheduleId, (draftId) => [addShift(db, draftId, { agentId, day, date: weekDates(weekStart)[day], ...times, templateId, skill, locked: false })]);
    },

    'schedule.deleteShift': ({ scheduleId, shiftId }) =>
      edit(scheduleId, (draftId, mapId) => {
        if (!deleteShift(ctx.db(), draftId, mapId(shiftId))) throw shiftNotFound(shiftId);
        return [];
      }),

    'schedule.lockShifts': ({ scheduleId, shiftIds, locked }) =>
      edit(scheduleId, (draftId, mapId) => {
        const changed = setShiftsLocked(ctx.db(), draftId, shiftIds.map(mapId), locked);
        if (changed.length === 0) throw shiftNotFound(shiftIds[0]);
        return changed;
      }),

    'schedule.publish': ({ scheduleId, acceptRuleViolations }): ScheduleMeta => {
      const stored = scheduleOrThrow(scheduleId);
      if (stored.meta.status === 'published') {
        throw new ApiError({ code: 'conflict', message: `Version ${stored.meta.version} of the week of ${stored.meta.weekStart} is already published` });
      }
      const broken = acceptRuleViolations ? [] : ruleViolationsOf(view(scheduleId));
      if (broken.length > 0) {
        throw new ApiError({
          code: 'conflict',
          message: `Version ${stored.meta.version} breaks ${broken.length} rule${broken.length === 1 ? '' : 's'}: ${broken.map((v) => v.message).join('; ')}. Confirm to publish it anyway.`,
          issues: broken.map((v) => ({ path: 'acceptRuleViolations', message: v.message })),
        });
      }
      ctx.backup('before-publish');
      publishSchedule(ctx.db(), scheduleId);
      return getSchedule(ctx.db(), scheduleId)!.meta;
    },

    'schedule.deleteDraft': ({ scheduleId }) => {
      const stored = scheduleOrThrow(scheduleId);
      if (stored.meta.status === 'published') throw new ApiError({ code: 'conflict', message: 'A published version is kept as the record of what was sent out; only drafts can be deleted' });
      return { deleted: deleteDraft(ctx.db(), scheduleId) };
    },

    'schedule.export': async ({ scheduleId, format, agentId }) => {
      const v = view(scheduleId);
      if (agentId !== undefined && !v.agents.some((a) => a.id === agentId)) {
        throw new ApiError({ code: 'not_found', message: `Agent ${agentId} is not in this schedule`, issues: [{ path: 'agentId', message: 'Unknown agent' }] });
      }
      if (format === 'csv') return { files: [exportCsv(v)] };
      if (format === 'xlsx') return { files: [await exportXlsx(v)] };
      return { files: agentId === undefined ? [exportIcsZip(v)] : exportIcs(v, agentId) };
    },

    'schedule.agentPreferences.save': ({ agentId, preferences }) => {
      const db = ctx.db();
      if (!agentExists(db, agentId)) throw new ApiError({ code: 'not_found', message: `Agent ${agentId} does not exist`, issues: [{ path: 'agentId', message: 'Unknown agent' }] });
      saveAgentPreferences(db, agentId, preferences);
      return preferences;
    },
  };
}

/**
 * A stored agent as the engine reads it. The contract's "weekends per 4 weeks" becomes at most one weekend in a
 * one-week plan (none when the contract allows none).
 */
export function toEngineAgent(agent: AgentRow, siteZone: string): AgentInput {
  const c = agent.contract;
  const engineAgent: AgentInput = {
    id: String(agent.id),
    name: agent.name,
    team: agent.team,
    skills: agent.skills,
    contract: {
      ...(c.minMinutesPerWeek !== undefined && { minMinutesPerWeek: c.minMinutesPerWeek }),
      ...(c.maxMinutesPerWeek !== undefined && { maxMinutesPerWeek: c.maxMinutesPerWeek }),
      ...(c.maxShiftsPerWeek !== undefined && { maxShiftsPerWeek: c.maxShiftsPerWeek }),
      ...(c.maxConsecutiveDays !== undefined && { maxConsecutiveWorkingDays: c.maxConsecutiveDays }),
      ...(c.minConsecutiveDaysOff !== undefined && { minConsecutiveDaysOff: c.minConsecutiveDaysOff }),
      ...(c.maxWeekendsPer4Weeks !== undefined && { maxWeekendsPerPeriod: Math.min(1, c.maxWeekendsPer4Weeks) }),
    },
    timeZone: agent.timezone || siteZone,
  };
  return withAgentPreferences(engineAgent, agent.preferences ?? NO_PREFERENCES);
}

/** The rules the schedule's shifts break as they are now (after edits, not as of the last solve). */
function ruleViolationsOf(v: ScheduleView) {
  const problem = problemOfView(v);
  return problem ? checkScheduleRules(problem, v.shifts.map(toAssignment)) : [];
}

function toScheduleAgent(agent: AgentRow, siteZone: string): ScheduleAgent {
  return { id: agent.id, name: agent.name, team: agent.team, skills: agent.skills, engine: toEngineAgent(agent, siteZone), preferences: agent.preferences ?? NO_PREFERENCES };
}

function toScheduleTemplate(t: { key: string; name: string; definition: ShiftTemplateInput }): ScheduleTemplate {
  return { id: t.key, name: t.name, definition: t.definition, description: describeTemplate(t.definition) };
}

/** A key for a new template from its name ('Late evening' → 'late-evening'), never one used before. */
function newTemplateKey(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'template';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

export function describeTemplate(input: ShiftTemplateInput): string {
  const t = ShiftTemplateSchema.parse(input);
  const starts = t.earliestStart === t.latestStart ? `starts at ${formatClock(t.earliestStart)}` : `starts ${formatClock(t.earliestStart)}–${formatClock(t.latestStart)} every ${t.startStepMinutes} min`;
  const spans = t.segments.map((s) => hours(s.lengthMinutes)).join(' + ');
  const gap = t.segments.length > 1 ? ` (split: ${t.segments.slice(1).map((s, i) => `${hours(s.offsetMinutes - t.segments[i].offsetMinutes - t.segments[i].lengthMinutes)} unpaid gap`).join(', ')})` : '';
  const breaks = t.breaks.map((b) => `${b.lengthMinutes}-min ${b.paid ? 'paid' : 'unpaid'} ${b.kind} ${hours(b.windowStartMinutes)}–${hours(b.windowEndMinutes)} in`).join('; ');
  const rules = [
    ...(t.cannotFollow.length > 0 ? [`not the day after ${t.cannotFollow.join(', ')}`] : []),
    ...(t.weekdays ? [`only on ${t.weekdays.map((d) => WEEKDAY_SHORT[d]).join(', ')}`] : []),
    ...(t.skills ? [`only for ${t.skills.join(', ')}`] : []),
  ];
  return `${starts}; works ${spans}${gap}${breaks ? `; ${breaks}` : ''}${rules.length ? `; ${rules.join('; ')}` : ''}.`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
