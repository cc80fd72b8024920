/**
 * Rolling-origin backtest: cut the history at an origin, forecast the next `horizonDays` open days with each method
 * from what came before, and compare with what happened, interval by interval. Origins are spread evenly over the
 * last year of history (the most relevant, and enough to see every weekday and month-end several times).
 *
 * Closures inside the test window are treated as known in advance, as a planner enters holidays before
 * forecasting: the horizon skips them exactly as the real forecast skips closed days.
 */
import { accuracyOf, addToTally, emptyTally } from './accuracy';
import { SlotStatus } from './dayGrid';
import { checkCancelled, reportProgress } from './hooks';
import { forecastAtOrigin, type MethodForecast } from './predict';
import type { PreparedHistory } from './prepare';
import type { BacktestSettings, ForecastHooks, ForecastMethod, MethodScore } from './types';

const DEFAULT_BACKTEST_ORIGINS = 20;
export const DEFAULT_MIN_TRAINING_DAYS = 28;
const ORIGIN_WINDOW_DAYS = 364;

/**
 * Forecasts paired with what actually happened, for prediction bands; `horizon` (0 = the first open day after the
 * origin) and `origin` (index into the backtest's origins, oldest first) say where each pair came from.
 */
export type ErrorSample = { forecast: number[]; actual: number[]; horizon?: number[]; origin?: number[] };

export type BacktestResult = {
  /** Best (lowest WAPE) first. */
  scores: MethodScore[];
  intervalErrors: Map<ForecastMethod, ErrorSample>;
  dailyErrors: Map<ForecastMethod, ErrorSample>;
  origins: number[];
  /** Per method, Σ|forecast − actual| over each origin's scored intervals (aligned with `origins`). */
  absoluteErrorByOrigin: Map<ForecastMethod, number[]>;
  /** Σ actual over each origin's scored intervals. */
  actualByOrigin: number[];
};

/** Rows to cut the history at: open days with enough history behind and a full horizon of history after. */
function chooseOrigins(prep: PreparedHistory, horizonDays: number, settings: BacktestSettings = {}): number[] {
  const wanted = settings.origins ?? DEFAULT_BACKTEST_ORIGINS;
  const minTraining = settings.minTrainingDays ?? DEFAULT_MIN_TRAINING_DAYS;
  const { dayCount } = prep.grid;
  const candidates: number[] = [];
  for (let origin = Math.max(minTraining, dayCount - ORIGIN_WINDOW_DAYS); origin < dayCount; origin++) {
    const targets = targetRows(prep, origin, horizonDays);
    if (prep.open[origin] && targets.length === horizonDays && targets[horizonDays - 1] < dayCount) candidates.push(origin);
  }
  if (wanted <= 0 || candidates.length === 0) return [];
  if (candidates.length <= wanted) return candidates;
  // Evenly spaced, always including the latest origin: recent accuracy matters most.
  return Array.from({ length: wanted }, (_, i) => candidates[Math.round(((candidates.length - 1) * (i + 1)) / wanted)]);
}

/** The first `horizonDays` open rows from `origin` on. */
function targetRows(prep: PreparedHistory, origin: number, horizonDays: number): number[] {
  const rows: number[] = [];
  for (let row = origin; row < prep.open.length && rows.length < horizonDays; row++) if (prep.open[row]) rows.push(row);
  return rows;
}

export function backtestMethods(
  prep: PreparedHistory,
  horizonDays: number,
  methods: readonly ForecastMethod[],
  settings: BacktestSettings = {},
  hooks: ForecastHooks = {},
): BacktestResult {
  const origins = chooseOrigins(prep, horizonDays, settings);
  const { grid, daily } = prep;
  const perMethod = new Map(
    methods.map((method) => [
      method,
      {
        tally: emptyTally(),
        intervals: { forecast: [], actual: [], horizon: [], origin: [] } as Required<ErrorSample>,
        days: { forecast: [], actual: [], horizon: [], origin: [] } as Required<ErrorSample>,
        byOrigin: [] as number[],
      },
    ]),
  );
  const actualByOrigin: number[] = [];

  origins.forEach((origin, originIndex) => {
    checkCancelled(hooks);
    reportProgress(hooks, originIndex / origins.length, `Backtesting from origin ${originIndex + 1} of ${origins.length}`);
    const targets = targetRows(prep, origin, horizonDays);
    const observedCells = targets.map((row) => observedCellsOf(prep, row));
    actualByOrigin.push(observedCells.flat().reduce((sum, cell) => sum + grid.values[cell], 0));

    const { forecasts } = forecastAtOrigin(prep, origin, targets, methods, hooks);
    for (const [method, record] of perMethod) {
      const { daily: dailyForecast, intervals } = forecasts.get(method) as MethodForecast;
      const absoluteErrorBefore = record.tally.absoluteError;
      targets.forEach((row, t) => {
        for (const cell of observedCells[t]) {
          const forecast = intervals[t][cell - row * grid.slotsPerDay];
          addToTally(record.tally, forecast, grid.values[cell]);
          record.intervals.forecast.push(forecast);
          record.intervals.actual.push(grid.values[cell]);
          record.intervals.horizon.push(t);
          record.intervals.origin.push(originIndex);
        }
        if (daily.complete[row]) {
          record.days.forecast.push(dailyForecast[t]);
          record.days.actual.push(daily.totals[row]);
          record.days.horizon.push(t);
          record.days.origin.push(originIndex);
        }
      });
      record.byOrigin.push(record.tally.absoluteError - absoluteErrorBefore);
    }
  });
  reportProgress(hooks, 1, 'Backtest done');

  const scores = [...perMethod]
    .map(([method, record]) => ({ method, ...accuracyOf(record.tally), dailyWape: dailyWapeOf(record.days), origins: origins.length }))
    .filter((score) => !Number.isNaN(score.wape))
    .sort((a, b) => a.wape - b.wape);
  const pick = (field: 'intervals' | 'days') => new Map([...perMethod].map(([method, record]) => [method, record[field]]));
  return {
    scores,
    intervalErrors: pick('intervals'),
    dailyErrors: pick('days'),
    origins,
    absoluteErrorByOrigin: new Map([...perMethod].map(([method, record]) => [method, record.byOrigin])),
    actualByOrigin,
  };
}

/** WAPE of daily totals: Σ|forecast − actual| ÷ Σ actual over the complete days scored; null without any. */
function dailyWapeOf(days: ErrorSample): number | null {
  const tally = emptyTally();
  days.forecast.forEach((forecast, i) => addToTally(tally, forecast, days.actual[i]));
  return tally.actual > 0 ? accuracyOf(tally).wape : null;
}

/** Grid cells of a row whose volume was observed: only they can be scored. */
function observedCellsOf(prep: PreparedHistory, row: number): number[] {
  const { slotsPerDay, status } = prep.grid;
  const cells: number[] = [];
  for (let cell = row * slotsPerDay; cell < (row + 1) * slotsPerDay; cell++) if (status[cell] === SlotStatus.observed) cells.push(cell);
  return cells;
}
