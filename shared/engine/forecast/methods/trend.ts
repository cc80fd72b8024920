/**
 * Trend: a constant daily growth rate fitted to the weekday-adjusted totals of the last eight weeks (a straight line
 * through their logarithms), projected forward and put back on each weekday's pattern.
 */
import { meanOrZero, rowWeekday, weekdayIndices, type DailyMethod } from './trainingSet';

const WINDOW_WEEKS = 8;

export const trend: DailyMethod = (train, targets) => {
  const indices = weekdayIndices(train, WINDOW_WEEKS);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let row = Math.max(0, train.totals.length - WINDOW_WEEKS * 7); row < train.totals.length; row++) {
    const total = train.totals[row];
    if (Number.isNaN(total) || !(indices[rowWeekday(train, row) - 1] > 0)) continue;
    xs.push(row);
    // +1 keeps zero-volume days finite on the log scale.
    ys.push(Math.log(total / indices[rowWeekday(train, row) - 1] + 1));
  }
  if (xs.length === 0) return targets.map(() => NaN);
  const line = fitLine(xs, ys);
  return targets.map((row) => Math.max(0, Math.exp(line.intercept + line.slope * row) - 1) * indices[rowWeekday(train, row) - 1]);
};

/** Ordinary least squares line; flat through the mean when there are fewer than two distinct x values. */
export function fitLine(xs: number[], ys: number[]): { intercept: number; slope: number } {
  const meanX = meanOrZero(xs);
  const meanY = meanOrZero(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: meanY - slope * meanX, slope };
}
