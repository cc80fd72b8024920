/**
 * The method catalogue. Every method but seasonal naive forecasts daily totals, which an intraday profile then
 * splits into intervals; seasonal naive copies last week's intervals directly. `combined` averages the daily totals
 * of the model-based methods: their errors are only partly correlated, so the average is usually steadier than any
 * one of them.
 */
import type { ForecastMethod } from '../types';
import { historicalAverage } from './historicalAverage';
import { holtWintersAdditive, holtWintersMultiplicative } from './holtWinters';
import { movingAverage } from './movingAverage';
import { regression } from './regression';
import { seasonalAdjusted } from './seasonalAdjusted';
import type { DailyMethod } from './trainingSet';
import { trend } from './trend';

export type DailyMethodName = Exclude<ForecastMethod, 'seasonal-naive' | 'combined'>;

export const DAILY_METHODS: Record<DailyMethodName, DailyMethod> = {
  'historical-average': historicalAverage,
  'moving-average': movingAverage,
  trend,
  'seasonal-adjusted': seasonalAdjusted,
  regression,
  'holt-winters-additive': holtWintersAdditive,
  'holt-winters-multiplicative': holtWintersMultiplicative,
};

export const COMBINED_MEMBERS: DailyMethodName[] = ['regression', 'holt-winters-additive', 'holt-winters-multiplicative'];

/** The methods a planner can apply by hand; the automatic choice must never do worse than any of them. */
export const SIMPLE_METHODS: ForecastMethod[] = ['seasonal-naive', 'historical-average', 'moving-average', 'trend', 'seasonal-adjusted'];
