/**
 * Several processes on one data folder, as the README promises: the browser host and `staffwise import` runs at
 * the same moment, and two hosts starting together on an empty folder. Runs the built bundles (dist/node), as a
 * user would.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { callHost, startHostProcess, type HostProcess } from '../helpers/hostProcess';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_DEMO_END_DATE } from '../helpers/constants';

const CLI = fileURLToPath(new URL('../../bin/staffwise.mjs', import.meta.url));
const tempDir = useTempDirs();

/** A week of 15-minute counts (672 rows), different per queue so each import is recognisable. */
function intervalFile(dir: string, index: number): string {
  const lines = ['timestamp,volume'];
  const start = Date.UTC(2026, 9, 5); // a Monday, inside no DST change
  for (let i = 0; i < 7 * 96; i++) lines.push(`${new Date(start + i * 900_000).toISOString().slice(0, 16).replace('T', ' ')},${(i % 13) + index}`);
  const file = join(dir, `queue-${index}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, STAFFWISE_DEMO_END_DATE: TEST_DEMO_END_DATE }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

function inspect(dataDir: string) {
  const db = new Database(join(dataDir, 'staffwise.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      importedFiles: (db.prepare('SELECT file_name FROM data_imports ORDER BY file_name').all() as { file_name: string }[]).map((r) => r.file_name),
      intervalsByQueue: Object.fromEntries(
        (db.prepare("SELECT q.name, COUNT(v.queue_id) AS n FROM queues q LEFT JOIN interval_volumes v ON v.queue_id = q.id WHERE q.name LIKE 'Concurrent %' GROUP BY q.id").all() as { name: string; n: number }[]).map((r) => [r.name, r.n]),
      ),
      workspaces: (db.prepare('SELECT COUNT(*) AS n FROM workspace').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('one data folder shared by several processes', () => {
  it('the browser host and four CLI imports started at once on an empty folder all finish, and every import is there', async () => {
    const dataDir = tempDir();
    const files = [1, 2, 3, 4].map((i) => intervalFile(dataDir, i));
    let host: HostProcess | undefined;
    try {
      const [started, ...imports] = await Promise.all([
        startHostProcess(dataDir),
        ...files.map((file, i) => runCli(['import', '--intervals', file, '--queue-name', `Concurrent ${i + 1}`, '--channel', 'phone', '--data-dir', dataDir])),
      ]);
      host = started;
      for (const result of imports) expect(result.out, result.out).toMatch(/Imported .* 672 intervals/);
      expect(imports.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      // The host still answers, and writes, after the others are done.
      const summary = await callHost(host, 'workspace.summary', {});
      expect(summary.ok).toBe(true);
    } finally {
      await host?.stop();
    }
    const after = inspect(dataDir);
    expect(after.integrity).toBe('ok');
    expect(after.workspaces).toBe(1);
    expect(after.importedFiles).toEqual(['queue-1.csv', 'queue-2.csv', 'queue-3.csv', 'queue-4.csv']);
    expect(after.intervalsByQueue).toEqual({ 'Concurrent 1': 672, 'Concurrent 2': 672, 'Concurrent 3': 672, 'Concurrent 4': 672 });
  }, 120_000);

  it('two browser hosts starting together on an empty folder both start, over one workspace (three rounds)', async () => {
    // A race: one round can pass by luck, three in a row did not before the start-up migration took the write lock.
    for (let round = 0; round < 3; round++) {
      const dataDir = tempDir();
      const hosts = await Promise.allSettled([startHostProcess(dataDir), startHostProcess(dataDir)]);
      try {
        expect(hosts.map((h) => (h.status === 'rejected' ? String(h.reason) : 'started'))).toEqual(['started', 'started']);
        for (const h of hosts) if (h.status === 'fulfilled') expect((await callHost(h.value, 'workspace.summary', {})).ok).toBe(true);
      } finally {
        for (const h of hosts) if (h.status === 'fulfilled') await h.value.stop();
      }
      const after = inspect(dataDir);
      expect(after.integrity).toBe('ok');
      expect(after.workspaces).toBe(1);
    }
  }, 180_000);
});
