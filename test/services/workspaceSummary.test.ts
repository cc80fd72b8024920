import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileIn } from '../../db/open';
import { call, useBackends } from '../helpers/backend';
import { useTempDirs } from '../helpers/tempDir';

const newBackend = useBackends();
const tempDir = useTempDirs();

describe('workspace summary', () => {
  it('is answered from memory until something is written, by this process or by another one', async () => {
    const dataDir = tempDir();
    const backend = newBackend(dataDir);
    await backend.ensureWorkspace();
    const first = await call(backend, 'workspace.summary', {});
    expect(await call(backend, 'workspace.summary', {})).toBe(first);

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
});
