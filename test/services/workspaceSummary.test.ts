import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileIn } from '../../db/open';
import { call, resultOf, runJob, useBackends } from '../helpers/backend';
import { useTempDirs } from '../helpers/tempDir';

const newBackend = useBackends();
const tempDir = useTempDirs();

describe('workspace summary', () => {
  it('keeps the history aggregates until the history changes, and counts agents written by this or another process', async () => {
    const dataDir = tempDir();
    const backend = newBackend(dataDir);
    await backend.ensureWorkspace();
    const first = await call(backend, 'workspace.summary', {});
    const again = await call(backend, 'workspace.summary', {});
    expect(again.dailyVolumes).toBe(first.dailyVolumes);
    expect(again.queues).toBe(first.queues);

    const addAgent = (db: Database.Database, name: string) =>
      db.prepare("INSERT INTO agents (name, team, skills, contract, timezone) VALUES (?, 'Team', '[\"phone\"]', '{}', 'UTC')").run(name);

    addAgent(backend.db(), 'Written here');
    const afterLocal = await call(backend, 'workspace.summary', {});
    expect(afterLocal.agentCount).toBe(first.agentCount + 1);

    const other = new Database(databaseFileIn(dataDir));
    other.pragma('busy_timeout = 5000');
    addAgent(other, 'Written by the CLI');
    other.close();
    const afterOther = await call(backend, 'workspace.summary', {});
    expect(afterOther.agentCount).toBe(first.agentCount + 2);
    expect(afterOther.agentsBySkill.phone).toBe(first.agentsBySkill.phone + 2);
  });

  it('shows a newly imported queue and its contacts at once', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const before = await call(backend, 'workspace.summary', {});
    const text = 'timestamp,volume\n2026-11-16T09:00,12\n2026-11-16T09:15,8\n2026-11-16T09:30,5\n';
    resultOf(await runJob(backend, 'import.intervals.start', { text, queueName: 'Callbacks', channel: 'phone' }), 'import');
    const after = await call(backend, 'workspace.summary', {});
    expect(after.queues.map((q) => q.name)).toEqual([...before.queues.map((q) => q.name), 'Callbacks']);
    const callbacks = after.queues.find((q) => q.name === 'Callbacks')!;
    expect(after.dailyVolumes.filter((d) => d.queueId === callbacks.id)).toEqual([{ date: '2026-11-16', queueId: callbacks.id, volume: 25 }]);
  });
});
