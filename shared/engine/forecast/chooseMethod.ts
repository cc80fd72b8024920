/**
 * The automatic choice of method. The lowest backtest WAPE wins, with one guard against reading noise as skill:
 * the combined forecast is the default, and another method replaces it only when its advantage exceeds two
 * standard errors (about 95% confidence). Averaging methods is the steadiest choice on data the backtest has not
 * seen; a few lucky weeks should not swap it for a method that merely suited them. With no or too few origins to
 * judge, the standard error is large and the combined forecast stays.
 *
 * The standard error is that of the paired difference across backtest origins: both methods forecast the same
 * days, so most of the day-to-day noise cancels. Neighbouring origins share most of their forecast days, so their
 * differences are correlated; the variance is the long-run (Newey-West, Bartlett-weighted) variance with as many
 * lags as the horizon has days, which counts overlapping origins for what they are worth.
 */
import type { BacktestResult } from './backtest';
import type { ForecastMethod } from './types';

const ROBUST_DEFAULT: ForecastMethod = 'combined';
const STANDARD_ERRORS_TO_SWITCH = 2;

export function chooseMethod(backtest: BacktestResult, horizonDays: number): ForecastMethod {
  const best = backtest.scores[0]?.method;
  if (best === undefined) return ROBUST_DEFAULT;
  const bestErrors = backtest.absoluteErrorByOrigin.get(best);
  const defaultErrors = backtest.absoluteErrorByOrigin.get(ROBUST_DEFAULT);
  if (best === ROBUST_DEFAULT || !bestErrors || !defaultErrors) return best;

  const actual = backtest.actualByOrigin.reduce((a, b) => a + b, 0);
  const differences = defaultErrors.map((error, i) => error - bestErrors[i]);
  const n = differences.length;
  // WAPE difference = Σ differences ÷ Σ actual; its standard error follows from the spread of the differences.
  const wapeGap = differences.reduce((a, b) => a + b, 0) / actual;
  const standardError = Math.sqrt(n * longRunVariance(differences, horizonDays - 1)) / actual;
  return wapeGap > STANDARD_ERRORS_TO_SWITCH * standardError ? best : ROBUST_DEFAULT;
}

/** γ₀ + 2 Σₖ (1 − k/(L+1)) γₖ over lags k = 1…L: the variance of a mean of autocorrelated values, times n. */
function longRunVariance(values: number[], maxLag: number): number {
  const n = values.length;
  if (n < 2) return Infinity;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const autocovariance = (lag: number) => {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += (values[i] - mean) * (values[i - lag] - mean);
    return sum / n;
  };
  const lags = Math.min(maxLag, n - 1);
  let variance = autocovariance(0);
  for (let lag = 1; lag <= lags; lag++) variance += 2 * (1 - lag / (lags + 1)) * autocovariance(lag);
  return Math.max(variance, 0);
}
