import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { deleteScenario, getScenario, listScenarios, listVersions, makeBaseline, saveScenario } from '../../db/repositories/scenarios';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

function withPlan() {
  const { db } = openDatabase(join(tempDir(), 'staffwise.db'));
  const stamp = new Date().toISOString();
  const planId = Number(
    db.prepare("INSERT INTO capacity_plans (name, start_week, weeks, document, created_at, updated_at) VALUES ('P', '2027-01-04', 26, '{}', ?, ?)").run(stamp, stamp).lastInsertRowid,
  );
  return { db, planId };
}

describe('scenarios repository', () => {
  it('appends a version per save with the diff against the previous one', () => {
    const { db, planId } = withPlan();
    const id = saveScenario(db, { planId, name: 'Surge', changes: [{ kind: 'volume', value: 0.5, fromWeek: 2, toWeek: 3 }] });
    saveScenario(db, { id, planId, name: 'Surge', changes: [{ kind: 'volume', value: 0.8, fromWeek: 2, toWeek: 3 }] });
    saveScenario(db, { id, planId, name: 'Surge', changes: [] });
    const versions = listVersions(db, id);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[1].diff).toEqual([{ type: 'changed', change: 'volume', field: 'value', before: 0.5, after: 0.8 }]);
    expect(versions[0].diff).toEqual([{ type: 'removed', change: 'volume', before: { kind: 'volume', value: 0.8, fromWeek: 2, toWeek: 3 } }]);
    expect(versions[2].diff).toEqual([]);
    expect(getScenario(db, id)!.versionCount).toBe(3);
  });

  it('keeps one baseline per plan; promoting leaves the old baseline and its versions', () => {
    const { db, planId } = withPlan();
    const a = saveScenario(db, { planId, name: 'A', changes: [], isBaseline: true });
    const b = saveScenario(db, { planId, name: 'B', changes: [{ kind: 'overtime', value: 4, fromWeek: 0, toWeek: 1 }] });
    expect(() => db.prepare('UPDATE scenarios SET is_baseline = 1 WHERE id = ?').run(b)).toThrow(/UNIQUE/);
    expect(makeBaseline(db, b)).toEqual({ previous: 'A' });
    const listed = listScenarios(db, planId);
    expect(listed.map((s) => [s.name, s.isBaseline, s.versionCount])).toEqual([
      ['B', true, 2],
      ['A', false, 1],
    ]);
    expect(listVersions(db, b)[0]).toMatchObject({ version: 2, note: 'Made baseline (was “A”)', diff: [] });
    expect(deleteScenario(db, a)).toBe(true);
    // Deleting the plan removes its scenarios and their versions.
    db.prepare('DELETE FROM capacity_plans WHERE id = ?').run(planId);
    expect(listScenarios(db, planId)).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM scenario_versions').get() as { n: number }).n).toBe(0);
  });
});
