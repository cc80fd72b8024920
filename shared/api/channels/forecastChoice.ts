/**
 * Which forecast run feeds each queue's requirements in a schedule week. By default the newest run that reaches the
 * week and is not a backtest; the planner may choose another run reaching the week (a backtest too, on purpose),
 * and the choice is stored per queue and week.
 */
import { z } from 'zod';
import type { ChannelKind } from '../types';
import type { ForecastRunSummary } from './forecast';
import { returns } from './define';

const monday = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-16')
  .refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, { message: 'A schedule week starts on a Monday' });

export interface WeekForecastQueue {
  queueId: number;
  queueName: string;
  channel: ChannelKind;
  /** Runs of the queue reaching the week, newest first, with how many of the week's days each covers. */
  runs: (ForecastRunSummary & { daysInWeek: number })[];
  /** The run the automatic rule picks (newest non-backtest run reaching the week), if any. */
  automaticRunId: number | null;
  /** The planner's choice for the week, if any (it wins over the automatic one). */
  chosenRunId: number | null;
  /** What was looked for and why runs were passed over; shown when no run is used. */
  lookedFor: string;
}

export interface WeekForecastRuns {
  weekStart: string;
  queues: WeekForecastQueue[];
}

export const forecastChoiceChannels = {
  'schedule.forecastRuns': { request: z.object({ weekStart: monday }).strict(), response: returns<WeekForecastRuns>() },
  /** Sets the run feeding a queue's week; `runId` null goes back to the automatic default. */
  'schedule.chooseForecastRun': {
    request: z
      .object({
        weekStart: monday,
        queueId: z.number().int().positive(),
        runId: z.number({ error: 'Choose a forecast run, or null for the automatic choice' }).int().positive().nullable(),
      })
      .strict(),
    response: returns<WeekForecastRuns>(),
  },
};
