/**
 * Numbered SQL migrations (`db/migrations/NNNN_name.sql`), applied in order inside one transaction.
 *
 * `PRAGMA user_version` holds the number of the last applied migration and `schema_migrations` records each name,
 * so a file whose applied list is not a prefix of ours (a database from a newer or diverged build) is refused
 * instead of being silently mangled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { findUpward } from './findUpward';
import { writeTransaction } from './writeTransaction';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(fileVersion: number, knownVersion: number) {
    super(
      `This data file was written by a newer Staffwise (schema version ${fileVersion}; this build knows up to ${knownVersion}). ` +
        'Update Staffwise to open it; the file was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationHistoryMismatchError extends Error {
  constructor(detail: string) {
    super(`This data file's migration history does not match this build (${detail}); the file was not changed.`);
    this.name = 'MigrationHistoryMismatchError';
  }
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function defaultMigrationsDir(): string {
  return process.env.STAFFWISE_MIGRATIONS_DIR ?? findUpward(join('db', 'migrations'), import.meta.url);
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`Migration file name ${file} must look like 0001_name.sql`);
      return { version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws without touching the file when it cannot be migrated by this build. */
export function assertMigratable(db: Database, migrations: Migration[]): void {
  const version = schemaVersion(db);
  if (version > migrations.length) throw new DatabaseTooNewError(version, migrations.length);
  if (version === 0) return;
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  if (applied.length !== version) throw new MigrationHistoryMismatchError(`user_version ${version} but ${applied.length} recorded migrations`);
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (row.version !== known.version || row.name !== known.name) {
      throw new MigrationHistoryMismatchError(`migration ${row.version} is "${row.name}", this build expects "${known.name}"`);
    }
  });
}

/**
 * Applies every pending migration in one transaction; returns the versions applied. The transaction is immediate
 * and the version is read again inside it: when two processes start together on one new folder, the second waits
 * for the first and then finds nothing left to do, instead of running the migrations a second time.
 */
export function applyMigrations(db: Database, migrations: Migration[]): number[] {
  assertMigratable(db, migrations);
  if (schemaVersion(db) >= migrations.length) return [];
  return writeTransaction(db, () => {
    assertMigratable(db, migrations);
    const pending = migrations.slice(schemaVersion(db));
    if (pending.length === 0) return [];
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${pending[pending.length - 1].version}`);
    return pending.map((m) => m.version);
  });
}
