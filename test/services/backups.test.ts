/**
 * A damaged data file is found on open and refused (nothing written), backups are taken automatically and listed,
 * a restore brings the old state back (and can itself be undone), and a demo reset says what it deletes and can be
 * undone from a backup.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { createBackup, listBackups, BACKUPS_KEPT } from '../../electron/services/backups';
import { openDatabase } from '../../db/open';
import { runCli } from '../../electron/cli/staffwise';
import type { BackupsState, ResetImpact, RestoreResult } from '../../shared/api/channels/backups';
import type { Envelope } from '../../shared/api/errors';
import type { JobHandle } from '../../shared/api/types';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_DEMO_END_DATE } from '../helpers/constants';

const tempDir = useTempDirs();
const DEMO_WEEKS = 4;

async function withBackend<T>(dataDir: string, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ dataDir, demoEndDate: TEST_DEMO_END_DATE, log: () => {} });
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

async function call<T>(backend: Backend, channel: string, payload: unknown = {}): Promise<Envelope<T>> {
  return (await backend.dispatch(channel, payload)) as Envelope<T>;
}

async function value<T>(backend: Backend, channel: string, payload: unknown = {}): Promise<T> {
  const reply = await call<T>(backend, channel, payload);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value;
}

async function resetDemo(backend: Backend): Promise<string> {
  const { jobId } = await value<JobHandle>(backend, 'demo.reset', { weeks: DEMO_WEEKS });
  const done = await backend.waitForJob(jobId);
  expect(done?.status, done?.message).toBe('succeeded');
  return done!.message;
}

const INTERVALS = 'timestamp,volume\n2026-10-05 09:00,4\n2026-10-05 09:15,5\n2026-10-05 09:30,6\n';

async function importQueue(backend: Backend, queueName: string) {
  const { jobId } = await value<JobHandle>(backend, 'import.intervals.start', { text: INTERVALS, queueName, channel: 'phone' });
  const done = await backend.waitForJob(jobId);
  expect(done?.status, done?.message).toBe('succeeded');
}

const queueNames = (backend: Backend) => (backend.db().prepare('SELECT name FROM queues ORDER BY name').all() as { name: string }[]).map((r) => r.name);

/** A workspace opened twice (the second open takes the daily backup), then closed. */
async function workspaceWithDailyBackup(): Promise<string> {
  const dataDir = tempDir();
  await withBackend(dataDir, async (backend) => void (await resetDemo(backend)));
  await withBackend(dataDir, async (backend) => void (await value(backend, 'workspace.summary')));
  return dataDir;
}

/** Overwrites one 4 KB page in the middle of the file with bytes that are no b-tree page. */
function damageMiddlePage(file: string): void {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(pages / 2) * 4096);
  closeSync(fd);
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('damaged data file', () => {
  it('is refused on open with a message naming the newest good backup, and nothing is written to it', async () => {
    const dataDir = await workspaceWithDailyBackup();
    const file = join(dataDir, 'staffwise.db');
    damageMiddlePage(file);
    const before = sha(file);

    await withBackend(dataDir, async (backend) => {
      const summary = await call(backend, 'workspace.summary');
      expect(summary.ok).toBe(false);
      const message = summary.ok ? '' : summary.error.message;
      expect(message).toMatch(/is damaged .*Staffwise will not write to it.*Restore the newest good backup \(staffwise-.*-daily\.db/);
      const imported = await call(backend, 'import.intervals.start', { text: INTERVALS, queueName: 'After damage', channel: 'phone' });
      expect(imported.ok).toBe(false);
      const state = await value<BackupsState>(backend, 'backups.list');
      expect(state.damaged?.newestGoodBackup).toMatch(/-daily\.db$/);
    });
    expect(sha(file)).toBe(before);
  });

  it('makes `staffwise import` fail with the message instead of writing into it', async () => {
    const dataDir = await workspaceWithDailyBackup();
    const file = join(dataDir, 'staffwise.db');
    damageMiddlePage(file);
    const before = sha(file);
    const csv = join(dataDir, 'counts.csv');
    writeFileSync(csv, INTERVALS);
    const err: string[] = [];
    const code = await runCli(['import', '--intervals', csv, '--queue-name', 'Billing', '--channel', 'phone', '--data-dir', dataDir], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/damaged.*staffwise backup --restore staffwise-.*-daily\.db/);
    expect(sha(file)).toBe(before);
  });

  it('is replaced by its newest good backup on restore; the damaged file is moved aside', async () => {
    const dataDir = await workspaceWithDailyBackup();
    const file = join(dataDir, 'staffwise.db');
    damageMiddlePage(file);
    await withBackend(dataDir, async (backend) => {
      const state = await value<BackupsState>(backend, 'backups.list');
      const restored = await value<RestoreResult>(backend, 'backups.restore', { name: state.damaged!.newestGoodBackup });
      expect(restored.damagedFileMovedTo).toMatch(/staffwise\.db\.damaged-/);
      expect(existsSync(restored.damagedFileMovedTo!)).toBe(true);
      expect((await call(backend, 'workspace.summary')).ok).toBe(true);
      expect((await value<BackupsState>(backend, 'backups.list')).damaged).toBeNull();
    });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('gets the full integrity check after an unclean shutdown (a process that never closed the file)', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'staffwise.db');
    const first = openDatabase(file);
    expect(first.integrityCheck).toBe('quick');
    first.db.close(); // closed without clearing the marker, as a crash would leave it
    writeFileSync(`${file}.open-999999999`, 'left by a crashed process');
    const second = openDatabase(file);
    expect(second.integrityCheck).toBe('full');
    second.db.close();
  });
});

describe('backups', () => {
  it('are taken before an import and restore the workspace as it was, and the restore can be undone', async () => {
    const dataDir = tempDir();
    await withBackend(dataDir, async (backend) => {
      await resetDemo(backend);
      await importQueue(backend, 'Imported A');
      const beforeB = listBackups(dataDir).length;
      await importQueue(backend, 'Imported B');
      const backups = listBackups(dataDir);
      expect(backups.length).toBe(beforeB + 1);
      expect(backups[0].reason).toBe('before-import');
      expect(queueNames(backend)).toContain('Imported B');

      const restored = await value<RestoreResult>(backend, 'backups.restore', { name: backups[0].name });
      expect(queueNames(backend)).toContain('Imported A');
      expect(queueNames(backend)).not.toContain('Imported B');
      expect(restored.undoBackup?.reason).toBe('before-restore');

      await value<RestoreResult>(backend, 'backups.restore', { name: restored.undoBackup!.name });
      expect(queueNames(backend)).toContain('Imported B');
    });
  });

  it('keep the newest few of each kind', () => {
    const dataDir = tempDir();
    const { db } = openDatabase(join(dataDir, 'staffwise.db'));
    for (let i = 0; i < BACKUPS_KEPT['before-import'] + 3; i++) createBackup(db, dataDir, 'before-import', new Date(Date.UTC(2026, 0, 1, 0, i)));
    createBackup(db, dataDir, 'manual', new Date(Date.UTC(2025, 0, 1)));
    db.close();
    const kept = listBackups(dataDir);
    expect(kept.filter((b) => b.reason === 'before-import').map((b) => b.createdAt.slice(11, 16))).toEqual(
      Array.from({ length: BACKUPS_KEPT['before-import'] }, (_, i) => `00:${String(12 - i).padStart(2, '0')}`),
    );
    expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(1);
  });

  it('stay under the total size, deleting the oldest first but keeping the newest of each kind', () => {
    const dataDir = tempDir();
    const { db } = openDatabase(join(dataDir, 'staffwise.db'));
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const size = createBackup(db, dataDir, 'daily', at(0)).sizeBytes;
    // Room for three copies in all.
    for (let i = 1; i <= 4; i++) createBackup(db, dataDir, 'before-import', at(i), size * 3);
    db.close();
    expect(listBackups(dataDir).map((b) => `${b.reason}@${b.createdAt.slice(14, 16)}`)).toEqual(['before-import@04', 'before-import@03', 'daily@00']);
  });

  it('refuse names that are not backups in the folder', async () => {
    await withBackend(tempDir(), async (backend) => {
      const traversal = await call(backend, 'backups.restore', { name: '../staffwise.db' });
      expect(traversal.ok).toBe(false);
      const missing = await call(backend, 'backups.restore', { name: 'staffwise-2026-01-01T00-00-00-000Z-daily.db' });
      expect(missing.ok ? '' : missing.error.message).toMatch(/There is no backup called staffwise-2026-01-01T00-00-00-000Z-daily\.db/);
    });
  });
});

describe('demo reset', () => {
  it('counts what it will delete, backs the workspace up first, and can be undone from that backup', async () => {
    const dataDir = tempDir();
    await withBackend(dataDir, async (backend) => {
      await resetDemo(backend);
      await importQueue(backend, 'Imported queue');
      const impact = await value<ResetImpact>(backend, 'demo.resetImpact');
      const count = (sql: string) => (backend.db().prepare(sql).get() as { n: number }).n;
      expect(impact).toMatchObject({
        queues: count('SELECT COUNT(*) AS n FROM queues'),
        intervals: count('SELECT COUNT(*) AS n FROM interval_volumes'),
        importedQueues: 1,
        forecastEvents: count('SELECT COUNT(*) AS n FROM forecast_events'),
        agents: count('SELECT COUNT(*) AS n FROM agents'),
        schedules: 0,
      });
      expect(impact.forecastEvents).toBeGreaterThan(0);
      expect(impact.kept).toContain('saved capacity calculations');

      const message = await resetDemo(backend);
      expect(message).toMatch(/backed up as (staffwise-\S+-before-reset\.db)/);
      const name = /backed up as (staffwise-\S+-before-reset\.db)/.exec(message)![1];
      expect(queueNames(backend)).not.toContain('Imported queue');
      await value<RestoreResult>(backend, 'backups.restore', { name });
      expect(queueNames(backend)).toContain('Imported queue');
    });
  });
});
