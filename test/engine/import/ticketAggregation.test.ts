import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateTicketsCsv,
  describeSlot,
  ImportCancelledError,
  TicketAggregator,
  type TicketAggregate,
  type TicketAggregationOptions,
  type TicketColumnMapping,
} from '../../../shared/import';
import { fixture } from './fixtures';

const MINUTE_MS = 60_000;
const TICKET_MAPPING: TicketColumnMapping = { createdAt: 1, queue: [2], handleTime: { column: 3, unit: 'seconds' } };

function aggregate(text: string, options: Partial<TicketAggregationOptions> = {}): TicketAggregate {
  const aggregator = new TicketAggregator({ zone: 'America/New_York', intervalMinutes: 15, mapping: TICKET_MAPPING, ...options });
  aggregator.push(text);
  return aggregator.finish();
}

/** Non-zero counts as `local start+offset → contacts`, per queue. */
function countsBySlot(result: TicketAggregate): Record<string, Record<string, number>> {
  return Object.fromEntries(
    result.queues.map((queue) => [
      queue.queue,
      Object.fromEntries(result.slots.flatMap((slot, i) => (queue.contacts[i] > 0 ? [[describeSlot(slot), queue.contacts[i]]] : []))),
    ]),
  );
}

function totalContacts(result: TicketAggregate): number {
  return result.queues.reduce((sum, queue) => sum + queue.contacts.reduce((a, b) => a + b, 0), 0);
}

/** A ticket every minute from `fromIso` for `minutes`, written as local wall-clock time in `zone` (no offset). */
function minuteTickets(zone: string, fromIso: string, minutes: number): string[] {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' });
  const start = Date.parse(fromIso);
  return Array.from({ length: minutes }, (_, i) => `${i},${format.format(new Date(start + i * MINUTE_MS + 7_000))},Support,60`);
}

describe('TicketAggregator on a Zendesk export across the New York fall-back hour', () => {
  const result = aggregate(fixture('zendesk-tickets.csv'), { mapping: { createdAt: 2, queue: [4, 5], handleTime: { column: 6, unit: 'minutes' } } });

  it('puts each contact in its own occurrence of the repeated hour, following the file order', () => {
    expect(countsBySlot(result)).toEqual({
      'Billing / Email': { '2024-11-03T00:30-04:00': 1, '2024-11-03T01:00-05:00': 1, '2024-11-03T01:45-05:00': 1 },
      'Support / Email': { '2024-11-03T01:45-04:00': 1 },
      'Support / Web form': { '2024-11-03T01:00-04:00': 1, '2024-11-03T02:00-05:00': 1 },
    });
  });

  it('covers the whole 25-hour day, zero where nothing arrived', () => {
    expect(result.dateRange).toEqual({ from: '2024-11-03', to: '2024-11-03' });
    expect(result.slots).toHaveLength(100);
    expect(result.queues.every((queue) => queue.contacts.length === 100)).toBe(true);
  });

  it('averages handle time over the contacts that have one', () => {
    const billing = result.queues.find((queue) => queue.queue === 'Billing / Email')!;
    const aht = Object.fromEntries(result.slots.flatMap((slot, i) => (billing.contacts[i] > 0 ? [[describeSlot(slot), billing.ahtSec[i]]] : [])));
    expect(aht).toEqual({ '2024-11-03T00:30-04:00': 720, '2024-11-03T01:00-05:00': 360, '2024-11-03T01:45-05:00': null });
  });

  it('lists the bad rows by the line they start on', () => {
    expect(result.rowsRead).toBe(8);
    expect(result.contactsImported).toBe(6);
    expect(result.badRows.map(({ line, reason }) => [line, reason])).toEqual([
      [9, 'timestamp-unparsable'],
      [10, 'handle-time-not-a-number'],
    ]);
    expect(result.badRowCountByReason).toEqual({ 'timestamp-unparsable': 1, 'handle-time-not-a-number': 1 });
  });
});

describe('TicketAggregator over DST changes', () => {
  const cases = [
    { zone: 'America/New_York', label: 'fall-back', fromIso: '2024-11-03T04:00:00Z', minutes: 240, date: '2024-11-03', slots: 100 },
    { zone: 'America/New_York', label: 'spring-forward', fromIso: '2024-03-10T05:00:00Z', minutes: 180, date: '2024-03-10', slots: 92 },
    { zone: 'Europe/Berlin', label: 'fall-back', fromIso: '2024-10-26T22:00:00Z', minutes: 300, date: '2024-10-27', slots: 100 },
    { zone: 'Europe/Berlin', label: 'spring-forward', fromIso: '2024-03-30T23:00:00Z', minutes: 180, date: '2024-03-31', slots: 92 },
  ];
  for (const { zone, label, fromIso, minutes, date, slots } of cases) {
    for (const order of ['ascending', 'descending'] as const) {
      it(`${zone} ${label}, wall-clock times in ${order} order: every interval gets its 15 contacts, none lost or doubled`, () => {
        const tickets = minuteTickets(zone, fromIso, minutes);
        if (order === 'descending') tickets.reverse();
        const result = aggregate(['id,created,queue,aht', ...tickets].join('\n'), { zone });
        expect(result.slots).toHaveLength(slots);
        expect(result.slots.every((slot) => slot.localStart.startsWith(date))).toBe(true);
        const counts = result.queues[0].contacts.filter((count) => count > 0);
        expect(counts).toEqual(new Array(minutes / 15).fill(15));
        expect(totalContacts(result)).toBe(minutes);
      });
    }
  }
});

describe('TicketAggregator invariants', () => {
  const zones = ['America/New_York', 'Europe/Berlin'];
  /** Instants of one of the 2024 change weeks of both zones: each run covers a few days, not months. */
  const changeWeek = fc.constantFrom(
    [Date.parse('2024-03-08T00:00:00Z'), Date.parse('2024-04-02T00:00:00Z')],
    [Date.parse('2024-10-25T00:00:00Z'), Date.parse('2024-11-05T00:00:00Z')],
  );
  const instantsIn = ([min, max]: readonly [number, number], maxLength: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength });
  const ticketsIn = ([min, max]: readonly [number, number]) =>
    fc.array(
      fc.record({
        utcMs: fc.integer({ min, max }),
        queue: fc.constantFrom('Billing', 'Support', 'Sales, EU', ''),
        handleSec: fc.option(fc.integer({ min: 0, max: 3600 })),
        withOffset: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    );

  it('counts every contact exactly once, per queue and in total, whatever the format, order and chunking', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), changeWeek.chain(ticketsIn), fc.array(fc.nat(), { maxLength: 5 }), (zone, tickets, cuts) => {
        const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' });
        const rows = tickets.map((t, i) => {
          const created = t.withOffset ? new Date(t.utcMs).toISOString() : local.format(new Date(t.utcMs));
          return `${i},${created},"${t.queue}",${t.handleSec ?? ''}`;
        });
        const text = ['id,created,queue,aht', ...rows].join('\r\n');
        const points = [...new Set(cuts.map((cut) => cut % text.length))].sort((a, b) => a - b);
        const aggregator = new TicketAggregator({ zone, intervalMinutes: 30, mapping: TICKET_MAPPING });
        [0, ...points].forEach((start, i) => aggregator.push(text.slice(start, [...points, text.length][i])));
        const result = aggregator.finish();

        expect(result.badRowCount).toBe(0);
        expect(result.contactsImported).toBe(tickets.length);
        expect(totalContacts(result)).toBe(tickets.length);
        for (const queue of result.queues) {
          const expected = tickets.filter((t) => (t.queue || '(blank)') === queue.queue).length;
          expect(queue.totalContacts).toBe(expected);
          expect(queue.contacts.reduce((a, b) => a + b, 0)).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('places contacts with an offset in the interval that contains them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), changeWeek.chain((week) => instantsIn(week, 40)), (zone, instants) => {
        const rows = instants.map((utcMs, i) => `${i},${new Date(utcMs).toISOString()},Support,`);
        const result = aggregate(['id,created,queue,aht', ...rows].join('\n'), { zone });
        const expected = result.slots.map((slot) => instants.filter((t) => t >= slot.startUtcMs && t < slot.endUtcMs).length);
        expect(result.queues[0].contacts).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('TicketAggregator options', () => {
  const text = ['id,created,queue,aht', '1,2024-06-03 09:00:00,Sales,60', '2,2024-06-05 10:00:00,Sales,60', '3,2024-06-09 10:00:00,Sales,60'].join('\n');

  it('covers a given date range, rejecting contacts outside it and keeping empty days as zeros', () => {
    const result = aggregate(text, { dateRange: { from: '2024-06-03', to: '2024-06-06' } });
    expect(result.slots).toHaveLength(4 * 96);
    expect(result.contactsImported).toBe(2);
    expect(result.badRows).toEqual([{ line: 4, reason: 'outside-date-range', message: 'Created 2024-06-09, outside 2024-06-03 to 2024-06-06.' }]);
    expect(result.queues[0].contacts.slice(96 * 3).every((count) => count === 0)).toBe(true);
  });

  it('puts every contact in one queue when no queue column is mapped, and keeps only the first bad rows in full', () => {
    const bad = ['id,created', ...Array.from({ length: 30 }, (_, i) => `${i},never`), '31,2024-06-03 09:00'].join('\n');
    const result = aggregate(bad, { mapping: { createdAt: 1, queue: [] }, maxBadRows: 5 });
    expect(result.queues.map((queue) => [queue.queue, queue.totalContacts])).toEqual([['All contacts', 1]]);
    expect(result.badRows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(result.badRowCount).toBe(30);
  });

  it('returns an empty result for an export with only a header', () => {
    const result = aggregate('id,created,queue,aht\n');
    expect(result).toMatchObject({ dateRange: null, slots: [], queues: [], rowsRead: 0, contactsImported: 0 });
  });
});

describe('aggregateTicketsCsv', () => {
  const bigExport = ['id,created,queue,aht', ...Array.from({ length: 60_000 }, (_, i) => `${i},2024-06-03T${String(8 + Math.floor(i / 6000)).padStart(2, '0')}:00:00Z,Café ☕,${i % 600}`)].join('\n');

  it('reports rising progress ending at 1 and gives the same result as feeding the text directly', async () => {
    const fractions: number[] = [];
    const result = await aggregateTicketsCsv(bigExport, { zone: 'Europe/Berlin', intervalMinutes: 60, mapping: TICKET_MAPPING, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(result).toEqual(aggregate(bigExport, { zone: 'Europe/Berlin', intervalMinutes: 60 }));
    expect(result.contactsImported).toBe(60_000);
  });

  it('reads UTF-8 bytes split anywhere, even inside a character, and reports the share of bytes read', async () => {
    const bytes = new TextEncoder().encode(bigExport);
    const pieces = function* () {
      for (let start = 0; start < bytes.length; start += 100_003) yield bytes.subarray(start, start + 100_003);
    };
    const fractions: number[] = [];
    const options = { zone: 'Europe/Berlin', intervalMinutes: 60 as const, mapping: TICKET_MAPPING };
    const fromBytes = await aggregateTicketsCsv({ chunks: pieces(), totalBytes: bytes.length }, { ...options, onProgress: (f) => fractions.push(f) });
    expect(fromBytes).toEqual(await aggregateTicketsCsv(bigExport, options));
    expect(fromBytes.queues.map((queue) => queue.queue)).toEqual(['Café ☕']);
    expect(fractions[0]).toBeCloseTo(100_003 / bytes.length);
  });

  it('stops with ImportCancelledError when asked to cancel, producing no result', async () => {
    let progressReports = 0;
    const run = aggregateTicketsCsv(bigExport, {
      zone: 'Europe/Berlin',
      intervalMinutes: 60,
      mapping: TICKET_MAPPING,
      onProgress: () => progressReports++,
      shouldCancel: () => progressReports >= 1,
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(progressReports).toBe(1);
  });
});
