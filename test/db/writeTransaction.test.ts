/**
 * Writers in WAL mode: a deferred read-then-write transaction fails at once when another connection committed since
 * its read (the "database is locked" of issue 12); writeTransaction takes the lock first and waits, and when the
 * wait runs out it says so plainly.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';
import { DatabaseBusyError, retryWhileBusy, writeTransaction } from '../../db/writeTransaction';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

function twoConnections() {
  const file = join(tempDir(), 'staffwise.db');
  const { db: first } = openDatabase(file);
  first.exec('CREATE TABLE counter (n INTEGER)');
  first.exec('INSERT INTO counter VALUES (0)');
  const second = new Database(file);
  second.pragma('busy_timeout = 200');
  return { first, second };
}

describe('writeTransaction', () => {
  it('reads then writes without failing where a deferred transaction fails once another connection has committed', () => {
    const { first, second } = twoConnections();
    const read = (db: Database.Database) => (db.prepare('SELECT n FROM counter').get() as { n: number }).n;

    // Deferred: the read starts a snapshot; the other connection commits; the upgrade to a write is refused.
    first.exec('BEGIN');
    read(first);
    second.prepare('UPDATE counter SET n = n + 1').run();
    expect(() => first.prepare('UPDATE counter SET n = n + 1').run()).toThrow(/database is locked|SQLITE_BUSY/);
    first.exec('ROLLBACK');

    // Immediate: the lock comes first, so the read sees the latest data and the write follows.
    writeTransaction(first, () => first.prepare('UPDATE counter SET n = ?').run(read(first) + 1));
    expect(read(second)).toBe(2);
    first.close();
    second.close();
  });

  it('gives up after its bounded attempts with a message that says nothing was written', () => {
    const { first, second } = twoConnections();
    first.exec('BEGIN IMMEDIATE'); // another program holding the write lock for a long time
    expect(() => writeTransaction(second, () => second.prepare('UPDATE counter SET n = 5').run(), 2)).toThrow(DatabaseBusyError);
    expect(() => writeTransaction(second, () => second.prepare('UPDATE counter SET n = 5').run(), 2)).toThrow(/stayed locked by another Staffwise window or command .*nothing was written/);
    first.exec('ROLLBACK');
    writeTransaction(second, () => second.prepare('UPDATE counter SET n = 5').run());
    expect((first.prepare('SELECT n FROM counter').get() as { n: number }).n).toBe(5);
    first.close();
    second.close();
  });
});

describe('retryWhileBusy', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('retries a statement SQLite refused at once as busy, and returns its result', () => {
    let calls = 0;
    expect(retryWhileBusy(() => (++calls < 3 ? (() => { throw busy(); })() : 'wal'))).toBe('wal');
    expect(calls).toBe(3);
  });

  it('passes other errors through at once, and gives up with a clear message when the time runs out', () => {
    let calls = 0;
    expect(() => retryWhileBusy(() => { calls++; throw new Error('no such table: x'); })).toThrow('no such table: x');
    expect(calls).toBe(1);
    expect(() => retryWhileBusy(() => { throw busy(); }, 50)).toThrow(DatabaseBusyError);
  });
});
