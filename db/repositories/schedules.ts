/**
 * Schedules, their shifts, shift templates and agents' scheduling preferences. A published schedule is immutable
 * (the database refuses changes to it, see 0005_schedules.sql); edits go to a draft copied from it.
 */
import type { Database } from 'better-sqlite3';
import type {
  AgentSchedulePreferences,
  ScheduleMeta,
  ScheduleSettings,
  ScheduleShift,
  ShiftTimes,
  SolveReport,
  WeekRequirements,
} from '../../shared/api/channels/schedule';
import type { AgentContract, WorkspaceAgent } from '../../shared/model';
import type { ShiftTemplateInput } from '../../shared/engine/schedule';
import { writeTransaction } from '../writeTransaction';

/** A stored agent: the workspace model's agent with its id, the contract terms set for it (others take the defaults) and saved preferences. */
export interface AgentRow extends Pick<WorkspaceAgent, 'name' | 'team' | 'timezone'> {
  id: number;
  skills: string[];
  contract: Partial<AgentContract>;
  preferences: AgentSchedulePreferences | null;
}

export interface StoredTemplate {
  key: string;
  name: string;
  definition: ShiftTemplateInput;
  position: number;
}

interface ScheduleRow {
  id: number;
  week_start: string;
  version: number;
  status: 'draft' | 'published';
  based_on: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  settings: string;
  requirements: string;
  templates: string;
  summary: string | null;
  shift_count: number;
}

interface ShiftRow {
  id: number;
  agent_id: number;
  day: number;
  date: string;
  start_min: number;
  end_min: number;
  segments: string;
  breaks: string;
  template_key: string | null;
  skill: string;
  locked: number;
}

export interface StoredSchedule {
  meta: ScheduleMeta;
  settings: ScheduleSettings;
  requirements: WeekRequirements;
  templates: ShiftTemplateInput[];
  solve: SolveReport | null;
}

/** A shift to write: everything but its id. */
export type NewShift = Omit<ScheduleShift, 'id'>;

const SCHEDULE_COLUMNS = `s.*, (SELECT COUNT(*) FROM schedule_shifts x WHERE x.schedule_id = s.id) AS shift_count`;

const toMeta = (row: ScheduleRow): ScheduleMeta => {
  const solve = row.summary ? (JSON.parse(row.summary) as SolveReport) : null;
  return {
    id: row.id,
    weekStart: row.week_start,
    version: row.version,
    status: row.status,
    basedOn: row.based_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    shiftCount: row.shift_count,
    underHours: solve ? solve.summary.underHours : null,
  };
};

const toShift = (row: ShiftRow): ScheduleShift => ({
  id: row.id,
  agentId: row.agent_id,
  day: row.day,
  date: row.date,
  start: row.start_min,
  end: row.end_min,
  segments: JSON.parse(row.segments) as ScheduleShift['segments'],
  breaks: JSON.parse(row.breaks) as ScheduleShift['breaks'],
  templateId: row.template_key,
  skill: row.skill,
  locked: row.locked === 1,
});

// ——— agents ———

export function listScheduleAgents(db: Database): AgentRow[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.name, a.team, a.skills, a.contract, a.timezone, p.preferences
       FROM agents a LEFT JOIN agent_schedule_preferences p ON p.agent_id = a.id ORDER BY a.team, a.name, a.id`,
    )
    .all() as { id: number; name: string; team: string; skills: string; contract: string; timezone: string; preferences: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    team: r.team,
    skills: JSON.parse(r.skills) as string[],
    contract: JSON.parse(r.contract) as Partial<AgentContract>,
    timezone: r.timezone,
    preferences: r.preferences ? (JSON.parse(r.preferences) as AgentSchedulePreferences) : null,
  }));
}

export function agentExists(db: Database, agentId: number): boolean {
  return db.prepare('SELECT 1 FROM agents WHERE id = ?').get(agentId) !== undefined;
}

export function saveAgentPreferences(db: Database, agentId: number, preferences: AgentSchedulePreferences): void {
  db.prepare(
    `INSERT INTO agent_schedule_preferences (agent_id, preferences, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (agent_id) DO UPDATE SET preferences = excluded.preferences, updated_at = excluded.updated_at`,
  ).run(agentId, JSON.stringify(preferences), new Date().toISOString());
}

// ——— templates ———

/** The site's shift templates, seeding the given defaults the first time (an empty table). */
export function listTemplates(db: Database, defaults: readonly ShiftTemplateInput[]): StoredTemplate[] {
  const read = () =>
    (db.prepare('SELECT key, name, definition, position FROM shift_templates WHERE active = 1 ORDER BY position, id').all() as {
      key: string;
      name: string;
      definition: string;
      position: number;
    }[]).map((r) => ({ key: r.key, name: r.name, definition: JSON.parse(r.definition) as ShiftTemplateInput, position: r.position }));
  const count = (db.prepare('SELECT COUNT(*) AS n FROM shift_templates').get() as { n: number }).n;
  if (count === 0) {
    const insert = db.prepare('INSERT INTO shift_templates (key, name, definition, position, updated_at) VALUES (?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    writeTransaction(db, () => defaults.forEach((t, i) => insert.run(t.id, t.name, JSON.stringify(t), i, now)));
  }
  return read();
}

/** A template row, active or removed (removed templates keep their key so it is never reused). */
export function getTemplateRow(db: Database, key: string): { key: string; name: string; active: boolean } | undefined {
  const row = db.prepare('SELECT key, name, active FROM shift_templates WHERE key = ?').get(key) as { key: string; name: string; active: number } | undefined;
  return row && { key: row.key, name: row.name, active: row.active === 1 };
}

/** Every key ever used, removed templates included. */
export function templateKeys(db: Database): Set<string> {
  return new Set((db.prepare('SELECT key FROM shift_templates').all() as { key: string }[]).map((r) => r.key));
}

export function insertTemplate(db: Database, key: string, name: string, definition: ShiftTemplateInput): void {
  const position = (db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM shift_templates').get() as { p: number }).p;
  db.prepare('INSERT INTO shift_templates (key, name, definition, position, updated_at) VALUES (?, ?, ?, ?, ?)').run(key, name, JSON.stringify(definition), position, new Date().toISOString());
}

export function updateTemplate(db: Database, key: string, name: string, definition: ShiftTemplateInput): boolean {
  return (
    db.prepare('UPDATE shift_templates SET name = ?, definition = ?, updated_at = ? WHERE key = ? AND active = 1').run(name, JSON.stringify(definition), new Date().toISOString(), key)
      .changes > 0
  );
}

/**
 * Removes a template from the next solves. The row stays (inactive) so its key is not reused by a new template
 * while old schedules' shifts still name it, and so the defaults are not seeded again into an emptied table.
 */
export function deactivateTemplate(db: Database, key: string): boolean {
  return db.prepare('UPDATE shift_templates SET active = 0, updated_at = ? WHERE key = ? AND active = 1').run(new Date().toISOString(), key).changes > 0;
}

// ——— schedules ———

export function listSchedules(db: Database, weekStart?: string): ScheduleMeta[] {
  const rows = (
    weekStart
      ? db.prepare(`SELECT ${SCHEDULE_COLUMNS} FROM schedules s WHERE s.week_start = ? ORDER BY s.version DESC`).all(weekStart)
      : db.prepare(`SELECT ${SCHEDULE_COLUMNS} FROM schedules s ORDER BY s.week_start DESC, s.version DESC`).all()
  ) as ScheduleRow[];
  return rows.map(toMeta);
}

export function getSchedule(db: Database, scheduleId: number): StoredSchedule | undefined {
  const row = db.prepare(`SELECT ${SCHEDULE_COLUMNS} FROM schedules s WHERE s.id = ?`).get(scheduleId) as ScheduleRow | undefined;
  if (!row) return undefined;
  return {
    meta: toMeta(row),
    settings: JSON.parse(row.settings) as ScheduleSettings,
    requirements: JSON.parse(row.requirements) as WeekRequirements,
    templates: JSON.parse(row.templates) as ShiftTemplateInput[],
    solve: row.summary ? (JSON.parse(row.summary) as SolveReport) : null,
  };
}

export function listShifts(db: Database, scheduleId: number): ScheduleShift[] {
  return (db.prepare('SELECT * FROM schedule_shifts WHERE schedule_id = ? ORDER BY agent_id, day, start_min').all(scheduleId) as ShiftRow[]).map(toShift);
}

export function getShift(db: Database, scheduleId: number, shiftId: number): ScheduleShift | undefined {
  const row = db.prepare('SELECT * FROM schedule_shifts WHERE schedule_id = ? AND id = ?').get(scheduleId, shiftId) as ShiftRow | undefined;
  return row && toShift(row);
}

function insertShifts(db: Database, scheduleId: number, shifts: readonly NewShift[]): number[] {
  const insert = db.prepare(
    `INSERT INTO schedule_shifts (schedule_id, agent_id, day, date, start_min, end_min, segments, breaks, template_key, skill, locked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return shifts.map((s) =>
    Number(
      insert.run(scheduleId, s.agentId, s.day, s.date, s.start, s.end, JSON.stringify(s.segments), JSON.stringify(s.breaks), s.templateId, s.skill, s.locked ? 1 : 0)
        .lastInsertRowid,
    ),
  );
}

export interface SolvedSchedule {
  weekStart: string;
  settings: ScheduleSettings;
  requirements: WeekRequirements;
  templates: ShiftTemplateInput[];
  solve: SolveReport;
  shifts: NewShift[];
}

/**
 * Writes a solve in one transaction. `baseScheduleId` is the schedule the solve started from: a draft is overwritten
 * in place (its shifts replaced); a published version stays as it is and the solve becomes the week's next version,
 * based on it. Without a base the solve is the week's next version. Returns the schedule id.
 */
export function saveSolvedSchedule(db: Database, solved: SolvedSchedule, baseScheduleId?: number): number {
  return writeTransaction(db, () => {
    const now = new Date().toISOString();
    const draft = baseScheduleId === undefined ? undefined : (db.prepare("SELECT id FROM schedules WHERE id = ? AND status = 'draft'").get(baseScheduleId) as { id: number } | undefined);
    let id: number;
    if (draft) {
      id = draft.id;
      db.prepare('DELETE FROM schedule_shifts WHERE schedule_id = ?').run(id);
      db.prepare('UPDATE schedules SET updated_at = ?, settings = ?, requirements = ?, templates = ?, summary = ? WHERE id = ?').run(
        now,
        JSON.stringify(solved.settings),
        JSON.stringify(solved.requirements),
        JSON.stringify(solved.templates),
        JSON.stringify(solved.solve),
        id,
      );
    } else {
      id = Number(
        db
          .prepare(
            `INSERT INTO schedules (week_start, version, status, based_on, created_at, updated_at, settings, requirements, templates, summary)
             VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            solved.weekStart,
            nextVersion(db, solved.weekStart),
            baseScheduleId ?? null,
            now,
            now,
            JSON.stringify(solved.settings),
            JSON.stringify(solved.requirements),
            JSON.stringify(solved.templates),
            JSON.stringify(solved.solve),
          ).lastInsertRowid,
      );
    }
    insertShifts(db, id, solved.shifts);
    return id;
  });
}

function nextVersion(db: Database, weekStart: string): number {
  return ((db.prepare('SELECT MAX(version) AS v FROM schedules WHERE week_start = ?').get(weekStart) as { v: number | null }).v ?? 0) + 1;
}

/**
 * The draft an edit of `scheduleId` goes to: the schedule itself when it is a draft, else a new draft version
 * copied from it (same requirements, templates, solve report and shifts). Returns the draft id and, for a copy,
 * the new id of each copied shift. Call inside a transaction.
 */
function draftFor(db: Database, scheduleId: number): { id: number; newDraft: boolean; shiftIdMap: Map<number, number> } {
  const row = db.prepare('SELECT * FROM schedules WHERE id = ?').get(scheduleId) as ScheduleRow | undefined;
  if (!row) throw new Error(`Schedule ${scheduleId} does not exist`);
  if (row.status === 'draft') return { id: row.id, newDraft: false, shiftIdMap: new Map() };
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO schedules (week_start, version, status, based_on, created_at, updated_at, settings, requirements, templates, summary)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.week_start, nextVersion(db, row.week_start), row.id, now, now, row.settings, row.requirements, row.templates, row.summary).lastInsertRowid,
  );
  const shifts = listShifts(db, row.id);
  const newIds = insertShifts(db, id, shifts);
  return { id, newDraft: true, shiftIdMap: new Map(shifts.map((s, i) => [s.id, newIds[i]])) };
}

export interface EditOutcome {
  scheduleId: number;
  newDraft: boolean;
  shiftIds: number[];
}

/** Runs an edit against the draft for `scheduleId` (copying a published one first), in one transaction. */
export function editSchedule(db: Database, scheduleId: number, edit: (draftId: number, mapId: (shiftId: number) => number) => number[]): EditOutcome {
  return writeTransaction(db, () => {
    const draft = draftFor(db, scheduleId);
    const shiftIds = edit(draft.id, (shiftId) => draft.shiftIdMap.get(shiftId) ?? shiftId);
    db.prepare('UPDATE schedules SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), draft.id);
    return { scheduleId: draft.id, newDraft: draft.newDraft, shiftIds };
  });
}

export function updateShiftTimes(db: Database, scheduleId: number, shiftId: number, times: ShiftTimes): boolean {
  return (
    db
      .prepare('UPDATE schedule_shifts SET start_min = ?, end_min = ?, segments = ?, breaks = ? WHERE schedule_id = ? AND id = ?')
      .run(times.start, times.end, JSON.stringify(times.segments), JSON.stringify(times.breaks), scheduleId, shiftId).changes > 0
  );
}

/** Hands the shift to another agent and/or day (the date and the skill it serves follow); times are set apart. */
export function moveShift(db: Database, scheduleId: number, shiftId: number, to: { agentId: number; day: number; date: string; skill: string }): boolean {
  return (
    db
      .prepare('UPDATE schedule_shifts SET agent_id = ?, day = ?, date = ?, skill = ? WHERE schedule_id = ? AND id = ?')
      .run(to.agentId, to.day, to.date, to.skill, scheduleId, shiftId).changes > 0
  );
}

export function addShift(db: Database, scheduleId: number, shift: NewShift): number {
  return insertShifts(db, scheduleId, [shift])[0];
}

export function deleteShift(db: Database, scheduleId: number, shiftId: number): boolean {
  return db.prepare('DELETE FROM schedule_shifts WHERE schedule_id = ? AND id = ?').run(scheduleId, shiftId).changes > 0;
}

export function setShiftsLocked(db: Database, scheduleId: number, shiftIds: readonly number[], locked: boolean): number[] {
  const update = db.prepare('UPDATE schedule_shifts SET locked = ? WHERE schedule_id = ? AND id = ?');
  return shiftIds.filter((id) => update.run(locked ? 1 : 0, scheduleId, id).changes > 0);
}

export function publishSchedule(db: Database, scheduleId: number): boolean {
  const now = new Date().toISOString();
  return db.prepare("UPDATE schedules SET status = 'published', published_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'").run(now, now, scheduleId).changes > 0;
}

export function deleteDraft(db: Database, scheduleId: number): boolean {
  return db.prepare("DELETE FROM schedules WHERE id = ? AND status = 'draft'").run(scheduleId).changes > 0;
}
