/**
 * Forecast accuracy as planners read it. WAPE (Σ|error| ÷ Σ actual) is the headline because it weighs busy
 * intervals by their volume, which is what staffing cost follows; MAPE treats every interval alike and is shown for
 * familiarity (intervals with no actual volume are left out of it, as their percentage error is undefined); bias
 * tells over- from under-forecasting.
 */

export type AccuracyTally = {
  absoluteError: number;
  error: number;
  actual: number;
  percentageErrorSum: number;
  percentageCount: number;
};

export type Accuracy = { wape: number; mape: number; bias: number };

export function emptyTally(): AccuracyTally {
  return { absoluteError: 0, error: 0, actual: 0, percentageErrorSum: 0, percentageCount: 0 };
}

export function addToTally(tally: AccuracyTally, forecast: number, actual: number): void {
  tally.absoluteError += Math.abs(forecast - actual);
  tally.error += forecast - actual;
  tally.actual += actual;
  if (actual > 0) {
    tally.percentageErrorSum += Math.abs(forecast - actual) / actual;
    tally.percentageCount++;
  }
}

export function accuracyOf(tally: AccuracyTally): Accuracy {
  return {
    wape: tally.actual > 0 ? tally.absoluteError / tally.actual : NaN,
    mape: tally.percentageCount > 0 ? tally.percentageErrorSum / tally.percentageCount : NaN,
    bias: tally.actual > 0 ? tally.error / tally.actual : NaN,
  };
}
