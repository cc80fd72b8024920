/**
 * Capacity plans, their hiring classes, named ramp curves, the linked plan's new hires (as workspace agents) and
 * the daily history older than the interval history. Every save is one transaction.
 */
import type { Database } from 'better-sqlite3';
import type {
  PlanClass,
  PlanClassInput,
  PlanDocument,
  PlanOptimisation,
  PlanSave,
  PlanSummary,
  RampCurve,
  RampWeek,
  StoredPlan,
} from '../../shared/api/channels/plan';
import { DEFAULT_RAMP_CURVE } from '../../shared/engine/plan/rampCurves';
import { writeTransaction } from '../writeTransaction';

const now = () => new Date().toISOString();

// ——— ramp curves ———

interface RampRow {
  id: number;
  name: string;
  weeks: string;
  updated_at: string;
  used_by: number;
}

const RAMP_SELECT = `SELECT r.id, r.name, r.weeks, r.updated_at,
  (SELECT COUNT(*) FROM plan_classes c WHERE c.ramp_curve_id = r.id)
  + (SELECT COUNT(*) FROM capacity_plans p WHERE json_extract(p.document, '$.defaultRampCurveId') = r.id) AS used_by
  FROM ramp_curves r`;

const toRamp = (r: RampRow): RampCurve => ({ id: r.id, name: r.name, weeks: JSON.parse(r.weeks) as RampWeek[], updatedAt: r.updated_at, usedBy: r.used_by });

/** Every curve, oldest first; the engine's default onboarding curve is added when there is none yet. */
export function listRampCurves(db: Database): RampCurve[] {
  if ((db.prepare('SELECT COUNT(*) AS n FROM ramp_curves').get() as { n: number }).n === 0) {
    db.prepare('INSERT INTO ramp_curves (name, weeks, updated_at) VALUES (?, ?, ?)').run(DEFAULT_RAMP_CURVE.name, JSON.stringify(DEFAULT_RAMP_CURVE.weeks), now());
  }
  return (db.prepare(`${RAMP_SELECT} ORDER BY r.id`).all() as RampRow[]).map(toRamp);
}

export function getRampCurve(db: Database, id: number): RampCurve | undefined {
  const row = db.prepare(`${RAMP_SELECT} WHERE r.id = ?`).get(id) as RampRow | undefined;
  return row && toRamp(row);
}

/** Adds a curve (no id) or replaces one; returns undefined when the id is unknown. */
export function saveRampCurve(db: Database, curve: { id?: number; name: string; weeks: RampWeek[] }): RampCurve | undefined {
  const weeks = JSON.stringify(curve.weeks);
  if (curve.id === undefined) {
    const id = Number(db.prepare('INSERT INTO ramp_curves (name, weeks, updated_at) VALUES (?, ?, ?)').run(curve.name, weeks, now()).lastInsertRowid);
    return getRampCurve(db, id);
  }
  const changed = db.prepare('UPDATE ramp_curves SET name = ?, weeks = ?, updated_at = ? WHERE id = ?').run(curve.name, weeks, now(), curve.id).changes;
  return changed ? getRampCurve(db, curve.id) : undefined;
}

export function deleteRampCurve(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM ramp_curves WHERE id = ?').run(id).changes > 0;
}

// ——— plans ———

interface PlanRow {
  id: number;
  name: string;
  start_week: string;
  weeks: number;
  document: string;
  linked_to_schedule: number;
  optimisation: string | null;
  updated_at: string;
}

interface ClassRow {
  id: number;
  kind: PlanClass['kind'];
  start_week: string;
  size: number;
  ramp_curve_id: number;
  label: string;
  skill: PlanClass['skill'];
  origin: PlanClass['origin'];
}

const toClass = (r: ClassRow): PlanClass => ({ id: r.id, kind: r.kind, startWeek: r.start_week, size: r.size, rampCurveId: r.ramp_curve_id, label: r.label, skill: r.skill, origin: r.origin });

export function listPlans(db: Database): PlanSummary[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.start_week, p.weeks, p.linked_to_schedule, p.updated_at,
              COUNT(c.id) AS class_count, COALESCE(SUM(c.size), 0) AS hires
       FROM capacity_plans p LEFT JOIN plan_classes c ON c.plan_id = p.id GROUP BY p.id ORDER BY p.updated_at DESC, p.id DESC`,
    )
    .all() as (Omit<PlanRow, 'document' | 'optimisation'> & { class_count: number; hires: number })[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    startWeek: r.start_week,
    weeks: r.weeks,
    classCount: r.class_count,
    hires: r.hires,
    linkedToSchedule: r.linked_to_schedule === 1,
    updatedAt: r.updated_at,
  }));
}

export function planClasses(db: Database, planId: number): PlanClass[] {
  return (db.prepare('SELECT id, kind, start_week, size, ramp_curve_id, label, skill, origin FROM plan_classes WHERE plan_id = ? ORDER BY position, id').all(planId) as ClassRow[]).map(toClass);
}

export function getPlan(db: Database, id: number): StoredPlan | undefined {
  const row = db.prepare('SELECT id, name, start_week, weeks, document, linked_to_schedule, optimisation, updated_at FROM capacity_plans WHERE id = ?').get(id) as PlanRow | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    startWeek: row.start_week,
    weeks: row.weeks,
    document: JSON.parse(row.document) as PlanDocument,
    linkedToSchedule: row.linked_to_schedule === 1,
    classes: planClasses(db, row.id),
    updatedAt: row.updated_at,
    optimisation: row.optimisation ? (JSON.parse(row.optimisation) as PlanOptimisation) : null,
  };
}

export class UnknownClassError extends Error {
  constructor(readonly classId: number) {
    super(`Class ${classId} is not in this plan (reload the plan: it may have been optimised since)`);
  }
}

/**
 * Saves a plan with its classes in one transaction. Classes keep their id (and so their new hires' agents) when
 * the request names it; classes left out are removed. Returns the plan's id. A plan saved with new classes clears
 * the stored optimisation unless `optimisation` is given.
 */
export function savePlan(db: Database, plan: PlanSave, optimisation?: PlanOptimisation | null): number {
  return writeTransaction(db, () => {
    const stamp = now();
    if (plan.linkedToSchedule) db.prepare('UPDATE capacity_plans SET linked_to_schedule = 0 WHERE linked_to_schedule = 1 AND id IS NOT ?').run(plan.id ?? null);
    let planId: number;
    const fields = [plan.name, plan.startWeek, plan.weeks, JSON.stringify(plan.document), plan.linkedToSchedule ? 1 : 0];
    if (plan.id === undefined) {
      planId = Number(
        db
          .prepare('INSERT INTO capacity_plans (name, start_week, weeks, document, linked_to_schedule, optimisation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...fields, optimisation ? JSON.stringify(optimisation) : null, stamp, stamp).lastInsertRowid,
      );
    } else {
      planId = plan.id;
      const keepOptimisation = optimisation === undefined;
      db.prepare(
        `UPDATE capacity_plans SET name = ?, start_week = ?, weeks = ?, document = ?, linked_to_schedule = ?, updated_at = ?${keepOptimisation ? '' : ', optimisation = ?'} WHERE id = ?`,
      ).run(...fields, stamp, ...(keepOptimisation ? [] : [optimisation ? JSON.stringify(optimisation) : null]), planId);
    }
    replaceClasses(db, planId, plan.classes);
    syncPlanHires(db);
    return planId;
  });
}

function replaceClasses(db: Database, planId: number, classes: PlanClassInput[]): void {
  const existing = new Set(planClasses(db, planId).map((c) => c.id));
  const kept = new Set<number>();
  const update = db.prepare('UPDATE plan_classes SET kind = ?, start_week = ?, size = ?, ramp_curve_id = ?, label = ?, skill = ?, origin = ?, position = ? WHERE id = ? AND plan_id = ?');
  const insert = db.prepare('INSERT INTO plan_classes (plan_id, kind, start_week, size, ramp_curve_id, label, skill, origin, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  classes.forEach((c, position) => {
    const values = [c.kind, c.startWeek, c.size, c.rampCurveId, c.label.trim(), c.skill, c.origin ?? 'planner', position] as const;
    if (c.id !== undefined) {
      if (!existing.has(c.id)) throw new UnknownClassError(c.id);
      update.run(...values, c.id, planId);
      kept.add(c.id);
    } else insert.run(planId, ...values);
  });
  const remove = db.prepare('DELETE FROM plan_classes WHERE id = ?');
  for (const id of existing) if (!kept.has(id)) remove.run(id);
}

export function deletePlan(db: Database, id: number): boolean {
  return writeTransaction(db, () => db.prepare('DELETE FROM capacity_plans WHERE id = ?').run(id).changes > 0);
}

export function planNameTaken(db: Database, name: string, exceptId?: number): boolean {
  return db.prepare('SELECT 1 FROM capacity_plans WHERE lower(name) = lower(?) AND id IS NOT ?').get(name.trim(), exceptId ?? null) !== undefined;
}

// ——— the linked plan's new hires in the Schedule ———

export interface PlanHire {
  agentId: number;
  classId: number;
  classLabel: string;
  /** Monday of the class's first week of ramp. */
  startWeek: string;
  ramp: RampWeek[];
}

/**
 * Makes the workspace's agents match the linked plan's classes: each class has exactly `size` new-hire agents
 * (named after the class, skilled for its channel); classes of other plans have none. Runs inside the caller's
 * transaction; does nothing without a workspace (the hires appear once one exists).
 */
export function syncPlanHires(db: Database): void {
  const workspace = db.prepare('SELECT timezone FROM workspace WHERE id = 1').get() as { timezone: string } | undefined;
  db.prepare('DELETE FROM plan_hires WHERE class_id NOT IN (SELECT c.id FROM plan_classes c JOIN capacity_plans p ON p.id = c.plan_id WHERE p.linked_to_schedule = 1)').run();
  if (!workspace) return;
  const linked = db.prepare('SELECT c.id, c.size, c.label, c.skill FROM plan_classes c JOIN capacity_plans p ON p.id = c.plan_id WHERE p.linked_to_schedule = 1 ORDER BY c.position, c.id').all() as {
    id: number;
    size: number;
    label: string;
    skill: string;
  }[];
  const hiresOf = db.prepare('SELECT agent_id FROM plan_hires WHERE class_id = ? ORDER BY agent_id');
  const rename = db.prepare('UPDATE agents SET name = ?, team = ?, skills = ? WHERE id = ?');
  const addAgent = db.prepare('INSERT INTO agents (name, team, skills, contract, timezone) VALUES (?, ?, ?, ?, ?)');
  const addHire = db.prepare('INSERT INTO plan_hires (agent_id, class_id) VALUES (?, ?)');
  const removeHire = db.prepare('DELETE FROM plan_hires WHERE agent_id = ?');
  for (const cls of linked) {
    const agents = (hiresOf.all(cls.id) as { agent_id: number }[]).map((r) => r.agent_id);
    const team = `New hires — ${cls.label}`;
    const skills = JSON.stringify([cls.skill]);
    for (let i = 0; i < cls.size; i++) {
      const name = `New hire ${i + 1} (${cls.label})`;
      if (i < agents.length) rename.run(name, team, skills, agents[i]);
      else addHire.run(Number(addAgent.run(name, team, skills, '{}', workspace.timezone).lastInsertRowid), cls.id);
    }
    for (const agentId of agents.slice(cls.size)) removeHire.run(agentId);
  }
}

export function planHires(db: Database): PlanHire[] {
  const rows = db
    .prepare(
      `SELECT h.agent_id, h.class_id, c.label, c.start_week, r.weeks FROM plan_hires h
       JOIN plan_classes c ON c.id = h.class_id JOIN ramp_curves r ON r.id = c.ramp_curve_id ORDER BY h.agent_id`,
    )
    .all() as { agent_id: number; class_id: number; label: string; start_week: string; weeks: string }[];
  return rows.map((r) => ({ agentId: r.agent_id, classId: r.class_id, classLabel: r.label, startWeek: r.start_week, ramp: JSON.parse(r.weeks) as RampWeek[] }));
}

/** Stores an optimiser run: its classes replace the plan's, and its explanation is kept beside them. */
export function saveOptimisedClasses(db: Database, planId: number, classes: PlanClassInput[], optimisation: PlanOptimisation): void {
  writeTransaction(db, () => {
    db.prepare('UPDATE capacity_plans SET optimisation = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(optimisation), now(), planId);
    replaceClasses(db, planId, classes);
    syncPlanHires(db);
  });
}

// ——— daily history ———

export interface DailyTotal {
  date: string;
  volume: number;
  /** Volume-weighted handle time, seconds; null when the data has none. */
  ahtSec: number | null;
}

export function insertDailyVolumes(db: Database, queueId: number, days: DailyTotal[]): void {
  const insert = db.prepare('INSERT INTO daily_volumes (queue_id, date, volume, aht_sec) VALUES (?, ?, ?, ?)');
  for (const d of days) insert.run(queueId, d.date, d.volume, d.ahtSec);
}

/**
 * A queue's daily contacts: the stored days older than its interval history, then each day of the interval history
 * summed from its open intervals (days with missing intervals are left out: their total is unknown).
 */
export function dailyHistory(db: Database, queueId: number): DailyTotal[] {
  const older = db
    .prepare(
      `SELECT date, volume, aht_sec AS ahtSec FROM daily_volumes WHERE queue_id = ?
       AND date < COALESCE((SELECT MIN(substr(start_local, 1, 10)) FROM interval_volumes WHERE queue_id = ?), '9999') ORDER BY date`,
    )
    .all(queueId, queueId) as DailyTotal[];
  const fromIntervals = db
    .prepare(
      `SELECT substr(start_local, 1, 10) AS date, COALESCE(SUM(volume), 0) AS volume,
              SUM(volume * aht_sec) / NULLIF(SUM(CASE WHEN aht_sec IS NOT NULL THEN volume END), 0) AS ahtSec
       FROM interval_volumes WHERE queue_id = ? GROUP BY date HAVING SUM(status = 'missing') = 0 ORDER BY date`,
    )
    .all(queueId) as DailyTotal[];
  return [...older, ...fromIntervals];
}

/** Team and skills of each workspace agent, leaving out the linked plan's new hires (the plan counts them by class). */
export function workspaceAgents(db: Database): { team: string; skills: string[] }[] {
  return (db.prepare('SELECT team, skills FROM agents WHERE id NOT IN (SELECT agent_id FROM plan_hires) ORDER BY id').all() as { team: string; skills: string }[]).map((r) => ({
    team: r.team,
    skills: JSON.parse(r.skills) as string[],
  }));
}

/** Changes whenever a queue's stored daily history does (rows and total): a cache key for readers. */
export function dailyVolumesStamp(db: Database, queueId: number): string {
  const row = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(volume), 0) AS total FROM daily_volumes WHERE queue_id = ?').get(queueId) as { n: number; total: number };
  return `${row.n}:${row.total}`;
}
