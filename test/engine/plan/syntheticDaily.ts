/**
 * Daily contact history with a known shape, for the long-range forecast's tests and bench: a weekday pattern, a
 * yearly pattern (an April surge, a summer lull, a holiday dip), compound growth and Poisson noise from a fixed seed.
 */
import { poisson, randomStream } from '../../../shared/random/seeded';
import { dateOf, dayNumberOf } from '../../../shared/engine/forecast/calendar';
import { weekOfYearOf, type DailyHistoryPoint } from '../../../shared/engine/plan';

export const WEEKDAY = [1.3, 1.05, 1, 1, 0.95, 0.45, 0.25];

/** Week-of-year shape: an April surge, a summer lull and a holiday dip. */
export function season(k: number): number {
  if (k >= 13 && k <= 17) return 1.25;
  if (k >= 27 && k <= 34) return 0.9;
  if (k === 51 || k === 0) return 0.65;
  return 1;
}

export function syntheticDailyHistory(firstDay: string, days: number, options: { growthPerYear: number; seasonal: boolean; seed: number; ahtSlopePerWeek?: number }): DailyHistoryPoint[] {
  const random = randomStream(options.seed);
  const first = dayNumberOf(firstDay);
  return Array.from({ length: days }, (_, i) => {
    const day = first + i;
    const monday = day - ((day - first) % 7);
    const mean = 800 * (1 + options.growthPerYear) ** (i / 365) * WEEKDAY[i % 7] * (options.seasonal ? season(weekOfYearOf(monday)) : 1);
    return { date: dateOf(day), volume: poisson(mean, random), ahtSec: 300 + (options.ahtSlopePerWeek ?? 0) * (i / 7) };
  });
}
