import { describe, expect, it } from 'vitest';
import { describeSlot, IntervalCalendar, INTERVAL_MINUTES, parseTimestamp, TimestampSequence, ZoneClock, type IntervalSlot } from '../../../shared/import';

const HOUR_MS = 3_600_000;

function weekDates(first: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10));
}

function hoursCovered(slots: readonly IntervalSlot[]): number {
  return slots.reduce((sum, slot) => sum + slot.endUtcMs - slot.startUtcMs, 0) / HOUR_MS;
}

function expectContiguous(slots: readonly IntervalSlot[]): void {
  for (let i = 1; i < slots.length; i++) expect(slots[i].startUtcMs).toBe(slots[i - 1].endUtcMs);
}

const DST_WEEKS = [
  { zone: 'America/New_York', week: '2024-03-04', change: '2024-03-10', hours: 23 },
  { zone: 'America/New_York', week: '2024-10-28', change: '2024-11-03', hours: 25 },
  { zone: 'Europe/Berlin', week: '2024-03-25', change: '2024-03-31', hours: 23 },
  { zone: 'Europe/Berlin', week: '2024-10-21', change: '2024-10-27', hours: 25 },
];

describe('IntervalCalendar over DST weeks', () => {
  for (const { zone, week, change, hours } of DST_WEEKS) {
    for (const minutes of INTERVAL_MINUTES) {
      it(`${zone}, week of ${change}, ${minutes}-minute intervals: the change day has ${hours} hours, the others 24`, () => {
        const calendar = new IntervalCalendar(zone, minutes);
        for (const date of weekDates(week)) {
          const slots = calendar.intervalsOfDay(date);
          const expectedHours = date === change ? hours : 24;
          expect(hoursCovered(slots)).toBe(expectedHours);
          expect(slots).toHaveLength((expectedHours * 60) / minutes);
          expectContiguous(slots);
          expect(slots.every((slot) => slot.localStart.startsWith(date))).toBe(true);
          expect(new Set(slots.map((slot) => slot.startUtcMs)).size).toBe(slots.length);
        }
        const wholeWeek = calendar.intervalsBetween(week, weekDates(week)[6]);
        expect(hoursCovered(wholeWeek)).toBe(7 * 24 + hours - 24);
        expectContiguous(wholeWeek);
      });
    }
  }

  it('labels the repeated New York hour twice, told apart by its offset', () => {
    const slots = new IntervalCalendar('America/New_York', 60).intervalsOfDay('2024-11-03');
    expect(slots.slice(0, 4).map(describeSlot)).toEqual([
      '2024-11-03T00:00-04:00',
      '2024-11-03T01:00-04:00',
      '2024-11-03T01:00-05:00',
      '2024-11-03T02:00-05:00',
    ]);
  });

  it('skips the nonexistent Berlin hour', () => {
    const labels = new IntervalCalendar('Europe/Berlin', 30).intervalsOfDay('2024-03-31').map((slot) => slot.localStart.slice(11));
    expect(labels.slice(0, 6)).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30']);
  });

  it('keeps intervals whole in a zone whose clocks move by half an hour', () => {
    const calendar = new IntervalCalendar('Australia/Lord_Howe', 30);
    expect(hoursCovered(calendar.intervalsOfDay('2024-04-07'))).toBe(24.5);
    expect(hoursCovered(calendar.intervalsOfDay('2024-10-06'))).toBe(23.5);
  });

  it('refuses an unknown zone and an unsupported interval length', () => {
    expect(() => new IntervalCalendar('Mars/Olympus_Mons', 15)).toThrow(/IANA time zone/);
    expect(() => new IntervalCalendar('Europe/Berlin', 20 as 15)).toThrow(/5, 15, 30 or 60/);
  });
});

describe('mapping timestamps to intervals', () => {
  const calendar = new IntervalCalendar('America/New_York', 15);
  const intervalOf = (text: string) => {
    const parsed = parseTimestamp(text);
    if (!parsed) throw new Error(`unparsable ${text}`);
    return calendar.intervalOf(parsed);
  };

  it('maps an ISO timestamp with an offset, one without (local wall clock) and an epoch to the same interval', () => {
    const withOffset = intervalOf('2024-06-03T13:07:00Z');
    expect(describeSlot(withOffset)).toBe('2024-06-03T09:00-04:00');
    expect(intervalOf('2024-06-03 09:07:59')).toEqual(withOffset);
    expect(intervalOf(String(Date.parse('2024-06-03T13:07:00Z') / 1000))).toEqual(withOffset);
    expect(intervalOf(String(Date.parse('2024-06-03T13:14:59Z')))).toEqual(withOffset);
  });

  it('reads an ambiguous wall-clock time as its first occurrence when nothing says otherwise', () => {
    expect(describeSlot(intervalOf('2024-11-03 01:30'))).toBe('2024-11-03T01:30-04:00');
  });

  it('moves a nonexistent wall-clock time forward by the gap', () => {
    expect(describeSlot(intervalOf('2024-03-10 02:30'))).toBe('2024-03-10T03:30-04:00');
  });

  it('reads ambiguous times in a file by its direction: forward files pass into the second occurrence', () => {
    const readInOrder = (texts: string[]) => {
      const sequence = new TimestampSequence(new ZoneClock('America/New_York'));
      return texts.map((text) => describeSlot(calendar.intervalAt(sequence.instantOf(parseTimestamp(text)!))));
    };
    const forward = ['2024-11-03 00:50', '2024-11-03 01:20', '2024-11-03 01:55', '2024-11-03 01:05', '2024-11-03 01:58', '2024-11-03 02:10'];
    expect(readInOrder(forward)).toEqual([
      '2024-11-03T00:45-04:00',
      '2024-11-03T01:15-04:00',
      '2024-11-03T01:45-04:00',
      '2024-11-03T01:00-05:00',
      '2024-11-03T01:45-05:00',
      '2024-11-03T02:00-05:00',
    ]);
    expect(readInOrder([...forward].reverse())).toEqual(readInOrder(forward).reverse());
  });
});
