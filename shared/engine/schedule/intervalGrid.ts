/**
 * The requirement grid: the horizon cut into equal intervals (15 or 30 minutes). Everything that turns minutes into
 * per-interval staffing goes through `forEachIntervalOverlap`, so coverage, shift design and break placement agree
 * on how a partial interval counts (by the fraction of it worked).
 */
export interface IntervalGrid {
  intervalMinutes: number;
  intervalsPerDay: number;
  intervalCount: number;
}

export function makeGrid(intervalMinutes: number, days: number): IntervalGrid {
  const intervalsPerDay = 1440 / intervalMinutes;
  return { intervalMinutes, intervalsPerDay, intervalCount: intervalsPerDay * days };
}

/**
 * Visits each interval that [start, end) overlaps, with the fraction of the interval covered. Minutes count from the
 * horizon start; the part outside the horizon is ignored.
 */
export function forEachIntervalOverlap(
  grid: IntervalGrid,
  start: number,
  end: number,
  visit: (interval: number, fraction: number) => void,
): void {
  const size = grid.intervalMinutes;
  const first = Math.max(0, Math.floor(start / size));
  const last = Math.min(grid.intervalCount - 1, Math.ceil(end / size) - 1);
  for (let interval = first; interval <= last; interval++) {
    const overlap = Math.min(end, (interval + 1) * size) - Math.max(start, interval * size);
    if (overlap > 0) visit(interval, overlap / size);
  }
}
