/**
 * Calendar effects every contact centre has, applied without the planner having to enter them: the first two and
 * last two open days of a month (statements, payroll and billing cycles), and the open days just before and just
 * after an unusual closure (customers call ahead of a holiday and the backlog lands after it). They become
 * automatic multiplier events whose size is estimated from history like any other event, so every method gains
 * from them and the planner sees each effect's size. A day is only flagged when the whole month (or the days
 * around it) is visible: history that starts mid-month cannot tell which day opened the month.
 */
import { dateOf, monthOf, weekdayOf } from './calendar';
import type { CalendarEvent } from './events';

type CalendarRule = { name: string; applies: (calendar: OpenCalendar, row: number) => boolean };

type OpenCalendar = {
  firstDay: number;
  /** 1 for every open timeline row. */
  open: Uint8Array;
  /** Weekdays (index = ISO weekday − 1) the queue usually opens on. */
  openWeekdays: boolean[];
};

const RULES: CalendarRule[] = [
  { name: 'first open day of the month', applies: (c, row) => openDaysInMonth(c, row, -1) === 0 },
  { name: 'second open day of the month', applies: (c, row) => openDaysInMonth(c, row, -1) === 1 },
  { name: 'last open day of the month', applies: (c, row) => openDaysInMonth(c, row, 1) === 0 },
  { name: 'second-last open day of the month', applies: (c, row) => openDaysInMonth(c, row, 1) === 1 },
  { name: 'day after a closure', applies: (c, row) => nextUsualDayIsClosed(c, row, -1) },
  { name: 'day before a closure', applies: (c, row) => nextUsualDayIsClosed(c, row, 1) },
];

export function calendarEvents(calendar: OpenCalendar): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (let row = 0; row < calendar.open.length; row++) {
    if (!calendar.open[row]) continue;
    const date = dateOf(calendar.firstDay + row);
    for (const rule of RULES) {
      if (rule.applies(calendar, row)) events.push({ name: rule.name, start: date, end: date, effect: 'multiplier', automatic: true });
    }
  }
  return events;
}

/**
 * Open days of `row`'s month before it (step −1) or after it (step 1); NaN when that part of the month lies outside
 * the timeline and so cannot be seen.
 */
function openDaysInMonth(calendar: OpenCalendar, row: number, step: 1 | -1): number {
  const month = monthOf(calendar.firstDay + row);
  let count = 0;
  for (let other = row + step; monthOf(calendar.firstDay + other) === month; other += step) {
    if (other < 0 || other >= calendar.open.length) return NaN;
    count += calendar.open[other];
  }
  return count;
}

/** Whether the nearest usually-open day in the direction of `step` is closed: a holiday next to this day. */
function nextUsualDayIsClosed(calendar: OpenCalendar, row: number, step: 1 | -1): boolean {
  let other = row + step;
  while (other >= 0 && other < calendar.open.length && !calendar.openWeekdays[weekdayOf(calendar.firstDay + other) - 1]) other += step;
  return other >= 0 && other < calendar.open.length && calendar.open[other] === 0;
}
