import { describe, expect, it } from 'vitest';
import { describeSlot, previewIntervalCountsCsv, previewTicketsCsv } from '../../../shared/import';
import { fixture } from './fixtures';

describe('previewTicketsCsv', () => {
  it('shows the first rows read through the suggested mapping, with good and bad counts', () => {
    const preview = previewTicketsCsv(fixture('freshdesk-tickets.csv'), { zone: 'America/New_York', intervalMinutes: 15, rowLimit: 2 });
    expect(preview.delimiter).toBe(',');
    expect(preview.header[8]).toBe('Created time');
    expect(preview.mapping).toEqual({ createdAt: 8, queue: [7, 4], handleTime: { column: 11, unit: 'seconds' } });
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0].cells[1]).toBe('Cannot log in');
    const outcomes = preview.rows.map((row) => row.outcome && 'interval' in row.outcome && [describeSlot(row.outcome.interval), row.outcome.queue, row.outcome.handleTimeSec]);
    expect(outcomes).toEqual([
      ['2024-03-10T01:45-05:00', 'Tier 1 / Email', 600],
      ['2024-03-10T03:00-04:00', 'Billing / Phone', 330],
    ]);
    expect(preview).toMatchObject({ rowsRead: 3, goodRowCount: 3, badRowCount: 0 });
    expect(preview.queues).toEqual([
      { queue: 'Billing / Phone', contacts: 1 },
      { queue: 'Billing / Portal', contacts: 1 },
      { queue: 'Tier 1 / Email', contacts: 1 },
    ]);
  });

  it('reads with the planner’s mapping and reports why rows would be refused', () => {
    const preview = previewTicketsCsv(fixture('zendesk-tickets.csv'), {
      zone: 'America/New_York',
      intervalMinutes: 30,
      mapping: { createdAt: 2, queue: [4] },
    });
    expect(preview.goodRowCount).toBe(7);
    expect(preview.badRows).toEqual([{ line: 9, reason: 'timestamp-unparsable', message: expect.stringContaining('"not a date"') }]);
    expect(preview.rows.find((row) => row.line === 9)?.outcome).toMatchObject({ reason: 'timestamp-unparsable' });
  });

  it('ignores the cut last line of a file head, and shows raw rows when no created-at column is known', () => {
    const head = 'when,team\n2024-05-06 09:00,Sales\n2024-05-06 09:0';
    const preview = previewTicketsCsv(head, { zone: 'UTC', intervalMinutes: 15, wholeFile: false });
    expect(preview.mapping).toEqual({ createdAt: 0, queue: [1], handleTime: null });
    expect(preview.rowsRead).toBe(1);
    const unknown = previewTicketsCsv('a,b\nx,y\n', { zone: 'UTC', intervalMinutes: 15 });
    expect(unknown.mapping).toBeNull();
    expect(unknown.rows).toEqual([{ line: 2, cells: ['x', 'y'], outcome: null }]);
  });
});

describe('previewIntervalCountsCsv', () => {
  it('returns the detected interval, the first rows and the counts', () => {
    const preview = previewIntervalCountsCsv(fixture('bad-rows.csv'), { zone: 'America/Chicago', rowLimit: 2 });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.intervalMinutes).toBe(15);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 12]);
    expect(preview.goodRowCount).toBe(4);
    expect(preview.badRowCount).toBe(9);
  });
});
