/**
 * The worked example from the support-operations blueprint, shipped as a sample policy: 8 agents and 1 lead,
 * 1,200 tickets a month, current first response 4.2 h, tiers Enterprise 15% / Mid-Market 45% / SMB 40%, and the
 * contract matrix below. The blueprint gives no handle time, priority split or arrival pattern; the values used
 * here are stated assumptions a planner can change (SAMPLE_ASSUMPTIONS).
 */
import { weekdayBusinessHours, HOURS_PER_WEEK } from './businessHours';
import { mixFromShares } from './mix';
import { DEFAULT_PRIORITY_TARGETS, type SlaPolicy } from './policy';
import type { SlaPlanInput } from './slaStaffing';

export const SAMPLE_TICKETS_PER_MONTH = 1200;
export const SAMPLE_AGENTS = 8;
export const SAMPLE_LEADS = 1;
export const SAMPLE_CURRENT_FIRST_RESPONSE_HOURS = 4.2;
/** Weeks in an average month: 52 ÷ 12. */
export const WEEKS_PER_MONTH = 52 / 12;

export const SAMPLE_ASSUMPTIONS = {
  ahtMin: 40,
  priorityShares: { P1: 0.2, P2: 0.8 },
  /** Share of tickets arriving outside business hours (they wait for the opening). */
  afterHoursShare: 0.15,
  /** Monday … Friday relative volume. */
  weekdayWeights: [1.2, 1.05, 1, 0.95, 0.8],
  /** 09:00 … 16:00 relative volume: a morning peak. */
  hourWeights: [1.3, 1.4, 1.2, 0.9, 1, 1, 0.7, 0.5],
  shrinkage: 0.2,
  maxOccupancy: 0.85,
} as const;

export const SAMPLE_TIER_SHARES: Record<string, number> = { enterprise: 0.15, 'mid-market': 0.45, smb: 0.4 };

export function samplePolicy(): SlaPolicy {
  return {
    name: 'Blueprint example: Enterprise / Mid-Market / SMB',
    priorities: ['P1', 'P2'],
    tiers: [
      { id: 'enterprise', name: 'Enterprise', multiplier: 1 },
      { id: 'mid-market', name: 'Mid-Market', multiplier: 1 },
      { id: 'smb', name: 'SMB', multiplier: 1 },
    ],
    base: structuredClone(DEFAULT_PRIORITY_TARGETS),
    overrides: [
      { priority: 'P1', tier: 'enterprise', firstResponseMin: 15, resolutionMin: 4 * 60 },
      { priority: 'P2', tier: 'enterprise', firstResponseMin: 60, resolutionMin: 8 * 60 },
      { priority: 'P1', tier: 'mid-market', firstResponseMin: 30, resolutionMin: 8 * 60 },
      { priority: 'P2', tier: 'mid-market', firstResponseMin: 2 * 60, resolutionMin: 24 * 60 },
      { priority: 'P1', tier: 'smb', firstResponseMin: 60, resolutionMin: 24 * 60 },
      { priority: 'P2', tier: 'smb', firstResponseMin: 4 * 60, resolutionMin: 48 * 60 },
    ],
  };
}

/** A typical week of the sample's 1,200 tickets a month: 1,200 ÷ (52 ÷ 12) ≈ 276.9 a week, spread by the weights. */
export function sampleWeekVolumes(ticketsPerMonth = SAMPLE_TICKETS_PER_MONTH): number[] {
  const perWeek = ticketsPerMonth / WEEKS_PER_MONTH;
  const a = SAMPLE_ASSUMPTIONS;
  const volumes = new Array<number>(HOURS_PER_WEEK).fill(0);
  const closedSlots = HOURS_PER_WEEK - 5 * a.hourWeights.length;
  const inHoursWeight = a.weekdayWeights.reduce((s, w) => s + w, 0) * a.hourWeights.reduce((s, w) => s + w, 0);
  for (let slot = 0; slot < HOURS_PER_WEEK; slot++) {
    const day = Math.floor(slot / 24);
    const hour = slot % 24;
    const inHours = day < 5 && hour >= 9 && hour < 9 + a.hourWeights.length;
    volumes[slot] = inHours
      ? (perWeek * (1 - a.afterHoursShare) * a.weekdayWeights[day] * a.hourWeights[hour - 9]) / inHoursWeight
      : (perWeek * a.afterHoursShare) / closedSlots;
  }
  return volumes;
}

export function samplePlanInput(): SlaPlanInput {
  return {
    policy: samplePolicy(),
    mix: mixFromShares(SAMPLE_ASSUMPTIONS.priorityShares, SAMPLE_TIER_SHARES),
    businessHours: weekdayBusinessHours('America/New_York'),
    weekVolumes: sampleWeekVolumes(),
    settings: { ahtMin: SAMPLE_ASSUMPTIONS.ahtMin, maxOccupancy: SAMPLE_ASSUMPTIONS.maxOccupancy, shrinkage: SAMPLE_ASSUMPTIONS.shrinkage, hoursPerAgentWeek: 40 },
  };
}
