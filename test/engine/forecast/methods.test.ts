import { describe, expect, it } from 'vitest';
import { historicalAverage } from '../../../shared/engine/forecast/methods/historicalAverage';
import { holtWintersAdditive, holtWintersMultiplicative } from '../../../shared/engine/forecast/methods/holtWinters';
import { movingAverage } from '../../../shared/engine/forecast/methods/movingAverage';
import { regression } from '../../../shared/engine/forecast/methods/regression';
import { seasonalAdjusted } from '../../../shared/engine/forecast/methods/seasonalAdjusted';
import { trend } from '../../../shared/engine/forecast/methods/trend';
import { weekdayIndices } from '../../../shared/engine/forecast/methods/trainingSet';
import { trainingSet } from './synthetic';

/** Weekday pattern Monday…Sunday, as multipliers (mean 1 over the week) or as additive calls. */
const PATTERN = [1.3, 1.1, 1.0, 0.95, 0.9, 0.45, 0.3];
const PATTERN_MEAN = PATTERN.reduce((a, b) => a + b, 0) / 7;
const ADDITIVE = [300, 120, 0, -40, -80, -500, -600];
const WEEKS = 10;
const DAYS = WEEKS * 7;
const NEXT_WEEK = Array.from({ length: 7 }, (_, i) => DAYS + i);

function series(formula: (day: number) => number, days = DAYS): number[] {
  return Array.from({ length: days }, (_, day) => formula(day));
}

describe('daily methods on series with a known answer', () => {
  it('historical average is the mean of the last four same weekdays', () => {
    const totals = series((day) => 1000 + 10 * Math.floor(day / 7) + day % 7);
    const [monday] = historicalAverage(trainingSet(totals), [DAYS]);
    // Mondays of weeks 6…9 hold 1060, 1070, 1080, 1090.
    expect(monday).toBeCloseTo(1075, 9);
  });

  it('historical average skips closed same weekdays rather than counting them as zero', () => {
    const totals = series((day) => 500 + day % 7);
    totals[DAYS - 7] = NaN; // last Monday closed
    const [monday] = historicalAverage(trainingSet(totals), [DAYS]);
    expect(monday).toBeCloseTo(500, 9);
  });

  it('moving average reproduces a steady weekly pattern exactly', () => {
    const totals = series((day) => 2000 * PATTERN[day % 7]);
    const forecast = movingAverage(trainingSet(totals), NEXT_WEEK);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(2000 * PATTERN[i], 6));
  });

  it('moving average follows a step change within a week', () => {
    const totals = series((day) => (day < DAYS - 7 ? 1000 : 1500) * PATTERN[day % 7]);
    const [monday] = movingAverage(trainingSet(totals), [DAYS]);
    expect(monday).toBeGreaterThan(1400 * PATTERN[0]);
  });

  it('weekday indices ignore trend (ratio to a centred week)', () => {
    const totals = series((day) => 1000 * 1.01 ** day * PATTERN[day % 7]);
    const indices = weekdayIndices(trainingSet(totals), 8);
    // Raw weekday means would be off by up to 6% here (Sunday comes six days of 1% growth after Monday).
    indices.forEach((index, w) => expect(Math.abs(index / (PATTERN[w] / PATTERN_MEAN) - 1)).toBeLessThan(0.01));
  });

  it('trend extrapolates a constant growth rate', () => {
    const totals = series((day) => 1000 * 1.005 ** day);
    const forecast = trend(trainingSet(totals), NEXT_WEEK);
    forecast.forEach((value, i) => expect(value / (1000 * 1.005 ** (DAYS + i))).toBeCloseTo(1, 3));
  });

  it('seasonal adjustment is last week times the week-on-week growth', () => {
    const growth = 1.02;
    const totals = series((day) => 1000 * growth ** Math.floor(day / 7) * PATTERN[day % 7]);
    const forecast = seasonalAdjusted(trainingSet(totals), NEXT_WEEK);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(1000 * growth ** WEEKS * PATTERN[i], 6));
  });

  it('seasonal adjustment uses the same day last year once a year of history exists', () => {
    const days = 420;
    // A yearly wave the weekly lag cannot see; growth of 10% a year on top.
    const level = (day: number) => 1000 * 1.1 ** (day / 364) * (1 + 0.3 * Math.sin((2 * Math.PI * day) / 364));
    const totals = series(level, days);
    const [next] = seasonalAdjusted(trainingSet(totals), [days]);
    expect(next / level(days)).toBeCloseTo(1, 2);
  });

  it('regression recovers a log-linear weekday-and-trend series', () => {
    const totals = series((day) => 8000 * PATTERN[day % 7] * Math.exp((0.2 * day) / 365));
    const forecast = regression(trainingSet(totals), NEXT_WEEK);
    forecast.forEach((value, i) => expect(value / (8000 * PATTERN[i] * Math.exp((0.2 * (DAYS + i)) / 365))).toBeCloseTo(1, 3));
  });

  it('regression uses a driver, including its values on the forecast days', () => {
    const driver = Float64Array.from({ length: DAYS + 60 }, (_, day) => (day * 7919) % 13);
    const totals = series((day) => 5000 * Math.exp(0.03 * driver[day]));
    const train = { ...trainingSet(totals), drivers: [{ name: 'mailing', values: driver }] };
    const forecast = regression(train, NEXT_WEEK);
    forecast.forEach((value, i) => expect(value / (5000 * Math.exp(0.03 * driver[DAYS + i]))).toBeCloseTo(1, 3));
  });

  it('Holt-Winters additive reproduces a level plus additive weekday effects exactly', () => {
    const totals = series((day) => 3000 + ADDITIVE[day % 7]);
    const forecast = holtWintersAdditive(trainingSet(totals), NEXT_WEEK);
    // A damped trend of exactly zero stays zero, so the forecast is the pattern itself.
    forecast.forEach((value, i) => expect(value).toBeCloseTo(3000 + ADDITIVE[i], 6));
  });

  it('Holt-Winters multiplicative reproduces a level times weekday factors exactly', () => {
    const totals = series((day) => 3000 * PATTERN[day % 7]);
    const forecast = holtWintersMultiplicative(trainingSet(totals), NEXT_WEEK);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(3000 * PATTERN[i], 6));
  });

  it('Holt-Winters steps over closed weekends without losing the weekday alignment', () => {
    const weekdaysOnly = [true, true, true, true, true, false, false];
    const totals = series((day) => (day % 7 < 5 ? 3000 * PATTERN[day % 7] : NaN));
    const forecast = holtWintersMultiplicative(trainingSet(totals, weekdaysOnly), NEXT_WEEK.slice(0, 5));
    forecast.forEach((value, i) => expect(value).toBeCloseTo(3000 * PATTERN[i], 6));
  });

  it('Holt-Winters follows a linear trend', () => {
    const totals = series((day) => 2000 + 10 * day);
    const [tomorrow] = holtWintersAdditive(trainingSet(totals), [DAYS]);
    expect(Math.abs(tomorrow - (2000 + 10 * DAYS))).toBeLessThan(15);
  });

  it('methods without enough history say so with NaN rather than inventing a number', () => {
    expect(holtWintersAdditive(trainingSet([]), [0])).toEqual([NaN]);
    expect(regression(trainingSet([]), [0])).toEqual([NaN]);
    expect(seasonalAdjusted(trainingSet([100, 100, 100]), [3])).toEqual([NaN]);
  });
});
