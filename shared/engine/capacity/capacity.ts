/**
 * The capacity equation for deferred work (email, tickets) and rough daily sizing:
 *
 *   required agents = (volume × handle time) ÷ (available hours × 60 × utilization)
 *   rostered agents = required agents ÷ (1 − shrinkage)
 *
 * Utilization is the share of paid time spent handling work. It may be entered directly or as a breakdown of the
 * agent's day (ticket handling, training, meetings, admin, breaks) that must add up to 100%; the handling share is
 * then the utilization. Shrinkage (absence, holidays, sickness) is its own step so planners can see the productive
 * requirement before it is inflated to heads on the roster.
 */
import { z } from 'zod';
import { ceilAgents, type CalculationStep } from '../common';

export const utilizationBreakdownSchema = z
  .object({
    handlingPct: z.number().min(0, 'cannot be negative').max(100, 'cannot exceed 100%'),
    trainingPct: z.number().min(0, 'cannot be negative').max(100, 'cannot exceed 100%'),
    meetingsPct: z.number().min(0, 'cannot be negative').max(100, 'cannot exceed 100%'),
    adminPct: z.number().min(0, 'cannot be negative').max(100, 'cannot exceed 100%'),
    breaksPct: z.number().min(0, 'cannot be negative').max(100, 'cannot exceed 100%'),
  })
  .strict();

export type UtilizationBreakdown = z.infer<typeof utilizationBreakdownSchema>;

const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a finite number`);

export const capacityInputSchema = z
  .object({
    volume: finite('Volume').refine((v) => v >= 0, 'Volume cannot be negative'),
    ahtMin: finite('Handle time').refine((v) => v > 0, 'Handle time must be greater than zero'),
    hours: finite('Available hours')
      .refine((v) => v > 0, 'Available hours must be greater than zero')
      .refine((v) => v <= 24, 'Available hours cannot exceed 24 per day'),
    utilization: finite('Utilization')
      .refine((v) => v > 0, 'Utilization must be greater than 0%')
      .refine((v) => v <= 1, 'Utilization cannot exceed 100%'),
    shrinkage: finite('Shrinkage')
      .refine((v) => v >= 0, 'Shrinkage cannot be negative')
      .refine((v) => v < 1, 'Shrinkage must be below 100%')
      .optional(),
    breakdown: utilizationBreakdownSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.breakdown) return;
    const b = input.breakdown;
    const total = b.handlingPct + b.trainingPct + b.meetingsPct + b.adminPct + b.breaksPct;
    if (Math.abs(total - 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['breakdown'], message: `Breakdown adds up to ${round(total, 2)}%, not 100%` });
    }
    if (Math.abs(b.handlingPct / 100 - input.utilization) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['utilization'],
        message: `Utilization ${round(input.utilization * 100, 2)}% differs from the breakdown's ticket-handling share ${b.handlingPct}%`,
      });
    }
  });

export type CapacityInput = z.infer<typeof capacityInputSchema>;

export interface CapacityResult {
  workloadMin: number;
  productiveMinPerAgent: number;
  requiredAgents: number;
  requiredAgentsRounded: number;
  rosteredAgents?: number;
  rosteredAgentsExact?: number;
  steps: CalculationStep[];
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const fmt = (n: number) => String(round(n, 2));

export function calculateCapacity(input: CapacityInput): CapacityResult {
  const { volume, ahtMin, hours, utilization, shrinkage } = input;
  const workloadMin = volume * ahtMin;
  const productiveMinPerAgent = hours * 60 * utilization;
  const requiredAgents = workloadMin / productiveMinPerAgent;
  const requiredAgentsRounded = ceilAgents(requiredAgents);
  const steps: CalculationStep[] = [
    { label: 'Workload', formula: `${fmt(volume)} × ${fmt(ahtMin)} min`, value: workloadMin, unit: 'min' },
    {
      label: 'Productive time per agent',
      formula: `${fmt(hours)} h × 60 × ${fmt(utilization)}`,
      value: productiveMinPerAgent,
      unit: 'min',
    },
    {
      label: 'Required agents (exact)',
      formula: `${fmt(workloadMin)} ÷ ${fmt(productiveMinPerAgent)}`,
      value: requiredAgents,
      unit: 'agents',
    },
    { label: 'Required agents', formula: `round up ${fmt(requiredAgents)}`, value: requiredAgentsRounded, unit: 'agents' },
  ];
  const result: CapacityResult = { workloadMin, productiveMinPerAgent, requiredAgents, requiredAgentsRounded, steps };
  if (shrinkage !== undefined && shrinkage > 0) {
    const rosteredAgentsExact = requiredAgents / (1 - shrinkage);
    result.rosteredAgentsExact = rosteredAgentsExact;
    result.rosteredAgents = ceilAgents(rosteredAgentsExact);
    steps.push(
      {
        label: 'Rostered agents (exact)',
        formula: `${fmt(requiredAgents)} ÷ (1 − ${fmt(shrinkage)})`,
        value: rosteredAgentsExact,
        unit: 'agents',
      },
      { label: 'Rostered agents', formula: `round up ${fmt(rosteredAgentsExact)}`, value: result.rosteredAgents, unit: 'agents' },
    );
  }
  return result;
}

/** Required agents across a range of utilizations (for the sensitivity chart); the other inputs stay fixed. */
export function requiredAgentsByUtilization(
  input: CapacityInput,
  utilizations: number[],
): { utilization: number; requiredAgents: number; rosteredAgents?: number }[] {
  return utilizations.map((utilization) => {
    const r = calculateCapacity({ ...input, utilization, breakdown: undefined });
    return { utilization, requiredAgents: r.requiredAgents, rosteredAgents: r.rosteredAgentsExact };
  });
}
