/** `staffwise import` with awkward input: a Windows-1252 file, an empty interval file. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runStaffwise } from '../helpers/cli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();


describe('staffwise import input', () => {
  it('reads a Windows-1252 ticket export so the queue is "Café Support", not mojibake', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'tickets.csv');
    const text = 'Created at,Group\n2024-05-06 08:01,Caf\u00e9 Support\n2024-05-06 08:20,Caf\u00e9 Support\n';
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const { code, err } = await runStaffwise(['import', '--tickets', file, '--created-at', 'Created at', '--queue', 'Group', '--data-dir', dataDir]);
    expect(code, err).toBe(0);
    const db = new Database(join(dataDir, 'staffwise.db'), { readonly: true });
    const names = (db.prepare('SELECT name FROM queues').all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(names).toContain('Café Support');
  }, 60_000);

  it('blames --intervals, not --tickets, for an empty interval file', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'empty.csv');
    writeFileSync(file, '');
    const { code, err } = await runStaffwise(['import', '--intervals', file, '--queue-name', 'Billing', '--channel', 'phone', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(err).toMatch(/^staffwise import: --intervals: The file is empty/);
    expect(err).not.toMatch(/--tickets:/);
  }, 60_000);
});
