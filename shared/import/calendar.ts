/**
 * The local wall-clock interval grid of a workspace. Intervals start on local multiples of the interval length
 * (09:00, 09:15, …), so a spring-forward day has 23 hours of intervals and a fall-back day 25. An interval is
 * identified by the instant it starts, which stays unique when a fall-back day repeats a local hour; its local
 * label and UTC offset say which occurrence it is (01:00 at −04:00, then 01:00 at −05:00 in New York).
 */
import { DAY_MS, floorMod, formatLocalDate, formatLocalMinute, localMidnightOf, MINUTE_MS } from './civil';
import type { ParsedTimestamp } from './timestamp';
import { ZoneClock, type ReadingOrder } from './zoneClock';

export type IntervalMinutes = 5 | 15 | 30 | 60;
export const INTERVAL_MINUTES: readonly IntervalMinutes[] = [5, 15, 30, 60];

export function isIntervalMinutes(value: number): value is IntervalMinutes {
  return (INTERVAL_MINUTES as readonly number[]).includes(value);
}

export interface IntervalSlot {
  /** The interval's identity: the instant it starts. */
  startUtcMs: number;
  /** The instant the next interval starts. */
  endUtcMs: number;
  /** Local wall-clock start, `YYYY-MM-DDTHH:mm`; both intervals of a repeated hour share it. */
  localStart: string;
  /** Offset east of UTC in minutes at the start, which tells the two occurrences of a repeated hour apart. */
  offsetMinutes: number;
}

export class IntervalCalendar {
  readonly clock: ZoneClock;
  readonly intervalMinutes: IntervalMinutes;
  private readonly stepMs: number;

  constructor(zone: string | ZoneClock, intervalMinutes: IntervalMinutes) {
    if (!isIntervalMinutes(intervalMinutes)) throw new Error(`Intervals must be 5, 15, 30 or 60 minutes, not ${intervalMinutes}`);
    this.clock = typeof zone === 'string' ? new ZoneClock(zone) : zone;
    this.intervalMinutes = intervalMinutes;
    this.stepMs = intervalMinutes * MINUTE_MS;
  }

  get zone(): string {
    return this.clock.zoneName;
  }

  /** Start of the interval containing the instant: the hot path of aggregation, so it returns a bare number. */
  intervalStartAt(utcMs: number): number {
    const offsetMs = this.clock.offsetAt(utcMs) * MINUTE_MS;
    const localMs = utcMs + offsetMs;
    const startUtcMs = localMs - floorMod(localMs, this.stepMs) - offsetMs;
    if (this.clock.offsetAt(startUtcMs) * MINUTE_MS === offsetMs) return startUtcMs;
    // The grid start falls before a transition inside this interval (only where a zone shifts by less than the
    // interval, e.g. Lord Howe's 30 minutes under 60-minute intervals): the interval starts at the transition.
    return this.transitionBetween(startUtcMs, utcMs);
  }

  /** The instant the next interval starts, for an interval starting at `startUtcMs` (a value from intervalStartAt). */
  intervalEndAfter(startUtcMs: number): number {
    const offsetMs = this.clock.offsetAt(startUtcMs) * MINUTE_MS;
    const localStartMs = startUtcMs + offsetMs;
    const gridEndUtcMs = localStartMs - floorMod(localStartMs, this.stepMs) + this.stepMs - offsetMs;
    if (this.clock.offsetAt(gridEndUtcMs - 1) * MINUTE_MS === offsetMs) return gridEndUtcMs;
    return this.transitionBetween(startUtcMs, gridEndUtcMs - 1);
  }

  /** Full description of the interval that starts at `startUtcMs` (a value from intervalStartAt). */
  slotStartingAt(startUtcMs: number): IntervalSlot {
    const offsetMinutes = this.clock.offsetAt(startUtcMs);
    const localStart = formatLocalMinute(startUtcMs + offsetMinutes * MINUTE_MS);
    return { startUtcMs, endUtcMs: this.intervalEndAfter(startUtcMs), localStart, offsetMinutes };
  }

  intervalAt(utcMs: number): IntervalSlot {
    return this.slotStartingAt(this.intervalStartAt(utcMs));
  }

  /** The interval a parsed timestamp falls in; `order` settles an ambiguous wall-clock time (see ZoneClock). */
  intervalOf(timestamp: ParsedTimestamp, order?: ReadingOrder): IntervalSlot {
    return this.intervalAt(timestamp.kind === 'instant' ? timestamp.utcMs : this.clock.resolveWallClock(timestamp.localMs, order));
  }

  localDateOf(utcMs: number): string {
    return formatLocalDate(utcMs + this.clock.offsetAt(utcMs) * MINUTE_MS);
  }

  /** Every interval of a local date `YYYY-MM-DD`, in time order. */
  intervalsOfDay(localDate: string): IntervalSlot[] {
    return this.intervalsBetween(localDate, localDate);
  }

  /** Every interval from the start of `fromDate` to the end of `toDate` (local dates, inclusive), in time order. */
  intervalsBetween(fromDate: string, toDate: string): IntervalSlot[] {
    const fromUtcMs = this.clock.resolveWallClock(localMidnightOf(fromDate));
    const toUtcMs = this.clock.resolveWallClock(localMidnightOf(toDate) + DAY_MS);
    const slots: IntervalSlot[] = [];
    for (let utcMs = fromUtcMs; utcMs < toUtcMs; ) {
      const slot = this.intervalAt(utcMs);
      slots.push(slot);
      utcMs = slot.endUtcMs;
    }
    return slots;
  }

  /** The first instant after `before` whose offset equals the offset at `atOrAfter`; found by bisection. */
  private transitionBetween(before: number, atOrAfter: number): number {
    const target = this.clock.offsetAt(atOrAfter);
    let low = before;
    let high = atOrAfter;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.clock.offsetAt(middle) === target) high = middle;
      else low = middle;
    }
    return high;
  }
}

/** `+01:00`, `-04:00`: an offset in minutes as ISO 8601 writes it. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`;
}

/** `2024-11-03T01:00-04:00`: an interval's local start with its offset, which no repeated hour can make ambiguous. */
export function describeSlot(slot: Pick<IntervalSlot, 'localStart' | 'offsetMinutes'>): string {
  return `${slot.localStart}${formatOffset(slot.offsetMinutes)}`;
}
