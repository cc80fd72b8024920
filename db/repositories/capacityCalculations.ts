import type { Database } from 'better-sqlite3';
import type { SavedCalculation } from '../../shared/api/types';
import type { CapacityInput } from '../../shared/engine/capacity';

interface Row {
  id: number;
  name: string;
  inputs: string;
  created_at: string;
  updated_at: string;
}

const toSaved = (row: Row): SavedCalculation<CapacityInput> => ({
  id: row.id,
  name: row.name,
  inputs: JSON.parse(row.inputs) as CapacityInput,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listCapacityCalculations(db: Database): SavedCalculation<CapacityInput>[] {
  return (db.prepare('SELECT * FROM capacity_calculations ORDER BY name COLLATE NOCASE').all() as Row[]).map(toSaved);
}

/** Saves under a name; saving again under the same name overwrites it (as a planner expects from "Save"). */
export function saveCapacityCalculation(db: Database, name: string, inputs: CapacityInput): SavedCalculation<CapacityInput> {
  const now = new Date().toISOString();
  const row = db
    .prepare(
      `INSERT INTO capacity_calculations (name, inputs, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET inputs = excluded.inputs, updated_at = excluded.updated_at
       RETURNING *`,
    )
    .get(name, JSON.stringify(inputs), now, now) as Row;
  return toSaved(row);
}

export function deleteCapacityCalculation(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM capacity_calculations WHERE id = ?').run(id).changes > 0;
}
