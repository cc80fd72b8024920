/**
 * Issue 8 items 7 and 8: a wall-clock time in a spring-forward gap is a bad row (never moved onto the real interval
 * after the gap), the repeated autumn hour is read twice in file order, in two zones; one off-grid timestamp is a
 * bad row like any other, and the interval length comes from the majority of the rows.
 */
import { describe, expect, it } from 'vitest';
import { parseIntervalCountsCsv, type IntervalCountsResult } from '../../../shared/import';

function parsed(result: IntervalCountsResult) {
  if (!result.ok) throw new Error(`expected a parsed file, got: ${result.error}`);
  return result;
}

/** Wall-clock rows (no offset) every `minutes` from `from` to `to` (local, inclusive), volume = the row's index + 1. */
function wallClockFile(date: string, times: string[]): string {
  return ['timestamp,volume', ...times.map((time, i) => `${date} ${time},${i + 1}`)].join('\n');
}

const quarterHours = (fromHour: number, toHour: number) =>
  Array.from({ length: (toHour - fromHour) * 4 }, (_, i) => `${String(fromHour + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

describe.each([
  { zone: 'America/New_York', spring: '2024-03-10', autumn: '2024-11-03', gapHour: 2, standard: -300, summer: -240, repeated: 1 },
  { zone: 'Europe/Berlin', spring: '2024-03-31', autumn: '2024-10-27', gapHour: 2, standard: 60, summer: 120, repeated: 2 },
])('daylight saving in $zone', ({ zone, spring, autumn, gapHour, standard, summer, repeated }) => {
  it('lists rows in the spring-forward gap as bad rows by line, and keeps the real rows after the gap', () => {
    // 00:00 to 04:45 at 15 minutes, including the four rows 02:00–02:45 that do not exist that night.
    const times = quarterHours(0, 5);
    const result = parsed(parseIntervalCountsCsv(wallClockFile(spring, times), { zone }));
    expect(result.intervalMinutes).toBe(15);
    const gapLines = times.flatMap((t, i) => (t.startsWith(`0${gapHour}:`) ? [i + 2] : []));
    expect(result.badRows.map((b) => [b.line, b.reason])).toEqual(gapLines.map((line) => [line, 'timestamp-nonexistent']));
    expect(result.badRows[0].message).toBe(`Local time ${spring} 0${gapHour}:00 does not exist in ${zone}: the clocks jumped 60 minutes forward (daylight saving), so no contact happened then. Check the export's time zone.`);
    // 03:00 holds its own value (its line's index + 1), not the 02:00 row's.
    const three = result.rows.find((r) => r.localStart === `${spring}T03:00`)!;
    expect(three.volume).toBe(times.indexOf('03:00') + 1);
    expect(three.offsetMinutes).toBe(summer);
    expect(result.rows).toHaveLength(times.length - 4);
  });

  it('reads the repeated autumn hour twice, first in summer time then in standard time', () => {
    const hour = String(repeated).padStart(2, '0');
    const before = quarterHours(0, repeated + 1);
    const again = before.filter((t) => t.startsWith(`${hour}:`));
    const after = quarterHours(repeated + 1, repeated + 3);
    const result = parsed(parseIntervalCountsCsv(wallClockFile(autumn, [...before, ...again, ...after]), { zone }));
    expect(result.badRowCount).toBe(0);
    const repeatedRows = result.rows.filter((r) => r.localStart.slice(11, 13) === hour);
    expect(repeatedRows.map((r) => `${r.localStart.slice(11)}/${r.offsetMinutes}`)).toEqual([
      `${hour}:00/${summer}`, `${hour}:15/${summer}`, `${hour}:30/${summer}`, `${hour}:45/${summer}`,
      `${hour}:00/${standard}`, `${hour}:15/${standard}`, `${hour}:30/${standard}`, `${hour}:45/${standard}`,
    ]);
  });
});

describe('off-grid rows and the interval length', () => {
  it('reads a small 30-minute file with one row at 17 minutes past as 30-minute, listing that row by line', () => {
    const text = ['timestamp,volume', '2024-05-06 08:00,1', '2024-05-06 08:30,2', '2024-05-06 09:00,3', '2024-05-06 09:30,4', '2024-05-06 10:00,5', '2024-05-06 10:30,6', '2024-05-06 10:47,7', '2024-05-06 11:30,8'].join('\n');
    const result = parsed(parseIntervalCountsCsv(text, { zone: 'UTC' }));
    expect(result.intervalMinutes).toBe(30);
    expect(result.rows).toHaveLength(7);
    expect(result.badRows).toEqual([{ line: 8, reason: 'off-grid-timestamp', message: '2024-05-06T10:47+00:00 is not the start of a 30-minute interval.' }]);
  });

  it('takes the spacing of the majority when gaps make odd spacings more frequent than any single one', () => {
    // Rows at 30 minutes in three short runs separated by gaps of 17 and 43 minutes' worth of stray rows.
    const text = ['timestamp,volume', '2024-05-06 08:00,1', '2024-05-06 08:30,1', '2024-05-06 08:47,1', '2024-05-06 09:30,1', '2024-05-06 10:00,1', '2024-05-06 10:17,1', '2024-05-06 11:00,1'].join('\n');
    const result = parsed(parseIntervalCountsCsv(text, { zone: 'UTC' }));
    expect(result.intervalMinutes).toBe(30);
    expect(result.badRows.map((b) => b.line)).toEqual([4, 7]);
  });

  it('keeps 15-minute files at 15 minutes even though half their rows also sit on the 30-minute grid', () => {
    const text = ['timestamp,volume', ...quarterHours(8, 10).map((t) => `2024-05-06 ${t},1`)].join('\n');
    expect(parsed(parseIntervalCountsCsv(text, { zone: 'UTC' })).intervalMinutes).toBe(15);
  });
});
