/** Numbers and durations as spreadsheets write them. */

const DECIMAL_COMMA = /^\s*-?\d+,\d{1,2}\s*$/;

/**
 * A decimal number from a cell, or NaN. A decimal comma is accepted with one or two digits after it (`12,5`);
 * `1,234` is refused because it may as well be a thousands separator.
 */
export function parseDecimal(text: string): number {
  if (text.trim() === '') return Number.NaN;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  return DECIMAL_COMMA.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}

export type DurationUnit = 'seconds' | 'minutes' | 'hours';

const SECONDS_PER_UNIT: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };

/**
 * A duration in seconds. A plain number is read in `unit`; `h:mm:ss` is read as written whatever the unit.
 * `01:30` is refused (NaN) because exports use it for both h:mm and m:ss. Returns null for an empty cell or a
 * dash (exports write those for tickets nobody worked), NaN for anything else that is not a duration.
 */
export function parseDurationSeconds(text: string, unit: DurationUnit): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return null;
  if (!trimmed.includes(':')) return parseDecimal(trimmed) * SECONDS_PER_UNIT[unit];
  const parts = trimmed.split(':');
  if (parts.length !== 3 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) return Number.NaN;
  return parts.reduce((seconds, part) => seconds * 60 + Number(part), 0);
}
