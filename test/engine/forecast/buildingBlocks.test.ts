import { describe, expect, it } from 'vitest';
import { accuracyOf, addToTally, emptyTally } from '../../../shared/engine/forecast';
import { calendarEvents } from '../../../shared/engine/forecast/calendarEffects';
import { dayNumberOf } from '../../../shared/engine/forecast/calendar';
import { buildDailySeries, DayStatus } from '../../../shared/engine/forecast/dailyTotals';
import { buildDayGrid } from '../../../shared/engine/forecast/dayGrid';
import { learnOpenHours, isSlotOpen } from '../../../shared/engine/forecast/openHours';
import { learnProfiles, sharesOf } from '../../../shared/engine/forecast/profile';
import { intervalSeries } from './synthetic';

describe('accuracy measures', () => {
  it('computes WAPE, MAPE and bias the way planners read them', () => {
    const tally = emptyTally();
    addToTally(tally, 110, 100); // +10
    addToTally(tally, 45, 50); // −5
    addToTally(tally, 2, 0); // no percentage error for a zero actual
    const { wape, mape, bias } = accuracyOf(tally);
    expect(wape).toBeCloseTo(17 / 150, 12);
    expect(mape).toBeCloseTo((0.1 + 0.1) / 2, 12);
    expect(bias).toBeCloseTo(7 / 150, 12);
  });
});

describe('day grid, daily totals and opening hours', () => {
  // Weekdays 09:00–12:00 at 60 minutes, 10/20/30 calls; weekends absent.
  const weekdayHours = (_day: number, weekday: number, minute: number) =>
    weekday <= 5 && minute >= 540 && minute < 720 ? [10, 20, 30][(minute - 540) / 60] : undefined;

  it('learns which weekdays and intervals are open', () => {
    const grid = buildDayGrid({ intervalMin: 60, points: intervalSeries(21, 60, weekdayHours) });
    const hours = learnOpenHours(grid, grid.dayCount);
    expect(hours.openWeekdays).toEqual([true, true, true, true, true, false, false]);
    expect([8, 9, 10, 11, 12].map((slot) => isSlotOpen(hours, 1, slot))).toEqual([false, true, true, true, false]);
  });

  it('keeps a missing day open and a closed day closed', () => {
    const points = intervalSeries(14, 60, (day, weekday, minute) => {
      const value = weekdayHours(day, weekday, minute);
      if (value === undefined) return undefined;
      if (day === 8) return 'missing'; // Tuesday of week 2: data lost
      return day === 9 ? 'closed' : value; // Wednesday of week 2: holiday
    });
    const daily = buildDailySeries(buildDayGrid({ intervalMin: 60, points }));
    expect(daily.status[8]).toBe(DayStatus.missing);
    expect(daily.status[9]).toBe(DayStatus.closed);
    expect(daily.status[5]).toBe(DayStatus.closed); // Saturday, absent
    expect(daily.totals[7]).toBe(60);
  });

  it('scales up a partly missing day by the share its observed intervals usually carry', () => {
    const points = intervalSeries(14, 60, (day, weekday, minute) => {
      const value = weekdayHours(day, weekday, minute);
      return day === 7 && minute === 600 ? 'missing' : value; // second Monday lost its 10:00 (a third of the day)
    });
    const daily = buildDailySeries(buildDayGrid({ intervalMin: 60, points }));
    expect(daily.status[7]).toBe(DayStatus.observed);
    expect(daily.totals[7]).toBeCloseTo(60, 9);
    expect(daily.complete[7]).toBe(0);
  });

  it('counts both halves of a fall-back hour and accepts the short spring-forward day as complete', () => {
    const hours = (date: string, times: string[]) => times.map((time) => ({ start: `${date}T${time}`, value: 5 }));
    const points = [
      ...hours('2024-03-31', ['00:00', '01:00', '03:00']), // spring forward: 02:00 never happened
      ...hours('2024-10-27', ['00:00', '01:00', '02:00', '02:00', '03:00']), // fall back: 02:00 happened twice
    ];
    const grid = buildDayGrid({ intervalMin: 60, points });
    const daily = buildDailySeries(grid);
    const row = (date: string) => dayNumberOf(date) - grid.firstDay;
    expect(daily.totals[row('2024-03-31')]).toBe(15);
    expect(daily.complete[row('2024-03-31')]).toBe(1);
    expect(daily.totals[row('2024-10-27')]).toBe(25);
  });

  it('builds profiles whose shares add up to one over the open intervals', () => {
    const grid = buildDayGrid({ intervalMin: 60, points: intervalSeries(21, 60, weekdayHours) });
    const daily = buildDailySeries(grid);
    const hours = learnOpenHours(grid, grid.dayCount);
    const shares = sharesOf(learnProfiles(grid, daily, hours, grid.dayCount, () => false), 3);
    expect(Array.from(shares.subarray(9, 12))).toEqual([10 / 60, 20 / 60, 30 / 60].map((x) => expect.closeTo(x, 12)));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('automatic calendar effects', () => {
  it('flags month turns and the days around closures', () => {
    const firstDay = dayNumberOf('2024-01-01');
    const closures = new Set(['2024-01-01', '2024-01-15']);
    const open = Uint8Array.from({ length: 60 }, (_, row) => {
      const date = new Date((firstDay + row) * 86_400_000);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      return weekend || closures.has(date.toISOString().slice(0, 10)) ? 0 : 1;
    });
    const events = calendarEvents({ firstDay, open, openWeekdays: [true, true, true, true, true, false, false] });
    const datesOf = (name: string) => events.filter((e) => e.name === name).map((e) => e.start);
    expect(datesOf('first open day of the month')).toEqual(['2024-01-02', '2024-02-01']);
    expect(datesOf('second open day of the month')).toEqual(['2024-01-03', '2024-02-02']);
    expect(datesOf('last open day of the month')).toEqual(['2024-01-31', '2024-02-29']);
    expect(datesOf('second-last open day of the month')).toEqual(['2024-01-30', '2024-02-28']);
    expect(datesOf('day after a closure')).toEqual(['2024-01-02', '2024-01-16']);
    expect(datesOf('day before a closure')).toEqual(['2024-01-12']);
    expect(events.every((e) => e.effect === 'multiplier' && e.automatic && e.value === undefined)).toBe(true);
  });

  it('does not guess which day opened a month that began before the history', () => {
    const firstDay = dayNumberOf('2024-01-10');
    const open = new Uint8Array(10).fill(1);
    const events = calendarEvents({ firstDay, open, openWeekdays: new Array(7).fill(true) });
    expect(events).toEqual([]);
  });
});
