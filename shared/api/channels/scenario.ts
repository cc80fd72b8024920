/**
 * Scenarios (issue 11): what-ifs on a stored capacity plan — saved with versions, compared side by side with the
 * baseline, a short shock played on a week's schedule at interval level, and Monte Carlo ranges in a worker.
 * Rates are fractions (the UI converts its % fields).
 */
import { z } from 'zod';
import { calendarDate } from '../../calendar/calendarDate';
import type { ScenarioVersion, StoredScenario } from '../../../db/repositories/scenarios';
import {
  MAX_COMPARED,
  scenarioChangesSchema,
  type ScenarioComparison,
  type ScenarioPreset,
  type ScenarioResult,
  type ShockResponse,
  type ShockView,
} from '../../engine/scenario';
import type { JobHandle } from '../types';
import { idRequest, nameField, returns } from './define';

export type { ScenarioVersion, StoredScenario };

const planId = z.number({ error: 'Plan is required' }).int().positive('Plan is required');
const settings = z.object({ overtimeCostPerHour: z.number().min(0, 'Overtime cost per hour cannot be negative').optional() }).strict();

const draft = z
  .object({
    name: nameField,
    changes: scenarioChangesSchema,
    settings: settings.optional(),
  })
  .strict();

/** A scenario's result as the app shows it: the engine's, without the plan and projection it was computed from. */
export type ScenarioResultView = Omit<ScenarioResult, 'plan' | 'projection'> & { name: string };

export interface ComparedScenario {
  result: ScenarioResultView;
  comparison: ScenarioComparison;
  /** One per volume change: the response it calls for, quantified. */
  responses: (ShockResponse & { change: string })[];
}

export interface ScenarioComparisonView {
  planName: string;
  weekStarts: string[];
  baseline: ScenarioResultView;
  scenarios: ComparedScenario[];
  /** How each figure is computed, for the explanation panel. */
  conventions: string[];
}

export interface ShockWeekView {
  weekStart: string;
  /** Where the agents per interval came from. */
  staffSource: string;
  volumeSource: string;
  views: ShockView[];
}

export const scenarioChannels = {
  'scenario.presets': { request: z.object({}).strict(), response: returns<readonly ScenarioPreset[]>() },
  'scenario.list': { request: z.object({ planId }).strict(), response: returns<StoredScenario[]>() },
  'scenario.save': {
    request: draft.extend({ id: z.number().int().positive().optional(), planId, note: z.string().max(200, 'Note is at most 200 characters').optional() }).strict(),
    response: returns<StoredScenario>(),
  },
  'scenario.versions': { request: idRequest, response: returns<ScenarioVersion[]>() },
  'scenario.makeBaseline': { request: idRequest, response: returns<StoredScenario>() },
  'scenario.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
  'scenario.compare': {
    request: z
      .object({ planId, baseline: draft.optional(), scenarios: z.array(draft).min(1, 'Compare at least one scenario').max(MAX_COMPARED, `Compare at most ${MAX_COMPARED} scenarios with the baseline`) })
      .strict(),
    response: returns<ScenarioComparisonView>(),
  },
  'scenario.shock': {
    request: z
      .object({
        weekStart: calendarDate('Week start'),
        from: calendarDate('From date'),
        to: calendarDate('To date'),
        value: z.number({ error: 'Volume change must be a number' }).gt(-1, 'Volume change must be above −100%').max(20, 'Volume change is a fraction: at most 20 (+2000%)'),
        queueIds: z.array(z.number().int().positive()).optional(),
      })
      .strict()
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'To date is before the from date' }),
    response: returns<ShockWeekView>(),
  },
  'scenario.simulate': {
    request: z
      .object({
        planId,
        changes: scenarioChangesSchema,
        runs: z.number().int('Runs must be a whole number').min(10, 'At least 10 runs').max(20_000, 'At most 20,000 runs'),
        seed: z.number().int().min(0).optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
};
