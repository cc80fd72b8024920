/**
 * One forecast from one origin: learn opening hours, event effects and intraday profiles from the days before the
 * origin, run the requested methods on daily totals, put the event effects back and split each day into intervals.
 * The backtest calls this for every rolling origin and the final forecast once, from the end of the history, so the
 * scores describe exactly the procedure that produces the forecast.
 */
import { weekdayOfRow } from './dayGrid';
import { estimateEffects, hasEffect, withEffect, withoutEffects, type EventEffects } from './events';
import { checkCancelled } from './hooks';
import { COMBINED_MEMBERS, DAILY_METHODS, type DailyMethodName } from './methods';
import { seasonalNaiveDay } from './methods/seasonalNaive';
import type { DailyTrainingSet } from './methods/trainingSet';
import { isSlotOpen, learnOpenHours, type OpenHours } from './openHours';
import type { PreparedHistory } from './prepare';
import { learnProfiles, sharesOf, type Profiles } from './profile';
import type { ForecastHooks, ForecastMethod } from './types';

export type MethodForecast = {
  /** Forecast total per target row. */
  daily: number[];
  /** Forecast per interval of the day per target row; 0 in closed intervals. */
  intervals: Float64Array[];
};

export type OriginForecast = {
  forecasts: Map<ForecastMethod, MethodForecast>;
  hours: OpenHours;
  profiles: Profiles;
  effects: EventEffects;
};

export function forecastAtOrigin(prep: PreparedHistory, origin: number, targets: number[], methods: readonly ForecastMethod[], hooks: ForecastHooks = {}): OriginForecast {
  const { grid, daily, calendar } = prep;
  const hours = origin === grid.dayCount ? prep.hours : learnOpenHours(grid, origin);
  const effects = estimateEffects(calendar, daily.totals, origin);
  const train: DailyTrainingSet = {
    firstDay: grid.firstDay,
    totals: withoutEffects(daily.totals, effects, origin),
    open: prep.open,
    openWeekdays: hours.openWeekdays,
    drivers: prep.drivers,
  };
  const profiles = learnProfiles(grid, daily, hours, origin, (row) => hasEffect(calendar, row));

  const dailyForecasts = new Map<DailyMethodName, number[]>();
  const dailyOf = (name: DailyMethodName): number[] => {
    let totals = dailyForecasts.get(name);
    if (!totals) {
      const raw = DAILY_METHODS[name](train, targets);
      // A method that cannot forecast a day yet (too little history) falls back to the same-weekday average.
      const fallback = raw.some((v) => !Number.isFinite(v)) ? dailyOf('historical-average') : raw;
      totals = raw.map((v, i) => withEffect(Number.isFinite(v) ? v : fallback[i], effects, targets[i]));
      dailyForecasts.set(name, totals);
    }
    return totals;
  };
  const splitByProfile = (totals: number[]): Float64Array[] =>
    totals.map((total, i) => sharesOf(profiles, weekdayOfRow(grid, targets[i])).map((share) => share * total));

  const forecasts = new Map<ForecastMethod, MethodForecast>();
  for (const method of methods) {
    checkCancelled(hooks);
    if (method === 'seasonal-naive') {
      const intervals = targets.map((row) => {
        const weekday = weekdayOfRow(grid, row);
        return seasonalNaiveDay(grid, origin, row).map((value, slot) => (isSlotOpen(hours, weekday, slot) ? value : 0));
      });
      forecasts.set(method, { daily: intervals.map((day) => day.reduce((a, b) => a + b, 0)), intervals });
    } else {
      const totals = method === 'combined' ? averageOf(COMBINED_MEMBERS.map(dailyOf)) : dailyOf(method);
      forecasts.set(method, { daily: totals, intervals: splitByProfile(totals) });
    }
  }
  return { forecasts, hours, profiles, effects };
}

function averageOf(series: number[][]): number[] {
  return series[0].map((_, i) => series.reduce((sum, s) => sum + s[i], 0) / series.length);
}
