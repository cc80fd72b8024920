/**
 * Opening hours learned from the data: an interval of a weekday is open when it was open (observed or missing,
 * not closed) on at least one of that weekday's recent occurrences. Looking only at recent weeks lets a change of
 * opening hours take effect, while a one-off holiday cannot close a weekday because the other weeks outvote it.
 */
import { SlotStatus, weekdayOfRow, type DayGrid } from './dayGrid';

const LOOKBACK_WEEKS = 8;

export type OpenHours = {
  slotsPerDay: number;
  /** Indexed by (weekday − 1) × slotsPerDay + slot. */
  openSlots: Uint8Array;
  /** Indexed by weekday − 1. */
  openWeekdays: boolean[];
};

/** Learns the opening hours from the rows before `origin` (exclusive). */
export function learnOpenHours(grid: DayGrid, origin: number): OpenHours {
  const { slotsPerDay } = grid;
  const openSlots = new Uint8Array(7 * slotsPerDay);
  for (let row = Math.max(0, origin - LOOKBACK_WEEKS * 7); row < origin; row++) {
    const base = (weekdayOfRow(grid, row) - 1) * slotsPerDay;
    const rowStart = row * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      if (grid.status[rowStart + slot] !== SlotStatus.closed) openSlots[base + slot] = 1;
    }
  }
  const openWeekdays = Array.from({ length: 7 }, (_, w) => openSlots.subarray(w * slotsPerDay, (w + 1) * slotsPerDay).some((open) => open === 1));
  return { slotsPerDay, openSlots, openWeekdays };
}

export function isSlotOpen(hours: OpenHours, weekday: number, slot: number): boolean {
  return hours.openSlots[(weekday - 1) * hours.slotsPerDay + slot] === 1;
}
