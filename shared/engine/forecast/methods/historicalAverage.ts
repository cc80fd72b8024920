/**
 * Historical average: the mean of the last few totals of the same weekday. What planners do by hand with "the last
 * four Mondays"; robust, but slow to follow a trend.
 */
import { meanOrZero, recentObservedRows, recentSameWeekday, rowWeekday, type DailyMethod } from './trainingSet';

const SAME_WEEKDAYS = 4;

export const historicalAverage: DailyMethod = (train, targets) =>
  targets.map((row) => {
    const same = recentSameWeekday(train, rowWeekday(train, row), SAME_WEEKDAYS);
    // A weekday never seen open yet (new opening day) borrows the level of the latest open days.
    return same.length > 0 ? meanOrZero(same) : meanOrZero(recentObservedRows(train, 7).map((r) => train.totals[r]));
  });
