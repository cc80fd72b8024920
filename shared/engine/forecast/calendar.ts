/**
 * Calendar arithmetic on local dates without a time zone: a date is turned into a day number (days since
 * 1970-01-01 on the proleptic Gregorian calendar), which makes "same weekday last week" plain subtraction.
 */

import { formatClock } from '../../calendar/days';
const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const START_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;

export function dayNumberOf(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`"${date}" is not a date of the form YYYY-MM-DD`);
  return checkedDayNumber(date, Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function monthOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCMonth();
}

export type ParsedStart = { dayNumber: number; minuteOfDay: number };

/** Splits an interval start `YYYY-MM-DDTHH:mm` (a trailing `:00` is tolerated) into day and minute of day. */
export function parseStart(start: string): ParsedStart {
  const match = START_PATTERN.exec(start);
  if (!match) throw new Error(`"${start}" is not an interval start of the form YYYY-MM-DDTHH:mm`);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  if (hour > 23 || minute > 59) throw new Error(`"${start}" is not a valid time of day`);
  const dayNumber = checkedDayNumber(start, Number(match[1]), Number(match[2]), Number(match[3]));
  return { dayNumber, minuteOfDay: hour * 60 + minute };
}

export function formatStart(dayNumber: number, minuteOfDay: number): string {
  return `${dateOf(dayNumber)}T${formatTimeOfDay(minuteOfDay)}`;
}

export function formatTimeOfDay(minuteOfDay: number): string {
  return formatClock(minuteOfDay);
}

function checkedDayNumber(text: string, year: number, month: number, day: number): number {
  const dayNumber = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  // Date.UTC rolls 2003-02-30 over into March; a round trip catches such impossible dates.
  const back = new Date(dayNumber * MS_PER_DAY);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Error(`"${text}" is not a real calendar date`);
  }
  return dayNumber;
}
