import type { Database } from 'better-sqlite3';
import { bumpHistoryRevision } from './historyRevision';
import type { ChannelKind, DailyVolume, QueueSummary } from '../../shared/api/types';
import type { Workspace } from '../../shared/model';
import { insertDailyVolumes } from './plans';
import type { ResetImpact } from '../../shared/api/channels/backups';
import { writeTransaction } from '../writeTransaction';

export interface WorkspaceRow {
  name: string;
  timezone: string;
  isDemo: boolean;
}

export function getWorkspace(db: Database): WorkspaceRow | undefined {
  const row = db.prepare('SELECT name, timezone, is_demo FROM workspace WHERE id = 1').get() as
    | { name: string; timezone: string; is_demo: number }
    | undefined;
  return row && { name: row.name, timezone: row.timezone, isDemo: row.is_demo === 1 };
}

/**
 * Replaces the whole workspace (team, queues, history, events) with a generated one, in one transaction: a crash part-way
 * leaves the previous workspace exactly as it was. Saved calculations, staffing profiles, shift templates and the
 * import log are the planner's own and are kept. Schedules go with the agents they roster (see resetImpact). With `onlyIfNone` (first start), nothing is replaced when another process sharing the data folder created a
 * workspace meanwhile; returns whether it was written.
 */
export function replaceWorkspace(db: Database, workspace: Workspace, options: { onlyIfNone?: boolean } = {}): boolean {
  return writeTransaction(db, () => {
    if (options.onlyIfNone && getWorkspace(db)) return false;
    bumpHistoryRevision(db);
    // Schedules are deleted outright: their shifts would go with the agents anyway, leaving empty weeks behind.
    db.exec('DELETE FROM forecast_events; DELETE FROM interval_volumes; DELETE FROM queues; DELETE FROM schedules; DELETE FROM agents; DELETE FROM workspace;');
    db.prepare('INSERT INTO workspace (id, name, timezone, is_demo, created_at) VALUES (1, ?, ?, ?, ?)').run(
      workspace.name,
      workspace.timezone,
      workspace.isDemo ? 1 : 0,
      new Date().toISOString(),
    );
    const insertQueue = db.prepare('INSERT INTO queues (name, channel, interval_min) VALUES (?, ?, ?)');
    const insertInterval = db.prepare(
      'INSERT INTO interval_volumes (queue_id, start_local, utc_offset_min, status, volume, aht_sec) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const queueIds = new Map<string, number>();
    for (const queue of workspace.queues) {
      const queueId = Number(insertQueue.run(queue.name, queue.channel, queue.intervalMin).lastInsertRowid);
      queueIds.set(queue.name, queueId);
      for (const p of queue.intervals) {
        insertInterval.run(queueId, p.startLocal, p.utcOffsetMin, p.status, p.volume, p.ahtSec);
      }
      if (queue.dailyHistory) insertDailyVolumes(db, queueId, queue.dailyHistory);
    }
    const insertEvent = db.prepare('INSERT INTO forecast_events (name, start_date, end_date, effect, value, queue_id) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of workspace.events) {
      insertEvent.run(e.name, e.startDate, e.endDate, e.effect, e.value, e.queueName === null ? null : (queueIds.get(e.queueName) ?? null));
    }
    const insertAgent = db.prepare('INSERT INTO agents (name, team, skills, contract, timezone) VALUES (?, ?, ?, ?, ?)');
    for (const agent of workspace.agents) {
      insertAgent.run(agent.name, agent.team, JSON.stringify(agent.skills), JSON.stringify(agent.contract), agent.timezone);
    }
    return true;
  });
}

export function queueSummaries(db: Database): QueueSummary[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.name, q.channel, q.interval_min,
              MIN(v.start_local) AS history_from, MAX(v.start_local) AS history_to,
              COALESCE(SUM(v.status = 'open'), 0) AS open_intervals, COALESCE(SUM(v.volume), 0) AS total_volume,
              SUM(v.volume * v.aht_sec) / NULLIF(SUM(CASE WHEN v.aht_sec IS NOT NULL THEN v.volume END), 0) AS mean_aht_sec
       FROM queues q LEFT JOIN interval_volumes v ON v.queue_id = q.id
       GROUP BY q.id ORDER BY q.id`,
    )
    .all() as {
    id: number;
    name: string;
    channel: ChannelKind;
    interval_min: number;
    history_from: string | null;
    history_to: string | null;
    open_intervals: number;
    total_volume: number;
    mean_aht_sec: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    intervalMin: r.interval_min,
    historyFrom: r.history_from,
    historyTo: r.history_to,
    openIntervals: r.open_intervals,
    totalVolume: r.total_volume,
    meanAhtSec: r.mean_aht_sec,
  }));
}

export function dailyVolumes(db: Database): DailyVolume[] {
  return db
    .prepare(
      `SELECT substr(start_local, 1, 10) AS date, queue_id AS queueId, SUM(volume) AS volume
       FROM interval_volumes WHERE status = 'open' GROUP BY queue_id, date ORDER BY date, queue_id`,
    )
    .all() as DailyVolume[];
}

export function agentCountsBySkill(db: Database): { total: number; bySkill: Record<string, number> } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM agents').get() as { n: number }).n;
  const rows = db
    .prepare('SELECT s.value AS skill, COUNT(*) AS n FROM agents, json_each(agents.skills) s GROUP BY s.value')
    .all() as { skill: string; n: number }[];
  return { total, bySkill: Object.fromEntries(rows.map((r) => [r.skill, r.n])) };
}

/** What replaceWorkspace would delete, counted from the same tables it clears (cascades included). */
export function resetImpact(db: Database): Omit<ResetImpact, 'kept'> {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const importedNames = new Set<string>();
  for (const row of db.prepare('SELECT queues FROM data_imports').all() as { queues: string }[]) {
    for (const q of JSON.parse(row.queues) as { name: string }[]) importedNames.add(q.name);
  }
  const queueNames = (db.prepare('SELECT name FROM queues').all() as { name: string }[]).map((r) => r.name);
  return {
    queues: queueNames.length,
    intervals: count('SELECT COUNT(*) AS n FROM interval_volumes'),
    importedQueues: queueNames.filter((name) => importedNames.has(name)).length,
    forecastRuns: count('SELECT COUNT(*) AS n FROM forecast_runs'),
    forecastAdjustments: count('SELECT COUNT(*) AS n FROM forecast_adjustments'),
    forecastEvents: count('SELECT COUNT(*) AS n FROM forecast_events'),
    schedules: count('SELECT COUNT(*) AS n FROM schedules'),
    publishedSchedules: count("SELECT COUNT(*) AS n FROM schedules WHERE status = 'published'"),
    agents: count('SELECT COUNT(*) AS n FROM agents'),
  };
}
