/** Sums interval counts into longer intervals: five-minute history into the 30-minute intervals a forecast uses. */
import { describeSlot, type IntervalCalendar } from './calendar';
import type { IntervalCount } from './intervalCounts';

/**
 * One count per target interval that any source count falls in, in time order. Volumes add up; AHT is the
 * volume-weighted mean of the source intervals that have one. Target intervals with no source count are left
 * out, so missing stays missing. Throws when a source interval is longer than the target's.
 */
export function rollUpIntervalCounts(counts: readonly IntervalCount[], target: IntervalCalendar): IntervalCount[] {
  const totals = new Map<number, { volume: number; handledVolume: number; handleTimeSum: number }>();
  for (const count of counts) {
    const start = target.intervalStartAt(count.startUtcMs);
    if (target.intervalStartAt(count.endUtcMs - 1) !== start) {
      throw new Error(`Interval ${describeSlot(count)} is longer than the ${target.intervalMinutes}-minute intervals it should be summed into.`);
    }
    const total = totals.get(start) ?? { volume: 0, handledVolume: 0, handleTimeSum: 0 };
    total.volume += count.volume;
    if (count.ahtSec !== null) {
      total.handledVolume += count.volume;
      total.handleTimeSum += count.ahtSec * count.volume;
    }
    totals.set(start, total);
  }
  return [...totals]
    .sort(([a], [b]) => a - b)
    .map(([start, total]) => ({
      ...target.slotStartingAt(start),
      volume: total.volume,
      ahtSec: total.handledVolume > 0 ? total.handleTimeSum / total.handledVolume : null,
    }));
}
