import { z } from 'zod';
import {
  FORECAST_METHODS,
  type AhtForecastSummary,
  type MethodChoice,
  type DailyForecast,
  type EventEstimate,
  type ForecastResult,
  type IntradayProfile,
  type MethodScore,
} from '../../engine/forecast';
import type { JobHandle } from '../types';
import { idRequest, returns } from './define';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-16');
const methodSchema = z.enum(['auto', ...FORECAST_METHODS], { error: `Method must be auto or one of: ${FORECAST_METHODS.join(', ')}` });
const queueRequest = z.object({ queueId: z.number().int().positive() }).strict();

export const forecastEventSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(80),
    startDate: localDate,
    endDate: localDate,
    effect: z.enum(['multiplier', 'additive', 'closed'], { error: 'Effect must be multiplier, additive or closed' }),
    value: z.number().finite().nullable(),
    queueId: z.number().int().positive().nullable(),
  })
  .strict()
  .refine((e) => e.endDate >= e.startDate, { path: ['endDate'], message: 'The end date is before the start date' })
  .refine((e) => e.effect !== 'multiplier' || e.value === null || e.value >= 0, { path: ['value'], message: 'A multiplier cannot be negative' });

export interface ForecastRunSummary {
  id: number;
  queueId: number;
  createdAt: string;
  requestedMethod: string;
  method: string;
  intervalMin: number;
  horizonDays: number;
  asOf: string;
  /**
   * Made "as of" a date before the end of the history, to compare with what happened: never used for a schedule
   * unless the planner chooses it for the week.
   */
  backtest: boolean;
  /** First and last forecast day (local dates). */
  firstDay: string;
  lastDay: string;
}

export interface ForecastDay extends DailyForecast {
  /** The planner's total for the day, when adjusted; the intervals keep the statistical shape. */
  adjusted: number | null;
  note: string | null;
  /** Actual contacts for the day, once history covers it. */
  actual: number | null;
}

export interface ForecastIntervalPoint {
  start: string;
  forecast: number;
  adjusted: number | null;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  actual: number | null;
  /** Forecast handle time of the interval (seconds) from the history's handle times; null where it has none. */
  ahtSec: number | null;
}

export interface ForecastView {
  run: ForecastRunSummary & {
    scores: MethodScore[];
    intervalModel: string;
    warnings: string[];
    events: EventEstimate[];
    /** The automatic rule's verdict; absent in runs stored before it was recorded. */
    choice?: MethodChoice;
    /** How the per-interval handle times were forecast; absent in runs stored before they were. */
    aht?: AhtForecastSummary;
  };
  days: ForecastDay[];
  points: ForecastIntervalPoint[];
  intradayProfile: IntradayProfile;
  /** Daily totals of the history before the forecast (the last weeks), for the chart. */
  historyDays: { date: string; volume: number }[];
}

export interface AccuracyRow {
  period: string;
  forecast: number;
  actual: number;
  /** Σ|forecast − actual| ÷ Σ actual over the days with actuals. */
  wape: number;
  bias: number;
  days: number;
}

export interface StoredEvent {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  effect: 'multiplier' | 'additive' | 'closed';
  value: number | null;
  queueId: number | null;
}

export const MAX_HISTORY_POINTS = 200_000;

export const forecastChannels = {
  'forecast.run': {
    request: z
      .object({
        queueId: z.number().int().positive(),
        horizonDays: z.number().int().min(1, 'Forecast at least one day').max(120, 'At most 120 days ahead'),
        method: methodSchema,
        intervalMin: z.union([z.literal(15), z.literal(30), z.literal(60)]).optional(),
        asOf: localDate.optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  'forecast.runs': { request: queueRequest, response: returns<ForecastRunSummary[]>() },
  'forecast.view': { request: z.object({ runId: z.number().int().positive() }).strict(), response: returns<ForecastView>() },
  'forecast.adjustDay': {
    request: z
      .object({
        queueId: z.number().int().positive(),
        date: localDate,
        total: z.number({ error: 'The day total must be a number' }).min(0, 'The day total cannot be negative').nullable(),
        note: z.string().max(200).optional(),
      })
      .strict(),
    response: returns<{ adjusted: boolean }>(),
  },
  'forecast.accuracy': {
    request: z.object({ runId: z.number().int().positive() }).strict(),
    response: returns<{ weeks: AccuracyRow[]; months: AccuracyRow[] }>(),
  },
  'forecast.exportCsv': { request: z.object({ runId: z.number().int().positive() }).strict(), response: returns<{ fileName: string; csv: string }>() },
  /** Forecast a series given in the request (the CLI); nothing is stored. */
  'forecast.series': {
    request: z
      .object({
        history: z.object({
          intervalMin: z.number().int().positive(),
          points: z.array(z.object({ start: z.string(), value: z.union([z.number().min(0), z.literal('closed'), z.literal('missing')]) }).strict()).min(1).max(MAX_HISTORY_POINTS),
        }),
        intervalMin: z.number().int().positive(),
        horizonDays: z.number().int().min(1).max(120),
        method: methodSchema,
        /** Daily explanatory variables for the regression method (e.g. mailings sent); they must cover the forecast days. */
        drivers: z.array(z.object({ name: z.string().min(1), values: z.record(localDate, z.number().finite()) }).strict()).max(20, 'At most 20 drivers').optional(),
      })
      .strict(),
    response: returns<ForecastResult>(),
  },
  'events.list': { request: z.object({}).strict(), response: returns<StoredEvent[]>() },
  'events.save': { request: z.object({ id: z.number().int().positive().optional(), event: forecastEventSchema }).strict(), response: returns<StoredEvent>() },
  'events.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
};
