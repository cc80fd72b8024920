/**
 * Wall-clock arithmetic without a time zone. A local reading such as 2024-03-10 02:30 is held as "local
 * milliseconds": the epoch milliseconds it would be if it were UTC. Subtracting the zone's offset turns it into
 * an instant; keeping it as a plain number keeps the per-row hot paths free of Date and DateTime objects.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Local milliseconds of midnight at the start of `YYYY-MM-DD`; throws on anything that is not a real date. */
export function localMidnightOf(localDate: string): number {
  const match = LOCAL_DATE_PATTERN.exec(localDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`"${localDate}" is not a date of the form YYYY-MM-DD`);
  }
  return Date.UTC(year, month - 1, day);
}

export function formatLocalDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:mm`, the form the forecasting engine names intervals by. */
export function formatLocalMinute(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 16);
}

/** ISO weekday of a local reading: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(localMs: number): number {
  const sundayBased = new Date(localMs).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

/** Floor modulo: JavaScript's % keeps the sign of the dividend, which is wrong for instants before 1970. */
export function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
