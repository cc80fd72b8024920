/**
 * Tells the interval length of an interval-count file from its timestamps: the length L (5, 15, 30 or 60 minutes)
 * whose grid holds the most rows, among those whose grid holds a majority of the rows and where L is also the most
 * common spacing between consecutive rows on that grid. So a stray off-grid row (a 10:47 among half hours) does not decide the length, even in a small file
 * where its odd spacings (17 and 13 minutes) outnumber the regular one: it is left off the grid and becomes a bad
 * row like any other. Gaps (closed nights, missing data) do not mislead it either. A file whose days are evenly
 * spaced at some other length (a 15-minute export with a month pasted in at 30 minutes) is rejected as a whole:
 * read at either length, half of it would be wrong.
 */
import { formatLocalDate, MINUTE_MS } from './civil';
import { INTERVAL_MINUTES, IntervalCalendar, isIntervalMinutes, type IntervalMinutes } from './calendar';
import type { ZoneClock } from './zoneClock';

export interface TimedLine {
  line: number;
  utcMs: number;
}

export type IntervalDetection = { ok: true; intervalMinutes: IntervalMinutes } | { ok: false; error: string };

/** A day needs this many evenly spaced rows before its spacing is taken as deliberate. */
const EVEN_DAY_MIN_ROWS = 3;

const ALLOWED = INTERVAL_MINUTES.join(', ');

export function detectIntervalMinutes(readings: readonly TimedLine[], clock: ZoneClock): IntervalDetection {
  const distinct = distinctInTimeOrder(readings);
  if (distinct.length < 2) {
    return { ok: false, error: 'At least two rows with different timestamps are needed to tell the interval length.' };
  }
  const minutes = majorityIntervalMinutes(distinct, clock);
  if (minutes === null) {
    const spacing = mostCommonSpacing(distinct);
    return {
      ok: false,
      error:
        `Rows are most often ${formatMinutes(spacing.minutes)} minutes apart (lines ${spacing.exampleLines[0]} and ` +
        `${spacing.exampleLines[1]}); interval files must be at ${ALLOWED} minutes.`,
    };
  }
  const unevenDay = findEvenlySpacedDay(distinct, clock, minutes);
  if (unevenDay) {
    return {
      ok: false,
      error:
        `Inconsistent spacing: most rows are ${minutes} minutes apart, but on ${unevenDay.date} (lines ` +
        `${unevenDay.firstLine}–${unevenDay.lastLine}) every row is ${formatMinutes(unevenDay.minutes)} minutes after the one before.`,
    };
  }
  return { ok: true, intervalMinutes: minutes };
}

/** See the module comment; null when no length fits (rows every 10 or 20 minutes). */
function majorityIntervalMinutes(distinct: readonly TimedLine[], clock: ZoneClock): IntervalMinutes | null {
  let best: { minutes: IntervalMinutes; rowsOnGrid: number } | null = null;
  for (const minutes of INTERVAL_MINUTES) {
    const calendar = new IntervalCalendar(clock, minutes);
    const onGrid = distinct.filter((reading) => calendar.intervalStartAt(reading.utcMs) === reading.utcMs);
    // The grid must hold most of the rows: a 10-minute file has a third of its rows on the 30-minute grid.
    if (onGrid.length < 2 || onGrid.length * 2 <= distinct.length || mostCommonSpacing(onGrid).minutes !== minutes) continue;
    if (!best || onGrid.length >= best.rowsOnGrid) best = { minutes, rowsOnGrid: onGrid.length };
  }
  return best && isIntervalMinutes(best.minutes) ? best.minutes : null;
}

function distinctInTimeOrder(readings: readonly TimedLine[]): TimedLine[] {
  const sorted = [...readings].sort((a, b) => a.utcMs - b.utcMs || a.line - b.line);
  return sorted.filter((reading, index) => index === 0 || reading.utcMs !== sorted[index - 1].utcMs);
}

function mostCommonSpacing(distinct: readonly TimedLine[]): { minutes: number; exampleLines: [number, number] } {
  const counts = new Map<number, { count: number; exampleLines: [number, number] }>();
  for (let i = 1; i < distinct.length; i++) {
    const minutes = (distinct[i].utcMs - distinct[i - 1].utcMs) / MINUTE_MS;
    const entry = counts.get(minutes);
    if (entry) entry.count++;
    else counts.set(minutes, { count: 1, exampleLines: [distinct[i - 1].line, distinct[i].line] });
  }
  let best = { minutes: Number.POSITIVE_INFINITY, count: 0, exampleLines: [0, 0] as [number, number] };
  for (const [minutes, entry] of counts) {
    if (entry.count > best.count || (entry.count === best.count && minutes < best.minutes)) best = { minutes, ...entry };
  }
  return best;
}

interface EvenDay {
  date: string;
  minutes: number;
  firstLine: number;
  lastLine: number;
}

/** The first local day whose rows are all the same distance apart, when that distance is not `expected`. */
function findEvenlySpacedDay(distinct: readonly TimedLine[], clock: ZoneClock, expected: number): EvenDay | null {
  let dayStart = 0;
  for (let i = 1; i <= distinct.length; i++) {
    const date = localDate(distinct[dayStart], clock);
    if (i < distinct.length && localDate(distinct[i], clock) === date) continue;
    const day = distinct.slice(dayStart, i);
    dayStart = i;
    if (day.length < EVEN_DAY_MIN_ROWS) continue;
    const minutes = (day[1].utcMs - day[0].utcMs) / MINUTE_MS;
    const even = day.every((reading, k) => k === 0 || reading.utcMs - day[k - 1].utcMs === minutes * MINUTE_MS);
    if (even && minutes !== expected) {
      const lines = day.map((reading) => reading.line);
      return { date, minutes, firstLine: Math.min(...lines), lastLine: Math.max(...lines) };
    }
  }
  return null;
}

function localDate(reading: TimedLine, clock: ZoneClock): string {
  return formatLocalDate(reading.utcMs + clock.offsetAt(reading.utcMs) * MINUTE_MS);
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(2);
}
