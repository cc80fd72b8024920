/**
 * Large writes run in the job's worker on its own connection (issue 9): the import and the forecast store their
 * rows there, in one transaction, and the workspace summary on the main connection follows, because its cache of
 * the whole-history aggregates is keyed by the history revision stored in the database.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bumpHistoryRevision, historyRevision } from '../../db/repositories/historyRevision';
import { replaceImportedIntervals } from '../../db/repositories/importedVolumes';
import { dailyVolumes, queueSummaries } from '../../db/repositories/workspace';
import { writeTransaction } from '../../db/writeTransaction';
import { HistorySummaryCache } from '../../electron/services/historySummary';
import type { Backend } from '../../electron/services/backend';
import { call, resultOf, runJob, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const zendesk = readFileSync(new URL('../fixtures/import/zendesk-tickets.csv', import.meta.url), 'utf8');
const ZENDESK_MAPPING = { createdAt: 2, queue: [4, 5], handleTime: { column: 6, unit: 'minutes' as const } };

function emptyWorkspace(): Backend {
  const backend = newBackend();
  backend.db().prepare("INSERT INTO workspace (id, name, timezone, is_demo, created_at) VALUES (1, 'Imported', 'America/New_York', 0, '2024-01-01T00:00:00Z')").run();
  return backend;
}

/** A second connection to the backend's file, as a job's worker, the CLI or a second host has. */
function otherConnection(backend: Backend): Database.Database {
  const db = new Database(backend.db().name);
  db.pragma('busy_timeout = 5000');
  return db;
}

function oneQueue(name: string, day: string, volumes: number[]) {
  return {
    queueName: name,
    channel: 'phone' as const,
    intervalMin: 60,
    fromDate: day,
    toDate: day,
    localStart: volumes.map((_, h) => `${day}T${String(h).padStart(2, '0')}:00`),
    offsetMin: volumes.map(() => -300),
    volume: volumes,
    ahtSec: volumes.map(() => null),
  };
}

/** The backend's connection, a second one to the same file, and a fresh cache; the second is closed afterwards. */
async function withTwoConnections(test: (main: Database.Database, other: Database.Database, cache: HistorySummaryCache) => void | Promise<void>): Promise<void> {
  const backend = emptyWorkspace();
  const other = otherConnection(backend);
  try {
    await test(backend.db(), other, new HistorySummaryCache());
  } finally {
    other.close();
  }
}

describe('the history cache of the workspace summary', () => {
  it('is read again when another connection writes history, and kept when it writes anything else', () =>
    withTwoConnections((main, other, cache) => {
      const before = cache.current(main);
      expect(before.queues).toEqual([]);

      replaceImportedIntervals(other, [oneQueue('Billing', '2024-03-04', [3, 5, 7])]);
      const after = cache.current(main);
      expect(after.revision).not.toBe(before.revision);
      expect(after.queues.map((q) => [q.name, q.totalVolume, q.openIntervals])).toEqual([['Billing', 15, 3]]);
      expect(after.dailyVolumes).toEqual(dailyVolumes(main));

      // A write to another table moves PRAGMA data_version but not the history: the same aggregates are answered.
      const dataVersion = main.pragma('data_version', { simple: true });
      writeTransaction(other, () => other.prepare("INSERT INTO forecast_events (name, start_date, end_date, effect, value) VALUES ('Sale', '2024-03-05', '2024-03-05', 'multiplier', 1.2)").run());
      expect(main.pragma('data_version', { simple: true })).not.toBe(dataVersion);
      expect(cache.current(main)).toBe(after);
    }));

  it('keeps the last whole state while a job that will offer new aggregates runs, then follows the history', () =>
    withTwoConnections(async (main, other, cache) => {
      const before = cache.current(main);
      let finish!: () => void;
      cache.expectOfferUntil(new Promise<void>((resolve) => (finish = resolve)));
      replaceImportedIntervals(other, [oneQueue('Returns', '2024-03-04', [1, 2])]);
      expect(cache.current(main)).toBe(before);
      finish();
      await new Promise((resolve) => setImmediate(resolve));
      expect(cache.current(main).queues.map((q) => [q.name, q.totalVolume])).toEqual([['Returns', 3]]);
    }));

  it('moves with every history write, and only inside the transaction that makes it', () => {
    const backend = emptyWorkspace();
    const revision = historyRevision(backend.db());
    replaceImportedIntervals(backend.db(), [oneQueue('Billing', '2024-03-04', [1])]);
    expect(historyRevision(backend.db())).not.toBe(revision);
    expect(() => bumpHistoryRevision(backend.db())).toThrow(/inside the transaction/);
  });
});

describe('an import written by its worker', () => {
  it('is in the workspace summary the moment the job is done, with the aggregates of a fresh read', async () => {
    const backend = emptyWorkspace();
    const before = await call(backend, 'workspace.summary', {});
    expect(before.queues).toEqual([]);
    const done = await runJob(backend, 'import.tickets.start', { text: zendesk, mapping: ZENDESK_MAPPING, intervalMinutes: 15, defaultChannel: 'email' });
    const imported = resultOf(done, 'import');
    const summary = await call(backend, 'workspace.summary', {});
    expect(summary.queues.map((q) => q.name).sort()).toEqual(imported.queues.map((q) => q.name).sort());
    expect(summary.queues).toEqual(queueSummaries(backend.db()));
    expect(summary.dailyVolumes).toEqual(dailyVolumes(backend.db()));
    expect(summary.queues.reduce((n, q) => n + q.totalVolume, 0)).toBe(imported.contacts);
  });

  it('leaves nothing when its last queue cannot be written, though the queues before it were written in the same transaction', async () => {
    const backend = emptyWorkspace();
    const preview = await call(backend, 'import.tickets.preview', { text: zendesk, mapping: ZENDESK_MAPPING, intervalMinutes: 15 });
    const lastQueue = preview.queues.at(-1)!.queue;
    expect(preview.queues.length).toBeGreaterThan(1);
    const before = await call(backend, 'workspace.summary', {});
    const { jobId } = await call(backend, 'import.tickets.start', { text: zendesk, mapping: ZENDESK_MAPPING, intervalMinutes: 15, defaultChannel: 'email' });
    // Created after the job read the queues and before its worker writes (a worker thread takes far longer to start
    // than this statement): the write finds 5-minute intervals there.
    writeTransaction(backend.db(), () => {
      backend.db().prepare("INSERT INTO queues (name, channel, interval_min) VALUES (?, 'email', 5)").run(lastQueue);
      bumpHistoryRevision(backend.db());
    });
    const done = await backend.waitForJob(jobId);
    expect(done?.status).toBe('failed');
    expect(done?.message).toContain(`queue "${lastQueue}" has 5-minute intervals`);
    expect(backend.db().prepare('SELECT COUNT(*) FROM interval_volumes').pluck().get()).toBe(0);
    expect(backend.db().prepare('SELECT name FROM queues').pluck().all()).toEqual([lastQueue]);
    expect(backend.db().prepare('SELECT COUNT(*) FROM data_imports').pluck().get()).toBe(0);
    expect((await call(backend, 'workspace.summary', {})).queues.map((q) => q.name)).toEqual([lastQueue]);
    expect(before.queues).toEqual([]);
  });
});
