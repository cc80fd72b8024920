/**
 * Seasonal adjustment: the same day last year (364 days back, so the weekday matches) when a year of history is
 * available, otherwise the same day last week, scaled by the growth seen since: the last four weeks' volume over
 * the same days one lag earlier, counting only days open in both so holidays do not distort the ratio.
 */
import type { DailyMethod } from './trainingSet';

const YEAR_LAG = 364;
const WEEK_LAG = 7;
const GROWTH_WINDOW_DAYS = 28;

export const seasonalAdjusted: DailyMethod = (train, targets) => {
  const origin = train.totals.length;
  const lag = origin >= YEAR_LAG + GROWTH_WINDOW_DAYS ? YEAR_LAG : WEEK_LAG;
  const growth = growthOverLag(train.totals, lag);
  return targets.map((row) => {
    // Step back whole lags until the day is both in the past and observed; each step compounds the growth.
    for (let back = row - lag, steps = 1; back >= 0; back -= lag, steps++) {
      if (back < origin && !Number.isNaN(train.totals[back])) return train.totals[back] * growth ** steps;
    }
    return NaN;
  });
};

function growthOverLag(totals: Float64Array, lag: number): number {
  let recent = 0;
  let earlier = 0;
  for (let row = Math.max(lag, totals.length - GROWTH_WINDOW_DAYS); row < totals.length; row++) {
    if (Number.isNaN(totals[row]) || Number.isNaN(totals[row - lag])) continue;
    recent += totals[row];
    earlier += totals[row - lag];
  }
  return recent > 0 && earlier > 0 ? recent / earlier : 1;
}
