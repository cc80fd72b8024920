/** Helpers for declaring API channels: a runtime request schema paired with a compile-time response type. */
import { z } from 'zod';
import { MAX_DAY_VOLUME, MAX_INTERVAL_VOLUME } from '../../import/limits';

/** Marks a response type without a runtime value: responses are produced by our own services, not validated. */
export const returns = <T>() => undefined as unknown as T;

export const emptyRequest = z.object({}).strict();
export const idRequest = z.object({ id: z.number().int().positive() }).strict();
export const nameField = z.string().trim().min(1, 'Name is required').max(120, 'Name is at most 120 characters');

/** Whether `YYYY-MM-DD` names a day that exists: 2026-02-30 and 2025-02-29 do not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A local calendar date `YYYY-MM-DD` that exists. Every channel takes dates through this one schema. */
export const localDate = z
  .string({ error: 'Use a date like 2026-11-16' })
  .max(10, 'Use a date like 2026-11-16')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-16')
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date in the calendar` });

/** A Monday, as a local calendar date: the first day of a schedule or plan week. */
export const mondayDate = (what: 'schedule' | 'plan') =>
  localDate.refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, { message: `A ${what} week starts on a Monday` });

/** Free text the planner types (notes, labels): bounded so one request cannot carry megabytes of it. */
export const MAX_TEXT_CHARS = 200;
/** Identifiers the services hand out (job ids). */
export const jobIdField = z.string().min(1, 'The job id is empty').max(100, 'A job id is at most 100 characters');

export { MAX_DAY_VOLUME, MAX_INTERVAL_VOLUME };
/** Contacts in one interval, within the plausible bound (shared/import/limits.ts). */
export const intervalVolume = z
  .number({ error: 'The volume must be a number of contacts' })
  .min(0, 'Volume cannot be negative')
  .max(MAX_INTERVAL_VOLUME, `A volume is at most ${MAX_INTERVAL_VOLUME.toLocaleString('en-US')} contacts per interval`);
