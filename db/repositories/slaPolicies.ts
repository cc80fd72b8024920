/** SLA policies, the tier structure, the cost model inputs and the planning checklist (migration 0006). */
import type { Database } from 'better-sqlite3';
import type { CostModelInput } from '../../shared/engine/cost';
import type { BusinessHours, SlaMix, SlaPolicy, TierStructure } from '../../shared/engine/sla';
import type { SlaPlanSettings, SlaVolumeSource, StoredSlaPolicy } from '../../shared/api/channels/sla';
import { writeTransaction } from '../writeTransaction';

interface PolicyRow {
  id: number;
  name: string;
  policy: string;
  mix: string;
  business_hours: string;
  settings: string;
  volume_source: string;
  headcount: number;
  active: number;
  updated_at: string;
}

const toStored = (row: PolicyRow): StoredSlaPolicy => ({
  id: row.id,
  name: row.name,
  policy: JSON.parse(row.policy) as SlaPolicy,
  mix: JSON.parse(row.mix) as SlaMix,
  businessHours: JSON.parse(row.business_hours) as BusinessHours,
  settings: JSON.parse(row.settings) as SlaPlanSettings,
  volumeSource: JSON.parse(row.volume_source) as SlaVolumeSource,
  headcount: row.headcount,
  active: row.active === 1,
  updatedAt: row.updated_at,
});

export function listSlaPolicies(db: Database): StoredSlaPolicy[] {
  return (db.prepare('SELECT * FROM sla_policies ORDER BY active DESC, name').all() as PolicyRow[]).map(toStored);
}

export function getSlaPolicy(db: Database, id: number): StoredSlaPolicy | undefined {
  const row = db.prepare('SELECT * FROM sla_policies WHERE id = ?').get(id) as PolicyRow | undefined;
  return row && toStored(row);
}

export function activeSlaPolicy(db: Database): StoredSlaPolicy | undefined {
  const row = db.prepare('SELECT * FROM sla_policies WHERE active = 1').get() as PolicyRow | undefined;
  return row && toStored(row);
}

export type SlaPolicyWrite = Omit<StoredSlaPolicy, 'id' | 'updatedAt' | 'active'>;

/** Inserts or updates (by id) a policy in one transaction; `activate` makes it the Dashboard's policy. */
export function saveSlaPolicy(db: Database, write: SlaPolicyWrite, options: { id?: number; activate?: boolean } = {}): StoredSlaPolicy {
  const now = new Date().toISOString();
  const values = {
    name: write.name,
    policy: JSON.stringify(write.policy),
    mix: JSON.stringify(write.mix),
    business_hours: JSON.stringify(write.businessHours),
    settings: JSON.stringify(write.settings),
    volume_source: JSON.stringify(write.volumeSource),
    headcount: write.headcount,
    now,
  };
  return writeTransaction(db, () => {
    let id = options.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            `INSERT INTO sla_policies (name, policy, mix, business_hours, settings, volume_source, headcount, created_at, updated_at)
             VALUES (@name, @policy, @mix, @business_hours, @settings, @volume_source, @headcount, @now, @now)`,
          )
          .run(values).lastInsertRowid,
      );
    } else {
      const changed = db
        .prepare(
          `UPDATE sla_policies SET name = @name, policy = @policy, mix = @mix, business_hours = @business_hours, settings = @settings,
             volume_source = @volume_source, headcount = @headcount, updated_at = @now WHERE id = @id`,
        )
        .run({ ...values, id }).changes;
      if (changed === 0) throw new Error(`SLA policy ${id} does not exist`);
    }
    if (options.activate) {
      db.prepare('UPDATE sla_policies SET active = 0 WHERE active = 1 AND id <> ?').run(id);
      db.prepare('UPDATE sla_policies SET active = 1 WHERE id = ?').run(id);
    }
    return getSlaPolicy(db, id)!;
  });
}

export function deleteSlaPolicy(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM sla_policies WHERE id = ?').run(id).changes > 0;
}

export interface StoredTierStructure {
  definition: TierStructure;
  ticketsPerDay: number;
  productiveHours: number;
  utilization: number;
}

export function getTierStructure(db: Database): StoredTierStructure | undefined {
  const row = db.prepare('SELECT * FROM tier_structures WHERE id = 1').get() as
    | { definition: string; tickets_per_day: number; productive_hours: number; utilization: number }
    | undefined;
  return row && { definition: JSON.parse(row.definition) as TierStructure, ticketsPerDay: row.tickets_per_day, productiveHours: row.productive_hours, utilization: row.utilization };
}

export function saveTierStructure(db: Database, value: StoredTierStructure): void {
  db.prepare(
    `INSERT INTO tier_structures (id, definition, tickets_per_day, productive_hours, utilization, updated_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, tickets_per_day = excluded.tickets_per_day,
       productive_hours = excluded.productive_hours, utilization = excluded.utilization, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(value.definition), value.ticketsPerDay, value.productiveHours, value.utilization, new Date().toISOString());
}

export function getCostModelInputs(db: Database): CostModelInput | undefined {
  const row = db.prepare('SELECT inputs FROM cost_model_inputs WHERE id = 1').get() as { inputs: string } | undefined;
  return row && (JSON.parse(row.inputs) as CostModelInput);
}

export function saveCostModelInputs(db: Database, inputs: CostModelInput): void {
  db.prepare(
    `INSERT INTO cost_model_inputs (id, inputs, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET inputs = excluded.inputs, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(inputs), new Date().toISOString());
}

export function checklistDone(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT item_key, period, done_at FROM planning_checklist').all() as { item_key: string; period: string; done_at: string }[];
  return new Map(rows.map((r) => [`${r.item_key}|${r.period}`, r.done_at]));
}

export function setChecklistDone(db: Database, itemKey: string, period: string, done: boolean): void {
  if (done) db.prepare('INSERT OR REPLACE INTO planning_checklist (item_key, period, done_at) VALUES (?, ?, ?)').run(itemKey, period, new Date().toISOString());
  else db.prepare('DELETE FROM planning_checklist WHERE item_key = ? AND period = ?').run(itemKey, period);
}
