/**
 * Seasonal naive, the baseline every other method must beat: each interval repeats the same interval of the same
 * weekday one week earlier (or the latest earlier week in which that interval was observed). It works directly on
 * intervals, with no daily total or profile, which is how planners use "same as last week".
 */
import { SlotStatus, weekdayOfRow, type DayGrid } from '../dayGrid';

export function seasonalNaiveDay(grid: DayGrid, origin: number, row: number): Float64Array {
  const forecast = new Float64Array(grid.slotsPerDay);
  let latestSameWeekday = origin - 1;
  while (latestSameWeekday >= 0 && weekdayOfRow(grid, latestSameWeekday) !== weekdayOfRow(grid, row)) latestSameWeekday--;
  for (let slot = 0; slot < grid.slotsPerDay; slot++) {
    let earlier = latestSameWeekday;
    while (earlier >= 0 && grid.status[earlier * grid.slotsPerDay + slot] !== SlotStatus.observed) earlier -= 7;
    forecast[slot] = earlier >= 0 ? grid.values[earlier * grid.slotsPerDay + slot] : 0;
  }
  return forecast;
}
