/**
 * Builders of synthetic history for the forecast tests: series whose every value follows from a formula, so a
 * method's forecast can be checked against the number it must produce, plus a seeded Poisson generator for the
 * tests that need honest noise.
 */
import { dateOf, dayNumberOf, formatTimeOfDay, weekdayOf } from '../../../shared/engine/forecast/calendar';
import type { DailyTrainingSet } from '../../../shared/engine/forecast/methods/trainingSet';
import type { IntervalPoint, IntervalValue } from '../../../shared/engine/forecast';

/** A Monday, so day offsets and weekdays line up: offset 0 is weekday 1. */
export const FIRST_DATE = '2024-01-01';

export type SlotFormula = (day: number, weekday: number, minuteOfDay: number) => IntervalValue | undefined;

/** One point per interval of `days` days from FIRST_DATE; a formula returning undefined leaves the interval out. */
export function intervalSeries(days: number, intervalMin: number, formula: SlotFormula): IntervalPoint[] {
  const first = dayNumberOf(FIRST_DATE);
  const points: IntervalPoint[] = [];
  for (let day = 0; day < days; day++) {
    for (let minute = 0; minute < 1440; minute += intervalMin) {
      const value = formula(day, weekdayOf(first + day), minute);
      if (value !== undefined) points.push({ start: `${dateOf(first + day)}T${formatTimeOfDay(minute)}`, value });
    }
  }
  return points;
}

export function dateAt(day: number): string {
  return dateOf(dayNumberOf(FIRST_DATE) + day);
}

/** A daily training set starting on FIRST_DATE with the given totals (NaN = not observed). */
export function trainingSet(totals: number[], openWeekdays = [true, true, true, true, true, true, true], futureDays = 60): DailyTrainingSet {
  const firstDay = dayNumberOf(FIRST_DATE);
  const open = Uint8Array.from({ length: totals.length + futureDays }, (_, row) =>
    row < totals.length ? (Number.isNaN(totals[row]) ? 0 : 1) : openWeekdays[weekdayOf(firstDay + row) - 1] ? 1 : 0,
  );
  return { firstDay, totals: Float64Array.from(totals), open, openWeekdays, drivers: [] };
}

/** A Poisson draw by inversion; fine for the means of a few hundred used here. */
export function poisson(mean: number, random: () => number): number {
  let k = 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  const u = random();
  while (u > cumulative && k < 10 * mean + 100) {
    k++;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}
