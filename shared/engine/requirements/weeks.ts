/** Which week of volumes to staff when none is named. */
import { addDays } from '../../calendar/days';
import { isCalendarDate } from '../../calendar/calendarDate';
import { weekdayOfDate } from '../schedule/time';

/** The Monday of the last full Monday–Sunday week that ends on or before the last day of history. */
export function lastCompleteWeek(lastLocal: string | undefined): string | undefined {
  if (!lastLocal) return undefined;
  const lastDay = lastLocal.slice(0, 10);
  if (!isCalendarDate(lastDay)) return undefined;
  const weekday = weekdayOfDate(lastDay); // 0 = Monday … 6 = Sunday
  const sunday = weekday === 6 ? lastDay : addDays(lastDay, -(weekday + 1));
  return addDays(sunday, -6);
}
