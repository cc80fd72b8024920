import { describe, expect, it } from 'vitest';
import { forecast, type ForecastEvent, type ForecastInput, type IntervalPoint } from '../../../shared/engine/forecast';
import { dateAt, intervalSeries } from './synthetic';

/** Weekdays 09:00–17:00 in hourly intervals, 100 calls an hour on Mondays, 80 on other weekdays. */
function hourly(weeks: number, volumeOn: (day: number, weekday: number) => number = (_day, weekday) => (weekday === 1 ? 100 : 80)): IntervalPoint[] {
  return intervalSeries(weeks * 7, 60, (day, weekday, minute) => (weekday <= 5 && minute >= 540 && minute < 1020 ? volumeOn(day, weekday) : undefined));
}

function request(points: IntervalPoint[], overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    history: { intervalMin: 60, points },
    intervalMin: 60,
    horizonDays: 5,
    method: 'historical-average',
    calendarEffects: false,
    backtest: { origins: 0 },
    ...overrides,
  };
}

const oneDay = (name: string, day: number, effect: ForecastEvent['effect'], value?: number): ForecastEvent => ({
  name,
  start: dateAt(day),
  end: dateAt(day),
  effect,
  value,
});

// Eight weeks of history end on a Sunday (day 55); day 56 is the next Monday.
const WEEKS = 8;
const NEXT_MONDAY = WEEKS * 7;

describe('events', () => {
  it('a closure takes the day out of the horizon, which then reaches one open day further', () => {
    const result = forecast(request(hourly(WEEKS), { events: [oneDay('holiday', NEXT_MONDAY, 'closed')] }));
    expect(result.dailyTotals.map((d) => d.date)).toEqual([57, 58, 59, 60, 63].map(dateAt));
    expect(result.points.some((p) => p.start.startsWith(dateAt(NEXT_MONDAY)))).toBe(false);
  });

  it('applies a given multiplier and a given additive effect to the days they cover', () => {
    const events = [oneDay('launch', NEXT_MONDAY, 'multiplier', 1.5), oneDay('mailing', NEXT_MONDAY + 1, 'additive', 160)];
    const result = forecast(request(hourly(WEEKS), { events }));
    expect(result.dailyTotals[0]).toMatchObject({ forecast: expect.closeTo(1.5 * 800, 9), events: ['launch'] });
    expect(result.dailyTotals[1]).toMatchObject({ forecast: expect.closeTo(640 + 160, 9), events: ['mailing'] });
    expect(result.dailyTotals[2].forecast).toBeCloseTo(640, 9);
    // The effect is spread over the day by the intraday profile.
    expect(result.points[0].forecast).toBeCloseTo(150, 9);
  });

  it('estimates an effect from earlier occurrences and keeps them out of the baseline', () => {
    const promoDays = [16, 30, 44]; // Wednesdays with 50% more calls
    const history = hourly(WEEKS, (day, weekday) => (promoDays.includes(day) ? 120 : weekday === 1 ? 100 : 80));
    const events = [...promoDays, NEXT_MONDAY + 2].map((day) => oneDay('promotion', day, 'multiplier'));
    const result = forecast(request(history, { events }));
    expect(result.events).toEqual([{ name: 'promotion', effect: 'multiplier', value: expect.closeTo(1.5, 9), source: 'estimated', automatic: false }]);
    expect(result.dailyTotals[2].forecast).toBeCloseTo(1.5 * 640, 6);
    // Without taking the promotions out, the average of the last four Wednesdays would be inflated.
    expect(result.dailyTotals[3].forecast).toBeCloseTo(640, 6);
  });

  it('warns about an event it can neither read nor estimate, and leaves the forecast alone', () => {
    const result = forecast(request(hourly(WEEKS), { events: [oneDay('mystery', NEXT_MONDAY, 'multiplier')] }));
    expect(result.warnings.join(' ')).toMatch(/"mystery" has no value/);
    expect(result.dailyTotals[0].forecast).toBeCloseTo(800, 9);
  });

  it('learns month-turn effects by itself', () => {
    // Twelve weeks from Monday 1 January 2024; each month's first open day is 20% busier.
    const firstOpenDays = [0, 31, 60]; // 1 January, 1 February, 1 March
    const history = hourly(12, (day, weekday) => (weekday === 1 ? 100 : 80) * (firstOpenDays.includes(day) ? 1.2 : 1));
    const horizon = { horizonDays: 10 }; // reaches Monday 1 April
    const learned = forecast(request(history, { ...horizon, calendarEffects: true }));
    const april = learned.dailyTotals.find((d) => d.date === '2024-04-01');
    expect(april).toMatchObject({ forecast: expect.closeTo(1.2 * 800, 6), events: ['first open day of the month'] });
    expect(learned.events.find((e) => e.name === 'first open day of the month')).toMatchObject({ value: expect.closeTo(1.2, 9), automatic: true });

    const ignored = forecast(request(history, { ...horizon, calendarEffects: false }));
    expect(ignored.dailyTotals.find((d) => d.date === '2024-04-01')?.forecast).toBeCloseTo(800, 6);
  });
});

describe('drivers', () => {
  const mailings = (day: number) => (day * 37) % 5; // thousands of letters sent that day
  const values = (days: number) => Object.fromEntries(Array.from({ length: days }, (_, day) => [dateAt(day), mailings(day)]));
  const history = hourly(WEEKS, (day) => 60 * Math.exp(0.1 * mailings(day)));

  it('lets the regression follow a user driver into the forecast days', () => {
    const result = forecast(request(history, { method: 'regression', drivers: [{ name: 'letters', values: values(NEXT_MONDAY + 7) }] }));
    result.dailyTotals.forEach((day, i) => expect(day.forecast / (8 * 60 * Math.exp(0.1 * mailings(NEXT_MONDAY + i)))).toBeCloseTo(1, 3));
  });

  it('leaves out, with a warning, a driver that does not cover the forecast days', () => {
    const result = forecast(request(history, { method: 'regression', drivers: [{ name: 'letters', values: values(NEXT_MONDAY) }] }));
    expect(result.warnings.join(' ')).toMatch(/Driver "letters" has no value for 5 of the forecast days/);
  });
});
