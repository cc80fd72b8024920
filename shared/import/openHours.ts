/**
 * Keeps closed, missing and zero apart. An interval the file has is open with its volume, zero included; one the
 * file lacks is missing (volume unknown); one outside the open hours, or on a closed day, is closed whether or not
 * the file has it. A closed interval keeps any volume it had (e-mail arrives overnight), so totals still reconcile.
 */
import type { IntervalSlot } from './calendar';
import { isoWeekdayOf, localMidnightOf, MINUTE_MS } from './civil';
import type { IntervalCount } from './intervalCounts';

export type IntervalStatus = 'open' | 'closed' | 'missing';

export interface OpenPeriod {
  /** Local `HH:mm`, inclusive. */
  from: string;
  /** Local `HH:mm`, exclusive; `24:00` for midnight at the end of the day. */
  to: string;
}

export interface OpenHours {
  /** Open periods per ISO weekday (1 = Monday … 7 = Sunday); a weekday left out is closed all day. */
  weekly: Partial<Record<number, readonly OpenPeriod[]>>;
  /** Local dates `YYYY-MM-DD` closed all day, such as public holidays. */
  closedDates?: readonly string[];
}

export interface IntervalObservation extends IntervalSlot {
  status: IntervalStatus;
  /** null when the file has no value for the interval. */
  volume: number | null;
  ahtSec: number | null;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/** An interval is open when any part of it falls inside an open period of its local day. */
export function isWithinOpenHours(slot: IntervalSlot, hours: OpenHours): boolean {
  const date = slot.localStart.slice(0, 10);
  if (hours.closedDates?.includes(date)) return false;
  const startMinute = minuteOfDay(slot.localStart.slice(11));
  const endMinute = startMinute + (slot.endUtcMs - slot.startUtcMs) / MINUTE_MS;
  const periods = hours.weekly[isoWeekdayOf(localMidnightOf(date))] ?? [];
  return periods.some((period) => startMinute < minuteOfDay(period.to) && endMinute > minuteOfDay(period.from));
}

/**
 * The status of each slot: closed outside `hours` (when given), otherwise open where `hasData` says the source
 * has a value (for a ticket export, every interval of the days it covers) and missing where it has none.
 */
export function intervalStatuses(slots: readonly IntervalSlot[], hasData: (index: number) => boolean, hours?: OpenHours): IntervalStatus[] {
  return slots.map((slot, index) => {
    if (hours && !isWithinOpenHours(slot, hours)) return 'closed';
    return hasData(index) ? 'open' : 'missing';
  });
}

/** Every slot with the interval file's value where it has one: the shape the database stores, gaps made explicit. */
export function observeIntervals(slots: readonly IntervalSlot[], counts: readonly IntervalCount[], hours?: OpenHours): IntervalObservation[] {
  const countByStart = new Map(counts.map((count) => [count.startUtcMs, count]));
  const statuses = intervalStatuses(slots, (index) => countByStart.has(slots[index].startUtcMs), hours);
  return slots.map((slot, index) => {
    const count = countByStart.get(slot.startUtcMs);
    return { ...slot, status: statuses[index], volume: count?.volume ?? null, ahtSec: count?.ahtSec ?? null };
  });
}

function minuteOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) throw new Error(`"${time}" is not a time of day HH:mm`);
  return hours * 60 + minutes;
}
