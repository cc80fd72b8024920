import { describe, expect, it } from 'vitest';
import { FORECAST_METHODS, ForecastCancelledError, forecast, type ForecastInput, type IntervalPoint } from '../../../shared/engine/forecast';
import { dateAt, intervalSeries } from './synthetic';

/** An office queue: weekdays 08:00–17:00 in 30-minute intervals, a fixed intraday shape, busier early in the week. */
const WEEKDAY_FACTOR = [1.4, 1.2, 1.0, 1.0, 0.8];
const SHAPE = [4, 8, 12, 14, 15, 15, 14, 10, 9, 12, 13, 13, 12, 11, 9, 7, 5, 3];
const OPEN_FROM = 8 * 60;
const OPEN_UNTIL = 17 * 60;
const WEEKS = 10;

function officeVolume(weekday: number, minute: number): number | undefined {
  if (weekday > 5 || minute < OPEN_FROM || minute >= OPEN_UNTIL) return undefined;
  return 10 * SHAPE[(minute - OPEN_FROM) / 30] * WEEKDAY_FACTOR[weekday - 1];
}

const office = intervalSeries(WEEKS * 7, 30, (_day, weekday, minute) => officeVolume(weekday, minute));

function request(points: IntervalPoint[], overrides: Partial<ForecastInput> = {}): ForecastInput {
  return { history: { intervalMin: 30, points }, intervalMin: 30, horizonDays: 5, method: 'auto', backtest: { origins: 0 }, ...overrides };
}

describe('forecast: open hours and horizon', () => {
  it('forecasts only the open intervals of the next open days', () => {
    const result = forecast(request(office));
    // The history ends on a Sunday; the next five open days are Monday to Friday.
    expect(result.dailyTotals.map((d) => d.date)).toEqual([70, 71, 72, 73, 74].map(dateAt));
    expect(result.points).toHaveLength(5 * SHAPE.length);
    expect(result.points.every((p) => p.start.slice(11) >= '08:00' && p.start.slice(11) <= '16:30')).toBe(true);
    expect(result.intradayProfile.weekdays.map((w) => w.weekday)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts the horizon in open days, stepping over the closed weekend', () => {
    const result = forecast(request(office, { horizonDays: 7 }));
    expect(result.dailyTotals.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 1, 2]);
    expect(result.dailyTotals.at(-1)?.date).toBe(dateAt(78));
  });

  it('aggregates a finer history to the forecast interval', () => {
    const quarterHours = intervalSeries(WEEKS * 7, 15, (_day, weekday, minute) => {
      const half = officeVolume(weekday, minute - (minute % 30));
      return half === undefined ? undefined : half / 2;
    });
    const result = forecast({ ...request(quarterHours, { method: 'historical-average' }), history: { intervalMin: 15, points: quarterHours } });
    expect(result.points).toHaveLength(5 * SHAPE.length);
    expect(result.points[0].forecast).toBeCloseTo(officeVolume(1, OPEN_FROM) as number, 6);
  });
});

describe('forecast: every method on a pattern it must reproduce exactly', () => {
  it.each(FORECAST_METHODS)('%s', (method) => {
    const result = forecast(request(office, { method }));
    expect(result.method).toBe(method);
    for (const point of result.points) {
      const weekday = new Date(`${point.start.slice(0, 10)}T00:00Z`).getUTCDay();
      const minute = Number(point.start.slice(11, 13)) * 60 + Number(point.start.slice(14, 16));
      // The regression (also part of combined) works on logarithms of total + 1, which leaves a trace of rounding.
      expect(point.forecast / (officeVolume(weekday, minute) as number)).toBeCloseTo(1, ['regression', 'combined'].includes(method) ? 3 : 6);
    }
  });

  it('scores every method on the backtest, best first, even when the planner picks one', () => {
    const result = forecast(request(office, { method: 'trend', backtest: { origins: 5 } }));
    expect(result.method).toBe('trend');
    expect(result.scores.map((s) => s.method).sort()).toEqual([...FORECAST_METHODS].sort());
    expect(result.scores.every((s) => s.wape < 1e-3 && s.origins === 5)).toBe(true);
  });
});

describe('forecast: seasonal naive is last week, interval by interval', () => {
  it('copies the same intervals of the same weekday one week earlier', () => {
    const changing = intervalSeries(WEEKS * 7, 30, (day, weekday, minute) => {
      const base = officeVolume(weekday, minute);
      return base === undefined ? undefined : base + day + minute / 30;
    });
    const result = forecast(request(changing, { method: 'seasonal-naive' }));
    const lastWeek = new Map(changing.map((p) => [p.start, p.value]));
    for (const point of result.points) {
      const weekEarlier = new Date(Date.parse(`${point.start}:00Z`) - 7 * 86_400_000).toISOString().slice(0, 16);
      expect(point.forecast).toBe(lastWeek.get(weekEarlier));
    }
  });
});

describe('forecast: closed, missing and zero stay different', () => {
  const withMarkers = intervalSeries(WEEKS * 7, 30, (day, weekday, minute) => {
    if (weekday === 5 && minute >= 14 * 60 && minute < OPEN_UNTIL) return 'closed'; // Fridays close at 14:00
    if (weekday <= 5 && minute === 7 * 60 + 30) return 0; // open early, nobody calls
    if (day === WEEKS * 7 - 5) return officeVolume(weekday, minute) === undefined ? undefined : 'missing'; // last Wednesday lost
    return officeVolume(weekday, minute);
  });
  const result = forecast(request(withMarkers, { method: 'historical-average' }));
  const startsOn = (weekday: number) => result.points.filter((p) => new Date(`${p.start.slice(0, 10)}T00:00Z`).getUTCDay() === weekday);

  it('forecasts an open interval that only ever saw zero volume, as zero', () => {
    const early = result.points.filter((p) => p.start.endsWith('T07:30'));
    expect(early).toHaveLength(5);
    expect(early.every((p) => p.forecast === 0 && p.hi95 === 0)).toBe(true);
  });

  it('does not forecast intervals that were always closed', () => {
    expect(startsOn(5).map((p) => p.start.slice(11))).not.toContain('14:00');
    expect(startsOn(5)).toHaveLength(1 + 12); // 07:30 plus 08:00–13:30
  });

  it('keeps forecasting a weekday whose latest day was missing, from the days before it', () => {
    const wednesday = startsOn(3);
    expect(wednesday).toHaveLength(1 + SHAPE.length);
    expect(wednesday.find((p) => p.start.endsWith('T10:00'))?.forecast).toBeCloseTo(officeVolume(3, 600) as number, 6);
  });
});

describe('forecast: thin or empty history', () => {
  it('forecasts from three days of history, says it could not backtest, and uses Poisson bands', () => {
    const result = forecast(request(office.slice(0, 3 * SHAPE.length), { horizonDays: 2, backtest: undefined }));
    expect(result.method).toBe('combined');
    expect(result.scores).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/too short to backtest/);
    expect(result.intervalModel).toMatch(/Poisson/);
    // Only Monday to Wednesday have been seen open, so the next two open days are the following Monday and Tuesday.
    expect(result.dailyTotals.map((d) => d.weekday)).toEqual([1, 2]);
    expect(result.points.every((p) => Number.isFinite(p.forecast) && p.forecast >= 0)).toBe(true);
  });

  it('forecasts zero for a queue that has been open but silent', () => {
    const silent = intervalSeries(28, 30, (_day, weekday, minute) => (officeVolume(weekday, minute) === undefined ? undefined : 0));
    const result = forecast(request(silent, { backtest: undefined }));
    expect(result.points).toHaveLength(5 * SHAPE.length);
    expect(result.points.every((p) => p.forecast === 0 && p.hi95 === 0)).toBe(true);
  });
});

describe('forecast: progress, cancellation and validation', () => {
  it('reports rising progress that ends at 1', () => {
    const fractions: number[] = [];
    forecast(request(office, { backtest: { origins: 3 } }), { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops with ForecastCancelledError when asked to, part way through the backtest', () => {
    let polls = 0;
    const run = () => forecast(request(office, { backtest: { origins: 10 } }), { shouldCancel: () => ++polls > 5 });
    expect(run).toThrow(ForecastCancelledError);
    expect(polls).toBe(6);
  });

  it('explains bad input instead of failing inside', () => {
    expect(() => forecast(request(office, { intervalMin: 50 }))).toThrow(/intervalMin: must divide a day/);
    expect(() => forecast(request([{ start: '2024-01-01T09:00', value: -3 }]))).toThrow(/negative/);
    expect(() => forecast(request([{ start: '2024-01-01T09:10', value: 3 }]))).toThrow(/30-minute boundary/);
    expect(() => forecast(request(office, { horizonDays: 0 }))).toThrow(/horizonDays/);
    expect(() => forecast({ ...request(office), history: { intervalMin: 60, points: office } })).toThrow(/multiple of the history interval/);
  });
});
