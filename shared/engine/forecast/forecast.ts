/**
 * The forecast a planner asks for: backtest every method by rolling origin, pick the best (see chooseMethod) or
 * take the planner's choice, forecast the next open days from the end of the history, and put prediction bands around
 * each interval and day from that method's backtest errors.
 */
import { backtestMethods, DEFAULT_MIN_TRAINING_DAYS } from './backtest';
import { chooseMethod } from './chooseMethod';
import { dateOf, formatStart, formatTimeOfDay } from './calendar';
import { weekdayOfRow } from './dayGrid';
import { eventNamesOn } from './events';
import { checkCancelled, reportProgress, withinProgress } from './hooks';
import { isSlotOpen, type OpenHours } from './openHours';
import { bandAround, fitBandModel } from './predictionBands';
import { forecastAtOrigin, type MethodForecast } from './predict';
import { prepareHistory, type PreparedHistory } from './prepare';
import { sharesOf, type Profiles } from './profile';
import { parseForecastInput } from './schema';
import { FORECAST_METHODS, type DailyForecast, type ForecastHooks, type ForecastInput, type ForecastMethod, type ForecastPoint, type ForecastResult, type IntradayProfile } from './types';

export function forecast(input: ForecastInput, hooks: ForecastHooks = {}): ForecastResult {
  const request = parseForecastInput(input);
  reportProgress(hooks, 0, 'Preparing the history');
  const prep = prepareHistory(request);
  const warnings = [...prep.warnings];
  checkCancelled(hooks);

  const backtest = backtestMethods(prep, request.horizonDays, FORECAST_METHODS, request.backtest, withinProgress(hooks, 0.05, 0.9));
  const choice = chooseMethod(backtest, request.horizonDays);
  const method: ForecastMethod = request.method === 'auto' ? choice.method : request.method;
  if (backtest.origins.length === 0) {
    const openDays = prep.open.slice(0, prep.grid.dayCount).filter(Boolean).length;
    const needed = `${request.backtest?.minTrainingDays ?? DEFAULT_MIN_TRAINING_DAYS} days of history before a cut plus ${request.horizonDays} open days after it`;
    choice.explanation = `No method could be backtested: the history has ${openDays} open days and one backtest needs ${needed}. ${request.method === 'auto' ? `The default, ${choice.method}, is used without a score.` : ''}`.trim();
    warnings.push('The history is too short to backtest, so no method scores are available and the prediction bands assume Poisson counts');
  }

  checkCancelled(hooks);
  reportProgress(hooks, 0.9, `Forecasting with ${method}`);
  const final = forecastAtOrigin(prep, prep.grid.dayCount, prep.futureRows, [method], hooks);
  const chosen = final.forecasts.get(method) as MethodForecast;
  const intervalBands = fitBandModel(backtest.intervalErrors.get(method), 'intervals');
  const dayBands = fitBandModel(backtest.dailyErrors.get(method), 'daily totals');

  const points: ForecastPoint[] = [];
  const dailyTotals: DailyForecast[] = prep.futureRows.map((row, t) => {
    const weekday = weekdayOfRow(prep.grid, row);
    chosen.intervals[t].forEach((value, slot) => {
      if (isSlotOpen(final.hours, weekday, slot)) {
        points.push({ start: formatStart(prep.grid.firstDay + row, slot * prep.grid.intervalMin), ...bandAround(intervalBands, value) });
      }
    });
    return { date: dateOf(prep.grid.firstDay + row), weekday, events: eventNamesOn(prep.calendar, row), ...bandAround(dayBands, chosen.daily[t]) };
  });

  for (const estimate of final.effects.estimates) {
    if (estimate.source === 'unknown') warnings.push(`Event "${estimate.name}" has no value and no earlier occurrence to estimate one from, so it has no effect`);
  }
  reportProgress(hooks, 1, 'Done');
  return {
    method,
    choice,
    scores: backtest.scores,
    points,
    dailyTotals,
    intradayProfile: describeProfiles(prep, final.profiles, final.hours),
    events: final.effects.estimates,
    intervalModel: `${intervalBands.description}. Daily totals: ${dayBands.description}.`,
    warnings,
  };
}

function describeProfiles(prep: PreparedHistory, profiles: Profiles, hours: OpenHours): IntradayProfile {
  const { intervalMin, slotsPerDay } = prep.grid;
  const weekdays = [1, 2, 3, 4, 5, 6, 7]
    .filter((weekday) => hours.openWeekdays[weekday - 1])
    .map((weekday) => ({
      weekday,
      shares: Array.from(sharesOf(profiles, weekday), (share, slot) => (isSlotOpen(hours, weekday, slot) ? share : null)),
    }));
  return { intervalMin, slotStarts: Array.from({ length: slotsPerDay }, (_, slot) => formatTimeOfDay(slot * intervalMin)), weekdays };
}
