/**
 * The single-queue staffing question as the calculator, CLI and API ask it, with the messages a planner sees when
 * a field is wrong.
 */
import { z } from 'zod';
import { parseOrThrow } from './errors';
import { capFractionField, concurrencyField, nonNegativeField, numberField, openFractionField, positiveField, shrinkageField } from './fields';
import { MAX_AGENTS } from './solvers';

export const staffingInputSchema = z
  .object({
    callsPerInterval: nonNegativeField('Calls per interval'),
    intervalMin: positiveField('Interval length', 'minutes'),
    ahtSec: positiveField('AHT', 'seconds'),
    slTarget: openFractionField('Service-level target'),
    answerSec: nonNegativeField('Target answer time'),
    maxOccupancy: capFractionField('Maximum occupancy').optional(),
    shrinkage: shrinkageField().optional(),
    patienceSec: positiveField('Patience', 'seconds').optional(),
    concurrency: concurrencyField()
      .optional(),
    concurrencyEfficiency: capFractionField('Concurrency efficiency').optional(),
    agents: numberField('Agents')
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= MAX_AGENTS, `Agents must be a whole number from 1 to ${MAX_AGENTS}`)
      .optional(),
    asaTargetSec: positiveField('ASA target', 'seconds').optional(),
    maxAbandon: openFractionField('Maximum abandonment').optional(),
  })
  .strict()
  .refine((input) => input.maxAbandon === undefined || input.patienceSec !== undefined, {
    path: ['maxAbandon'],
    message: 'A maximum abandonment needs a mean patience (patienceSec): without one nobody abandons',
  })
  .refine((input) => input.concurrencyEfficiency === undefined || (input.concurrency ?? 1) > 1, {
    path: ['concurrencyEfficiency'],
    message: 'Concurrency efficiency only applies when agents work more than one contact at once (concurrency above 1)',
  });

export type StaffingInput = z.infer<typeof staffingInputSchema>;

/** Validates raw input (a form, CLI flags, an API body), throwing StaffingInputError for the first bad field. */
export function parseStaffingInput(raw: unknown): StaffingInput {
  return parseOrThrow(staffingInputSchema, raw);
}
