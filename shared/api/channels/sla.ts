/** SLA policies (matrix, mix, business hours), their staffing assessment, the tier structure and the cost model. */
import { z } from 'zod';
import { costModelInputSchema, type CostModelInput, type CostModelResult } from '../../engine/cost';
import {
  businessHoursSchema,
  HOURS_PER_WEEK,
  slaMixSchema,
  slaPlanSettingsSchema,
  slaPolicySchema,
  slaWeekStartField,
  tierStructureSchema,
  type BusinessHours,
  type CellCompliance,
  type SlaCell,
  type SlaMix,
  type SlaPolicy,
  type SlaRequirement,
  type TierPlan,
  type TierStructure,
  type TightestTarget,
} from '../../engine/sla';
import type { CalculationStep } from '../../engine/common';
import { idRequest, nameField, returns } from './define';

export type SlaPlanSettings = z.output<typeof slaPlanSettingsSchema>;

export const slaVolumeSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sample'),
      ticketsPerMonth: z.number({ error: 'Tickets per month must be a number' }).refine((v) => Number.isFinite(v) && v > 0, 'Tickets per month must be greater than 0'),
    })
    .strict(),
  /** Tickets per hour of the week from the created times of the imported ticket export (sla.tickets.import). */
  z.object({ kind: z.literal('tickets') }).strict(),
  z.object({ kind: z.literal('queue'), queueName: z.string().trim().min(1, 'Queue name is required').max(200, 'A queue name is at most 200 characters') }).strict(),
  z
    .object({
      kind: z.literal('week'),
      /** Tickets per hour of the week, Monday 00:00 first (the CLI's --volumes file rolled into a typical week). */
      volumes: z.array(z.number({ error: 'Volume must be a number' }).refine((v) => Number.isFinite(v) && v >= 0, 'Volume cannot be negative')).length(HOURS_PER_WEEK, `A week has ${HOURS_PER_WEEK} hourly volumes`),
      description: z.string().max(300).default('typical week given'),
    })
    .strict(),
]);
export type SlaVolumeSource = z.infer<typeof slaVolumeSourceSchema>;

const headcountField = z
  .number({ error: 'Headcount must be a number of agents' })
  .int('Headcount must be a whole number of agents')
  .min(0, 'Headcount cannot be negative')
  .max(2000, 'Headcount is at most 2,000 agents');

/** Everything an assessment needs; the UI sends an edited policy before saving it. */
export const slaPlanRequestSchema = z
  .object({
    policy: slaPolicySchema,
    mix: slaMixSchema,
    businessHours: businessHoursSchema,
    settings: slaPlanSettingsSchema,
    volumeSource: slaVolumeSourceSchema,
    headcount: headcountField,
    /** Project this week (a Monday): its holidays close the SLA clock. Not stored with a policy. */
    weekStart: slaWeekStartField.optional(),
  })
  .strict();

export interface StoredSlaPolicy {
  id: number;
  name: string;
  policy: SlaPolicy;
  mix: SlaMix;
  businessHours: BusinessHours;
  settings: SlaPlanSettings;
  volumeSource: SlaVolumeSource;
  headcount: number;
  active: boolean;
  updatedAt: string;
}

export interface SlaAssessmentView {
  matrix: SlaCell[];
  /** Where the typical week came from, in words. */
  volumeSourceText: string;
  ticketsPerWeek: number;
  requirement: SlaRequirement;
  headcount: number;
  compliance: CellCompliance[];
  /** Share of all tickets answered in target (compliance weighted by the mix). */
  overallInTarget: number;
  keepsPromises: boolean;
  headcountNeeded: number | null;
  tightest: TightestTarget[];
  steps: CalculationStep[];
}

export const slaChannels = {
  'sla.policies.list': { request: z.object({}).strict(), response: returns<StoredSlaPolicy[]>() },
  'sla.policies.save': {
    request: slaPlanRequestSchema.omit({ weekStart: true }).extend({ id: z.number().int().positive().optional(), name: nameField, activate: z.boolean().optional() }).strict(),
    response: returns<StoredSlaPolicy>(),
  },
  'sla.policies.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
  'sla.assess': { request: slaPlanRequestSchema, response: returns<SlaAssessmentView>() },
  'sla.tiers.get': {
    request: z.object({}).strict(),
    response: returns<{ definition: TierStructure; ticketsPerDay: number; productiveHours: number; utilization: number; plan: TierPlan }>(),
  },
  'sla.tiers.save': {
    request: z
      .object({
        definition: tierStructureSchema,
        ticketsPerDay: z.number({ error: 'Tickets per day must be a number' }).refine((v) => Number.isFinite(v) && v >= 0, 'Tickets per day cannot be negative'),
        productiveHours: z.number({ error: 'Productive hours must be a number' }).refine((v) => v > 0 && v <= 24, 'Productive hours must be above 0 and at most 24'),
        utilization: z.number({ error: 'Utilization must be a number' }).refine((v) => v > 0 && v <= 1, 'Utilization must be above 0 and at most 1, e.g. 0.8 for 80%'),
      })
      .strict(),
    response: returns<{ definition: TierStructure; ticketsPerDay: number; productiveHours: number; utilization: number; plan: TierPlan }>(),
  },
  'cost.calculate': { request: costModelInputSchema, response: returns<CostModelResult>() },
  'cost.inputs.get': { request: z.object({}).strict(), response: returns<{ inputs: CostModelInput; result: CostModelResult }>() },
  'cost.inputs.save': { request: costModelInputSchema, response: returns<{ inputs: CostModelInput; result: CostModelResult }>() },
};
