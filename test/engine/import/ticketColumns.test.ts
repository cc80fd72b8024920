import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../../shared/import';

describe('detectColumns', () => {
  it('recognises a Zendesk ticket export', () => {
    const header = ['Ticket ID', 'Subject', 'Created at', 'Updated at', 'Group', 'Via', 'Full resolution time in minutes'];
    expect(detectColumns(header)).toEqual({ createdAt: 2, queue: [4, 5], handleTime: { column: 6, unit: 'minutes' } });
  });

  it('recognises a Zendesk Explore export, preferring the timestamp to the date', () => {
    const header = ['Ticket ID', 'Ticket created - Date', 'Ticket created - Timestamp', 'Ticket group', 'Ticket channel', 'Handle time (sec)'];
    expect(detectColumns(header)).toEqual({ createdAt: 2, queue: [3, 4], handleTime: { column: 5, unit: 'seconds' } });
  });

  it('recognises a Freshdesk export without mistaking due or resolved times for the creation time', () => {
    const header = ['Ticket ID', 'Subject', 'Status', 'Priority', 'Source', 'Type', 'Agent', 'Group', 'Due by Time', 'Resolved time', 'Created time', 'Time tracked'];
    expect(detectColumns(header)).toEqual({ createdAt: 10, queue: [7, 4], handleTime: { column: 11, unit: 'seconds' } });
  });

  it('tolerates case, underscores and stray spaces', () => {
    expect(detectColumns(['  CREATED_AT ', 'channel', 'AHT'])).toEqual({ createdAt: 0, queue: [1], handleTime: { column: 2, unit: 'seconds' } });
    expect(detectColumns(['\uFEFFcreated_at', 'queue_name', 'handle_time_minutes'])).toEqual({
      createdAt: 0,
      queue: [1],
      handleTime: { column: 2, unit: 'minutes' },
    });
  });

  it('falls back on the data when no header names the creation time', () => {
    const header = ['id', 'when', 'team'];
    const samples = [
      ['1', '2024-05-06 09:00:00', 'Sales'],
      ['2', '2024-05-06 09:01:10', 'Sales'],
    ];
    expect(detectColumns(header, samples)).toEqual({ createdAt: 1, queue: [2], handleTime: null });
    expect(detectColumns(header).createdAt).toBeNull();
  });

  it('suggests nothing for unrelated columns', () => {
    expect(detectColumns(['name', 'email', 'group id'])).toEqual({ createdAt: null, queue: [], handleTime: null });
  });
});
