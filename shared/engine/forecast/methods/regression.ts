/**
 * Regression on calendar and user drivers: the logarithm of the daily total explained by weekday, a linear trend,
 * yearly seasonality once a year of history is there, and any user drivers. Logarithms make every effect a
 * percentage, which is how volume effects behave (Mondays are 15% busier whatever the season). Month turns and
 * days around closures are not columns here: they are calendar events, taken out of the history before any method
 * sees it.
 *
 * Recent days weigh more (the weight halves every six weeks) so the fit follows shifts in level that a straight
 * trend line cannot. What the regression still gets wrong is correlated from one day to the next (a busy week is
 * busy throughout), so the last residual is carried into the forecast and fades by the day-to-day correlation
 * of residuals measured in the fit: a regression with AR(1) errors.
 */
import { weightedLeastSquares } from '../leastSquares';
import { rowWeekday, type DailyMethod, type DailyTrainingSet } from './trainingSet';

const WINDOW_DAYS = 730;
const HALF_LIFE_DAYS = 42;
const YEARLY_TERMS_AFTER_DAYS = 365;
const MAX_RESIDUAL_CORRELATION = 0.95;

export const regression: DailyMethod = (train, targets) => {
  const origin = train.totals.length;
  const firstRow = Math.max(0, origin - WINDOW_DAYS);
  const features = featureMaker(train, firstRow, origin);

  const fitted: number[] = [];
  const rows: number[][] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  for (let row = firstRow; row < origin; row++) {
    const total = train.totals[row];
    if (Number.isNaN(total) || train.drivers.some((driver) => Number.isNaN(driver.values[row]))) continue;
    fitted.push(row);
    rows.push(features(row));
    // +1 keeps zero-volume days finite on the log scale.
    ys.push(Math.log(total + 1));
    weights.push(0.5 ** ((origin - 1 - row) / HALF_LIFE_DAYS));
  }
  if (rows.length === 0) return targets.map(() => NaN);
  const beta = weightedLeastSquares(rows, ys, weights);
  const residuals = rows.map((x, i) => ys[i] - dot(x, beta));
  const correlation = residualCorrelation(residuals, weights);
  // exp of a mean log under-forecasts by about half the residual variance; put that back.
  const correction = Math.exp(weightedMeanSquare(residuals, weights) / 2);
  const lastResidual = residuals[residuals.length - 1];

  // Residuals are correlated between consecutive open days, so the carry-over fades per open day ahead.
  let openDaysAhead = 0;
  let previous = fitted[fitted.length - 1];
  return targets.map((row) => {
    for (let between = previous + 1; between <= row; between++) openDaysAhead += train.open[between] ?? 0;
    previous = row;
    const log = dot(features(row), beta) + lastResidual * correlation ** Math.max(1, openDaysAhead);
    return Math.max(0, Math.exp(log) * correction - 1);
  });
};

/** Builds the feature vector of a row: weekday indicators, trend in years from the origin, yearly waves, drivers. */
function featureMaker(train: DailyTrainingSet, firstRow: number, origin: number): (row: number) => number[] {
  const yearly = origin - firstRow >= YEARLY_TERMS_AFTER_DAYS;
  const driverScales = train.drivers.map((driver) => standardisation(driver.values, firstRow, origin));
  return (row) => {
    const weekday = rowWeekday(train, row);
    const x: number[] = Array.from({ length: 7 }, (_, w) => (w === weekday - 1 ? 1 : 0));
    x.push((row - origin) / 365);
    if (yearly) {
      const angle = (2 * Math.PI * (train.firstDay + row)) / 365.25;
      x.push(Math.sin(angle), Math.cos(angle), Math.sin(2 * angle), Math.cos(2 * angle));
    }
    train.drivers.forEach((driver, d) => x.push((driver.values[row] - driverScales[d].mean) / driverScales[d].sd));
    return x;
  };
}

function dot(x: number[], beta: number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * beta[i];
  return sum;
}

function weightedMeanSquare(residuals: number[], weights: number[]): number {
  let weighted = 0;
  let weightSum = 0;
  residuals.forEach((r, i) => {
    weighted += weights[i] * r * r;
    weightSum += weights[i];
  });
  return weightSum > 0 ? weighted / weightSum : 0;
}

/** Lag-one correlation of consecutive residuals, kept between 0 (no carry-over) and just under 1. */
function residualCorrelation(residuals: number[], weights: number[]): number {
  let products = 0;
  let squares = 0;
  for (let i = 1; i < residuals.length; i++) {
    products += weights[i] * residuals[i] * residuals[i - 1];
    squares += weights[i] * residuals[i - 1] ** 2;
  }
  return squares > 0 ? Math.min(MAX_RESIDUAL_CORRELATION, Math.max(0, products / squares)) : 0;
}

/** Mean and spread of a driver over the fitting window, so the ridge term treats every driver alike. */
function standardisation(values: Float64Array, from: number, to: number): { mean: number; sd: number } {
  const known = Array.from(values.subarray(from, to)).filter((value) => !Number.isNaN(value));
  if (known.length === 0) return { mean: 0, sd: 1 };
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const sd = Math.sqrt(known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / known.length);
  return { mean, sd: sd > 0 ? sd : 1 };
}
