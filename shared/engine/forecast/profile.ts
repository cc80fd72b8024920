/**
 * Intraday profiles: for each weekday, the share of the day's volume that falls in each interval, learned from the
 * weekday's recent complete days. Shares are a ratio of sums (Σ interval volume ÷ Σ day volume) rather than an
 * average of daily ratios, so quiet days count for less and a near-empty day cannot skew the shape. A weekday with
 * no complete day yet borrows the shape of all recent days, restricted to its own open intervals.
 */
import { weekdayOfRow, type DayGrid } from './dayGrid';
import type { DailySeries } from './dailyTotals';
import { isSlotOpen, type OpenHours } from './openHours';

const DAYS_PER_WEEKDAY = 12;

export type Profiles = {
  slotsPerDay: number;
  /** Indexed by (weekday − 1) × slotsPerDay + slot; each open weekday's shares add up to 1, closed slots are 0. */
  shares: Float64Array;
};

/**
 * Learns the profiles from complete days before `origin`. `skipRow` marks rows not to learn from (event days,
 * whose shape is unusual), unless no other day is left to learn from.
 */
export function learnProfiles(grid: DayGrid, daily: DailySeries, hours: OpenHours, origin: number, skipRow: (row: number) => boolean): Profiles {
  const { slotsPerDay } = grid;
  let sums = sumRecentDays(grid, daily, hours, origin, skipRow);
  if (!sums.pooled.some((sum) => sum > 0)) sums = sumRecentDays(grid, daily, hours, origin, () => false);

  const shares = new Float64Array(7 * slotsPerDay);
  for (let w = 0; w < 7; w++) {
    if (!hours.openWeekdays[w]) continue;
    const own = sums.byWeekday.subarray(w * slotsPerDay, (w + 1) * slotsPerDay);
    const source = sumOpen(own, hours, w) > 0 ? own : sums.pooled;
    const total = sumOpen(source, hours, w);
    for (let slot = 0; slot < slotsPerDay; slot++) {
      if (!isSlotOpen(hours, w + 1, slot)) continue;
      // With no volume anywhere yet, spread evenly over the open intervals.
      shares[w * slotsPerDay + slot] = total > 0 ? source[slot] / total : 1 / openSlotCount(hours, w);
    }
  }
  return { slotsPerDay, shares };
}

/** Interval volumes summed over each weekday's most recent complete days, and over all of them together. */
function sumRecentDays(grid: DayGrid, daily: DailySeries, hours: OpenHours, origin: number, skipRow: (row: number) => boolean) {
  const { slotsPerDay } = grid;
  const byWeekday = new Float64Array(7 * slotsPerDay);
  const pooled = new Float64Array(slotsPerDay);
  const used = new Array<number>(7).fill(0);
  for (let row = origin - 1; row >= 0 && used.some((n, w) => hours.openWeekdays[w] && n < DAYS_PER_WEEKDAY); row--) {
    if (!daily.complete[row] || skipRow(row)) continue;
    const w = weekdayOfRow(grid, row) - 1;
    if (used[w] >= DAYS_PER_WEEKDAY) continue;
    used[w]++;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const value = grid.values[row * slotsPerDay + slot];
      if (Number.isNaN(value)) continue;
      byWeekday[w * slotsPerDay + slot] += value;
      pooled[slot] += value;
    }
  }
  return { byWeekday, pooled };
}

export function sharesOf(profiles: Profiles, weekday: number): Float64Array {
  return profiles.shares.subarray((weekday - 1) * profiles.slotsPerDay, weekday * profiles.slotsPerDay);
}

function sumOpen(sums: Float64Array, hours: OpenHours, w: number): number {
  let total = 0;
  for (let slot = 0; slot < sums.length; slot++) if (isSlotOpen(hours, w + 1, slot)) total += sums[slot];
  return total;
}

function openSlotCount(hours: OpenHours, w: number): number {
  let count = 0;
  for (let slot = 0; slot < hours.slotsPerDay; slot++) if (isSlotOpen(hours, w + 1, slot)) count++;
  return count;
}
