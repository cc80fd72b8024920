/**
 * SLA policy matrix: priority (P1 Critical … P5 Request) × customer tier, each cell with a first-response,
 * resolution and update-frequency target. A policy states the per-priority table once and a multiplier per tier
 * (Enterprise 0.5× halves every target); single cells can be overridden, which is how a contract-specific matrix
 * such as the worked example is entered.
 *
 * All targets are in business minutes: the SLA clock runs only while the queue's business hours are open
 * (businessHours.ts). "5 business days" is 5 × 8 business hours.
 */
import { z } from 'zod';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { P1: 'Critical', P2: 'High', P3: 'Normal', P4: 'Low', P5: 'Request' };

/** One business day of SLA clock, used to state "5 business days" in minutes. */
export const BUSINESS_DAY_MIN = 8 * 60;

export interface SlaTargets {
  firstResponseMin: number;
  resolutionMin: number;
  /** Minutes between customer updates; null means "at status change". */
  updateEveryMin: number | null;
}

/** The per-priority SLA table every tier starts from. */
export const DEFAULT_PRIORITY_TARGETS: Record<Priority, SlaTargets> = {
  P1: { firstResponseMin: 15, resolutionMin: 4 * 60, updateEveryMin: 30 },
  P2: { firstResponseMin: 60, resolutionMin: 8 * 60, updateEveryMin: 2 * 60 },
  P3: { firstResponseMin: 4 * 60, resolutionMin: 24 * 60, updateEveryMin: 8 * 60 },
  P4: { firstResponseMin: 8 * 60, resolutionMin: 72 * 60, updateEveryMin: 24 * 60 },
  P5: { firstResponseMin: 24 * 60, resolutionMin: 5 * BUSINESS_DAY_MIN, updateEveryMin: null },
};

export interface CustomerTier {
  id: string;
  name: string;
  /** Every target of the tier is the priority's target × this (0.5 = twice as fast). */
  multiplier: number;
}

export const DEFAULT_TIERS: CustomerTier[] = [
  { id: 'enterprise', name: 'Enterprise', multiplier: 0.5 },
  { id: 'business', name: 'Business', multiplier: 1 },
  { id: 'professional', name: 'Professional', multiplier: 1.5 },
  { id: 'starter', name: 'Starter', multiplier: 2 },
  { id: 'free', name: 'Free', multiplier: 4 },
];

/** Warning when this share of a target has elapsed on the business clock; breach at 100%. */
export const SLA_WARNING_SHARE = 0.8;

const minutesField = (what: string) =>
  z.number({ error: `${what} must be a number of minutes` }).refine((v) => Number.isFinite(v) && v > 0, `${what} must be greater than 0 minutes`);

const targetsSchema = z
  .object({
    firstResponseMin: minutesField('First response'),
    resolutionMin: minutesField('Resolution'),
    updateEveryMin: minutesField('Update frequency').nullable(),
  })
  .strict();

const priorityField = z.enum(PRIORITIES, { error: 'Priority must be one of P1, P2, P3, P4, P5' });

export const cellOverrideSchema = z
  .object({
    priority: priorityField,
    tier: z.string().min(1, 'Tier is required').max(60, 'A tier id is at most 60 characters'),
    firstResponseMin: minutesField('First response').optional(),
    resolutionMin: minutesField('Resolution').optional(),
    updateEveryMin: minutesField('Update frequency').nullable().optional(),
  })
  .strict();

export const slaPolicySchema = z
  .object({
    name: z.string().trim().min(1, 'Policy name is required').max(120, 'Policy name is at most 120 characters'),
    /** Priorities the policy covers (the worked example uses P1 and P2 only). */
    priorities: z.array(priorityField).min(1, 'A policy needs at least one priority'),
    tiers: z
      .array(
        z
          .object({
            id: z.string().trim().min(1, 'Tier id is required').max(60, 'A tier id is at most 60 characters'),
            name: z.string().trim().min(1, 'Tier name is required').max(120, 'A tier name is at most 120 characters'),
            multiplier: z.number({ error: 'Tier multiplier must be a number' }).refine((v) => v > 0 && v <= 100, 'Tier multiplier must be above 0 and at most 100'),
          })
          .strict(),
      )
      .min(1, 'A policy needs at least one customer tier'),
    base: z.object({ P1: targetsSchema, P2: targetsSchema, P3: targetsSchema, P4: targetsSchema, P5: targetsSchema }).strict(),
    overrides: z.array(cellOverrideSchema).default([]),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.tiers.forEach((tier, i) => {
      if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: `Tier "${tier.id}" appears twice` });
      ids.add(tier.id);
    });
    policy.overrides.forEach((cell, i) => {
      if (!ids.has(cell.tier)) ctx.addIssue({ code: 'custom', path: ['overrides', i, 'tier'], message: `Override names tier "${cell.tier}", which the policy does not have` });
    });
  });

export type SlaPolicy = z.output<typeof slaPolicySchema>;
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
export type CellOverride = z.infer<typeof cellOverrideSchema>;

export interface SlaCell extends SlaTargets {
  priority: Priority;
  tier: string;
  tierName: string;
  /** 'multiplier' when the cell is the priority's target × the tier multiplier, 'override' when entered. */
  source: 'multiplier' | 'override';
  /** How the first-response target was reached, for display. */
  formula: string;
}

/** The policy's full matrix, one cell per priority × tier, priorities in order. */
export function slaMatrix(policy: SlaPolicy): SlaCell[] {
  const cells: SlaCell[] = [];
  for (const priority of PRIORITIES.filter((p) => policy.priorities.includes(p))) {
    const base = policy.base[priority];
    for (const tier of policy.tiers) {
      const override = policy.overrides.find((o) => o.priority === priority && o.tier === tier.id);
      const scaled: SlaTargets = {
        firstResponseMin: base.firstResponseMin * tier.multiplier,
        resolutionMin: base.resolutionMin * tier.multiplier,
        updateEveryMin: base.updateEveryMin === null ? null : base.updateEveryMin * tier.multiplier,
      };
      const targets: SlaTargets = {
        firstResponseMin: override?.firstResponseMin ?? scaled.firstResponseMin,
        resolutionMin: override?.resolutionMin ?? scaled.resolutionMin,
        updateEveryMin: override?.updateEveryMin !== undefined ? override.updateEveryMin : scaled.updateEveryMin,
      };
      const overridden = override !== undefined && (override.firstResponseMin !== undefined || override.resolutionMin !== undefined || override.updateEveryMin !== undefined);
      cells.push({
        priority,
        tier: tier.id,
        tierName: tier.name,
        ...targets,
        source: overridden ? 'override' : 'multiplier',
        formula: override?.firstResponseMin !== undefined ? 'entered for this cell' : `${base.firstResponseMin} min × ${tier.multiplier} (${tier.name})`,
      });
    }
  }
  return cells;
}

/** The default policy: the per-priority table, all five priorities, the five standard tiers. */
export function defaultSlaPolicy(name = 'Standard SLA'): SlaPolicy {
  return { name, priorities: [...PRIORITIES], tiers: DEFAULT_TIERS.map((t) => ({ ...t })), base: structuredClone(DEFAULT_PRIORITY_TARGETS), overrides: [] };
}

/** Where an SLA clock stands: warning at 80% of the target, breach at 100%. */
export type SlaClockStatus = 'within' | 'warning' | 'breached';

export function slaClockStatus(elapsedBusinessMin: number, targetMin: number): SlaClockStatus {
  if (elapsedBusinessMin >= targetMin) return 'breached';
  if (elapsedBusinessMin >= SLA_WARNING_SHARE * targetMin) return 'warning';
  return 'within';
}

/** A cell's key in maps and form state. */
export const cellKey = (priority: Priority, tier: string) => `${priority}|${tier}`;
