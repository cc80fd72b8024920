import { describe, expect, it } from 'vitest';
import { longRangeForecast } from '../../../shared/engine/plan';
import { syntheticDailyHistory as history, WEEKDAY } from './syntheticDaily';

describe('long-range forecast', () => {
  // Two years of daily history from Monday 2024-12-30, growing 10% a year.
  const twoYears = history('2024-12-30', 735, { growthPerYear: 0.1, seasonal: true, seed: 7, ahtSlopePerWeek: 0.1 });

  it('learns trend and yearly seasonality from two years of daily history, with a backtest', () => {
    const f = longRangeForecast({ history: twoYears, startWeek: '2027-01-04', weeks: 52 });
    expect(f.method).toBe('trend-seasonal');
    expect(f.historyWeeks).toBe(105);
    expect(f.annualGrowth).toBeGreaterThan(0.07);
    expect(f.annualGrowth).toBeLessThan(0.13);
    const indices = f.seasonality.indices!;
    expect(indices[15]).toBeGreaterThan(1.15);
    expect(indices[51]).toBeLessThan(0.75);
    expect(f.seasonality.detected).toBe(true);
    expect(f.backtest).toMatchObject({ holdoutWeeks: 13, method: 'trend-seasonal' });
    expect(f.backtest!.wape).toBeLessThan(0.05);
    // An April week of 2027 forecasts about 25% above its trend.
    const april = f.weeks.find((w) => w.weekStart === '2027-04-12')!;
    expect(april.volume / april.trend).toBeCloseTo(indices[april.weekOfYear], 12);
    expect(april.volume).toBeGreaterThan(f.weeks[8].volume * 1.1);
    expect(f.formula).toMatch(/volume\(t\) = exp\(.* × S\[week of year\]/);
  });

  it('is deterministic', () => {
    const a = longRangeForecast({ history: twoYears, startWeek: '2027-01-04', weeks: 26 });
    const b = longRangeForecast({ history: [...twoYears].reverse(), startWeek: '2027-01-04', weeks: 26 });
    expect(b).toEqual(a);
  });

  it('uses a growth assumption with less than a year of history', () => {
    const short = history('2026-08-03', 140, { growthPerYear: 0, seasonal: false, seed: 3 });
    const f = longRangeForecast({ history: short, startWeek: '2026-12-21', weeks: 60, growthPerYear: 0.12 });
    expect(f.method).toBe('growth');
    expect(f.seasonality.detected).toBe(false);
    // level = mean of the last 8 full weeks (weeks 12–19, centre 15.5); 52 weeks after the centre it is 12% higher
    const weekly = 800 * WEEKDAY.reduce((s, v) => s + v, 0);
    expect(f.weeks[0].trend / weekly).toBeGreaterThan(0.97);
    const centreWeek = 15.5 - 20; // history week 15.5 is plan week −4.5
    const atYear = f.weeks[Math.round(centreWeek + 52)].trend / f.weeks[0].trend;
    expect(atYear).toBeCloseTo(1.12 ** ((Math.round(centreWeek + 52)) / 52), 6);
    expect(f.backtest).toMatchObject({ method: 'growth', holdoutWeeks: 12 });
    expect(f.backtest!.wape).toBeLessThan(0.05);
  });

  it('applies known events as 1 + uplift × days covered ÷ 7', () => {
    const f = longRangeForecast({
      history: twoYears,
      startWeek: '2027-01-04',
      weeks: 4,
      events: [
        { name: 'Launch', start: '2027-01-11', end: '2027-01-17', uplift: 0.2 },
        { name: 'Outage credits', start: '2027-01-22', end: '2027-01-26', uplift: -0.5 },
      ],
    });
    expect(f.weeks.map((w) => w.eventFactor)).toEqual([1, 1.2, 1 - (0.5 * 3) / 7, 1 - (0.5 * 2) / 7]);
  });

  it('projects the AHT trend, or the planner\'s fixed AHT', () => {
    const f = longRangeForecast({ history: twoYears, startWeek: '2027-01-04', weeks: 10 });
    expect(f.aht.method).toBe('trend');
    // 0.1 s more per week: about 300 + 0.1 × 105 at the start
    expect(f.weeks[0].ahtSec).toBeCloseTo(310.5, 0);
    expect(f.weeks[9].ahtSec - f.weeks[0].ahtSec).toBeCloseTo(0.9, 2);
    expect(longRangeForecast({ history: twoYears, startWeek: '2027-01-04', weeks: 3, ahtSec: 420 }).weeks.map((w) => w.ahtSec)).toEqual([420, 420, 420]);
  });

  it('refuses history without a full week and a start that is not a Monday', () => {
    expect(() => longRangeForecast({ history: twoYears.slice(0, 5), startWeek: '2027-01-04', weeks: 13 })).toThrow(/no full Monday–Sunday week/);
    expect(() => longRangeForecast({ history: twoYears, startWeek: '2027-01-05', weeks: 13 })).toThrow(/not a Monday/);
  });
});
