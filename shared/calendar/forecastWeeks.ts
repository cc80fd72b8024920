/** The weeks (Monday to Sunday) a forecast run reaches: which to offer, and which to staff when none is named. */
import { DateTime } from 'luxon';
import type { ForecastRunSummary } from '../api/channels/forecast';

/** Mondays of the weeks a run's forecast days reach, with how many of each week's days it covers. */
export function weeksOfRun(run: ForecastRunSummary): { monday: string; days: number }[] {
  const weeks = new Map<string, number>();
  for (let d = DateTime.fromISO(run.firstDay); d.toISODate()! <= run.lastDay; d = d.plus({ days: 1 })) {
    const monday = d.startOf('week').toISODate()!;
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
  }
  return [...weeks].map(([monday, days]) => ({ monday, days }));
}

/** The week a run is staffed for unless another is picked: the one it covers most (the earliest of equals). */
export function defaultWeekOfRun(run: ForecastRunSummary): string {
  return weeksOfRun(run).reduce((best, w) => (w.days > best.days ? w : best)).monday;
}

