/**
 * Business hours of a queue: the time zone, opening hours per weekday and a holiday calendar. They decide when the
 * SLA clock runs: a ticket that arrives at night starts its clock at the next opening, and a 4-hour target set at
 * 16:00 on a 9–17 queue ends at 12:00 the next business day.
 *
 * SLA planning works on an hour-of-week grid (168 slots, slot = weekday × 24 + hour, Monday = 0, local wall clock),
 * so opening hours are whole hours.
 */
import { z } from 'zod';
import { dateOf as dateOfDayNumber, dayNumberOf, parseStart, weekdayOf as isoWeekdayOfDayNumber } from '../forecast/calendar';
import { weekdayOfDate } from '../schedule/time';
import { calendarDate } from '../../calendar/calendarDate';

export const HOURS_PER_WEEK = 168;

const hourField = (what: string, max: number) =>
  z.number({ error: `${what} must be a whole hour` }).int(`${what} must be a whole hour`).min(0, `${what} must be from 0 to ${max}`).max(max, `${what} must be from 0 to ${max}`);

const openDaySchema = z
  .object({ openHour: hourField('Opening hour', 23), closeHour: hourField('Closing hour', 24) })
  .strict()
  .refine((d) => d.closeHour > d.openHour, { path: ['closeHour'], message: 'Closing hour must be after the opening hour' });

export const businessHoursSchema = z
  .object({
    timezone: z.string().trim().min(1, 'Time zone is required').max(64, 'A time zone name is at most 64 characters'),
    /** Monday … Sunday; null = closed all day. */
    weekly: z.array(openDaySchema.nullable()).length(7, 'Business hours need one entry per weekday, Monday to Sunday (null when closed)'),
    holidays: z.array(calendarDate('A holiday')).default([]),
  })
  .strict()
  .refine((h) => h.weekly.some((d) => d !== null), { path: ['weekly'], message: 'Business hours must be open at least one day a week' });

export type BusinessHours = z.output<typeof businessHoursSchema>;

/** Monday to Friday 09:00–17:00: 40 business hours a week, one agent's working week. */
export function weekdayBusinessHours(timezone: string, openHour = 9, closeHour = 17): BusinessHours {
  const day = { openHour, closeHour };
  return { timezone, weekly: [day, day, day, day, day, null, null], holidays: [] };
}

/** Which hour-of-week slots are open. With the week's Monday, holidays in that week are closed all day. */
export function openSlotsOfWeek(hours: BusinessHours, mondayDate?: string): boolean[] {
  const holidays = new Set(hours.holidays);
  const mondayNumber = mondayDate === undefined ? undefined : dayNumberOf(mondayDate);
  return Array.from({ length: HOURS_PER_WEEK }, (_, slot) => {
    const weekday = Math.floor(slot / 24);
    const hour = slot % 24;
    const day = hours.weekly[weekday];
    if (!day || hour < day.openHour || hour >= day.closeHour) return false;
    if (mondayNumber !== undefined && holidays.has(dateOfDayNumber(mondayNumber + weekday))) return false;
    return true;
  });
}

/**
 * Business minutes between two local wall-clock times 'YYYY-MM-DDTHH:mm' on the queue's calendar: the time the SLA
 * clock ran. Zero when `to` is not after `from`.
 */
export function businessMinutesBetween(hours: BusinessHours, fromLocal: string, toLocal: string): number {
  const from = parseStart(fromLocal);
  const to = parseStart(toLocal);
  const holidays = new Set(hours.holidays);
  let total = 0;
  for (let dayNumber = from.dayNumber; dayNumber <= to.dayNumber; dayNumber++) {
    const open = hours.weekly[isoWeekdayOfDayNumber(dayNumber) - 1];
    if (!open || holidays.has(dateOfDayNumber(dayNumber))) continue;
    const start = Math.max(open.openHour * 60, dayNumber === from.dayNumber ? from.minuteOfDay : 0);
    const end = Math.min(open.closeHour * 60, dayNumber === to.dayNumber ? to.minuteOfDay : 1440);
    total += Math.max(0, end - start);
  }
  return total;
}

/** Open hours a week (the business-hours length of the SLA clock's week). */
export function openHoursPerWeek(hours: BusinessHours): number {
  return hours.weekly.reduce((sum, day) => sum + (day ? day.closeHour - day.openHour : 0), 0);
}


/**
 * The typical week of a series of local interval counts ('YYYY-MM-DDTHH:mm', any interval length): each hour of
 * the week is the sum of its intervals ÷ the number of dates of that weekday in the series.
 */
export function typicalWeekFromSeries(points: readonly { start: string; volume: number }[]): number[] {
  const sums = new Array<number>(HOURS_PER_WEEK).fill(0);
  const dates = Array.from({ length: 7 }, () => new Set<string>());
  for (const p of points) {
    const date = p.start.slice(0, 10);
    const weekday = weekdayOfDate(date);
    dates[weekday].add(date);
    sums[weekday * 24 + Number(p.start.slice(11, 13))] += p.volume;
  }
  return sums.map((sum, slot) => sum / Math.max(1, dates[Math.floor(slot / 24)].size));
}
