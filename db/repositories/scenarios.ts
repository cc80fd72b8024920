/**
 * Scenarios and their versions. Every save appends a version (changes, settings and the diff against the previous
 * version) in one transaction; nothing is overwritten, so any earlier version can be read back.
 */
import type { Database } from 'better-sqlite3';
import { diffChanges, type AssumptionDiff, type ScenarioChange } from '../../shared/engine/scenario';
import { writeTransaction } from '../writeTransaction';

export interface ScenarioVersion {
  version: number;
  changes: ScenarioChange[];
  settings: { overtimeCostPerHour?: number };
  diff: AssumptionDiff[];
  note: string | null;
  createdAt: string;
}

export interface StoredScenario {
  id: number;
  planId: number;
  name: string;
  isBaseline: boolean;
  createdAt: string;
  updatedAt: string;
  /** The latest version. */
  current: ScenarioVersion;
  versionCount: number;
}

interface ScenarioRow {
  id: number;
  plan_id: number;
  name: string;
  is_baseline: number;
  created_at: string;
  updated_at: string;
  version_count: number;
}

interface VersionRow {
  version: number;
  changes: string;
  settings: string;
  diff: string;
  note: string | null;
  created_at: string;
}

const now = () => new Date().toISOString();

const toVersion = (r: VersionRow): ScenarioVersion => ({
  version: r.version,
  changes: JSON.parse(r.changes) as ScenarioChange[],
  settings: JSON.parse(r.settings) as ScenarioVersion['settings'],
  diff: JSON.parse(r.diff) as AssumptionDiff[],
  note: r.note,
  createdAt: r.created_at,
});

const SELECT = `SELECT s.*, (SELECT COUNT(*) FROM scenario_versions v WHERE v.scenario_id = s.id) AS version_count FROM scenarios s`;

function latestVersion(db: Database, scenarioId: number): ScenarioVersion {
  const row = db.prepare('SELECT version, changes, settings, diff, note, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1').get(scenarioId) as VersionRow;
  return toVersion(row);
}

const toScenario = (db: Database, r: ScenarioRow): StoredScenario => ({
  id: r.id,
  planId: r.plan_id,
  name: r.name,
  isBaseline: r.is_baseline === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  current: latestVersion(db, r.id),
  versionCount: r.version_count,
});

export function listScenarios(db: Database, planId: number): StoredScenario[] {
  return (db.prepare(`${SELECT} WHERE s.plan_id = ? ORDER BY s.is_baseline DESC, s.id`).all(planId) as ScenarioRow[]).map((r) => toScenario(db, r));
}

export function getScenario(db: Database, id: number): StoredScenario | undefined {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
  return row && toScenario(db, row);
}

export function scenarioNameTaken(db: Database, planId: number, name: string, exceptId?: number): boolean {
  return db.prepare('SELECT 1 FROM scenarios WHERE plan_id = ? AND name = ? AND id IS NOT ?').get(planId, name.trim(), exceptId ?? null) !== undefined;
}

export function listVersions(db: Database, scenarioId: number): ScenarioVersion[] {
  return (db.prepare('SELECT version, changes, settings, diff, note, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC').all(scenarioId) as VersionRow[]).map(toVersion);
}

/** Creates a scenario (no id) or appends a version to one; returns its id. One transaction. */
export function saveScenario(
  db: Database,
  input: { id?: number; planId: number; name: string; changes: ScenarioChange[]; settings?: ScenarioVersion['settings']; note?: string; isBaseline?: boolean },
): number {
  return writeTransaction(db, () => {
    const stamp = now();
    let id = input.id;
    let previous: ScenarioChange[] = [];
    let version = 1;
    if (id === undefined) {
      id = Number(db.prepare('INSERT INTO scenarios (plan_id, name, is_baseline, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(input.planId, input.name.trim(), input.isBaseline ? 1 : 0, stamp, stamp).lastInsertRowid);
    } else {
      const last = latestVersion(db, id);
      previous = last.changes;
      version = last.version + 1;
      db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(input.name.trim(), stamp, id);
    }
    const diff = version === 1 ? [] : diffChanges(previous, input.changes);
    db.prepare('INSERT INTO scenario_versions (scenario_id, version, changes, settings, diff, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      version,
      JSON.stringify(input.changes),
      JSON.stringify(input.settings ?? {}),
      JSON.stringify(diff),
      input.note ?? null,
      stamp,
    );
    return id;
  });
}

/**
 * Makes a scenario the plan's baseline. The previous baseline stays, with all its versions; the promoted scenario
 * gets a version recording the promotion (same changes, a note naming the old baseline).
 */
export function makeBaseline(db: Database, id: number): { previous: string | null } {
  return writeTransaction(db, () => {
    const scenario = getScenario(db, id);
    if (!scenario) throw new Error(`Scenario ${id} does not exist`);
    const old = db.prepare('SELECT id, name FROM scenarios WHERE plan_id = ? AND is_baseline = 1').get(scenario.planId) as { id: number; name: string } | undefined;
    if (old?.id === id) return { previous: old.name };
    db.prepare('UPDATE scenarios SET is_baseline = 0 WHERE plan_id = ?').run(scenario.planId);
    db.prepare('UPDATE scenarios SET is_baseline = 1, updated_at = ? WHERE id = ?').run(now(), id);
    saveScenario(db, { id, planId: scenario.planId, name: scenario.name, changes: scenario.current.changes, settings: scenario.current.settings, note: `Made baseline${old ? ` (was “${old.name}”)` : ''}` });
    return { previous: old?.name ?? null };
  });
}

export function deleteScenario(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}
