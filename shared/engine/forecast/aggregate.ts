/**
 * Turns a fine series (five-minute counts, say) into a coarser one (thirty-minute) without blurring the three kinds
 * of "no volume": a coarse interval is missing if any part of it is missing (its total is unknown), a count if any
 * part was open, and closed only when every part was closed.
 */
import { MINUTES_PER_DAY, formatStart, parseStart } from './calendar';
import type { IntervalSeries, IntervalValue } from './types';

export function aggregateSeries(series: IntervalSeries, toIntervalMin: number): IntervalSeries {
  assertIntervalLength(toIntervalMin);
  if (toIntervalMin % series.intervalMin !== 0) {
    throw new Error(`Cannot aggregate ${series.intervalMin}-minute intervals into ${toIntervalMin}-minute ones: ${toIntervalMin} is not a multiple of ${series.intervalMin}`);
  }
  const buckets = new Map<number, IntervalValue>();
  for (const point of series.points) {
    const { dayNumber, minuteOfDay } = parseStart(point.start);
    const key = dayNumber * MINUTES_PER_DAY + minuteOfDay - (minuteOfDay % toIntervalMin);
    buckets.set(key, combine(buckets.get(key), point.value));
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  return {
    intervalMin: toIntervalMin,
    points: keys.map((key) => ({
      start: formatStart(Math.floor(key / MINUTES_PER_DAY), key - Math.floor(key / MINUTES_PER_DAY) * MINUTES_PER_DAY),
      value: buckets.get(key) as IntervalValue,
    })),
  };
}

/** Adds one more part to a coarse interval: missing wins (the total is unknown), then counts, then closed. */
export function combine(sofar: IntervalValue | undefined, next: IntervalValue): IntervalValue {
  if (sofar === undefined) return next;
  if (sofar === 'missing' || next === 'missing') return 'missing';
  if (sofar === 'closed') return next;
  if (next === 'closed') return sofar;
  return sofar + next;
}

function assertIntervalLength(intervalMin: number): void {
  if (!Number.isInteger(intervalMin) || intervalMin <= 0 || MINUTES_PER_DAY % intervalMin !== 0) {
    throw new Error(`An interval of ${intervalMin} minutes does not divide a day into whole intervals`);
  }
}
