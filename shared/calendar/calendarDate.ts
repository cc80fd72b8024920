/** Local calendar dates (`YYYY-MM-DD`) as every schema in the app reads them: the day must exist. */
import { z } from 'zod';

/** Whether `YYYY-MM-DD` names a day that exists: 2026-02-30 and 2025-02-29 do not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date field; `what` names it in the messages ("From date must be a date like 2026-11-16"). */
export function calendarDate(what?: string) {
  const shape = what ? `${what} must be a date like 2026-11-16` : 'Use a date like 2026-11-16';
  // One message per bad value: the shape's, or (for a well-formed date) that the day does not exist.
  return z
    .string({ error: shape })
    .max(10, shape)
    .superRefine((text, ctx) => {
      if (text.length > 10) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) ctx.addIssue({ code: 'custom', message: shape });
      else if (!isCalendarDate(text)) ctx.addIssue({ code: 'custom', message: `${what ? `${what}: ` : ''}${text} is not a date in the calendar` });
    });
}
