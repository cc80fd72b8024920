/**
 * Support tier structure: L1 / L2 / L3.
 *
 * - Staffing-ratio presets (L1:L2:L3): early stage 5:2:1, growth 8:3:1, scale 10:3:1, enterprise focus 6:4:2.
 * - Resolution shares: where tickets end (e.g. 65% at L1, 30% at L2, 5% at L3). Every ticket starts at the tier
 *   its category routes to, so escalation rates follow: L1 → L2 = share resolved above L1 ÷ share reaching L1.
 * - Skill-routing matrix: category → primary skill, entry tier and fallback skill; it splits the volume by skill and
 *   tier.
 * - Required agents per tier: tickets touching the tier × handle time at the tier ÷ (productive hours × 60 ×
 *   utilization), the capacity equation per tier.
 */
import { z } from 'zod';
import type { CalculationStep } from '../common';
import { ceilAgents } from '../common/ceilAgents';
import { parseOrThrow } from '../staffing/errors';
import { formatNumber } from '../staffing/formatNumber';

export const SUPPORT_TIERS = ['L1', 'L2', 'L3'] as const;
export type SupportTier = (typeof SUPPORT_TIERS)[number];

export const TIER_RATIO_PRESETS = {
  'early-stage': { label: 'Early stage', ratio: [5, 2, 1] },
  growth: { label: 'Growth', ratio: [8, 3, 1] },
  scale: { label: 'Scale', ratio: [10, 3, 1] },
  'enterprise-focus': { label: 'Enterprise focus', ratio: [6, 4, 2] },
} as const satisfies Record<string, { label: string; ratio: readonly [number, number, number] }>;
export type TierRatioPreset = keyof typeof TIER_RATIO_PRESETS;

export const DEFAULT_RESOLUTION_SHARES: Record<SupportTier, number> = { L1: 0.65, L2: 0.3, L3: 0.05 };

const share = (what: string) => z.number({ error: `${what} must be a number` }).refine((v) => v >= 0 && v <= 1, `${what} must be from 0 to 1, e.g. 0.3 for 30%`);
const positive = (what: string, unit: string) => z.number({ error: `${what} must be a number` }).refine((v) => Number.isFinite(v) && v > 0, `${what} must be greater than 0 ${unit}`);

export const routingRuleSchema = z
  .object({
    category: z.string().trim().min(1, 'Category is required').max(120, 'A category is at most 120 characters'),
    share: share('Category share'),
    primarySkill: z.string().trim().min(1, 'Primary skill is required').max(60, 'A skill is at most 60 characters'),
    tier: z.enum(SUPPORT_TIERS, { error: 'Tier must be L1, L2 or L3' }),
    fallbackSkill: z.string().trim().min(1).max(60, 'A skill is at most 60 characters').nullable().default(null),
  })
  .strict();

export const tierStructureSchema = z
  .object({
    preset: z.enum(Object.keys(TIER_RATIO_PRESETS) as [TierRatioPreset, ...TierRatioPreset[]], { error: 'Preset must be early-stage, growth, scale or enterprise-focus' }),
    resolutionShares: z.object({ L1: share('L1 resolution share'), L2: share('L2 resolution share'), L3: share('L3 resolution share') }).strict(),
    handleMin: z.object({ L1: positive('L1 handle time', 'minutes'), L2: positive('L2 handle time', 'minutes'), L3: positive('L3 handle time', 'minutes') }).strict(),
    routing: z.array(routingRuleSchema).min(1, 'The routing matrix needs at least one category'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const resolved = t.resolutionShares.L1 + t.resolutionShares.L2 + t.resolutionShares.L3;
    if (Math.abs(resolved - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['resolutionShares'], message: `Resolution shares add up to ${(resolved * 100).toFixed(1)}%, not 100%` });
    const routed = t.routing.reduce((s, r) => s + r.share, 0);
    if (Math.abs(routed - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['routing'], message: `Category shares add up to ${(routed * 100).toFixed(1)}%, not 100%` });
  });

export type TierStructure = z.input<typeof tierStructureSchema>;

export interface EscalationRates {
  /** Share of tickets reaching L1 that go on to L2. */
  l1ToL2: number;
  /** Share of tickets reaching L2 that go on to L3. */
  l2ToL3: number;
}

/** Escalation from resolution shares, all tickets entering at L1: L1→L2 = (L2 + L3) ÷ 1, L2→L3 = L3 ÷ (L2 + L3). */
export function escalationRates(shares: Record<SupportTier, number>): EscalationRates {
  const aboveL1 = shares.L2 + shares.L3;
  return { l1ToL2: aboveL1, l2ToL3: aboveL1 === 0 ? 0 : shares.L3 / aboveL1 };
}

/** A total headcount split by a preset ratio (fractional; round at the caller). */
export function splitByRatio(total: number, preset: TierRatioPreset): Record<SupportTier, number> {
  const [a, b, c] = TIER_RATIO_PRESETS[preset].ratio;
  const sum = a + b + c;
  return { L1: (total * a) / sum, L2: (total * b) / sum, L3: (total * c) / sum };
}

export interface SkillTierVolume {
  skill: string;
  tier: SupportTier;
  /** Tickets entering at this skill and tier. */
  tickets: number;
  categories: string[];
}

/** Splits tickets by the routing matrix into entry skill × tier. */
export function splitVolumeBySkillAndTier(tickets: number, routing: TierStructure['routing']): SkillTierVolume[] {
  const rows = new Map<string, SkillTierVolume>();
  for (const rule of routing) {
    const key = `${rule.primarySkill}|${rule.tier}`;
    const row = rows.get(key) ?? { skill: rule.primarySkill, tier: rule.tier, tickets: 0, categories: [] };
    row.tickets += tickets * rule.share;
    row.categories.push(rule.category);
    rows.set(key, row);
  }
  return [...rows.values()];
}

export interface TierRequirement {
  tier: SupportTier;
  /** Tickets the tier works: those entering at it plus those escalated to it. */
  ticketsTouching: number;
  workloadHours: number;
  agentsExact: number;
  agents: number;
  /** Agents the preset ratio gives this tier for the same total. */
  presetAgents: number;
}

export interface TierPlan {
  escalation: EscalationRates;
  volumes: SkillTierVolume[];
  tiers: TierRequirement[];
  totalAgents: number;
  steps: CalculationStep[];
}

/**
 * Required agents per tier for a day's tickets. Tickets entering at L1 escalate at the resolution-share rates;
 * tickets routed straight to L2 escalate to L3 at the L2→L3 rate; L3 entries stay at L3.
 */
export function planTiers(raw: TierStructure, ticketsPerDay: number, productiveHoursPerAgent: number, utilization: number): TierPlan {
  const structure = parseOrThrow(tierStructureSchema, raw);
  const escalation = escalationRates(structure.resolutionShares);
  const volumes = splitVolumeBySkillAndTier(ticketsPerDay, structure.routing);
  const entering = (tier: SupportTier) => volumes.filter((v) => v.tier === tier).reduce((s, v) => s + v.tickets, 0);
  const l1 = entering('L1');
  const l2 = entering('L2') + l1 * escalation.l1ToL2;
  const l3 = entering('L3') + l2 * escalation.l2ToL3;
  const touching: Record<SupportTier, number> = { L1: l1, L2: l2, L3: l3 };
  const perAgentMin = productiveHoursPerAgent * 60 * utilization;
  const rows = SUPPORT_TIERS.map((tier) => {
    const workloadMin = touching[tier] * structure.handleMin[tier];
    const agentsExact = workloadMin / perAgentMin;
    return { tier, ticketsTouching: touching[tier], workloadHours: workloadMin / 60, agentsExact, agents: ceilAgents(agentsExact), presetAgents: 0 };
  });
  const totalAgents = rows.reduce((s, r) => s + r.agents, 0);
  const preset = splitByRatio(totalAgents, structure.preset);
  rows.forEach((r) => (r.presetAgents = preset[r.tier]));
  const f = formatNumber;
  const steps: CalculationStep[] = [
    { label: 'Escalation L1 → L2', formula: `${f(structure.resolutionShares.L2 * 100)}% + ${f(structure.resolutionShares.L3 * 100)}% resolved above L1`, value: escalation.l1ToL2 * 100, unit: '%' },
    { label: 'Escalation L2 → L3', formula: `${f(structure.resolutionShares.L3 * 100)}% ÷ ${f((structure.resolutionShares.L2 + structure.resolutionShares.L3) * 100)}%`, value: escalation.l2ToL3 * 100, unit: '%' },
    ...rows.map((r) => ({
      label: `${r.tier} agents`,
      formula: `${f(r.ticketsTouching)} tickets × ${f(structure.handleMin[r.tier])} min ÷ (${f(productiveHoursPerAgent)} h × 60 × ${f(utilization * 100)}%)`,
      value: r.agentsExact,
      unit: 'agents',
    })),
  ];
  return { escalation, volumes, tiers: rows, totalAgents, steps };
}

/** A starting structure: growth ratio, 65/30/5 resolution and a three-category routing matrix. */
export function defaultTierStructure(): TierStructure {
  return {
    preset: 'growth',
    resolutionShares: { ...DEFAULT_RESOLUTION_SHARES },
    handleMin: { L1: 12, L2: 35, L3: 90 },
    routing: [
      { category: 'How-to and account', share: 0.55, primarySkill: 'general', tier: 'L1', fallbackSkill: null },
      { category: 'Billing', share: 0.25, primarySkill: 'billing', tier: 'L1', fallbackSkill: 'general' },
      { category: 'Bug or outage', share: 0.2, primarySkill: 'technical', tier: 'L2', fallbackSkill: 'general' },
    ],
  };
}
