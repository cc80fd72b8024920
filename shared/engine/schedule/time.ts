/**
 * Clock and calendar helpers shared by the schedule engine.
 * Days are indices into the planning horizon; weekdays follow the Curtois & Qu convention (0 = Monday … 6 = Sunday),
 * so a horizon that starts on a Monday has weekday === day % 7.
 */

export const MINUTES_PER_DAY = 1440;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const CLOCK_PATTERN = /^(\d{1,2}):([0-5]\d)$/;

/** 'HH:MM' → minutes since midnight. Accepts up to 48:00 so overnight ends can be written as clock times. */
export function parseClock(text: string): number {
  const match = CLOCK_PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a clock time (HH:MM)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 2 * MINUTES_PER_DAY) throw new Error(`"${text}" is past 48:00`);
  return minutes;
}

/** Minutes since midnight → 'HH:MM'; minutes past midnight of the next day wrap (25:30 → 01:30). */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/**
 * Calendar weeks the horizon touches, counted from day 0. Weekly contract limits are allowed in full for a partial
 * week: the horizon may be all of that week that is being planned.
 */
export function weeksIn(days: number): number {
  return Math.ceil(days / 7);
}

export function weekdayOf(day: number, startWeekday: number): number {
  return (startWeekday + day) % 7;
}

export function isWeekendDay(day: number, startWeekday: number): boolean {
  return weekdayOf(day, startWeekday) >= 5;
}

export function dayLabel(day: number, startWeekday: number): string {
  return `${WEEKDAY_NAMES[weekdayOf(day, startWeekday)]} (day ${day + 1})`;
}

/** ISO date of horizon day `day` when the horizon has a calendar start date ('YYYY-MM-DD'). */
export function dateOfDay(startDate: string, day: number): string {
  const [year, month, date] = startDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + day)).toISOString().slice(0, 10);
}

/** Weekday (0 = Monday) of an ISO date. */
export function weekdayOfDate(isoDate: string): number {
  const [year, month, date] = isoDate.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}
