/**
 * Weekly contacts and AHT for a capacity plan from a queue's daily history, through the engine's long-range
 * forecast (trend + week-of-year seasonality with a year or more of full weeks; a growth assumption otherwise).
 * A queue without a single full week of history gets no contacts, and says so.
 */
import type { DailyTotal } from '../../db/repositories/plans';
import { longRangeForecast } from '../../shared/engine/plan/longRangeForecast';

export interface WeeklyForecast {
  volumes: number[];
  /** AHT per week, seconds; null when the history has no handle times. */
  ahts: (number | null)[];
  method: string;
  seasonalityDetected: boolean;
}

export function forecastWeeklyContacts(history: DailyTotal[], startWeek: string, weeks: number, growthPerYear: number): WeeklyForecast {
  const none = (why: string): WeeklyForecast => ({ volumes: new Array<number>(weeks).fill(0), ahts: new Array<null>(weeks).fill(null), method: why, seasonalityDetected: false });
  if (history.length === 0) return none('no history: no contacts');
  const hasAht = history.some((d) => d.ahtSec !== null);
  let forecast;
  try {
    forecast = longRangeForecast({ history: history.map((d) => ({ date: d.date, volume: d.volume, ...(d.ahtSec !== null && { ahtSec: d.ahtSec }) })), startWeek, weeks, growthPerYear });
  } catch (error) {
    return none(`no forecast: ${(error as Error).message}`);
  }
  const backtest = forecast.backtest ? `; backtest over ${forecast.backtest.holdoutWeeks} weeks: WAPE ${(forecast.backtest.wape * 100).toFixed(1)}%` : '';
  return {
    volumes: forecast.weeks.map((w) => w.volume),
    ahts: forecast.weeks.map((w) => (hasAht && Number.isFinite(w.ahtSec) ? w.ahtSec : null)),
    method: `${forecast.formula} (${forecast.historyWeeks} full weeks of history${backtest})`,
    seasonalityDetected: forecast.seasonality.detected,
  };
}
