/**
 * Clock and calendar helpers shared by the schedule engine.
 * Days are indices into the planning horizon; weekdays follow the Curtois & Qu convention (0 = Monday … 6 = Sunday),
 * so a horizon that starts on a Monday has weekday === day % 7.
 */

export const MINUTES_PER_DAY = 1440;

// The calendar toolbox's, re-exported: the schedule engine's callers find them here with the rest of its time helpers.
export { formatClock, WEEKDAY_NAMES } from '../../calendar/days';
import { WEEKDAY_NAMES } from '../../calendar/days';

const CLOCK_PATTERN = /^(\d{1,2}):([0-5]\d)$/;

/** 'HH:MM' → minutes since midnight. Accepts up to 48:00 so overnight ends can be written as clock times. */
export function parseClock(text: string): number {
  const match = CLOCK_PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a clock time (HH:MM)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 2 * MINUTES_PER_DAY) throw new Error(`"${text}" is past 48:00`);
  return minutes;
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

/** Weekday (0 = Monday) of an ISO date. */
export function weekdayOfDate(isoDate: string): number {
  const [year, month, date] = isoDate.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}
