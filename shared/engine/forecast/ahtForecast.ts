/**
 * Forecast handle time per interval from the handle times in the history. Handle time follows the time of day
 * and the weekday far more than it trends (evening contacts run longer, Monday backlogs are harder), so each
 * future interval takes the volume-weighted mean AHT of the same weekday and time of day over the recent weeks
 * given: Σ(volume × AHT) ÷ Σ volume, which is the mean handle time per contact. A slot with too few contacts to
 * trust falls back to its weekday's mean, then to the mean over all the history given, and the summary counts how
 * many slots each level answered, so the source of every AHT can be shown.
 */
import { parseStart, weekdayOf } from './calendar';

/** One interval of history with its measured handle time. */
export type HandleTimeSample = { start: string; volume: number; ahtSec: number };

export type AhtForecastSummary = {
  /** How the handle times were forecast, in words a planner reads. */
  method: string;
  /** Range of the history used (local dates), and how much of it had handle times. */
  fromDate: string | null;
  toDate: string | null;
  contacts: number;
  /** Volume-weighted mean AHT over all the history used (seconds); null when it had no handle times. */
  meanAhtSec: number | null;
  /** How many forecast intervals took their own weekday-and-time mean, the weekday's mean, or the overall mean. */
  intervalsBySource: { slot: number; weekday: number; overall: number; none: number };
};

/** Contacts a weekday-and-time slot needs before its own mean is trusted. */
export const MIN_SLOT_CONTACTS = 30;

type Sum = { volume: number; handled: number };
const add = (sums: Map<string, Sum>, key: string, volume: number, aht: number) => {
  const sum = sums.get(key) ?? { volume: 0, handled: 0 };
  sum.volume += volume;
  sum.handled += volume * aht;
  sums.set(key, sum);
};

/**
 * The forecast AHT (seconds) of every start in `starts`, keyed by start, from `samples` grouped to `intervalMin`.
 * Starts are local `YYYY-MM-DDTHH:mm`; a start gets null only when the samples have no handle times at all.
 */
export function forecastAht(
  samples: readonly HandleTimeSample[],
  intervalMin: number,
  starts: readonly string[],
): { ahtSec: Map<string, number | null>; summary: AhtForecastSummary } {
  const bySlot = new Map<string, Sum>();
  const byWeekday = new Map<string, Sum>();
  const overall = { volume: 0, handled: 0 };
  let fromDate: string | null = null;
  let toDate: string | null = null;
  const slotKey = (start: string) => {
    const { dayNumber, minuteOfDay } = parseStart(start);
    const weekday = weekdayOf(dayNumber);
    return { slot: `${weekday}@${Math.floor(minuteOfDay / intervalMin)}`, weekday: String(weekday) };
  };
  for (const s of samples) {
    if (!(s.volume > 0) || !(s.ahtSec > 0)) continue;
    const key = slotKey(s.start);
    add(bySlot, key.slot, s.volume, s.ahtSec);
    add(byWeekday, key.weekday, s.volume, s.ahtSec);
    overall.volume += s.volume;
    overall.handled += s.volume * s.ahtSec;
    const date = s.start.slice(0, 10);
    if (fromDate === null || date < fromDate) fromDate = date;
    if (toDate === null || date > toDate) toDate = date;
  }

  const counts = { slot: 0, weekday: 0, overall: 0, none: 0 };
  const meanAhtSec = overall.volume > 0 ? overall.handled / overall.volume : null;
  const ahtSec = new Map<string, number | null>();
  for (const start of starts) {
    const key = slotKey(start);
    const slot = bySlot.get(key.slot);
    const weekday = byWeekday.get(key.weekday);
    if (slot && slot.volume >= MIN_SLOT_CONTACTS) {
      ahtSec.set(start, slot.handled / slot.volume);
      counts.slot++;
    } else if (weekday && weekday.volume >= MIN_SLOT_CONTACTS) {
      ahtSec.set(start, weekday.handled / weekday.volume);
      counts.weekday++;
    } else if (meanAhtSec !== null) {
      ahtSec.set(start, meanAhtSec);
      counts.overall++;
    } else {
      ahtSec.set(start, null);
      counts.none++;
    }
  }
  const method =
    meanAhtSec === null
      ? 'The history has no handle times, so there is no forecast AHT: staffing uses the AHT typed in its settings.'
      : `Mean handle time per contact (Σ volume × AHT ÷ Σ volume) of the same weekday and ${intervalMin}-minute time of day, ` +
        `${fromDate} to ${toDate}; a slot with fewer than ${MIN_SLOT_CONTACTS} contacts takes its weekday's mean, then the overall mean.`;
  return { ahtSec, summary: { method, fromDate, toDate, contacts: overall.volume, meanAhtSec, intervalsBySource: counts } };
}
