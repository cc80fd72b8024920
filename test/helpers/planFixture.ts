import type { CapacityPlanInput } from '../../shared/engine/plan';

/**
 * A small capacity plan for hand-computed tests: `weeks` flat weeks of 1,000 contacts at 360 s (4.4643 required FTE
 * at 40 h, 80% occupancy, 30% shrinkage), 10 heads, no attrition, a two-week ramp [0, 0.5]. Each test overrides what
 * it is about.
 */
export function smallPlan(overrides: Partial<CapacityPlanInput> = {}): CapacityPlanInput {
  const weeks = overrides.weeks ?? 8;
  return {
    weeks,
    hoursPerFte: 40,
    occupancy: 0.8,
    shrinkage: 0.3,
    demand: Array.from({ length: weeks }, () => ({ volume: 1000, ahtSec: 360 })),
    headcount: 10,
    attrition: { tenuredMonthly: 0, newHireMonthly: 0 },
    ramp: [0, 0.5],
    classes: [],
    hiring: { leadTimeWeeks: 0, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 10 },
    costs: { weeklyCostPerHead: 1000, hireCost: 5000, understaffPerFteWeek: 3000 },
    ...overrides,
  };
}
