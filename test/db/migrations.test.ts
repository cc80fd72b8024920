import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { DatabaseTooNewError, loadMigrations, MigrationHistoryMismatchError, type Migration } from '../../db/migrate';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const shipped = loadMigrations();
const extra: Migration = { version: shipped.length + 1, name: 'test_add_notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);' };

describe('database migrations', () => {
  it('creates a fresh file with every migration, WAL and foreign keys on', () => {
    const file = join(tempDir(), 'staffwise.db');
    const { db, appliedMigrations, backupFile } = openDatabase(file);
    expect(appliedMigrations).toEqual(shipped.map((m) => m.version));
    expect(backupFile).toBeUndefined();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(shipped.length);
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(shipped.map((m) => m.name));
    db.close();
  });

  it('migrates an existing older file after taking a complete backup copy', () => {
    const dir = tempDir();
    const file = join(dir, 'staffwise.db');
    const first = openDatabase(file, { migrations: shipped });
    first.db.prepare("INSERT INTO capacity_calculations (name, inputs, created_at, updated_at) VALUES ('kept', '{}', 'x', 'x')").run();
    first.db.close();

    const second = openDatabase(file, { migrations: [...shipped, extra] });
    expect(second.appliedMigrations).toEqual([extra.version]);
    expect(second.backupFile && existsSync(second.backupFile)).toBe(true);
    second.db.prepare("INSERT INTO notes (body) VALUES ('new table works')").run();
    expect(second.db.prepare('SELECT name FROM capacity_calculations').pluck().all()).toEqual(['kept']);
    second.db.close();

    const backup = new Database(second.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(shipped.length);
    expect(backup.prepare('SELECT name FROM capacity_calculations').pluck().all()).toEqual(['kept']);
    backup.close();
  });

  it('refuses a file written by a newer build and leaves it unchanged', () => {
    const file = join(tempDir(), 'staffwise.db');
    openDatabase(file, { migrations: [...shipped, extra] }).db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file, { migrations: shipped })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file, { migrations: shipped })).toThrow(`newer Staffwise (schema version ${shipped.length + 1}; this build knows up to ${shipped.length})`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file whose migration history diverges from this build', () => {
    const file = join(tempDir(), 'staffwise.db');
    openDatabase(file, { migrations: shipped }).db.close();
    const renamed = shipped.map((m, i) => (i === 0 ? { ...m, name: 'something_else' } : m));
    expect(() => openDatabase(file, { migrations: [...renamed, extra] })).toThrow(MigrationHistoryMismatchError);
  });

  it('applies pending migrations all or nothing: a failing one leaves the file at its old version', () => {
    const dir = tempDir();
    const file = join(dir, 'staffwise.db');
    openDatabase(file, { migrations: shipped }).db.close();
    const broken: Migration = { version: shipped.length + 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO missing_table VALUES (1);' };
    expect(() => openDatabase(file, { migrations: [...shipped, extra, broken] })).toThrow(/no such table: missing_table/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(shipped.length);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('notes', 'half')").pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(dir).some((f) => f.endsWith('.bak'))).toBe(true);
  });

  it('refuses a migrations folder with a gap, a duplicate number or a badly named file', () => {
    const folder = (files: Record<string, string>) => {
      const dir = tempDir();
      for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
      return dir;
    };
    const table = (name: string) => `CREATE TABLE ${name} (id INTEGER PRIMARY KEY);`;
    expect(loadMigrations(folder({ '0001_a.sql': table('a'), '0002_b.sql': table('b') })).map((m) => [m.version, m.name])).toEqual([[1, 'a'], [2, 'b']]);
    expect(() => loadMigrations(folder({ '0001_a.sql': table('a'), '0003_c.sql': table('c') }))).toThrow('found 3 at position 2');
    expect(() => loadMigrations(folder({ '0001_a.sql': table('a'), '0001_b.sql': table('b') }))).toThrow('found 1 at position 2');
    expect(() => loadMigrations(folder({ '0001_a.sql': table('a'), '2_b.sql': table('b') }))).toThrow('2_b.sql must look like 0001_name.sql');
  });
});
