/**
 * Calendar effects of the demo's US support centre: public holidays and month-end billing days.
 * Dates are plain 'YYYY-MM-DD' strings in the workspace's local calendar.
 */
import { DateTime } from 'luxon';

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  let d = DateTime.utc(year, month, 1);
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return d.plus({ weeks: n - 1 }).toISODate()!;
}

function lastWeekday(year: number, month: number, weekday: number): string {
  let d = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  while (d.weekday !== weekday) d = d.minus({ days: 1 });
  return d.toISODate()!;
}

/** US federal holidays a support centre typically closes its phone lines for. */
export function usHolidays(year: number): Map<string, string> {
  return new Map([
    [`${year}-01-01`, "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, 1, 3), "Presidents' Day"],
    [lastWeekday(year, 5, 1), 'Memorial Day'],
    [`${year}-06-19`, 'Juneteenth'],
    [`${year}-07-04`, 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving'],
    [`${year}-12-25`, 'Christmas Day'],
  ]);
}

/** Month-end billing: the last two business days of a month and the first business day of the next. */
export function isBillingPeakDay(date: DateTime): boolean {
  if (date.weekday > 5) return false;
  let businessDaysAfter = 0;
  for (let day = date.day + 1, weekday = date.weekday % 7 + 1; day <= date.daysInMonth!; day++, weekday = weekday % 7 + 1) {
    if (weekday <= 5) businessDaysAfter += 1;
  }
  let businessDaysBefore = 0;
  for (let day = date.day - 1, weekday = ((date.weekday + 5) % 7) + 1; day >= 1; day--, weekday = ((weekday + 5) % 7) + 1) {
    if (weekday <= 5) businessDaysBefore += 1;
  }
  return businessDaysAfter < 2 || businessDaysBefore === 0;
}

/**
 * Yearly seasonality of the demo's contacts: an April surge (annual plan renewals, peaking mid-April at +25%), a
 * quieter summer (−8% in July and August) and a year-end dip (−30% from 22 December to 1 January).
 */
export function seasonalFactor(date: DateTime): number {
  const { month, day } = date;
  if ((month === 12 && day >= 22) || (month === 1 && day === 1)) return 0.7;
  const dayOfYear = date.ordinal;
  const april = 1 + 0.25 * Math.exp(-(((dayOfYear - 105) / 12) ** 2));
  const summer = month === 7 || month === 8 ? 0.92 : 1;
  return april * summer;
}
