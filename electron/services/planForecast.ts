/**
 * Weekly contacts for a capacity plan from a queue's daily history.
 *
 * INTEGRATION POINT: the engine's long-range forecast (shared/engine/plan/longRangeForecast.ts, branch plan-engine)
 * replaces the body of `forecastWeeklyContacts` once it is merged; callers only see this signature.
 *
 * Until then: with more than a year of full weeks, each plan week is the same week of the previous year scaled by
 * the year-on-year trend (last 52 weeks ÷ the 52 before, or the growth assumption when there is no earlier year);
 * with a year or less, the mean of the last 8 weeks grown by the yearly growth assumption.
 */
import { DateTime } from 'luxon';
import type { DailyTotal } from '../../db/repositories/plans';

export interface WeeklyForecast {
  weeks: number[];
  method: string;
}

export function forecastWeeklyContacts(history: DailyTotal[], startWeek: string, weeks: number, growthPerYear: number): WeeklyForecast {
  const weekly = fullWeeks(history);
  if (weekly.length === 0) return { weeks: new Array<number>(weeks).fill(0), method: 'no history: no contacts' };
  const start = DateTime.fromISO(startWeek);
  const byMonday = new Map(weekly.map((w) => [w.monday, w.total]));
  const last = weekly[weekly.length - 1];
  if (weekly.length > 52) {
    const lastYear = weekly.slice(-52).reduce((s, w) => s + w.total, 0);
    const before = weekly.slice(-104, -52);
    const yearly = before.length === 52 ? lastYear / before.reduce((s, w) => s + w.total, 0) : 1 + growthPerYear;
    const values = Array.from({ length: weeks }, (_, w) => {
      const monday = start.plus({ weeks: w });
      // The same week a whole number of years before, within the history.
      for (let years = 1; years <= 3; years++) {
        const earlier = monday.minus({ weeks: 52 * years }).toISODate()!;
        const value = byMonday.get(earlier);
        if (value !== undefined) return value * yearly ** years;
      }
      return last.total * yearly ** (monday.diff(DateTime.fromISO(last.monday), 'weeks').weeks / 52);
    });
    return { weeks: values, method: `same week last year × year-on-year trend ${formatRate(yearly - 1)} (${weekly.length} weeks of history)` };
  }
  const recent = weekly.slice(-8);
  const level = recent.reduce((s, w) => s + w.total, 0) / recent.length;
  const values = Array.from({ length: weeks }, (_, w) => {
    const ahead = start.plus({ weeks: w }).diff(DateTime.fromISO(last.monday), 'weeks').weeks;
    return level * (1 + growthPerYear) ** (ahead / 52);
  });
  return { weeks: values, method: `mean of the last ${recent.length} weeks grown ${formatRate(growthPerYear)} a year (${weekly.length} weeks of history: too short for yearly seasonality)` };
}

const formatRate = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;

/** Monday–Sunday totals of the weeks the history covers completely. */
function fullWeeks(history: DailyTotal[]): { monday: string; total: number }[] {
  const weeks = new Map<string, { total: number; days: number }>();
  for (const day of history) {
    const monday = DateTime.fromISO(day.date).startOf('week').toISODate()!;
    const entry = weeks.get(monday) ?? { total: 0, days: 0 };
    entry.total += day.volume;
    entry.days += 1;
    weeks.set(monday, entry);
  }
  return [...weeks].filter(([, w]) => w.days === 7).map(([monday, w]) => ({ monday, total: w.total })).sort((a, b) => a.monday.localeCompare(b.monday));
}
