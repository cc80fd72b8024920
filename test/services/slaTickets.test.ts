import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, defaultSlaPolicy } from '../../shared/engine/sla';
import { call, refusal, resultOf, runJob, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const TICKETS = readFileSync(new URL('../fixtures/sla/tickets.csv', import.meta.url), 'utf8');
// Columns of the fixture: Ticket ID, Subject, Status, Priority, Organization, Created at, Solved at, Group, Time tracked (min).
const MAPPING = { createdAt: 5, solvedAt: 6, priority: 3, organization: 4, handleTime: { column: 8, unit: 'minutes' as const } };

async function importFixture(backend: ReturnType<typeof newBackend>) {
  return resultOf(await runJob(backend, 'sla.tickets.import', { text: TICKETS, mapping: MAPPING, fileName: 'tickets.csv' }), 'sla.tickets');
}

describe('SLA ticket exports', () => {
  it('suggests the Zendesk-style columns and names each bad row by line and column', async () => {
    const backend = newBackend();
    const preview = await call(backend, 'sla.tickets.preview', { text: TICKETS });
    expect(preview.suggestedMapping).toEqual(MAPPING);
    expect(preview.goodRowCount).toBe(12);
    expect(preview.badRows.map((b) => [b.line, b.reason])).toEqual([
      [14, 'timestamp-unparsable'],
      [15, 'priority-unreadable'],
      [16, 'solved-before-created'],
    ]);
    expect(preview.badRows[0].message).toMatch(/^Column "Created at": "yesterday" is not of the form/);
    expect(preview.badRows[1].message).toMatch(/^Column "Priority": "Whenever" is not a priority/);
    expect(preview.badRows[2].message).toMatch(/^Column "Solved at": "2026-11-18 10:00:00" is before the ticket was created/);
    expect(preview.priorities).toEqual([
      { priority: 'P1', tickets: 2 },
      { priority: 'P2', tickets: 3 },
      { priority: 'P3', tickets: 5 },
      { priority: 'P4', tickets: 2 },
    ]);
    expect(preview.organizations[0]).toEqual({ organization: 'Acme Enterprise', tickets: 4 });
  });

  it('refuses a mapping with a column the file lacks, or one column mapped twice, naming the field', async () => {
    const backend = newBackend();
    const missing = await refusal(backend, 'sla.tickets.import', { text: TICKETS, mapping: { ...MAPPING, organization: 12 } });
    expect(missing.message).toMatch(/mapping\.organization: Column 13 does not exist: the file has 9 columns/);
    const twice = await refusal(backend, 'sla.tickets.import', { text: TICKETS, mapping: { ...MAPPING, solvedAt: 5 } });
    expect(twice.message).toMatch(/solvedAt.*Column 6 is already mapped as createdAt/);
  });

  it('stores the tickets in one go and counts the backlog (open over 24 h) as of the export and per day', async () => {
    const backend = newBackend();
    const info = await importFixture(backend);
    expect(info).toMatchObject({ tickets: 12, rowsRead: 15, badRowCount: 3, fileName: 'tickets.csv' });
    const zone = info.timezone;
    // The latest created or solved time in the export: ticket 12, solved 2026-11-20 10:15 local.
    expect(info.asOf).toBe(DateTime.fromISO('2026-11-20T10:15', { zone }).toUTC().toISO({ suppressMilliseconds: false }));
    const summary = await call(backend, 'sla.tickets.summary', {});
    // Created by 2026-11-19 10:15 and unsolved at 2026-11-20 10:15: tickets 3, 6 and 9.
    expect(summary.backlog).toBe(3);
    // Time tracked: 165 min over the 10 good tickets that have it.
    expect(summary.handleTime).toEqual({ meanMin: 16.5, tickets: 10 });
    // Midnight ending each day: none created a day before the 17th; the 17th leaves 2 and 3 (2 solved on the
    // 18th at 12:00); the 18th leaves 3, 6 and 7; the 19th 3, 6 and 9; the last point is the as-of time.
    expect(summary.dailyBacklog).toEqual([
      { date: '2026-11-16', backlog: 0 },
      { date: '2026-11-17', backlog: 2 },
      { date: '2026-11-18', backlog: 3 },
      { date: '2026-11-19', backlog: 3 },
      { date: '2026-11-20', backlog: 3 },
    ]);
    // A second import replaces the first rather than adding to it.
    await importFixture(backend);
    expect((await call(backend, 'sla.tickets.summary', {})).latest?.tickets).toBe(12);

    const overview = await call(backend, 'dashboard.overview', {});
    const backlog = overview.metrics.find((m) => m.id === 'backlog')!;
    expect(backlog.value).toBe(3);
    expect(backlog.series).toHaveLength(5);
    expect(backlog.inputs).toContain('12 tickets from tickets.csv');
  });

  it('estimates the mix from the tickets, with organizations mapped to tiers (suggested by name, then edited and saved)', async () => {
    const backend = newBackend();
    await importFixture(backend);
    const policy = { priorities: ['P1', 'P2', 'P3', 'P4', 'P5'] as const, tiers: DEFAULT_TIERS };
    const suggested = await call(backend, 'sla.tickets.mix', { policy: { ...policy, priorities: [...policy.priorities] } });
    // Only "Acme Enterprise" names a tier; its 4 tickets are the whole mix until the others are mapped.
    expect(suggested.tierMapping).toEqual({ 'Acme Enterprise': 'enterprise', 'Beta Co': null, 'Gamma LLC': null, '(no organization)': null });
    expect(suggested.ticketsCounted).toBe(4);
    expect(suggested.unmapped.map((u) => u.tickets)).toEqual([4, 3, 1]);

    await call(backend, 'sla.tickets.tiers.save', { tierMapping: { 'Beta Co': 'business', 'Gamma LLC': 'starter' } });
    const mapped = await call(backend, 'sla.tickets.mix', { policy: { ...policy, priorities: [...policy.priorities] } });
    expect(mapped.ticketsCounted).toBe(11);
    const share = (priority: string, tier: string) => mapped.mix!.cells.find((c) => c.priority === priority && c.tier === tier)?.share ?? 0;
    expect(share('P3', 'business')).toBeCloseTo(3 / 11, 12);
    expect(share('P3', 'enterprise')).toBeCloseTo(2 / 11, 12);
    expect(share('P1', 'starter')).toBeCloseTo(1 / 11, 12);
    expect(mapped.mix!.cells.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(mapped.formula).toContain('÷ 11 tickets counted (1 of 12 left out');

    // A policy with P1 and P2 only leaves the P3 and P4 tickets out, and says so.
    const p1p2 = await call(backend, 'sla.tickets.mix', { policy: { priorities: ['P1', 'P2'], tiers: DEFAULT_TIERS } });
    expect(p1p2.outsidePolicy).toEqual([
      { priority: 'P3', tickets: 5 },
      { priority: 'P4', tickets: 2 },
    ]);
    expect(p1p2.ticketsCounted).toBe(5);

    // The same tickets give the SLA plan its typical week (created times).
    const policyInput = defaultSlaPolicy('From tickets');
    const view = await call(backend, 'sla.assess', {
      policy: policyInput,
      mix: mapped.mix!,
      businessHours: { timezone: 'UTC', weekly: [...Array(5).fill({ openHour: 8, closeHour: 18 }), null, null], holidays: [] },
      settings: { ahtMin: 10 },
      volumeSource: { kind: 'tickets' },
      headcount: 2,
    });
    // 12 tickets over 5 dates (Mon 16 – Fri 20 November): one of each weekday, so the week holds all 12.
    expect(view.ticketsPerWeek).toBeCloseTo(12, 9);
    expect(view.volumeSourceText).toMatch(/12 imported tickets' created times, 2026-11-16 – 2026-11-20/);
  });

  it('reads an XLSX export (dates as spreadsheet dates, numbers as numbers) the same way as the CSV', async () => {
    const backend = newBackend();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tickets');
    const [header, ...rows] = TICKETS.trim().split('\n').filter((line) => !line.includes('subject') && !line.includes('"')).map((line) => line.split(','));
    sheet.addRow(header);
    // Wall-clock times typed in the sheet are stored as dates without a zone (ExcelJS reads them as UTC).
    const asDate = (text: string) => (/^\d{4}-\d{2}-\d{2} /.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : text);
    for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 0 ? Number(cell) : i >= 5 && i <= 6 ? asDate(cell) : cell)));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const converted = await call(backend, 'sla.tickets.fromXlsx', { base64: bytes.toString('base64') });
    expect(converted).toMatchObject({ sheet: 'Tickets', rows: rows.length + 1 });
    const fromCsv = await call(backend, 'sla.tickets.preview', { text: TICKETS.split('\n').filter((line) => !line.includes('"')).join('\n') });
    const fromXlsx = await call(backend, 'sla.tickets.preview', { text: converted.text });
    expect(fromXlsx.suggestedMapping).toEqual(MAPPING);
    expect(fromXlsx.goodRowCount).toBe(fromCsv.goodRowCount);
    expect(fromXlsx.rows.map((r) => r.outcome)).toEqual(fromCsv.rows.map((r) => r.outcome));
    const refused = await refusal(backend, 'sla.tickets.fromXlsx', { base64: Buffer.from('Ticket ID,Created at\n1,2026-11-16').toString('base64') });
    expect(refused.message).toMatch(/base64: The file is not an XLSX workbook/);
  });

  it('says how to get the backlog and the mix before any ticket export', async () => {
    const backend = newBackend();
    const refused = await refusal(backend, 'sla.tickets.mix', { policy: { priorities: ['P1'], tiers: DEFAULT_TIERS } });
    expect(refused.message).toMatch(/No tickets imported yet: import a ticket export/);
    const summary = await call(backend, 'sla.tickets.summary', {});
    expect(summary).toMatchObject({ latest: null, backlog: null, dailyBacklog: [] });
  });
});
