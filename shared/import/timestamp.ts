/**
 * Reads the timestamps found in contact-centre and help-desk exports, fast enough to call once per row of a
 * million-row file: a hand-written scanner, no regular expression, no Date object.
 *
 * Accepted:
 * - `YYYY-MM-DD` or `YYYY/MM/DD`, then `T` or spaces, then `H:mm`, `HH:mm:ss` or `HH:mm:ss.fff` (`,` also
 *   accepted before the fraction), optionally followed by `AM`/`PM`;
 * - then optionally an offset: `Z`, `UTC`, `GMT`, `±HH:mm`, `±HHmm` or `±HH` (also `UTC+02:00`);
 * - or a Unix epoch: at least nine digits (fewer would be before 1973: far more likely a ticket id or a count
 *   in the wrong column), with an optional fraction, read as milliseconds from 100,000,000,000 up (that many
 *   seconds would be the year 5138) and as seconds below.
 *
 * A timestamp with an offset is an instant. One without is a wall-clock reading in the workspace's zone, which
 * the caller resolves (see ZoneClock.resolveWallClock). Day-first and month-first dates (03/04/2024) are not
 * guessed at: they are ambiguous, so they are reported as unparsable rather than silently misread.
 */

import { daysInMonth, MINUTE_MS } from './civil';

export type ParsedTimestamp =
  | { kind: 'instant'; utcMs: number }
  | { kind: 'wallClock'; localMs: number };

/** How the accepted forms are named in bad-row messages. */
export const ACCEPTED_TIMESTAMP_FORMS = 'YYYY-MM-DD HH:mm[:ss][±HH:mm|Z] or a Unix epoch';

const CHAR_0 = 48;
const EPOCH_MIN_DIGITS = 9;
const EPOCH_MILLISECONDS_FROM = 100_000_000_000;

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - CHAR_0;
  return code >= 0 && code <= 9 ? code : -1;
}

function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || code === 9;
}

function parseEpoch(text: string): ParsedTimestamp | null {
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  const utcMs = value >= EPOCH_MILLISECONDS_FROM ? value : value * 1000;
  return { kind: 'instant', utcMs: Math.round(utcMs) };
}

/** Digits with at most one inner decimal point; the answer is how many digits precede the point, or -1. */
function epochIntegerDigits(text: string): number {
  let pointAt = -1;
  for (let i = 0; i < text.length; i++) {
    if (digitAt(text, i) >= 0) continue;
    if (text.charCodeAt(i) === 46 && pointAt < 0 && i > 0 && i < text.length - 1) pointAt = i;
    else return -1;
  }
  return pointAt < 0 ? text.length : pointAt;
}

export function parseTimestamp(raw: string): ParsedTimestamp | null {
  const text = raw.trim();
  const integerDigits = epochIntegerDigits(text);
  if (integerDigits >= 0) return integerDigits >= EPOCH_MIN_DIGITS ? parseEpoch(text) : null;
  const end = text.length;

  // Date: exactly four year digits, then one or two month and day digits around the same separator.
  if (end < 10) return null;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  if (y0 < 1 || y1 < 0 || y2 < 0 || y3 < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const dateSeparator = text.charCodeAt(4);
  if (dateSeparator !== 45 && dateSeparator !== 47) return null;
  let i = 5;
  let month = digitAt(text, i++);
  if (month < 0) return null;
  if (digitAt(text, i) >= 0) month = month * 10 + digitAt(text, i++);
  if (text.charCodeAt(i++) !== dateSeparator) return null;
  let day = digitAt(text, i++);
  if (day < 0) return null;
  if (digitAt(text, i) >= 0) day = day * 10 + digitAt(text, i++);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;

  // Date-time separator: T, or one or more spaces. A bare date is a day, not an interval timestamp.
  const separator = text.charCodeAt(i);
  if (separator === 84 || separator === 116) i++;
  else if (isSpace(text, i)) while (isSpace(text, i)) i++;
  else return null;

  let hour = digitAt(text, i++);
  if (hour < 0) return null;
  if (digitAt(text, i) >= 0) hour = hour * 10 + digitAt(text, i++);
  if (text.charCodeAt(i++) !== 58) return null;
  const m0 = digitAt(text, i), m1 = digitAt(text, i + 1);
  if (m0 < 0 || m1 < 0) return null;
  const minute = m0 * 10 + m1;
  i += 2;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(i) === 58) {
    const s0 = digitAt(text, i + 1), s1 = digitAt(text, i + 2);
    if (s0 < 0 || s1 < 0) return null;
    second = s0 * 10 + s1;
    i += 3;
    const fractionMark = text.charCodeAt(i);
    if (fractionMark === 46 || fractionMark === 44) {
      i++;
      let scale = 100;
      if (digitAt(text, i) < 0) return null;
      for (; digitAt(text, i) >= 0; i++, scale /= 10) millisecond += digitAt(text, i) * scale;
      millisecond = Math.floor(millisecond);
    }
  }
  while (isSpace(text, i)) i++;

  const meridiem = readMeridiem(text, i);
  if (meridiem !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    i += 2;
    while (isSpace(text, i)) i++;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;

  const localMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (i === end) return { kind: 'wallClock', localMs };
  const offsetMinutes = readOffset(text, i);
  if (offsetMinutes === null) return null;
  return { kind: 'instant', utcMs: localMs - offsetMinutes * MINUTE_MS };
}

function readMeridiem(text: string, index: number): 'am' | 'pm' | null {
  const first = text.charCodeAt(index) | 32;
  const second = text.charCodeAt(index + 1) | 32;
  if (second !== 109) return null;
  if (first === 97) return 'am';
  if (first === 112) return 'pm';
  return null;
}

/** Offset in minutes east of UTC from `index` to the end of `text`, or null if the rest is not an offset. */
function readOffset(text: string, index: number): number | null {
  let i = index;
  const rest = text.length - i;
  if (rest === 1 && (text.charCodeAt(i) | 32) === 122) return 0;
  if (rest >= 3) {
    const designator = text.slice(i, i + 3).toUpperCase();
    if (designator === 'UTC' || designator === 'GMT') {
      i += 3;
      if (i === text.length) return 0;
    }
  }
  const sign = text.charCodeAt(i);
  if (sign !== 43 && sign !== 45 && sign !== 0x2212) return null;
  i++;
  const h0 = digitAt(text, i), h1 = digitAt(text, i + 1);
  if (h0 < 0 || h1 < 0) return null;
  i += 2;
  let minutes = 0;
  if (i < text.length) {
    if (text.charCodeAt(i) === 58) i++;
    const m0 = digitAt(text, i), m1 = digitAt(text, i + 1);
    if (m0 < 0 || m1 < 0 || i + 2 !== text.length) return null;
    minutes = m0 * 10 + m1;
  }
  const hours = h0 * 10 + h1;
  if (hours > 14 || minutes > 59) return null;
  return (sign === 43 ? 1 : -1) * (hours * 60 + minutes);
}
