/**
 * The history laid out as a dense calendar: one row per day from the first to the last history day, one column
 * per interval of the day. Typed arrays keep two years of fifteen-minute history (70,000 cells) cheap to scan many
 * times over during backtests.
 */
import { combine } from './aggregate';
import { MINUTES_PER_DAY, parseStart, weekdayOf } from './calendar';
import type { IntervalSeries, IntervalValue } from './types';

export const SlotStatus = { observed: 0, closed: 1, missing: 2 } as const;

/** Twenty years: far more than any forecast needs, and a guard against a mistyped year blowing up the grid. */
const MAX_DAYS = 7305;

export type DayGrid = {
  intervalMin: number;
  slotsPerDay: number;
  /** Day number (days since 1970-01-01) of row 0. */
  firstDay: number;
  dayCount: number;
  /** Row-major counts; NaN wherever the status is not `observed`. */
  values: Float64Array;
  status: Uint8Array;
};

export function buildDayGrid(series: IntervalSeries): DayGrid {
  const { intervalMin } = series;
  const slotsPerDay = MINUTES_PER_DAY / intervalMin;
  const parsed = series.points.map((point) => {
    const { dayNumber, minuteOfDay } = parseStart(point.start);
    if (minuteOfDay % intervalMin !== 0) {
      throw new Error(`Interval ${point.start} does not start on a ${intervalMin}-minute boundary`);
    }
    return { dayNumber, slot: minuteOfDay / intervalMin, value: point.value };
  });
  if (parsed.length === 0) throw new Error('The history has no intervals');

  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const p of parsed) {
    firstDay = Math.min(firstDay, p.dayNumber);
    lastDay = Math.max(lastDay, p.dayNumber);
  }
  const dayCount = lastDay - firstDay + 1;
  if (dayCount > MAX_DAYS) throw new Error(`The history spans ${dayCount} days, more than twenty years; check the dates of its first and last intervals`);
  const cells: (IntervalValue | undefined)[] = new Array(dayCount * slotsPerDay);
  for (const p of parsed) {
    const cell = (p.dayNumber - firstDay) * slotsPerDay + p.slot;
    // A fall-back day repeats an hour of wall-clock starts: both counts belong to that interval of the day.
    cells[cell] = combine(cells[cell], p.value);
  }

  const values = new Float64Array(cells.length).fill(NaN);
  const status = new Uint8Array(cells.length).fill(SlotStatus.closed);
  for (let cell = 0; cell < cells.length; cell++) {
    const value = cells[cell];
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || value < 0) throw new Error(`Volume ${value} is not a count of zero or more`);
      values[cell] = value;
      status[cell] = SlotStatus.observed;
    } else if (value === 'missing') {
      status[cell] = SlotStatus.missing;
    }
  }
  return { intervalMin, slotsPerDay, firstDay, dayCount, values, status };
}

export function weekdayOfRow(grid: Pick<DayGrid, 'firstDay'>, row: number): number {
  return weekdayOf(grid.firstDay + row);
}
