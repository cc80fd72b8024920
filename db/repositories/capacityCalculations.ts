import type { Database } from 'better-sqlite3';
import type { SavedCalculation } from '../../shared/api/types';
import type { CapacityInput } from '../../shared/engine/capacity';
import { deleteNamed, listNamed, upsertNamed, type NamedRow } from './namedRecords';

interface Row extends NamedRow {
  inputs: string;
}

const toSaved = (row: Row): SavedCalculation<CapacityInput> => ({
  id: row.id,
  name: row.name,
  inputs: JSON.parse(row.inputs) as CapacityInput,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listCapacityCalculations(db: Database): SavedCalculation<CapacityInput>[] {
  return listNamed<Row>(db, 'capacity_calculations').map(toSaved);
}

export function saveCapacityCalculation(db: Database, name: string, inputs: CapacityInput): SavedCalculation<CapacityInput> {
  return toSaved(upsertNamed<Row>(db, 'capacity_calculations', name, { inputs: JSON.stringify(inputs) }));
}

export function deleteCapacityCalculation(db: Database, id: number): boolean {
  return deleteNamed(db, 'capacity_calculations', id);
}
