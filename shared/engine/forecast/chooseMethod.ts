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
 *
 * The choice comes back with the figures that decided it, so the page states the same rule the engine applied.
 */
import type { BacktestResult } from './backtest';
import type { ForecastMethod, MethodChoice } from './types';

const ROBUST_DEFAULT: ForecastMethod = 'combined';
const STANDARD_ERRORS_TO_SWITCH = 2;

/** The rule in words, as the Forecast page shows it. */
export const AUTOMATIC_RULE =
  `The combined forecast (the average of the methods) is the default. Another method replaces it only when its ` +
  `backtest WAPE per interval is lower by more than ${STANDARD_ERRORS_TO_SWITCH} standard errors of the paired ` +
  `difference across backtest origins (about 95% confidence that the gap is not luck).`;

export function chooseMethod(backtest: BacktestResult, horizonDays: number): MethodChoice {
  const best = backtest.scores[0];
  const base = { rule: AUTOMATIC_RULE, defaultMethod: ROBUST_DEFAULT, origins: backtest.origins.length };
  if (best === undefined) {
    return { ...base, method: ROBUST_DEFAULT, outcome: 'no-backtest', explanation: `No method could be backtested, so the default ${ROBUST_DEFAULT} is used.` };
  }
  const bestErrors = backtest.absoluteErrorByOrigin.get(best.method);
  const defaultErrors = backtest.absoluteErrorByOrigin.get(ROBUST_DEFAULT);
  const defaultScore = backtest.scores.find((s) => s.method === ROBUST_DEFAULT);
  const figures = { best: best.method, bestWape: best.wape, defaultWape: defaultScore?.wape };
  if (best.method === ROBUST_DEFAULT || !bestErrors || !defaultErrors || !defaultScore) {
    return { ...base, ...figures, method: best.method, outcome: 'lowest-wape', explanation: `${best.method} has the lowest WAPE per interval (${pct(best.wape)}), so it is used.` };
  }

  const actual = backtest.actualByOrigin.reduce((a, b) => a + b, 0);
  const differences = defaultErrors.map((error, i) => error - bestErrors[i]);
  const n = differences.length;
  // WAPE difference = Σ differences ÷ Σ actual; its standard error follows from the spread of the differences.
  const wapeGap = differences.reduce((a, b) => a + b, 0) / actual;
  const standardError = Math.sqrt(n * longRunVariance(differences, horizonDays - 1)) / actual;
  const threshold = STANDARD_ERRORS_TO_SWITCH * standardError;
  const switched = wapeGap > threshold;
  const gapText =
    `${best.method} has the lowest WAPE per interval (${pct(best.wape)}), ${points(wapeGap)} below ${ROBUST_DEFAULT} (${pct(defaultScore.wape)}); ` +
    `switching needs a gap above ${STANDARD_ERRORS_TO_SWITCH} × ${points(standardError)} = ${points(threshold)} over ${n} origins`;
  return {
    ...base,
    ...figures,
    method: switched ? best.method : ROBUST_DEFAULT,
    outcome: switched ? 'switched' : 'kept-default',
    wapeGap,
    standardError,
    threshold,
    explanation: switched ? `${gapText}, so ${best.method} is used.` : `${gapText}, so ${ROBUST_DEFAULT} is kept: the gap is within the noise of the backtest.`,
  };
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;
const points = (fraction: number) => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(2)} points` : 'an unmeasurable amount');

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
