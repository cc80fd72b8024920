/**
 * Records the planner saves under a name (calculations, staffing profiles). Saving again under the same name
 * overwrites, as a planner expects from "Save"; the table name comes from a fixed list, never from input.
 */
import type { Database } from 'better-sqlite3';

export type NamedTable = 'capacity_calculations' | 'staffing_profiles';
type Value = string | number | null;

export interface NamedRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export function listNamed<Row extends NamedRow>(db: Database, table: NamedTable): Row[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY name COLLATE NOCASE`).all() as Row[];
}

export function upsertNamed<Row extends NamedRow>(db: Database, table: NamedTable, name: string, values: Record<string, Value>): Row {
  const now = new Date().toISOString();
  const columns = Object.keys(values);
  const sql = `INSERT INTO ${table} (name, ${columns.join(', ')}, created_at, updated_at)
    VALUES (@name, ${columns.map((c) => `@${c}`).join(', ')}, @now, @now)
    ON CONFLICT(name) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at
    RETURNING *`;
  return db.prepare(sql).get({ ...values, name, now }) as Row;
}

export function deleteNamed(db: Database, table: NamedTable, id: number): boolean {
  return db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
}
