/**
 * Volumes onto an interval grid: forecast points, history intervals, or both, turned into the one series of queue
 * intervals the requirements are computed from. Forecast days win over history; a forecast coarser than the grid is
 * spread evenly over the intervals it spans, a finer one summed into the interval that holds it.
 */
import { localTimestamp, minuteOfTimestamp } from '../../calendar/days';
import type { IntervalStatus, QueueInterval } from '../../model';

const MINUTES_PER_DAY = 1440;

/** A forecast's interval: local start, contacts, and its forecast AHT in seconds where the history had handle times. */
export interface VolumePoint {
  start: string;
  volume: number;
  ahtSec: number | null;
}

/**
 * The grid slots (of one day) a point of `pointMin` minutes starting at `start` covers; its volume is divided by
 * `parts` in each (1 when the point is no longer than a grid interval).
 */
export function gridSlotsOf(start: string, pointMin: number, gridMin: number): { slot: number; parts: number }[] {
  const parts = Math.max(1, pointMin / gridMin);
  const minute = minuteOfTimestamp(start);
  const slotsPerDay = MINUTES_PER_DAY / gridMin;
  const slots: { slot: number; parts: number }[] = [];
  for (let k = 0; k < parts; k++) {
    const slot = Math.floor((minute + k * gridMin) / gridMin);
    if (slot >= 0 && slot < slotsPerDay) slots.push({ slot, parts });
  }
  return slots;
}

/**
 * A forecast's days as queue intervals at the forecast's own length: open where it has a point, closed elsewhere
 * (the forecast leaves closed intervals out).
 */
export function forecastDayIntervals(days: readonly string[], intervalMin: number, points: readonly VolumePoint[]): QueueInterval[] {
  const byStart = new Map(points.map((p) => [p.start, p]));
  const intervals: QueueInterval[] = [];
  for (const date of days) {
    for (let minute = 0; minute < MINUTES_PER_DAY; minute += intervalMin) {
      const startLocal = localTimestamp(date, minute);
      const point = byStart.get(startLocal);
      intervals.push(point ? { startLocal, utcOffsetMin: 0, status: 'open', volume: point.volume, ahtSec: point.ahtSec } : { startLocal, utcOffsetMin: 0, status: 'closed', volume: null, ahtSec: null });
    }
  }
  return intervals;
}

export interface WeekVolumeSources {
  /** The week's dates, Monday first. */
  dates: readonly string[];
  /** The grid to put the volumes on, minutes. */
  intervalMin: number;
  /** A forecast run's points on the `days` it covers (of `dates`). */
  forecast?: { intervalMin: number; days: readonly string[]; points: readonly VolumePoint[] };
  /** Stored history of the week, used on the days the forecast does not cover. */
  history: { intervalMin: number; intervals: readonly QueueInterval[] };
}

export interface WeekIntervals {
  /** dates.length × (1440 ÷ intervalMin) intervals, day by day. */
  intervals: QueueInterval[];
  forecastDays: string[];
  historyDays: string[];
  /** Days neither the forecast nor the history covers: every interval of them is missing. */
  daysWithoutData: string[];
  /** Missing intervals of the history read (at the history's interval length). */
  missingIntervals: number;
}

interface Slot {
  open: number;
  volume: number;
  closed: number;
  missing: number;
}

/**
 * One week of a queue on the grid. A grid interval is open when any part of it is open, missing when part is unknown
 * and nothing is open, and closed otherwise (also the hour skipped at a spring-forward). Days without any data are
 * missing throughout. Open intervals keep the forecast's AHT where it had one.
 */
export function weekIntervals({ dates, intervalMin, forecast, history }: WeekVolumeSources): WeekIntervals {
  const slotsPerDay = MINUTES_PER_DAY / intervalMin;
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const slots: (Slot | null)[][] = dates.map(() => Array.from({ length: slotsPerDay }, () => null));
  const ahtBySlot: (number | null)[][] = dates.map(() => Array.from({ length: slotsPerDay }, () => null));
  const add = (day: number, slot: number, status: IntervalStatus, volume: number) => {
    const s = (slots[day][slot] ??= { open: 0, volume: 0, closed: 0, missing: 0 });
    if (status === 'open') {
      s.open++;
      s.volume += volume;
    } else if (status === 'closed') s.closed++;
    else s.missing++;
  };

  const forecastDays = new Set<string>();
  if (forecast) {
    forecast.days.forEach((d) => forecastDays.add(d));
    for (const p of forecast.points) {
      const day = dateIndex.get(p.start.slice(0, 10));
      if (day === undefined) continue;
      for (const { slot, parts } of gridSlotsOf(p.start, forecast.intervalMin, intervalMin)) {
        add(day, slot, 'open', p.volume / parts);
        if (p.ahtSec !== null) ahtBySlot[day][slot] = p.ahtSec;
      }
    }
    for (const date of forecast.days) {
      const day = dateIndex.get(date);
      if (day === undefined) continue;
      slots[day].forEach((slot, i) => {
        if (!slot) slots[day][i] = { open: 0, volume: 0, closed: 1, missing: 0 };
      });
    }
  }

  const historyDays = new Set<string>();
  let missingIntervals = 0;
  for (const p of history.intervals) {
    const date = p.startLocal.slice(0, 10);
    if (forecastDays.has(date)) continue;
    const day = dateIndex.get(date);
    if (day === undefined) continue;
    historyDays.add(date);
    if (p.status === 'missing') missingIntervals++;
    for (const { slot, parts } of gridSlotsOf(p.startLocal, history.intervalMin, intervalMin)) add(day, slot, p.status, (p.volume ?? 0) / parts);
  }

  const daysWithoutData = dates.filter((d) => !forecastDays.has(d) && !historyDays.has(d));
  const intervals: QueueInterval[] = [];
  dates.forEach((date, day) => {
    for (let i = 0; i < slotsPerDay; i++) {
      const slot = slots[day][i];
      const startLocal = localTimestamp(date, i * intervalMin);
      const status: IntervalStatus = !slot ? (daysWithoutData.includes(date) ? 'missing' : 'closed') : slot.open > 0 ? 'open' : slot.missing > 0 ? 'missing' : 'closed';
      intervals.push({ startLocal, utcOffsetMin: 0, status, volume: status === 'open' ? slot!.volume : null, ahtSec: status === 'open' ? ahtBySlot[day][i] : null });
    }
  });
  return { intervals, forecastDays: [...forecastDays].sort(), historyDays: [...historyDays].sort(), daysWithoutData, missingIntervals };
}

/** A plain volume per grid interval (open contacts only, the rest 0) over `dates`, from points of `pointMin` minutes. */
export function volumesOnGrid(dates: readonly string[], gridMin: number, points: readonly { start: string; volume: number }[], pointMin: number): Float64Array {
  const slotsPerDay = MINUTES_PER_DAY / gridMin;
  const volumes = new Float64Array(dates.length * slotsPerDay);
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  for (const p of points) {
    const day = dateIndex.get(p.start.slice(0, 10));
    if (day === undefined) continue;
    for (const { slot, parts } of gridSlotsOf(p.start, pointMin, gridMin)) volumes[day * slotsPerDay + slot] += p.volume / parts;
  }
  return volumes;
}
