/**
 * The Schedule area: which week, the solve job, the schedule on screen and its live coverage and rule checks.
 * Coverage and rule violations are recomputed here, in the renderer, with the engine's own pure functions, so a
 * drag shows its effect at once; the edit is then saved, and a published version's edit lands in a new draft.
 */
import { create } from 'zustand';
import type {
  AgentSchedulePreferences,
  ScheduleExportFile,
  ScheduleOverview,
  ScheduleShift,
  ScheduleTemplate,
  ScheduleView,
  ShiftEditResult,
  ShiftTimes,
  WeekRequirements,
} from '../../../shared/api/channels/schedule';
import { coverageAssignments, problemOfView, SCHEDULE_TIME_LIMITS, scheduleTimeLimitSchema, toAssignment, withAgentPreferences } from '../../../shared/api/channels/schedule';
// Imported from their modules, not the engine's index, so the solver (and its WebAssembly) stays out of the renderer.
import { computeCoverage, type CoverageReport } from '../../../shared/engine/schedule/coverage';
import { checkScheduleRules, recheckAgents, type RuleViolation } from '../../../shared/engine/schedule/rules';
import { placeBreaks } from '../../../shared/engine/schedule/breaks';
import { formatClock as clockOf } from '../../../shared/engine/schedule/time';
import type { ScheduleProblem, ShiftAssignment } from '../../../shared/engine/schedule/model';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import { api } from '../api';
import { parseNumberField } from '../components/parseNumber';
import { onJobDone } from './jobsStore';
import { addDays, WEEKDAY_SHORT } from '../../../shared/calendar/days';

/**
 * One edit the planner can undo: the shift's times before and after, a lock change, or a shift added or removed
 * (those keep the whole shift, since undoing a removal adds it back under a new id).
 */
export type EditEntry =
  /** `from`/`to`: the agent, day and skill before and after, when the edit moved the shift to another row or day. */
  | { kind: 'times'; label: string; shiftId: number; before: ShiftTimes; after: ShiftTimes; from?: ShiftPlace; to?: ShiftPlace }
  | { kind: 'lock'; label: string; shiftIds: number[]; locked: boolean }
  | { kind: 'remove' | 'add'; label: string; shift: ScheduleShift };

/** Where a shift sits: whose row, which day, and the skill it serves for that agent. */
export interface ShiftPlace {
  agentId: number;
  day: number;
  skill: string;
}

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

interface ScheduleStore {
  overview?: ScheduleOverview;
  templates: ScheduleTemplate[];
  weekStart?: string;
  timeLimit: string;
  intervalMinutes: 15 | 30;
  errors: Partial<Record<'timeLimit' | 'form', string>>;
  notice?: Notice;
  /** Requirements of the chosen week before any schedule exists (what Generate will use). */
  weekRequirements?: WeekRequirements;
  jobId?: string;
  stopping: boolean;
  view?: ScheduleView;
  shifts: ScheduleShift[];
  problem?: ScheduleProblem;
  coverage?: CoverageReport;
  violations: RuleViolation[];
  /** Shifts edited since the last solve: the solver's explanations describe the schedule before them. */
  editsSinceSolve: number;
  /** Milliseconds the last coverage (and rule) recomputation took in the renderer. */
  recomputeMs?: number;
  selectedShiftId?: number;
  selectedAgentId?: number;
  /** Day the agent panel offers for a new shift (set by double-clicking an empty day). */
  selectedDay?: number;
  busy: boolean;
  /** Edits of the open schedule, oldest first (undo takes the last), and the edits undone (redo takes the last). */
  history: EditEntry[];
  undone: EditEntry[];
  /** The planner chose to move deferred work outside every shift template into the next covered hours. */
  deferOutsideShifts: boolean;
  /** What the locked shifts make impossible, said before solving; Re-solve anyway sends the solve regardless. */
  lockConflicts?: string[];

  init(): Promise<void>;
  selectWeek(weekStart: string): Promise<void>;
  loadRequirements(): Promise<void>;
  set(patch: Partial<Pick<ScheduleStore, 'timeLimit' | 'intervalMinutes' | 'notice' | 'selectedShiftId' | 'selectedAgentId' | 'selectedDay' | 'lockConflicts' | 'deferOutsideShifts'>>): void;
  openSchedule(scheduleId: number): Promise<void>;
  generate(acceptLockConflicts?: boolean): Promise<void>;
  stop(): Promise<void>;
  /** Live coverage while dragging: the shift as it would be (null ends the preview). */
  preview(shiftId: number, times: ShiftTimes | null, moveTo?: ShiftPlace): void;
  /** Saves new times; with `moveTo` the shift also goes to another agent and/or day (one edit, one undo step). */
  commit(shiftId: number, times: ShiftTimes, moveTo?: ShiftPlace): Promise<void>;
  setLocked(shiftIds: number[], locked: boolean): Promise<void>;
  removeShift(shiftId: number): Promise<void>;
  addShift(agentId: number, day: number, templateId: string, start: number, skill: string): Promise<void>;
  /** acceptRuleViolations: the planner confirmed the list of rules the shifts break. */
  publish(acceptRuleViolations?: boolean): Promise<void>;
  /** Ctrl+Z / Ctrl+Shift+Z: reverts or re-applies the last edit, saved like any edit. */
  undo(): Promise<void>;
  redo(): Promise<void>;
  deleteDraft(): Promise<void>;
  exportFiles(format: 'csv' | 'xlsx' | 'ics', agentId?: number): Promise<ScheduleExportFile[]>;
  savePreferences(agentId: number, preferences: AgentSchedulePreferences): Promise<void>;
  /** Adds (no id) or replaces a shift template; returns the field issues when the backend refused it. */
  saveTemplate(id: string | undefined, template: Record<string, unknown>): Promise<{ issues: FieldIssue[]; message: string } | undefined>;
  deleteTemplate(id: string): Promise<void>;
}

/**
 * Coverage and (withRules) the rule check of the shifts as they are. `edited`: only these agents' shifts changed since
 * `violations` were found, so only they are rechecked (a 500-agent week: one or two agents, not all).
 */
function recompute(view: ScheduleView, problem: ScheduleProblem | undefined, shifts: ScheduleShift[], withRules: boolean, edited?: { violations: RuleViolation[]; agentIds: Set<string> }) {
  const started = performance.now();
  const assignments = shifts.map(toAssignment);
  const coverage = computeCoverage({ intervalMinutes: view.requirements.intervalMinutes, days: 7, series: view.requirements.series }, coverageAssignments(shifts, view.agents));
  const violations = !withRules || !problem ? undefined : edited ? recheckAgents(problem, edited.violations, assignments, edited.agentIds) : checkScheduleRules(problem, assignments);
  return { coverage, ...(violations && { violations }), recomputeMs: performance.now() - started };
}

export const useSchedule = create<ScheduleStore>((set, get) => {
  /** Applies an edit result: a new draft is opened (ids changed); otherwise the optimistic state stands. */
  const afterEdit = async (result: ShiftEditResult, what: string) => {
    const before = get().view;
    if (result.newDraft) {
      await get().openSchedule(result.scheduleId);
      // The new draft holds this edit on top of the solve (opening it counted none).
      set({ editsSinceSolve: 1 });
      set({ notice: { kind: 'ok', text: `Version ${before?.schedule.version} is published and stays as it was; ${what} went into a new draft, version ${get().view?.schedule.version}.` } });
      void refreshOverview();
    }
  };
  const refreshOverview = async () => set({ overview: await api['schedule.overview']({}) });
  const fail = (error: unknown, what: string) => set({ notice: { kind: 'error', text: `${what}: ${(error as Error).message}` } });

  /** Saves run one after another, so quick successive edits reach the database in the order they were made. */
  let saving: Promise<unknown> = Promise.resolve();

  /**
   * Replaces shifts optimistically, recomputes coverage and rules, and queues the save; reverts on failure. An
   * edit of a published version holds further edits (busy) until its new draft is open, since shift ids change.
   */
  const editShifts = async (next: ScheduleShift[], save: () => Promise<ShiftEditResult>, what: string, entry?: (result: ShiftEditResult) => EditEntry) => {
    const { view, problem, shifts: previous } = get();
    if (!view || get().busy) return;
    const published = view.schedule.status === 'published';
    const edited = { violations: get().violations, agentIds: editedAgentIds(previous, next) };
    set({ shifts: next, ...recompute(view, problem, next, true, edited), editsSinceSolve: get().editsSinceSolve + 1, ...(published && { busy: true }) });
    const run = saving.then(async () => {
      try {
        const result = await save();
        await afterEdit(result, what);
        if (entry) record(entry(result), result.newDraft);
      } catch (error) {
        if (get().view?.schedule.id === view.schedule.id) set({ shifts: previous, ...recompute(view, problem, previous, true) });
        fail(error, 'Not saved');
      } finally {
        if (published) set({ busy: false });
      }
    });
    saving = run;
    await run;
  };

  /** Set while undo or redo replays an edit, so the replay is not recorded as a new edit. */
  let replaying = false;
  /**
   * Adds a finished edit to the history (a new edit clears what was undone). An edit that started a new draft begins
   * that draft's history: the published version's edits cannot be undone inside the draft.
   */
  const record = (entry: EditEntry, newDraft: boolean) => {
    if (replaying) return;
    set({ history: [...(newDraft ? [] : get().history), entry], undone: [] });
  };
  const shiftTimes = (shift: ScheduleShift): ShiftTimes => ({ start: shift.start, end: shift.end, segments: shift.segments, breaks: shift.breaks });
  /** Adds a whole shift back (undoing a removal, redoing an addition) and returns its new id. */
  const restoreShift = async (shift: ScheduleShift): Promise<number | undefined> => {
    const { view } = get();
    if (!view) return undefined;
    const result = await api['schedule.addShift']({ scheduleId: view.schedule.id, agentId: shift.agentId, day: shift.day, skill: shift.skill, templateId: shift.templateId, times: shiftTimes(shift) });
    if (result.newDraft) {
      await afterEdit(result, 'the restored shift');
    } else {
      const next = [...get().shifts, { ...shift, id: result.shiftIds[0], locked: false }];
      set({ shifts: next, ...recompute(view, get().problem, next, true), editsSinceSolve: get().editsSinceSolve + 1 });
    }
    return result.shiftIds[0];
  };
  /** Plays an edit forwards (redo) or backwards (undo) through the ordinary edit paths, so it is saved the same way. */
  const replay = async (entry: EditEntry, forwards: boolean): Promise<EditEntry> => {
    replaying = true;
    try {
      switch (entry.kind) {
        case 'times':
          await get().commit(entry.shiftId, forwards ? entry.after : entry.before, forwards ? entry.to : entry.from);
          return entry;
        case 'lock':
          await get().setLocked(entry.shiftIds, forwards ? entry.locked : !entry.locked);
          return entry;
        default: {
          const adding = (entry.kind === 'add') === forwards;
          if (!adding) {
            await get().removeShift(entry.shift.id);
            return entry;
          }
          const id = await restoreShift(entry.shift);
          return id === undefined ? entry : { ...entry, shift: { ...entry.shift, id } };
        }
      }
    } finally {
      replaying = false;
    }
  };

  return {
    templates: [],
    history: [],
    undone: [],
    deferOutsideShifts: false,
    timeLimit: String(SCHEDULE_TIME_LIMITS.default),
    intervalMinutes: 30,
    errors: {},
    stopping: false,
    shifts: [],
    violations: [],
    editsSinceSolve: 0,
    busy: false,

    async init() {
      try {
        const [overview, templates] = await Promise.all([api['schedule.overview']({}), api['schedule.templates']({})]);
        set({ overview, templates });
        const week = get().weekStart ?? overview.suggestedWeek;
        if (week) await get().selectWeek(week);
      } catch (error) {
        fail(error, 'Could not open the Schedule area');
      }
    },

    async selectWeek(weekStart) {
      set({ weekStart, weekRequirements: undefined, notice: undefined, selectedShiftId: undefined, lockConflicts: undefined });
      const latest = get().overview?.schedules.filter((s) => s.weekStart === weekStart).sort((a, b) => b.version - a.version)[0];
      if (latest) await get().openSchedule(latest.id);
      else set({ view: undefined, shifts: [], coverage: undefined, violations: [], problem: undefined });
      await get().loadRequirements();
    },

    async loadRequirements() {
      const { weekStart, intervalMinutes, deferOutsideShifts } = get();
      if (!weekStart) return;
      try {
        const weekRequirements = await api['schedule.requirements']({ weekStart, intervalMinutes, ...(deferOutsideShifts && { deferOutsideShifts }) });
        if (get().weekStart === weekStart) set({ weekRequirements });
      } catch (error) {
        fail(error, 'Could not read the week’s requirements');
      }
    },

    set: (patch) => set({ ...patch, errors: {} }),

    async openSchedule(scheduleId) {
      const view = await api['schedule.view']({ scheduleId });
      const problem = problemOfView(view);
      // Another schedule (or a re-solved one) starts a fresh history; ids of the old one mean nothing there.
      set({ history: [], undone: [] });
      set({
        view,
        problem,
        shifts: view.shifts,
        weekStart: view.schedule.weekStart,
        intervalMinutes: view.requirements.intervalMinutes,
        editsSinceSolve: 0,
        selectedShiftId: undefined,
        ...recompute(view, problem, view.shifts, true),
      });
    },

    async generate(acceptLockConflicts = false) {
      const { weekStart, timeLimit, intervalMinutes, view } = get();
      if (!weekStart) return;
      const limit = parseNumberField(timeLimit);
      // The request's own rule for the field, so the form and the service never disagree.
      const checked = limit.error ? undefined : scheduleTimeLimitSchema.safeParse(limit.value);
      if (!checked?.success) return set({ errors: { timeLimit: limit.error ?? checked!.error.issues[0].message } });
      try {
        const handle = await api['schedule.generate']({
          weekStart,
          timeLimitSec: checked.data,
          intervalMinutes,
          ...(view && view.schedule.weekStart === weekStart && { scheduleId: view.schedule.id }),
          ...(acceptLockConflicts && { acceptLockConflicts }),
          ...(get().deferOutsideShifts && { deferOutsideShifts: true }),
        });
        set({ jobId: handle.jobId, stopping: false, errors: {}, notice: undefined, lockConflicts: undefined });
      } catch (error) {
        const locks = error instanceof ApiError && error.code === 'conflict' ? error.issues.filter((i) => i.path === 'locks').map((i) => i.message) : [];
        if (locks.length > 0) set({ lockConflicts: locks, errors: {} });
        else set({ errors: { form: (error as Error).message } });
      }
    },

    async stop() {
      const { jobId } = get();
      if (!jobId) return;
      set({ stopping: true });
      await api['schedule.stop']({ jobId });
    },

    preview(shiftId, times, moveTo) {
      const { view, shifts } = get();
      if (!view) return;
      const next = times ? shifts.map((s) => (s.id === shiftId ? { ...s, ...times, ...(moveTo && placed(view, moveTo)) } : s)) : shifts;
      const { coverage, recomputeMs } = recompute(view, undefined, next, false);
      set({ coverage, recomputeMs });
    },

    async commit(shiftId, times, moveTo) {
      const { view, shifts } = get();
      if (!view) return;
      const current = shifts.find((s) => s.id === shiftId);
      if (!current) return;
      const from: ShiftPlace = { agentId: current.agentId, day: current.day, skill: current.skill };
      const move = moveTo && (moveTo.agentId !== from.agentId || moveTo.day !== from.day || moveTo.skill !== from.skill) ? moveTo : undefined;
      const next = shifts.map((s) => (s.id === shiftId ? { ...s, ...times, ...(move && placed(view, move)) } : s));
      const before = shiftTimes(current);
      const where = move ? ` to ${describePlace(view, move)}` : ' to';
      await editShifts(next, () => api['schedule.updateShift']({ scheduleId: view.schedule.id, shiftId, times, ...(move && { moveTo: move }) }), 'the edit', (result) => ({
        kind: 'times',
        label: `${!move && times.start === before.start && times.end !== before.end ? 'Resized' : 'Moved'} ${describeShift(view, current)}${where} ${clockOf(times.start)}–${clockOf(times.end)}`,
        shiftId: result.shiftIds[0] ?? shiftId,
        before,
        after: times,
        ...(move && { from, to: move }),
      }));
    },

    async setLocked(shiftIds, locked) {
      const { view, shifts } = get();
      if (!view || shiftIds.length === 0) return;
      const ids = new Set(shiftIds);
      const next = shifts.map((s) => (ids.has(s.id) ? { ...s, locked } : s));
      const first = shifts.find((s) => ids.has(s.id));
      await editShifts(next, () => api['schedule.lockShifts']({ scheduleId: view.schedule.id, shiftIds, locked }), locked ? 'the lock' : 'the unlock', (result) => ({
        kind: 'lock',
        label: `${locked ? 'Locked' : 'Unlocked'} ${shiftIds.length === 1 && first ? describeShift(view, first) : `${shiftIds.length} shifts`}`,
        shiftIds: result.shiftIds.length > 0 ? result.shiftIds : shiftIds,
        locked,
      }));
    },

    async removeShift(shiftId) {
      const { view, shifts } = get();
      if (!view) return;
      const removed = shifts.find((s) => s.id === shiftId);
      if (!removed) return;
      set({ selectedShiftId: undefined });
      await editShifts(shifts.filter((s) => s.id !== shiftId), () => api['schedule.deleteShift']({ scheduleId: view.schedule.id, shiftId }), 'the deletion', () => ({
        kind: 'remove',
        label: `Removed ${describeShift(view, removed)}`,
        shift: removed,
      }));
    },

    async addShift(agentId, day, templateId, start, skill) {
      const { view, problem, shifts } = get();
      if (!view || !problem) return;
      const template = problem.templates.find((t) => t.id === templateId);
      if (!template) return;
      const segments = template.segments.map((s) => ({ start: start + s.offsetMinutes, end: start + s.offsetMinutes + s.lengthMinutes }));
      const draft: ShiftAssignment = { agentId: String(agentId), day, start, end: segments[segments.length - 1].end, segments, breaks: [], skill, templateId };
      // Breaks go where the current coverage can best spare the agent, as the solver would place them.
      const others = shifts.map(toAssignment);
      const placed = placeBreaks([...others, draft], { requirements: problem.requirements, templates: problem.templates, weights: problem.weights, stepMinutes: problem.rules.breakStepMinutes }).at(-1)!;
      const times: ShiftTimes = { start: placed.start, end: placed.end, segments: placed.segments, breaks: placed.breaks.map((b) => ({ start: b.start, end: b.end, kind: b.kind, paid: b.paid })) };
      try {
        const result = await api['schedule.addShift']({ scheduleId: view.schedule.id, agentId, day, skill, templateId, times });
        if (result.newDraft) return await afterEdit(result, 'the new shift');
        const shift: ScheduleShift = { id: result.shiftIds[0], agentId, day, date: addDays(view.schedule.weekStart, day), ...times, templateId, skill, locked: false };
        const next = [...get().shifts, shift];
        set({ shifts: next, ...recompute(view, problem, next, true), editsSinceSolve: get().editsSinceSolve + 1, selectedShiftId: shift.id });
        record({ kind: 'add', label: `Added ${describeShift(view, shift)}`, shift }, false);
      } catch (error) {
        fail(error, 'The shift was not added');
      }
    },

    async publish(acceptRuleViolations = false) {
      const { view } = get();
      if (!view) return;
      set({ busy: true });
      try {
        const meta = await api['schedule.publish']({ scheduleId: view.schedule.id, ...(acceptRuleViolations && { acceptRuleViolations }) });
        set({ busy: false });
        await get().openSchedule(meta.id);
        set({ notice: { kind: 'ok', text: `Published version ${meta.version} of the week of ${meta.weekStart}. It will not change: any edit starts a new draft.` } });
        await refreshOverview();
      } catch (error) {
        set({ busy: false });
        fail(error, 'Not published');
      }
    },

    async undo() {
      const { history, undone, busy } = get();
      const entry = history.at(-1);
      if (!entry || busy) return;
      set({ history: history.slice(0, -1) });
      const replayed = await replay(entry, false);
      set({ undone: [...undone, replayed], notice: { kind: 'ok', text: `Undid: ${entry.label}.` } });
    },

    async redo() {
      const { undone, busy } = get();
      const entry = undone.at(-1);
      if (!entry || busy) return;
      set({ undone: undone.slice(0, -1) });
      const replayed = await replay(entry, true);
      set({ history: [...get().history.filter((e) => e !== entry), replayed], notice: { kind: 'ok', text: `Redid: ${entry.label}.` } });
    },

    async deleteDraft() {
      const { view } = get();
      if (!view) return;
      try {
        await api['schedule.deleteDraft']({ scheduleId: view.schedule.id });
        await refreshOverview();
        set({ notice: { kind: 'ok', text: `Deleted draft version ${view.schedule.version}.` } });
        await get().selectWeek(view.schedule.weekStart);
      } catch (error) {
        fail(error, 'Not deleted');
      }
    },

    async exportFiles(format, agentId) {
      const { view } = get();
      if (!view) return [];
      try {
        const { files } = await api['schedule.export']({ scheduleId: view.schedule.id, format, ...(agentId !== undefined && { agentId }) });
        return files;
      } catch (error) {
        fail(error, 'Export failed');
        return [];
      }
    },

    async saveTemplate(id, template) {
      try {
        const saved = await api['schedule.templates.save']({ ...(id !== undefined && { id }), template: template as never });
        set({
          templates: await api['schedule.templates']({}),
          notice: { kind: 'ok', text: `Saved the “${saved.name}” template. The next Generate uses it; schedules already made keep the templates they were solved with.` },
        });
        return undefined;
      } catch (error) {
        return { issues: error instanceof ApiError ? error.issues : [], message: (error as Error).message };
      }
    },

    async deleteTemplate(id) {
      const name = get().templates.find((t) => t.id === id)?.name ?? id;
      try {
        await api['schedule.templates.delete']({ id });
        set({
          templates: await api['schedule.templates']({}),
          notice: { kind: 'ok', text: `Removed the “${name}” template from the next Generate. Schedules already made keep their shifts.` },
        });
      } catch (error) {
        fail(error, 'Template not removed');
      }
    },

    async savePreferences(agentId, preferences) {
      try {
        await api['schedule.agentPreferences.save']({ agentId, preferences });
        const { view } = get();
        if (view) {
          const next = { ...view, agents: view.agents.map((a) => (a.id === agentId ? { ...a, preferences, engine: withAgentPreferences(a.engine, preferences) } : a)) };
          const problem = problemOfView(next);
          set({ view: next, problem, ...recompute(next, problem, get().shifts, true) });
        }
        set({ notice: { kind: 'ok', text: 'Saved. The next Generate for any week uses these days off, availability windows and preferences.' } });
      } catch (error) {
        fail(error, 'Preferences not saved');
      }
    },
  };
});


/** 'Ava Lee's Tue shift' for the edit history. */
function describeShift(view: ScheduleView, shift: ScheduleShift): string {
  const name = view.agents.find((a) => a.id === shift.agentId)?.name ?? `agent ${shift.agentId}`;
  return `${name}’s ${WEEKDAY_SHORT[shift.day]} shift`;
}

/** Agents (engine ids) whose shifts differ between two versions of the shift list: added, removed, changed, moved. */
function editedAgentIds(before: readonly ScheduleShift[], after: readonly ScheduleShift[]): Set<string> {
  const old = new Map(before.map((shift) => [shift.id, shift]));
  const agents = new Set<string>();
  for (const shift of after) {
    const was = old.get(shift.id);
    old.delete(shift.id);
    if (was === shift) continue;
    agents.add(String(shift.agentId));
    if (was) agents.add(String(was.agentId));
  }
  for (const removed of old.values()) agents.add(String(removed.agentId));
  return agents;
}

/** 'Ava Lee's Wed' for a move's label. */
function describePlace(view: ScheduleView, place: ShiftPlace): string {
  const name = view.agents.find((a) => a.id === place.agentId)?.name ?? `agent ${place.agentId}`;
  return `${name}’s ${WEEKDAY_SHORT[place.day]}`;
}

/** The shift fields a move changes: agent, day and its date, skill. */
function placed(view: ScheduleView, place: ShiftPlace): Pick<ScheduleShift, 'agentId' | 'day' | 'date' | 'skill'> {
  return { agentId: place.agentId, day: place.day, date: addDays(view.schedule.weekStart, place.day), skill: place.skill };
}

onJobDone((event) => {
  if (event.kind !== 'schedule.generate' || event.jobId !== useSchedule.getState().jobId) return;
  useSchedule.setState({ stopping: false });
  if (event.status === 'succeeded') {
    const { scheduleId } = event.result;
    void api['schedule.overview']({}).then((overview) => useSchedule.setState({ overview }));
    void useSchedule.getState().openSchedule(scheduleId);
  }
});
