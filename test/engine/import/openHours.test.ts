import { describe, expect, it } from 'vitest';
import {
  IntervalCalendar,
  intervalStatuses,
  observeIntervals,
  parseIntervalCountsCsv,
  rollUpIntervalCounts,
  type IntervalCount,
  type OpenHours,
} from '../../../shared/import';

const WEEKDAYS_NINE_TO_FIVE: OpenHours = {
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ from: '09:00', to: '17:00' }]])),
  closedDates: ['2024-05-09'],
};

function counts(text: string, zone = 'UTC'): IntervalCount[] {
  const result = parseIntervalCountsCsv(text, { zone });
  if (!result.ok) throw new Error(result.error);
  return result.rows;
}

describe('missing, zero and closed stay distinct', () => {
  const calendar = new IntervalCalendar('UTC', 60);
  const file = ['timestamp,volume', '2024-05-06 09:00,4', '2024-05-06 10:00,0', '2024-05-06 12:00,3', '2024-05-06 20:00,1'].join('\n');

  it('marks intervals absent from the file missing and keeps zero as zero', () => {
    const observed = observeIntervals(calendar.intervalsOfDay('2024-05-06'), counts(file));
    const at = (hour: number) => observed[hour];
    expect([at(9).status, at(9).volume]).toEqual(['open', 4]);
    expect([at(10).status, at(10).volume]).toEqual(['open', 0]);
    expect([at(11).status, at(11).volume]).toEqual(['missing', null]);
  });

  it('closes intervals outside the open hours, keeping any volume that arrived while closed', () => {
    const observed = observeIntervals(calendar.intervalsOfDay('2024-05-06'), counts(file), WEEKDAYS_NINE_TO_FIVE);
    expect(observed.map((slot) => slot.status[0]).join('')).toBe('ccccccccc' + 'oomommmm' + 'ccccccc');
    expect(observed[20]).toMatchObject({ status: 'closed', volume: 1 });
    expect(observed[3]).toMatchObject({ status: 'closed', volume: null });
  });

  it('closes weekends and closed dates all day', () => {
    const statuses = (date: string) => new Set(intervalStatuses(calendar.intervalsOfDay(date), () => true, WEEKDAYS_NINE_TO_FIVE));
    expect(statuses('2024-05-11')).toEqual(new Set(['closed']));
    expect(statuses('2024-05-09')).toEqual(new Set(['closed']));
    expect(statuses('2024-05-08')).toEqual(new Set(['open', 'closed']));
  });

  it('treats an interval that overlaps the opening time as open', () => {
    const halfPast: OpenHours = { weekly: { 1: [{ from: '08:30', to: '24:00' }] } };
    const statuses = intervalStatuses(calendar.intervalsOfDay('2024-05-06'), () => false, halfPast);
    expect(statuses.slice(7, 10)).toEqual(['closed', 'missing', 'missing']);
    expect(statuses[23]).toBe('missing');
  });
});

describe('rollUpIntervalCounts', () => {
  it('sums five-minute counts into 30-minute intervals with a volume-weighted AHT, across a fall-back hour', () => {
    const start = Date.parse('2024-11-03T05:00:00Z');
    const rows = Array.from({ length: 24 }, (_, i) => `${new Date(start + i * 300_000).toISOString()},${i % 2 === 0 ? 2 : 0},${i % 2 === 0 ? 100 : ''}`);
    const fine = counts(['timestamp,volume,aht_sec', ...rows].join('\n'), 'America/New_York');
    const coarse = rollUpIntervalCounts(fine, new IntervalCalendar('America/New_York', 30));
    expect(coarse.map((count) => [count.localStart.slice(11), count.offsetMinutes, count.volume, count.ahtSec])).toEqual([
      ['01:00', -240, 6, 100],
      ['01:30', -240, 6, 100],
      ['01:00', -300, 6, 100],
      ['01:30', -300, 6, 100],
    ]);
  });

  it('refuses to split a longer interval into shorter ones', () => {
    const hourly = counts('timestamp,volume\n2024-05-06 09:00,1\n2024-05-06 10:00,1\n');
    expect(() => rollUpIntervalCounts(hourly, new IntervalCalendar('UTC', 15))).toThrow(/longer than the 15-minute intervals/);
  });
});
