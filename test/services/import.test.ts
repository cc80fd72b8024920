/**
 * Importing contact history through the services: previews, import jobs in a worker, one-transaction writes,
 * replace-on-reimport, cancel, refusals, and daylight-saving days (25 and 23 hours) in New York.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/api/contract';
import type { JobProgressEvent } from '../../shared/api/types';
import type { Backend } from '../../electron/services/backend';
import { call, runJob, useBackends, resultOf } from '../helpers/backend';

const newBackend = useBackends();
const ZONE = 'America/New_York';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const ZENDESK_MAPPING = { createdAt: 2, queue: [4, 5], handleTime: { column: 6, unit: 'minutes' as const } };

/** A backend whose workspace exists but is empty (no demo), so each test sees only its own imports. */
function emptyWorkspace(zone = ZONE): Backend {
  const backend = newBackend();
  backend.db().prepare("INSERT INTO workspace (id, name, timezone, is_demo, created_at) VALUES (1, 'Imported', ?, 0, '2024-01-01T00:00:00Z')").run(zone);
  return backend;
}



const importTickets = (backend: Backend, text: string, extra: Partial<RequestOf<'import.tickets.start'>> = {}) =>
  runJob(backend, 'import.tickets.start', { text, mapping: ZENDESK_MAPPING, intervalMinutes: 15, defaultChannel: 'email', ...extra });

interface Row {
  queue: string;
  channel: string;
  startLocal: string;
  offset: number;
  status: string;
  volume: number | null;
  ahtSec: number | null;
}

function stored(backend: Backend, queue?: string): Row[] {
  return backend
    .db()
    .prepare(
      `SELECT q.name AS queue, q.channel, v.start_local AS startLocal, v.utc_offset_min AS offset, v.status, v.volume, v.aht_sec AS ahtSec
       FROM interval_volumes v JOIN queues q ON q.id = v.queue_id WHERE (? IS NULL OR q.name = ?)
       ORDER BY q.name, v.start_local, v.utc_offset_min DESC`,
    )
    .all(queue ?? null, queue ?? null) as Row[];
}

/** Non-zero intervals per queue, as `local start+offset → contacts`. */
function nonZero(rows: Row[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (!r.volume) continue;
    const offset = `${r.offset < 0 ? '-' : '+'}${String(Math.abs(r.offset) / 60).padStart(2, '0')}:00`;
    (out[r.queue] ??= {})[`${r.startLocal}${offset}`] = r.volume;
  }
  return out;
}

function tableCounts(backend: Backend) {
  const db = backend.db();
  return {
    queues: db.prepare('SELECT COUNT(*) FROM queues').pluck().get(),
    intervals: db.prepare('SELECT COUNT(*) FROM interval_volumes').pluck().get(),
    volume: db.prepare('SELECT TOTAL(volume) FROM interval_volumes').pluck().get(),
  };
}

/** One ticket a minute for `minutes` from the UTC instant `fromIso`, created-at written as local wall-clock time in `zone`. */
function minuteTickets(zone: string, fromIso: string, minutes: number): string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' });
  const start = Date.parse(fromIso);
  const lines = ['Ticket ID,Created at,Group,Handle time (sec)'];
  for (let i = 0; i < minutes; i++) lines.push(`${i + 1},${format.format(new Date(start + i * 60_000 + 7_000))},Night shift phone,${60 + (i % 5)}`);
  return `${lines.join('\n')}\n`;
}
const MINUTE_MAPPING = { createdAt: 1, queue: [2], handleTime: { column: 3, unit: 'seconds' as const } };

describe('ticket export import', () => {
  it('previews the export with the suggested mapping, bad rows with line and reason, and what happens to each queue', async () => {
    const backend = emptyWorkspace();
    const preview = await call(backend, 'import.tickets.preview', { text: fixture('zendesk-tickets.csv') });
    expect(preview.timezone).toBe(ZONE);
    expect(preview.mapping).toEqual({ createdAt: 2, queue: [4, 5], handleTime: { column: 6, unit: 'minutes' } });
    expect(preview).toMatchObject({ rowsRead: 8, goodRowCount: 6, badRowCount: 2, wholeFile: true, intervalMinutes: 15 });
    expect(preview.badRows.map((b) => [b.line, b.reason])).toEqual([
      [9, 'timestamp-unparsable'],
      [10, 'handle-time-not-a-number'],
    ]);
    expect(preview.badRows[0].message).toContain('"not a date"');
    expect(preview.queues).toEqual([
      { queue: 'Billing / Email', contacts: 3, suggestedChannel: 'email', plan: { action: 'create', channel: 'email', intervalMin: 15 } },
      { queue: 'Support / Email', contacts: 1, suggestedChannel: 'email', plan: { action: 'create', channel: 'email', intervalMin: 15 } },
      { queue: 'Support / Web form', contacts: 2, suggestedChannel: 'email', plan: { action: 'create', channel: 'email', intervalMin: 15 } },
    ]);
    expect(tableCounts(backend)).toEqual({ queues: 0, intervals: 0, volume: 0 });
  });

  it('imports a Zendesk export into new queues: counts per queue and interval, dense zeros, both 01:00 intervals of the fall-back night', async () => {
    const backend = emptyWorkspace();
    const progress: JobProgressEvent[] = [];
    backend.events.subscribe((event, payload) => void (event === 'job.progress' && progress.push(payload as JobProgressEvent)));
    const done = await importTickets(backend, fixture('zendesk-tickets.csv'), { channels: { 'Support / Web form': 'chat' } });
    expect(done.status, done.message).toBe('succeeded');
    expect(done.kind).toBe('import');
    const result = resultOf(done, 'import');
    expect(result).toMatchObject({ format: 'tickets', dateRange: { from: '2024-11-03', to: '2024-11-03' }, contacts: 6, rowsRead: 8, badRowCount: 2, intervals: 300 });
    expect(result.queues.map((q) => [q.name, q.channel, q.created, q.intervals, q.contacts])).toEqual([
      ['Billing / Email', 'email', true, 100, 3],
      ['Support / Email', 'email', true, 100, 1],
      ['Support / Web form', 'chat', true, 100, 2],
    ]);
    expect(done.message).toContain('Imported 6 contacts into queues Billing / Email (new, email), Support / Email (new, email), Support / Web form (new, chat) on 2024-11-03: 300 intervals.');
    expect(done.message).toContain('2 bad rows skipped (line 9:');
    expect(progress.some((p) => p.message.startsWith('Reading the export'))).toBe(true);

    const rows = stored(backend);
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => r.status === 'open' && r.volume !== null)).toBe(true);
    expect(nonZero(rows)).toEqual({
      'Billing / Email': { '2024-11-03T00:30-04:00': 1, '2024-11-03T01:00-05:00': 1, '2024-11-03T01:45-05:00': 1 },
      'Support / Email': { '2024-11-03T01:45-04:00': 1 },
      'Support / Web form': { '2024-11-03T01:00-04:00': 1, '2024-11-03T02:00-05:00': 1 },
    });
    // Handle time in minutes becomes mean seconds; a ticket without one leaves its interval's AHT empty.
    const billing = rows.filter((r) => r.queue === 'Billing / Email' && r.volume);
    expect(billing.map((r) => r.ahtSec)).toEqual([720, 360, null]);
    expect(rows.filter((r) => r.startLocal === '2024-11-03T01:00' && r.queue === 'Billing / Email').map((r) => r.offset)).toEqual([-240, -300]);

    const summary = await call(backend, 'workspace.summary', {});
    expect(summary.queues.map((q) => [q.name, q.openIntervals, q.totalVolume])).toEqual([
      ['Billing / Email', 100, 3],
      ['Support / Email', 100, 1],
      ['Support / Web form', 100, 2],
    ]);
  });

  it('replaces a queue’s intervals in the imported days on re-import instead of adding to them', async () => {
    const backend = emptyWorkspace();
    expect((await importTickets(backend, fixture('zendesk-tickets.csv'))).status).toBe('succeeded');
    const first = stored(backend);
    const again = await importTickets(backend, fixture('zendesk-tickets.csv'), { channels: { 'Billing / Email': 'phone' } });
    expect(again.status).toBe('succeeded');
    expect(stored(backend)).toEqual(first); // same counts, and an existing queue keeps its channel
    expect(resultOf(again, 'import').queues.map((q) => [q.created, q.replacedIntervals])).toEqual([
      [false, 100],
      [false, 100],
      [false, 100],
    ]);
    expect(again.message).toContain('300 earlier intervals in those days were replaced.');

    // A corrected export without ticket 1001: Billing's 00:30 interval drops to zero; nothing is doubled.
    const corrected = fixture('zendesk-tickets.csv').replace(/^1001,.*\n/m, '');
    expect((await importTickets(backend, corrected, { fileName: 'zendesk-corrected.csv' })).status).toBe('succeeded');
    expect(nonZero(stored(backend, 'Billing / Email'))).toEqual({ 'Billing / Email': { '2024-11-03T01:00-05:00': 1, '2024-11-03T01:45-05:00': 1 } });
    expect(tableCounts(backend)).toEqual({ queues: 3, intervals: 300, volume: 5 });

    // Each import is logged in the transaction that wrote it, most recent first.
    const log = await call(backend, 'import.history', {});
    expect(log.map((e) => [e.fileName, e.contacts, e.intervals, e.queues.filter((q) => q.created).length])).toEqual([
      ['zendesk-corrected.csv', 5, 300, 0],
      [null, 6, 300, 0],
      [null, 6, 300, 3],
    ]);
    expect(log[0]).toMatchObject({ format: 'tickets', dateRange: { from: '2024-11-03', to: '2024-11-03' }, rowsRead: 7, badRowCount: 2 });
    expect(await call(backend, 'import.history', { limit: 1 })).toHaveLength(1);
  });

  it('leaves other days and other queues alone', async () => {
    const backend = emptyWorkspace();
    const day = (date: string, n: number) => ['Ticket ID,Created at,Group,Handle time (sec)', ...Array.from({ length: n }, (_, i) => `${i},${date} 09:0${i},Sales phone,60`)].join('\n');
    const run = (text: string) => runJob(backend, 'import.tickets.start', { text, mapping: MINUTE_MAPPING, intervalMinutes: 60, defaultChannel: 'email' });
    await run(day('2024-05-06', 3));
    await run(day('2024-05-07', 4));
    await run(day('2024-05-06', 2)); // replaces only the 6th
    const rows = stored(backend, 'Sales phone');
    expect(rows).toHaveLength(48);
    expect(rows[0].channel).toBe('phone');
    expect(nonZero(rows)).toEqual({ 'Sales phone': { '2024-05-06T09:00-04:00': 2, '2024-05-07T09:00-04:00': 4 } });
  });

  it('cancels an import part-way through reading and leaves the database exactly as it was', async () => {
    const backend = emptyWorkspace();
    await importTickets(backend, fixture('zendesk-tickets.csv'));
    const before = { counts: tableCounts(backend), rows: stored(backend) };
    const text = minuteTickets(ZONE, '2024-01-01T05:00:00Z', 400_000);
    let cancelledAt: number | undefined;
    backend.events.subscribe((event, payload) => {
      const p = payload as JobProgressEvent;
      if (event === 'job.progress' && p.message.startsWith('Reading the export') && cancelledAt === undefined) {
        cancelledAt = p.fraction;
        void backend.dispatch('jobs.cancel', { jobId: p.jobId });
      }
    });
    const { jobId } = await call(backend, 'import.tickets.start', { text, mapping: MINUTE_MAPPING, intervalMinutes: 15, defaultChannel: 'phone' });
    const done = await backend.waitForJob(jobId);
    expect(done).toMatchObject({ status: 'cancelled', message: 'Cancelled; nothing was changed.' });
    expect(cancelledAt).toBeLessThan(0.9);
    expect(tableCounts(backend)).toEqual(before.counts);
    expect(stored(backend)).toEqual(before.rows);
    expect(await call(backend, 'import.history', {})).toHaveLength(1);
  });

  it('cancels an import before the worker has started', async () => {
    const backend = emptyWorkspace();
    const { jobId } = await call(backend, 'import.tickets.start', { text: fixture('zendesk-tickets.csv'), mapping: ZENDESK_MAPPING, intervalMinutes: 15, defaultChannel: 'email' });
    expect(await call(backend, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await backend.waitForJob(jobId)).toMatchObject({ status: 'cancelled' });
    expect(tableCounts(backend)).toEqual({ queues: 0, intervals: 0, volume: 0 });
  });

  it('refuses malformed requests with the field named, and fails an import with no usable row without writing', async () => {
    const backend = emptyWorkspace();
    const text = fixture('zendesk-tickets.csv');
    const outOfRange = await backend.dispatch('import.tickets.start', { text, mapping: { createdAt: 12, queue: [4] }, intervalMinutes: 15, defaultChannel: 'email' });
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'mapping.createdAt', message: 'Column 13 does not exist: the file has 7 columns' }] } });
    const badInterval = await backend.dispatch('import.tickets.start', { text, mapping: ZENDESK_MAPPING, intervalMinutes: 20, defaultChannel: 'email' });
    expect(badInterval).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'intervalMinutes', message: 'Intervals are 5, 15, 30 or 60 minutes' }] } });
    const clash = await backend.dispatch('import.tickets.preview', { text, mapping: { createdAt: 2, queue: [2] } });
    expect(clash).toMatchObject({ ok: false, error: { issues: [{ path: 'mapping.queue.0', message: 'The created-at column cannot also name the queue' }] } });
    const empty = await backend.dispatch('import.tickets.preview', { text: '' });
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringContaining('text: The file is empty') } });

    const headerOnly = await importTickets(backend, 'Ticket ID,Subject,Created at,Updated at,Group,Via,Minutes\n');
    expect(headerOnly).toMatchObject({ status: 'failed', message: 'Nothing was imported: the file has a header but no rows.' });
    // Mapped to the Subject column: no row has a readable created-at.
    const wrongColumn = await importTickets(backend, text, { mapping: { createdAt: 1, queue: [4] } });
    expect(wrongColumn.status).toBe('failed');
    expect(wrongColumn.message).toMatch(/^Nothing was imported: none of the 8 rows could be read \(8 bad rows; line 2: Created-at "Refund, please" is not/);
    expect(tableCounts(backend)).toEqual({ queues: 0, intervals: 0, volume: 0 });
    expect(await call(backend, 'import.history', {})).toEqual([]);
  });

  it('refuses to put coarser intervals into a queue with finer ones, and sums finer ones into a coarser queue', async () => {
    const backend = emptyWorkspace();
    const text = minuteTickets(ZONE, '2024-05-06T13:00:00Z', 60); // 09:00–09:59 local
    const run = (intervalMinutes: RequestOf<'import.tickets.start'>['intervalMinutes']) => runJob(backend, 'import.tickets.start', { text, mapping: MINUTE_MAPPING, intervalMinutes, defaultChannel: 'phone' });
    expect((await run(30)).status).toBe('succeeded');
    const before = stored(backend);
    const coarser = await run(60);
    expect(coarser.status).toBe('failed');
    expect(coarser.message).toBe('Nothing was imported. Queue "Night shift phone" has 30-minute intervals, finer than the 60-minute import: import at 30 minutes or under another queue name.');
    expect(stored(backend)).toEqual(before);

    const finer = await run(5);
    expect(finer.status).toBe('succeeded');
    expect(finer.message).toContain('Night shift phone: 5-minute counts summed into its 30-minute intervals.');
    const rows = stored(backend);
    expect(rows).toHaveLength(48);
    expect(nonZero(rows)).toEqual({ 'Night shift phone': { '2024-05-06T09:00-04:00': 30, '2024-05-06T09:30-04:00': 30 } });
    expect(rows.find((r) => r.startLocal === '2024-05-06T09:00')?.ahtSec).toBe(62);
  });
});

describe('daylight saving in New York', () => {
  it('turns tickets across the fall-back night into a 25-hour day with the two 01:xx hours stored apart', async () => {
    const backend = emptyWorkspace();
    // 2024-11-03 00:00 EDT to 2024-11-04 00:00 EST is 25 hours: 1,500 tickets, one a minute.
    const text = minuteTickets(ZONE, '2024-11-03T04:00:00Z', 1500);
    const done = await runJob(backend, 'import.tickets.start', { text, mapping: MINUTE_MAPPING, intervalMinutes: 15, defaultChannel: 'email' });
    expect(done.status, done.message).toBe('succeeded');
    expect(resultOf(done, 'import')).toMatchObject({ contacts: 1500, intervals: 100, dateRange: { from: '2024-11-03', to: '2024-11-03' } });
    const rows = stored(backend);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.volume === 15)).toBe(true);
    expect(rows.reduce((sum, r) => sum + (r.volume ?? 0), 0)).toBe(1500);
    const oneAm = rows.filter((r) => r.startLocal.slice(11, 13) === '01');
    expect(oneAm.map((r) => `${r.startLocal.slice(11)}/${r.offset}`)).toEqual([
      '01:00/-240', '01:00/-300', '01:15/-240', '01:15/-300', '01:30/-240', '01:30/-300', '01:45/-240', '01:45/-300',
    ]);
    expect(rows.filter((r) => r.offset === -240)).toHaveLength(8) // 00:00–01:59 EDT;
  });

  it('turns tickets across the spring-forward night into a 23-hour day without a 02:xx hour', async () => {
    const backend = emptyWorkspace();
    // 2024-03-10 00:00 EST to 2024-03-11 00:00 EDT is 23 hours.
    const text = minuteTickets(ZONE, '2024-03-10T05:00:00Z', 1380);
    const done = await runJob(backend, 'import.tickets.start', { text, mapping: MINUTE_MAPPING, intervalMinutes: 15, defaultChannel: 'email' });
    expect(done.status, done.message).toBe('succeeded');
    const rows = stored(backend);
    expect(rows).toHaveLength(92);
    expect(rows.some((r) => r.startLocal.startsWith('2024-03-10T02'))).toBe(false);
    expect(rows.every((r) => r.volume === 15)).toBe(true);
    expect(rows.reduce((sum, r) => sum + (r.volume ?? 0), 0)).toBe(1380);
    expect(rows.find((r) => r.startLocal === '2024-03-10T01:45')?.offset).toBe(-300);
    expect(rows.find((r) => r.startLocal === '2024-03-10T03:00')?.offset).toBe(-240);
  });
});

describe('interval-count file import', () => {
  it('previews the detected interval, first rows, bad rows and what happens to the named queue', async () => {
    const backend = emptyWorkspace('America/Chicago');
    const preview = await call(backend, 'import.intervals.preview', { text: fixture('bad-rows.csv'), queueName: 'Phones' });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview).toMatchObject({ intervalMinutes: 15, goodRowCount: 4, totalVolume: 13, dateRange: { from: '2024-05-06', to: '2024-05-06' } });
    expect(preview.badRows.map((b) => b.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(preview.queue).toEqual({ name: 'Phones', action: 'create', channel: 'phone', intervalMin: 15 });
    const unreadable = await call(backend, 'import.intervals.preview', { text: 'just one column\n1\n2\n' });
    expect(unreadable).toEqual({ ok: false, error: 'An interval file needs at least two columns: timestamp,volume[,aht_sec].', timezone: 'America/Chicago' });
  });

  it('stores the intervals the file has as open (0 included) and leaves absent ones out, both fall-back 01:xx hours apart', async () => {
    const backend = emptyWorkspace();
    const done = await runJob(backend, 'import.intervals.start', { text: fixture('ny-fall-back-15min.csv'), queueName: 'Night phones', channel: 'phone' });
    expect(done.status, done.message).toBe('succeeded');
    expect(done.message).toBe('Imported 210 contacts into queue Night phones (new, phone) on 2024-11-03: 20 intervals.');
    const rows = stored(backend);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.startLocal === '2024-11-03T01:00').map((r) => [r.offset, r.volume, r.ahtSec])).toEqual([
      [-240, 5, 184],
      [-300, 9, 188],
    ]);
    expect(rows.some((r) => r.startLocal >= '2024-11-03T04:00')).toBe(false);

    const zeros = await runJob(backend, 'import.intervals.start', { text: 'timestamp,volume\n2024-11-03 09:00,0\n2024-11-03 09:15,4\n', queueName: 'Night phones', channel: 'phone' });
    expect(zeros.status).toBe('succeeded');
    expect(stored(backend).map((r) => [r.startLocal, r.status, r.volume])).toEqual([
      ['2024-11-03T09:00', 'open', 0],
      ['2024-11-03T09:15', 'open', 4],
    ]);
  });

  it('sums five-minute counts into an existing 15-minute queue and refuses hourly counts for it', async () => {
    const backend = emptyWorkspace();
    await runJob(backend, 'import.intervals.start', { text: fixture('ny-fall-back-15min.csv'), queueName: 'Night phones', channel: 'phone' });
    const fiveMinute = ['timestamp,volume,aht_sec', ...Array.from({ length: 12 }, (_, i) => `2024-11-04 09:${String(i * 5).padStart(2, '0')},${i + 1},100`)].join('\n');
    const done = await runJob(backend, 'import.intervals.start', { text: fiveMinute, queueName: 'Night phones', channel: 'chat' });
    expect(done.status, done.message).toBe('succeeded');
    expect((resultOf(done, 'import')).queues[0]).toMatchObject({ rolledUpFrom: 5, intervalMin: 15, intervals: 4, channel: 'phone', created: false });
    expect(stored(backend).filter((r) => r.startLocal.startsWith('2024-11-04')).map((r) => [r.startLocal.slice(11), r.volume])).toEqual([
      ['09:00', 6], ['09:15', 15], ['09:30', 24], ['09:45', 33],
    ]);

    const before = tableCounts(backend);
    const hourly = await runJob(backend, 'import.intervals.start', { text: 'timestamp,volume\n2024-11-05 09:00,10\n2024-11-05 10:00,12\n', queueName: 'Night phones', channel: 'phone' });
    expect(hourly.status).toBe('failed');
    expect(hourly.message).toContain('Queue "Night phones" has 15-minute intervals, finer than the 60-minute import');
    expect(tableCounts(backend)).toEqual(before);
    const preview = await call(backend, 'import.intervals.preview', { text: 'timestamp,volume\n2024-11-05 09:00,10\n2024-11-05 10:00,12\n', queueName: 'Night phones' });
    expect(preview.ok && preview.queue).toMatchObject({ action: 'refuse', intervalMin: 15 });
  });

  it('imports a demo workspace queue’s days through the same rules', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const queue = 'Billing & Accounts (phone)';
    const day = backend.db().prepare("SELECT MAX(substr(start_local, 1, 10)) FROM interval_volumes").pluck().get() as string;
    const before = stored(backend, queue).length;
    const text = `timestamp,volume\n${day} 09:00,7\n${day} 09:15,8\n`;
    const done = await runJob(backend, 'import.intervals.start', { text, queueName: queue, channel: 'phone' });
    expect(done.status, done.message).toBe('succeeded');
    const replaced = (resultOf(done, 'import')).queues[0].replacedIntervals;
    expect(replaced).toBe(96);
    expect(stored(backend, queue)).toHaveLength(before - replaced + 2);
  });
});
