/**
 * Validation of the forecast input at the engine's edge: the engine runs in a worker fed by the UI and the CLI, so
 * it checks what it is given and answers with messages a planner can act on rather than failing deep inside.
 */
import { z } from 'zod';
import { MINUTES_PER_DAY } from './calendar';
import { FORECAST_METHODS, type ForecastInput } from './types';

const MAX_HORIZON_DAYS = 1000;
const MAX_BACKTEST_ORIGINS = 1000;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const intervalLength = z
  .number()
  .int('must be a whole number of minutes')
  .positive('must be positive')
  .refine((minutes) => MINUTES_PER_DAY % minutes === 0, 'must divide a day into whole intervals (5, 10, 15, 30, 60…)');

const intervalValue = z.union([z.number().finite().nonnegative('volume cannot be negative'), z.literal('closed'), z.literal('missing')]);

const eventSchema = z
  .object({
    name: z.string().min(1, 'needs a name'),
    start: date,
    end: date,
    effect: z.enum(['multiplier', 'additive', 'closed']),
    value: z.number().finite().optional(),
  })
  .refine((event) => event.end >= event.start, { message: 'ends before it starts', path: ['end'] })
  .refine((event) => event.effect !== 'multiplier' || event.value === undefined || event.value >= 0, {
    message: 'a multiplier cannot be negative',
    path: ['value'],
  });

export const forecastInputSchema = z
  .object({
    history: z.object({
      intervalMin: intervalLength,
      points: z.array(z.object({ start: z.string(), value: intervalValue })).min(1, 'the history is empty'),
    }),
    intervalMin: intervalLength,
    horizonDays: z.number().int().min(1, 'forecast at least one day').max(MAX_HORIZON_DAYS),
    method: z.enum(['auto', ...FORECAST_METHODS]),
    events: z.array(eventSchema).optional(),
    drivers: z.array(z.object({ name: z.string().min(1), values: z.record(date, z.number().finite()) })).optional(),
    calendarEffects: z.boolean().optional(),
    backtest: z
      .object({
        origins: z.number().int().min(0).max(MAX_BACKTEST_ORIGINS).optional(),
        minTrainingDays: z.number().int().min(7, 'needs at least a week of history').optional(),
      })
      .optional(),
  })
  .refine((input) => input.intervalMin % input.history.intervalMin === 0, {
    message: 'the forecast interval must be a whole multiple of the history interval',
    path: ['intervalMin'],
  });

export function parseForecastInput(input: unknown): ForecastInput {
  const result = forecastInputSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new Error(`Invalid forecast input: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
}
