import { describe, expect, it } from 'vitest';
import { projectPlan, requiredFteForWeek, weeklyAttritionRate, type CapacityPlanInput } from '../../../shared/engine/plan';
import { smallPlan } from '../../helpers/planFixture';

const plan = (overrides: Partial<CapacityPlanInput> = {}) => smallPlan({ weeks: 5, ...overrides });

describe('capacity plan conventions', () => {
  it('converts a monthly attrition rate to weekly as 1 − (1 − m)^(12/52)', () => {
    expect(weeklyAttritionRate(0.05)).toBeCloseTo(1 - 0.95 ** (12 / 52), 12);
    expect(weeklyAttritionRate(0)).toBe(0);
  });

  it('computes required paid FTE as volume × AHT ÷ 3600 ÷ (hours × occupancy) ÷ (1 − shrinkage)', () => {
    // 1000 × 360 s = 100 h of work; ÷ (40 × 0.8) = 3.125; ÷ 0.7 = 4.4643
    expect(requiredFteForWeek({ volume: 1000, ahtSec: 360 }, plan())).toBeCloseTo(4.464286, 6);
    expect(requiredFteForWeek({ volume: 1000, ahtSec: 360, shrinkage: 0.5 }, plan())).toBeCloseTo(6.25, 10);
  });

  it('carries a class through its ramp and into the tenured pool', () => {
    const p = projectPlan(plan({ classes: [{ startWeek: 1, size: 4 }] }));
    expect(p.weeks.map((w) => w.headcount)).toEqual([10, 14, 14, 14, 14]);
    expect(p.weeks.map((w) => w.effectiveFte)).toEqual([10, 10, 12, 14, 14]);
    expect(p.weeks.map((w) => w.tenured)).toEqual([10, 10, 10, 14, 14]);
    // cost: payroll 1000 × 66 heads-weeks + 5000 × 4 hires; no week is short
    expect(p.cost.payroll).toBe(66_000);
    expect(p.cost.hiring).toBe(20_000);
    expect(p.cost.understaffing).toBe(0);
  });

  it('applies attrition from week 1 and new-hire attrition per ramp week', () => {
    const m = 0.1;
    const a = weeklyAttritionRate(m);
    const p = projectPlan(plan({ attrition: { tenuredMonthly: m, newHireMonthly: m }, classes: [{ startWeek: 0, size: 10 }] }));
    expect(p.weeks[0].tenured).toBe(10);
    expect(p.weeks[1].tenured).toBeCloseTo(10 * (1 - a), 12);
    expect(p.weeks[1].inRamp[0].headcount).toBeCloseTo(10 * (1 - a), 12);
    // the class joins at week 2 with n × (1 − h)^R, R = 2
    expect(p.weeks[2].tenured).toBeCloseTo(10 * (1 - a) ** 2 + 10 * (1 - a) ** 2, 12);
  });

  it('prices shortfall as understaffPerFteWeek × Σ max(0, −gap)', () => {
    const p = projectPlan(plan({ headcount: 4, weeks: 2, demand: [{ volume: 1000, ahtSec: 360 }, { volume: 0, ahtSec: 360 }] }));
    expect(p.weeks[0].gap).toBeCloseTo(4 - 4.464286, 6);
    expect(p.cost.understaffing).toBeCloseTo(3000 * 0.464286, 2);
  });
});
