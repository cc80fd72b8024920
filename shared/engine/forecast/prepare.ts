/**
 * Everything the forecast needs that does not depend on the method or the backtest origin, computed once: the
 * history as a day grid and daily totals, the calendar stretched past the history (which future days open, where
 * events and drivers fall), and the open days to forecast.
 *
 * Timeline rows count calendar days from the first history day. History rows are open when the data says so;
 * later rows are open on the weekdays the learned opening hours allow, unless an event closes them. The calendar
 * holds the planner's events and the automatic calendar effects.
 */
import { aggregateSeries } from './aggregate';
import { dayNumberOf } from './calendar';
import { buildDailySeries, isOpenDay, type DailySeries } from './dailyTotals';
import { buildDayGrid, weekdayOfRow, type DayGrid } from './dayGrid';
import { calendarEvents } from './calendarEffects';
import { isClosedByEvent, layOutEvents, type CalendarEvent, type EventCalendar } from './events';
import { learnOpenHours, type OpenHours } from './openHours';
import type { ForecastInput } from './types';

/** Room after the last forecast day so month-end flags can see to the end of its month. */
const MONTH_LOOKAHEAD_DAYS = 31;

export type PreparedHistory = {
  grid: DayGrid;
  daily: DailySeries;
  /** Opening hours learned from the whole history, used for the forecast days. */
  hours: OpenHours;
  /** Per timeline row, 1 when open. */
  open: Uint8Array;
  calendar: EventCalendar;
  drivers: { name: string; values: Float64Array }[];
  /** Timeline rows to forecast: the next open days after the history, as many as the horizon asks for. */
  futureRows: number[];
  warnings: string[];
};

export function prepareHistory(input: ForecastInput): PreparedHistory {
  const warnings: string[] = [];
  const series = input.history.intervalMin === input.intervalMin ? input.history : aggregateSeries(input.history, input.intervalMin);
  const grid = buildDayGrid(series);
  const daily = buildDailySeries(grid);
  const hours = learnOpenHours(grid, grid.dayCount);
  if (!hours.openWeekdays.some(Boolean)) throw new Error('The history has no open intervals to learn from');

  const userEvents: CalendarEvent[] = (input.events ?? []).map((event) => ({ ...event, automatic: false }));
  // However many closures the events add, a horizon of N open days fits in N weeks plus a year of closures.
  const searchRows = grid.dayCount + input.horizonDays * 7 + 366;
  const searchCalendar = layOutEvents(userEvents, grid.firstDay, searchRows);
  const futureRows: number[] = [];
  for (let row = grid.dayCount; row < searchRows && futureRows.length < input.horizonDays; row++) {
    if (hours.openWeekdays[weekdayOfRow(grid, row) - 1] && !isClosedByEvent(searchCalendar, row)) futureRows.push(row);
  }
  if (futureRows.length < input.horizonDays) warnings.push(`Only ${futureRows.length} open days found to forecast; events close the rest`);

  const rowCount = (futureRows.at(-1) ?? grid.dayCount - 1) + 1 + MONTH_LOOKAHEAD_DAYS;
  const open = new Uint8Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const opens = row < grid.dayCount ? isOpenDay(daily, row) : hours.openWeekdays[weekdayOfRow(grid, row) - 1] && !isClosedByEvent(searchCalendar, row);
    open[row] = opens ? 1 : 0;
  }
  const automaticEvents = input.calendarEffects === false ? [] : calendarEvents({ firstDay: grid.firstDay, open, openWeekdays: hours.openWeekdays });
  const calendar = layOutEvents([...userEvents, ...automaticEvents], grid.firstDay, rowCount);

  const drivers = (input.drivers ?? []).flatMap((driver) => {
    const values = new Float64Array(rowCount).fill(NaN);
    for (const [date, value] of Object.entries(driver.values)) {
      const row = dayNumberOf(date) - grid.firstDay;
      if (row >= 0 && row < rowCount) values[row] = value;
    }
    const uncovered = futureRows.filter((row) => Number.isNaN(values[row])).length;
    if (uncovered > 0) {
      warnings.push(`Driver "${driver.name}" has no value for ${uncovered} of the forecast days, so the regression leaves it out`);
      return [];
    }
    return [{ name: driver.name, values }];
  });

  return { grid, daily, hours, open, calendar, drivers, futureRows, warnings };
}
