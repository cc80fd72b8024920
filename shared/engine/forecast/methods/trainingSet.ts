/**
 * What a daily method may see: the daily totals before the forecast origin, and calendar facts that are known in
 * advance for every day (which days are open, driver values). Handing methods a truncated array rather than the
 * whole history makes peeking at the answer in a backtest impossible rather than merely forbidden.
 */
import { weekdayOf } from '../calendar';

export type DailyTrainingSet = {
  /** Day number (days since 1970-01-01) of row 0. */
  firstDay: number;
  /** Event-adjusted daily totals of the rows before the origin; NaN where closed or missing. */
  totals: Float64Array;
  /** 1 for every open row, history and future, through at least the month of the last forecast day. */
  open: Uint8Array;
  /** Weekdays (index = ISO weekday − 1) the queue usually opens on. */
  openWeekdays: boolean[];
  /** User driver values per row (history and future), one column per driver. */
  drivers: { name: string; values: Float64Array }[];
};

/** A daily method forecasts the total of each target row (all at or after the origin, ascending). */
export type DailyMethod = (train: DailyTrainingSet, targets: number[]) => number[];

export function rowWeekday(train: DailyTrainingSet, row: number): number {
  return weekdayOf(train.firstDay + row);
}

/** The most recent observed totals of one weekday before the origin, newest first. */
export function recentSameWeekday(train: DailyTrainingSet, weekday: number, count: number): number[] {
  const found: number[] = [];
  let row = train.totals.length - 1;
  while (row >= 0 && rowWeekday(train, row) !== weekday) row--;
  for (; row >= 0 && found.length < count; row -= 7) {
    if (!Number.isNaN(train.totals[row])) found.push(train.totals[row]);
  }
  return found;
}

/**
 * Multiplicative weekday indices by the classical ratio-to-moving-average method: each day's total over the mean of
 * the week centred on it, averaged per weekday over the last `weeks` weeks and scaled to average 1 over the open
 * weekdays. Dividing by the centred week removes trend, which raw weekday means would mistake for weekday effects.
 * Only weeks whose usually-open days were all observed are used (a holiday would tilt the week's mean); a weekday
 * with no usable week gets index 1.
 */
export function weekdayIndices(train: DailyTrainingSet, weeks: number): number[] {
  const { totals } = train;
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let row = Math.max(3, totals.length - weeks * 7); row + 3 < totals.length; row++) {
    if (Number.isNaN(totals[row])) continue;
    const weekMean = centredWeekMean(train, row);
    if (!(weekMean > 0)) continue;
    const w = rowWeekday(train, row) - 1;
    sums[w] += totals[row] / weekMean;
    counts[w]++;
  }
  const ratios = sums.map((sum, w) => (counts[w] > 0 ? sum / counts[w] : NaN));
  const seen = ratios.filter((r, w) => !Number.isNaN(r) && train.openWeekdays[w]);
  const scale = seen.length > 0 ? seen.reduce((a, b) => a + b, 0) / seen.length : 1;
  return ratios.map((r) => (Number.isNaN(r) || !(scale > 0) ? 1 : r / scale));
}

/** Mean total of the usually-open days from three days before `row` to three after; NaN if any was not observed. */
function centredWeekMean(train: DailyTrainingSet, row: number): number {
  let sum = 0;
  let count = 0;
  for (let day = row - 3; day <= row + 3; day++) {
    if (!train.openWeekdays[rowWeekday(train, day) - 1]) continue;
    if (Number.isNaN(train.totals[day])) return NaN;
    sum += train.totals[day];
    count++;
  }
  return count > 0 ? sum / count : NaN;
}

/** Rows before the origin with an observed total, newest first, at most `count` of them. */
export function recentObservedRows(train: DailyTrainingSet, count: number): number[] {
  const rows: number[] = [];
  for (let row = train.totals.length - 1; row >= 0 && rows.length < count; row--) {
    if (!Number.isNaN(train.totals[row])) rows.push(row);
  }
  return rows;
}

/** Mean of the observed totals, or 0 when there are none, so a method never returns NaN for a new queue. */
export function meanOrZero(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
