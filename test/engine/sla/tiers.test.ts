import { describe, expect, it } from 'vitest';
import { defaultTierStructure, escalationRates, planTiers, splitByRatio, splitVolumeBySkillAndTier, TIER_RATIO_PRESETS } from '../../../shared/engine/sla';

describe('tier structure', () => {
  it('ships the four ratio presets', () => {
    expect(Object.values(TIER_RATIO_PRESETS).map((p) => p.ratio.join(':'))).toEqual(['5:2:1', '8:3:1', '10:3:1', '6:4:2']);
    expect(splitByRatio(12, 'growth')).toEqual({ L1: 8, L2: 3, L3: 1 });
  });

  it('derives escalation from 65/30/5 resolution: 35% of L1 goes to L2, 1 in 7 of those to L3', () => {
    const rates = escalationRates({ L1: 0.65, L2: 0.3, L3: 0.05 });
    expect(rates.l1ToL2).toBeCloseTo(0.35, 12);
    expect(rates.l2ToL3).toBeCloseTo(1 / 7, 12);
  });

  it('splits volume by skill and entry tier through the routing matrix', () => {
    const rows = splitVolumeBySkillAndTier(200, defaultTierStructure().routing);
    expect(rows.map((r) => [r.skill, r.tier])).toEqual([
      ['general', 'L1'],
      ['billing', 'L1'],
      ['technical', 'L2'],
    ]);
    [110, 50, 40].forEach((tickets, i) => expect(rows[i].tickets).toBeCloseTo(tickets, 9));
  });

  it('sizes each tier with the capacity equation on the tickets touching it', () => {
    // 200 a day: 160 enter at L1, 35% of them (56) escalate to L2 with the 40 routed there, 1/7 of those 96 go to L3.
    const plan = planTiers(defaultTierStructure(), 200, 6.5, 0.8);
    const [l1, l2, l3] = plan.tiers;
    expect(l1.ticketsTouching).toBeCloseTo(160, 9);
    expect(l2.ticketsTouching).toBeCloseTo(96, 9);
    expect(l3.ticketsTouching).toBeCloseTo(96 / 7, 9);
    expect(l1.agentsExact).toBeCloseTo((160 * 12) / (6.5 * 60 * 0.8), 9);
    expect(l1.agents).toBe(Math.ceil(l1.agentsExact));
    expect(plan.totalAgents).toBe(l1.agents + l2.agents + l3.agents);
  });

  it('refuses resolution shares that do not add up, naming the field', () => {
    expect(() => planTiers({ ...defaultTierStructure(), resolutionShares: { L1: 0.6, L2: 0.3, L3: 0.05 } }, 100, 6.5, 0.8)).toThrow(/Resolution shares add up to 95.0%/);
  });
});
