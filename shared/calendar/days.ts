/**
 * The app's one toolbox for calendar days and clock times: dates are local calendar dates 'YYYY-MM-DD', clock times
 * minutes since local midnight. Pure string arithmetic (no time zones): days never shift with a DST change.
 */

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** 'YYYY-MM-DD' plus n calendar days (n may be negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, d) => addDays(monday, d));
}

/** Minutes since midnight → 'HH:MM'; minutes past midnight of the next day wrap (25:30 → 01:30). */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** Minutes since midnight of a local wall-clock timestamp 'YYYY-MM-DDTHH:MM' (the inverse of `localTimestamp`). */
export function minuteOfTimestamp(timestamp: string): number {
  return Number(timestamp.slice(11, 13)) * 60 + Number(timestamp.slice(14, 16));
}

/** A local wall-clock timestamp 'YYYY-MM-DDTHH:MM' for a minute of a date. */
export function localTimestamp(date: string, minute: number): string {
  return `${date}T${formatClock(minute)}`;
}
