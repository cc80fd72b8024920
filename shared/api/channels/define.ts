/** Helpers for declaring API channels: a runtime request schema paired with a compile-time response type. */
import { z } from 'zod';
import { MAX_DAY_VOLUME, MAX_INTERVAL_VOLUME } from '../../import/limits';
import { calendarDate, isCalendarDate } from '../../calendar/calendarDate';

/** Marks a response type without a runtime value: responses are produced by our own services, not validated. */
export const returns = <T>() => undefined as unknown as T;

export const emptyRequest = z.object({}).strict();
export const idRequest = z.object({ id: z.number().int().positive() }).strict();
export const nameField = z.string().trim().min(1, 'Name is required').max(120, 'Name is at most 120 characters');

/** A local calendar date `YYYY-MM-DD` that exists. Every channel takes dates through this one schema. */
export const localDate = calendarDate();
export { isCalendarDate };

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
