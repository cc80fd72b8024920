/**
 * Holt-Winters exponential smoothing of daily totals with a weekly season, in additive (weekday effects in calls)
 * and multiplicative (weekday effects in percent) form, with a gently damped trend so long horizons do not run
 * away. The smoother steps through calendar days: on a closed or missing day nothing is learned and the level just
 * moves along its trend, which keeps the weekday positions aligned through weekends and holidays alike.
 *
 * Smoothing weights are chosen by grid search on the squared errors of forecasts one to seven days ahead over the
 * training days: planners forecast days and weeks ahead, and weights tuned only for tomorrow chase noise. Only the
 * last year is smoothed; older days would have faded from the state anyway, and the grid search runs at every
 * backtest origin, so its cost matters.
 */
import { rowWeekday, type DailyMethod, type DailyTrainingSet } from './trainingSet';

type Seasonality = 'additive' | 'multiplicative';
type State = { level: number; trend: number; season: Float64Array };
/** The training window as plain arrays: totals (NaN when closed or missing) and weekday index 0–6 per day. */
type Window = { totals: Float64Array; weekdays: Uint8Array };

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7];
const BETAS = [0, 0.01, 0.05];
const GAMMAS = [0.01, 0.05, 0.1, 0.2, 0.4];
const DAMPING = 0.98;
const WINDOW_DAYS = 364;
const INITIAL_WEEKS = 4;
/** The first two weeks only settle the initial state and are not scored. */
const BURN_IN_DAYS = 14;
/** Calendar days ahead scored when choosing weights. */
const TUNING_HORIZON_DAYS = 7;
/** DAMPED_TREND[k] = φ + φ² + … + φᵏ: how many trend steps a forecast k days ahead carries. */
const DAMPED_TREND = Array.from({ length: TUNING_HORIZON_DAYS + 1 }, (_, k) => dampedSteps(k));

export const holtWintersAdditive: DailyMethod = (train, targets) => forecastHoltWinters(train, targets, 'additive');
export const holtWintersMultiplicative: DailyMethod = (train, targets) => forecastHoltWinters(train, targets, 'multiplicative');

function forecastHoltWinters(train: DailyTrainingSet, targets: number[], seasonality: Seasonality): number[] {
  const origin = train.totals.length;
  const firstRow = Math.max(0, origin - WINDOW_DAYS);
  const window: Window = {
    totals: train.totals.subarray(firstRow),
    weekdays: Uint8Array.from({ length: origin - firstRow }, (_, i) => rowWeekday(train, firstRow + i) - 1),
  };
  const initial = initialState(window, seasonality);
  if (!initial) return targets.map(() => NaN);
  let best: { error: number; state: State } | undefined;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const gamma of GAMMAS) {
        const run = smooth(window, initial, alpha, beta, gamma, seasonality);
        if (!best || run.error < best.error) best = run;
      }
    }
  }
  const { level, trend, season } = (best as { state: State }).state;
  return targets.map((row) => {
    const base = level + dampedSteps(row - origin + 1) * trend;
    const effect = season[rowWeekday(train, row) - 1];
    return Math.max(0, seasonality === 'additive' ? base + effect : base * effect);
  });
}

function smooth(window: Window, initial: State, alpha: number, beta: number, gamma: number, seasonality: Seasonality): { error: number; state: State } {
  const { totals, weekdays } = window;
  const additive = seasonality === 'additive';
  const season = initial.season.slice();
  let level = initial.level;
  let trend = initial.trend;
  let error = 0;
  for (let row = 0; row < totals.length; row++) {
    if (row >= BURN_IN_DAYS) {
      // Score the forecasts the current state makes for this day and the days after it.
      const end = Math.min(totals.length, row + TUNING_HORIZON_DAYS);
      for (let ahead = row; ahead < end; ahead++) {
        const y = totals[ahead];
        if (Number.isNaN(y)) continue;
        const base = level + DAMPED_TREND[ahead - row + 1] * trend;
        const predicted = additive ? base + season[weekdays[ahead]] : base * season[weekdays[ahead]];
        error += (y - predicted) * (y - predicted);
      }
    }
    const y = totals[row];
    const w = weekdays[row];
    const expectedLevel = level + DAMPING * trend;
    if (Number.isNaN(y)) {
      level = expectedLevel;
      trend *= DAMPING;
      continue;
    }
    // A weekday whose multiplicative effect is zero (open, never busy) says nothing about the level.
    const deseasonalised = additive ? y - season[w] : season[w] > 0 ? y / season[w] : expectedLevel;
    const newLevel = additive ? alpha * deseasonalised + (1 - alpha) * expectedLevel : Math.max(alpha * deseasonalised + (1 - alpha) * expectedLevel, 1e-9);
    trend = beta * (newLevel - level) + (1 - beta) * DAMPING * trend;
    level = newLevel;
    season[w] = additive ? gamma * (y - level) + (1 - gamma) * season[w] : gamma * (y / level) + (1 - gamma) * season[w];
  }
  return { error, state: { level, trend, season } };
}

/** Level from the first weeks' weekday means; each weekday's effect as its mean's distance (or ratio) to it. */
function initialState(window: Window, seasonality: Seasonality): State | undefined {
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let row = 0; row < Math.min(window.totals.length, INITIAL_WEEKS * 7); row++) {
    if (Number.isNaN(window.totals[row])) continue;
    sums[window.weekdays[row]] += window.totals[row];
    counts[window.weekdays[row]]++;
  }
  const means = sums.map((sum, w) => (counts[w] > 0 ? sum / counts[w] : NaN));
  const seen = means.filter((m) => !Number.isNaN(m));
  if (seen.length === 0) return undefined;
  const level = Math.max(seen.reduce((a, b) => a + b, 0) / seen.length, 1e-9);
  const season = Float64Array.from(means, (m) => {
    if (Number.isNaN(m)) return seasonality === 'additive' ? 0 : 1;
    return seasonality === 'additive' ? m - level : m / level;
  });
  return { level, trend: 0, season };
}

function dampedSteps(steps: number): number {
  return (DAMPING * (1 - DAMPING ** steps)) / (1 - DAMPING);
}
