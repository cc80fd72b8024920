/**
 * Moving average: the weekday-adjusted level of the last week of open days, put back on each weekday's pattern.
 * Follows changes in level faster than the historical average at the price of more noise.
 */
import { meanOrZero, recentObservedRows, rowWeekday, weekdayIndices, type DailyMethod } from './trainingSet';

const INDEX_WEEKS = 8;

export const movingAverage: DailyMethod = (train, targets) => {
  const indices = weekdayIndices(train, INDEX_WEEKS);
  const window = Math.max(1, train.openWeekdays.filter(Boolean).length);
  // A weekday with index 0 (open but never busy) says nothing about the level.
  const rows = recentObservedRows(train, window).filter((row) => indices[rowWeekday(train, row) - 1] > 0);
  const level = meanOrZero(rows.map((row) => train.totals[row] / indices[rowWeekday(train, row) - 1]));
  return targets.map((row) => level * indices[rowWeekday(train, row) - 1]);
};
