import { describe, expect, it } from 'vitest';
import { describeSlot, parseIntervalCountsCsv, type IntervalCountsResult } from '../../../shared/import';
import { fixture } from './fixtures';

function parsed(result: IntervalCountsResult) {
  if (!result.ok) throw new Error(`expected a parsed file, got: ${result.error}`);
  return result;
}

/** A file of evenly spaced rows from a UTC start, as `timestamp,volume`. */
function evenFile(startIso: string, minutes: number, count: number): string {
  const start = Date.parse(startIso);
  const rows = Array.from({ length: count }, (_, i) => `${new Date(start + i * minutes * 60_000).toISOString()},${i}`);
  return ['timestamp,volume', ...rows].join('\n');
}

describe('parseIntervalCountsCsv', () => {
  it.each([5, 15, 30, 60])('detects %i-minute intervals', (minutes) => {
    const result = parsed(parseIntervalCountsCsv(evenFile('2024-05-06T08:00:00Z', minutes, 20), { zone: 'Europe/Berlin' }));
    expect(result.intervalMinutes).toBe(minutes);
    expect(result.rows).toHaveLength(20);
    expect(result.badRowCount).toBe(0);
  });

  it('detects the interval despite gaps for closed hours', () => {
    const morning = evenFile('2024-05-06T08:00:00Z', 15, 8).split('\n');
    const afternoon = evenFile('2024-05-06T13:00:00Z', 15, 8).split('\n').slice(1);
    const result = parsed(parseIntervalCountsCsv([...morning, ...afternoon].join('\n'), { zone: 'UTC' }));
    expect(result.intervalMinutes).toBe(15);
    expect(result.rows).toHaveLength(16);
  });

  it('rejects a spacing that is not 5, 15, 30 or 60 minutes', () => {
    const result = parseIntervalCountsCsv(evenFile('2024-05-06T08:00:00Z', 10, 12), { zone: 'UTC' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/most often 10 minutes apart \(lines 2 and 3\).*5, 15, 30, 60/) });
  });

  it('rejects a file that switches from 15 to 30 minutes, naming the day and its lines', () => {
    const fifteen = evenFile('2024-05-06T08:00:00Z', 15, 40).split('\n');
    const thirty = evenFile('2024-05-08T08:00:00Z', 30, 10).split('\n').slice(1);
    const result = parseIntervalCountsCsv([...fifteen, ...thirty].join('\n'), { zone: 'UTC' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/Inconsistent spacing: .* 15 minutes apart, but on 2024-05-08 \(lines 42–51\) .* 30 minutes/) });
  });

  it('lists every bad row with its line number and reason', () => {
    const result = parsed(parseIntervalCountsCsv(fixture('bad-rows.csv'), { zone: 'America/Chicago' }));
    expect(result.intervalMinutes).toBe(15);
    expect(result.badRows.map(({ line, reason }) => [line, reason])).toEqual([
      [3, 'volume-not-a-number'],
      [4, 'volume-negative'],
      [5, 'timestamp-unparsable'],
      [6, 'aht-not-a-number'],
      [7, 'aht-negative'],
      [8, 'too-few-columns'],
      [9, 'duplicate-interval'],
      [10, 'off-grid-timestamp'],
      [11, 'malformed-csv'],
    ]);
    expect(result.badRows.find((row) => row.line === 9)?.message).toBe('Interval 2024-05-06T09:00-05:00 already appears on line 2.');
    expect(result.badRows.find((row) => row.line === 3)?.message).toContain('"abc"');
    expect(result.rows.map((row) => [row.line, row.volume, row.ahtSec])).toEqual([
      [2, 10, 300],
      [12, 0, null],
      [13, 2, 250],
      [14, 1, 250],
    ]);
  });

  it('tolerates header case and spacing, and reads files without a header by position', () => {
    const withHeader = parsed(parseIntervalCountsCsv(fixture('ny-fall-back-15min.csv'), { zone: 'America/New_York' }));
    expect(withHeader.hasHeader).toBe(true);
    expect(withHeader.columns).toEqual({ timestamp: 0, volume: 1, ahtSec: 2 });
    const headerless = parsed(parseIntervalCountsCsv('2024-05-06 09:00;4\n2024-05-06 09:30;5\n2024-05-06 10:00;0\n', { zone: 'UTC' }));
    expect(headerless.hasHeader).toBe(false);
    expect(headerless.intervalMinutes).toBe(30);
    expect(headerless.rows.map((row) => row.volume)).toEqual([4, 5, 0]);
  });

  it('keeps both occurrences of the repeated hour in a wall-clock file on a fall-back day', () => {
    const result = parsed(parseIntervalCountsCsv(fixture('ny-fall-back-15min.csv'), { zone: 'America/New_York' }));
    expect(result.badRowCount).toBe(0);
    expect(result.rows).toHaveLength(20);
    expect(result.rows.reduce((sum, row) => sum + row.volume, 0)).toBe((20 * 21) / 2);
    expect(result.rows.slice(4, 12).map(describeSlot)).toEqual([
      '2024-11-03T01:00-04:00',
      '2024-11-03T01:15-04:00',
      '2024-11-03T01:30-04:00',
      '2024-11-03T01:45-04:00',
      '2024-11-03T01:00-05:00',
      '2024-11-03T01:15-05:00',
      '2024-11-03T01:30-05:00',
      '2024-11-03T01:45-05:00',
    ]);
    expect(result.rows.map((row) => row.volume)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reads a spring-forward file with offsets, where the skipped hour is simply absent', () => {
    const result = parsed(parseIntervalCountsCsv(fixture('berlin-spring-forward-30min.csv'), { zone: 'Europe/Berlin' }));
    expect(result.intervalMinutes).toBe(30);
    expect(result.rows.map(describeSlot)).toEqual([
      '2024-03-31T00:00+01:00',
      '2024-03-31T00:30+01:00',
      '2024-03-31T01:00+01:00',
      '2024-03-31T01:30+01:00',
      '2024-03-31T03:00+02:00',
      '2024-03-31T03:30+02:00',
      '2024-03-31T04:00+02:00',
    ]);
  });

  it('uses a given interval length instead of detecting it', () => {
    const result = parsed(parseIntervalCountsCsv('t,v\n2024-05-06 09:00,1\n2024-05-06 09:05,1\n', { zone: 'UTC', intervalMinutes: 15 }));
    expect(result.rows).toHaveLength(1);
    expect(result.badRows).toEqual([{ line: 3, reason: 'off-grid-timestamp', message: expect.stringContaining('15-minute') }]);
  });

  it('explains an empty or one-row file', () => {
    expect(parseIntervalCountsCsv('', { zone: 'UTC' })).toEqual({ ok: false, error: 'The file has no rows.' });
    expect(parseIntervalCountsCsv('timestamp,volume\n2024-05-06 09:00,1\n', { zone: 'UTC' })).toEqual({ ok: false, error: expect.stringContaining('At least two rows') });
  });
});
