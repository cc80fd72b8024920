/**
 * Daily totals, the level the daily methods forecast. A day with some missing intervals is still useful: its total
 * is scaled up by the share of the day its observed intervals usually carry, learned only from earlier complete
 * days of the same weekday so that backtests never peek ahead. A day that has lost more than half its usual volume
 * to missing data is treated as missing altogether.
 */
import { SlotStatus, weekdayOfRow, type DayGrid } from './dayGrid';

export const DayStatus = { observed: 0, closed: 1, missing: 2 } as const;

const MIN_OBSERVED_SHARE = 0.5;

export type DailySeries = {
  /** Total per grid row; NaN unless the day's status is `observed`. */
  totals: Float64Array;
  status: Uint8Array;
  /** 1 where every open interval of the day was observed, so the day can shape an intraday profile. */
  complete: Uint8Array;
};

export function buildDailySeries(grid: DayGrid): DailySeries {
  const { dayCount, slotsPerDay } = grid;
  const totals = new Float64Array(dayCount).fill(NaN);
  const status = new Uint8Array(dayCount);
  const complete = new Uint8Array(dayCount);
  // Per weekday, the summed volume of each interval and of whole days over the complete days seen so far.
  const slotSums = new Float64Array(7 * slotsPerDay);
  const daySums = new Float64Array(7);

  for (let row = 0; row < dayCount; row++) {
    const rowStart = row * slotsPerDay;
    const base = (weekdayOfRow(grid, row) - 1) * slotsPerDay;
    let observedSum = 0;
    let observedUsualShare = 0;
    let observedCount = 0;
    let missingCount = 0;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const s = grid.status[rowStart + slot];
      if (s === SlotStatus.observed) {
        observedSum += grid.values[rowStart + slot];
        observedUsualShare += slotSums[base + slot];
        observedCount++;
      } else if (s === SlotStatus.missing) {
        missingCount++;
      }
    }
    const weekdayIndex = base / slotsPerDay;
    if (observedCount === 0) {
      status[row] = missingCount === 0 ? DayStatus.closed : DayStatus.missing;
    } else if (missingCount === 0) {
      status[row] = DayStatus.observed;
      totals[row] = observedSum;
      complete[row] = 1;
      for (let slot = 0; slot < slotsPerDay; slot++) {
        if (grid.status[rowStart + slot] === SlotStatus.observed) slotSums[base + slot] += grid.values[rowStart + slot];
      }
      daySums[weekdayIndex] += observedSum;
    } else {
      const share = daySums[weekdayIndex] > 0 ? observedUsualShare / daySums[weekdayIndex] : 0;
      if (share >= MIN_OBSERVED_SHARE) {
        status[row] = DayStatus.observed;
        totals[row] = observedSum / share;
      } else {
        status[row] = DayStatus.missing;
      }
    }
  }
  return { totals, status, complete };
}

export function isOpenDay(daily: DailySeries, row: number): boolean {
  return daily.status[row] !== DayStatus.closed;
}
