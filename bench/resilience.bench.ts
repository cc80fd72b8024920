/**
 * `npm run bench -- resilience`: repeats the probes of issue 12 against the built app (dist/node, run
 * `node scripts/build.mjs` first) and prints one table. Each trial is an entry of TRIALS, so more probes (the browser
 * host's edges) are added by appending to that list. Bounded: about two minutes on a two-core laptop.
 *
 * Columns: requests made, process crashes, 5xx answers, rows lost (imported rows missing afterwards, or rows
 * written where nothing should have been), trials run, corruptions (integrity_check not ok, or an import half
 * there), and what must be true for the row to pass.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { callHost, startHostProcess, WEB_ENTRY, type HostProcess } from '../test/helpers/hostProcess';
import { contract } from '../shared/api/contract';
import { printTable, type Cell } from './table';

const CLI = fileURLToPath(new URL('../bin/staffwise.mjs', import.meta.url));
const DEMO_END_DATE = '2026-11-21';

/** What one trial found; every count except `trials` and `requests` must be 0 for it to pass. */
export interface TrialResult {
  requests: number;
  crashes: number;
  serverErrors: number;
  rowsLost: number;
  trials: number;
  corruptions: number;
  /** Any figure worth printing (seconds, MB), or why something failed. */
  note: string;
}

export interface Trial {
  name: string;
  /** What must hold, in words, for the row to pass. */
  expectation: string;
  run(workDir: string): Promise<TrialResult>;
}

const empty = (): TrialResult => ({ requests: 0, crashes: 0, serverErrors: 0, rowsLost: 0, trials: 0, corruptions: 0, note: '' });

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  maxRssMb?: number;
}

function runCli(args: string[], options: { killAfterMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, STAFFWISE_DEMO_END_DATE: DEMO_END_DATE }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    if (options.killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

/** Peak resident memory of a CLI run, read from the kernel's accounting of the child (Linux /proc). */
function runCliMeasured(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, STAFFWISE_DEMO_END_DATE: DEMO_END_DATE }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process has exited.
      }
    };
    const timer = setInterval(sample, 100);
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, out, maxRssMb: peakKb / 1024 });
    });
  });
}

/** Rows of 15-minute counts for one week, as a file. */
function weekFile(dir: string, name: string, rows = 7 * 96): string {
  const start = Date.UTC(2026, 9, 5);
  const lines = ['timestamp,volume'];
  for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 900_000).toISOString().slice(0, 16).replace('T', ' ')},${(i % 13) + 1}`);
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function fiveMinuteFile(dir: string, rows: number): string {
  const start = Date.UTC(2020, 0, 1, 5);
  const file = join(dir, `five-minute-${rows}.csv`);
  const fd = openSync(file, 'w');
  writeSync(fd, 'timestamp,volume\n');
  for (let at = 0; at < rows; at += 100_000) {
    const lines: string[] = [];
    for (let i = at; i < Math.min(rows, at + 100_000); i++) lines.push(`${new Date(start + i * 300_000).toISOString().slice(0, 16)}Z,${i % 50}`);
    writeSync(fd, lines.join('\n') + '\n');
  }
  closeSync(fd);
  return file;
}

function inspect(dataDir: string, queuePrefix: string) {
  const db = new Database(join(dataDir, 'staffwise.db'), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const counts = db
      .prepare('SELECT q.name AS name, COUNT(v.queue_id) AS n FROM queues q LEFT JOIN interval_volumes v ON v.queue_id = q.id WHERE q.name LIKE ? GROUP BY q.id')
      .all(`${queuePrefix}%`) as { name: string; n: number }[];
    return { integrity, counts: new Map(counts.map((c) => [c.name, c.n])) };
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export const TRIALS: Trial[] = [
  {
    name: 'host + 4 CLI imports at once, empty folder',
    expectation: 'all 5 finish, 4 × 672 rows present, integrity ok',
    async run(dir) {
      const result = empty();
      const files = [1, 2, 3, 4].map((i) => weekFile(dir, `q${i}.csv`));
      const dataDir = join(dir, 'shared');
      const started = performance.now();
      const [host, ...imports] = await Promise.allSettled([
        startHostProcess(dataDir, { STAFFWISE_DEMO_END_DATE: DEMO_END_DATE }),
        ...files.map((file, i) => runCli(['import', '--intervals', file, '--queue-name', `Concurrent ${i + 1}`, '--channel', 'phone', '--data-dir', dataDir])),
      ]);
      result.trials = 5;
      result.requests = 4;
      if (host.status === 'rejected') result.crashes++;
      else {
        const summary = await callHost(host.value, 'workspace.summary', {});
        result.requests++;
        if (!summary.ok) result.serverErrors++;
        await host.value.stop();
      }
      for (const run of imports) if (run.status === 'rejected' || run.value.code !== 0) result.crashes++;
      const after = inspect(dataDir, 'Concurrent ');
      for (let i = 1; i <= 4; i++) result.rowsLost += 672 - (after.counts.get(`Concurrent ${i}`) ?? 0);
      if (after.integrity !== 'ok') result.corruptions++;
      result.note = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      return result;
    },
  },
  {
    name: 'two hosts start together, empty folder (3 rounds)',
    expectation: 'both start every round, one workspace, integrity ok',
    async run(dir) {
      const result = empty();
      for (let round = 0; round < 3; round++) {
        const dataDir = join(dir, `hosts-${round}`);
        const hosts = await Promise.allSettled([startHostProcess(dataDir, { STAFFWISE_DEMO_END_DATE: DEMO_END_DATE }), startHostProcess(dataDir, { STAFFWISE_DEMO_END_DATE: DEMO_END_DATE })]);
        result.trials += 2;
        for (const h of hosts) {
          if (h.status === 'rejected') {
            result.crashes++;
            result.note = String(h.reason).split('\n')[0];
            continue;
          }
          result.requests++;
          if (!(await callHost(h.value, 'workspace.summary', {})).ok) result.serverErrors++;
          await h.value.stop();
        }
        const db = new Database(join(dataDir, 'staffwise.db'), { readonly: true });
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') result.corruptions++;
        if ((db.prepare('SELECT COUNT(*) AS n FROM workspace').get() as { n: number }).n !== 1) result.corruptions++;
        db.close();
      }
      return result;
    },
  },
  {
    name: 'kill -9 during an import (5 trials)',
    expectation: 'each import wholly there or wholly absent, integrity ok',
    async run(dir) {
      const result = empty();
      const dataDir = join(dir, 'killed');
      const file = weekFile(dir, 'big-week.csv', 40_000);
      await runCli(['import', '--intervals', weekFile(dir, 'seed.csv'), '--queue-name', 'Seed', '--channel', 'phone', '--data-dir', dataDir]);
      for (let trial = 0; trial < 5; trial++) {
        const run = await runCli(['import', '--intervals', file, '--queue-name', `Killed ${trial}`, '--channel', 'phone', '--data-dir', dataDir], { killAfterMs: 800 + trial * 500 });
        result.trials++;
        const after = inspect(dataDir, `Killed ${trial}`);
        const stored = after.counts.get(`Killed ${trial}`) ?? 0;
        if (stored !== 0 && stored !== 40_000) result.corruptions++;
        if (run.code === 0 && stored !== 40_000) result.rowsLost += 40_000 - stored;
        if (after.integrity !== 'ok') result.corruptions++;
      }
      return result;
    },
  },
  {
    name: 'one damaged 4 KB page, then staffwise import',
    expectation: 'refused (exit 1, names a backup), file unchanged',
    async run(dir) {
      const result = empty();
      const dataDir = join(dir, 'damaged');
      await runCli(['import', '--intervals', weekFile(dir, 'first.csv'), '--queue-name', 'First', '--channel', 'phone', '--data-dir', dataDir]);
      await runCli(['backup', '--now', '--data-dir', dataDir]);
      const file = join(dataDir, 'staffwise.db');
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(statSync(file).size / 4096 / 2) * 4096);
      closeSync(fd);
      const before = sha(file);
      const run = await runCli(['import', '--intervals', weekFile(dir, 'second.csv'), '--queue-name', 'Second', '--channel', 'phone', '--data-dir', dataDir]);
      result.trials = 1;
      if (run.code !== 1 || !/damaged.*backup --restore staffwise-/.test(run.out)) {
        result.corruptions++;
        result.note = run.out.trim().split('\n')[0];
      }
      if (sha(file) !== before) result.rowsLost++;
      return result;
    },
  },
  {
    name: 'bad input through the contract',
    expectation: '1e308, 2026-02-30, a 200,000-char name: all refused',
    async run() {
      const result = empty();
      const probes: [string, unknown][] = [
        ['forecast.adjustDay', { queueId: 1, date: '2026-02-30', total: 10 }],
        ['forecast.adjustDay', { queueId: 1, date: '2026-02-02', total: 1e308 }],
        ['import.intervals.start', { text: 'timestamp,volume\n2026-01-01 00:00,1\n', queueName: 'Q'.repeat(200_000), channel: 'phone' }],
        ['backups.restore', { name: '../staffwise.db' }],
      ];
      for (const [channel, payload] of probes) {
        result.requests++;
        result.trials++;
        // Accepted bad input would be stored: count it as rows that should never have been written.
        if (contract[channel as keyof typeof contract].request.safeParse(payload).success) result.rowsLost++;
      }
      return result;
    },
  },
  {
    name: 'memory: 5 years of 5-minute rows (one queue)',
    expectation: 'peak RSS of the CLI import under 1,024 MB; × 20 queues = 20 such imports',
    async run(dir) {
      const result = empty();
      const dataDir = join(dir, 'memory');
      const rows = 5 * 365 * 288;
      const run = await runCliMeasured(['import', '--intervals', fiveMinuteFile(dir, rows), '--queue-name', 'Five years', '--channel', 'phone', '--data-dir', dataDir]);
      result.trials = 1;
      if (run.code !== 0) result.crashes++;
      const stored = inspect(dataDir, 'Five years').counts.get('Five years') ?? 0;
      result.rowsLost = rows - stored;
      result.note = `${rows.toLocaleString('en-US')} rows, peak RSS ${Math.round(run.maxRssMb ?? 0)} MB`;
      if ((run.maxRssMb ?? 0) > 1024) result.corruptions++;
      return result;
    },
  },
];

export default async function resilienceBench(): Promise<void> {
  if (!existsSync(WEB_ENTRY)) {
    console.log(`\nResilience: ${WEB_ENTRY} is missing; run "node scripts/build.mjs" first.`);
    return;
  }
  const rows: Cell[][] = [];
  for (const trial of TRIALS) {
    const workDir = mkdtempSync(join(tmpdir(), 'staffwise-resilience-'));
    const started = performance.now();
    let result: TrialResult;
    try {
      result = await trial.run(workDir);
    } catch (error) {
      result = { ...empty(), crashes: 1, note: (error as Error).message.split('\n')[0] };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
    const seconds = (performance.now() - started) / 1000;
    const pass = result.crashes + result.serverErrors + result.rowsLost + result.corruptions === 0;
    rows.push([trial.name, result.requests, result.crashes, result.serverErrors, result.rowsLost, result.trials, result.corruptions, pass ? 'yes' : 'NO', trial.expectation, `${seconds.toFixed(1)} s${result.note ? `; ${result.note}` : ''}`]);
  }
  printTable('Resilience (issue 12): concurrency, corruption, bad input, memory', ['trial', 'requests', 'crashes', '5xx', 'rows lost', 'trials', 'corruptions', 'pass', 'must hold', 'time; notes'], rows);
}

/** Kept for trials that talk to a running host directly. */
export type { HostProcess };
