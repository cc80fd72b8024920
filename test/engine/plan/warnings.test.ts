import { describe, expect, it } from 'vitest';
import { planWarnings, type CapacityPlanInput } from '../../../shared/engine/plan';

const DEFAULT_RAMP = [0, 0, 0.25, 0.5, 0.75, 0.75, 1, 1];

function plan(overrides: Partial<CapacityPlanInput> = {}): CapacityPlanInput {
  const weeks = overrides.weeks ?? 26;
  return {
    weeks,
    hoursPerFte: 40,
    occupancy: 0.8,
    shrinkage: 0.3,
    // 10 FTE needed every week, 13 in weeks 12–14: a three-week peak.
    demand: Array.from({ length: weeks }, (_, w) => ({ volume: 1000, ahtSec: 300, requiredFte: w >= 12 && w <= 14 ? 13 : 10 })),
    headcount: 10,
    attrition: { tenuredMonthly: 0, newHireMonthly: 0 },
    ramp: DEFAULT_RAMP,
    classes: [],
    hiring: { leadTimeWeeks: 4, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 10 },
    costs: { weeklyCostPerHead: 1000, hireCost: 5000, understaffPerFteWeek: 3000 },
    ...overrides,
  };
}

const codes = (p: CapacityPlanInput, context = {}) => planWarnings(p, undefined, context).map((w) => w.code);

describe('planning anti-pattern warnings', () => {
  it('a plan with the default ramp and 80% occupancy raises nothing', () => {
    expect(codes(plan())).toEqual([]);
  });

  it('warns when new hires count at full capacity at once', () => {
    expect(codes(plan({ ramp: [1, 1, 1] }))).toEqual(['ramp-all-full']);
    expect(codes(plan({ ramp: [] }))).toEqual(['ramp-all-full']);
    const perClass = planWarnings(plan({ classes: [{ startWeek: 0, size: 1, ramp: [1] }] }));
    expect(perClass.find((w) => w.code === 'ramp-all-full')).toMatchObject({ classIndex: 0, message: expect.stringMatching(/class starting week 0 counts new hires at full capacity/) });
  });

  it('cautions above 85% and warns above 90% occupancy or utilization', () => {
    expect(codes(plan({ occupancy: 0.85 }))).toEqual([]);
    expect(planWarnings(plan({ occupancy: 0.87 }))).toEqual([expect.objectContaining({ code: 'occupancy-high', severity: 'caution', message: expect.stringMatching(/Occupancy target 87% is above 85%/) })]);
    expect(planWarnings(plan({ occupancy: 0.92 }))[0]).toMatchObject({ code: 'occupancy-high', severity: 'warning' });
    expect(planWarnings(plan(), undefined, { utilization: 0.95 })[0]).toMatchObject({ code: 'utilization-high', severity: 'warning' });
  });

  it('warns about a flat forecast only when the history is seasonal', () => {
    const flat = plan({ demand: Array.from({ length: 26 }, (_, w) => ({ volume: 1000 + w * 5, ahtSec: 300 })) });
    expect(codes(flat, { historyShowsSeasonality: true })).toContain('flat-forecast');
    expect(codes(flat, { historyShowsSeasonality: false })).not.toContain('flat-forecast');
    const seasonal = plan({ demand: Array.from({ length: 26 }, (_, w) => ({ volume: 1000 * (1 + 0.2 * Math.sin(w / 4)), ahtSec: 300 })) });
    expect(codes(seasonal, { historyShowsSeasonality: true })).not.toContain('flat-forecast');
  });

  it('flags a class that lands after the peak it was meant for, and hiring for a short peak', () => {
    // Starts week 11, full load in week 17: the peak of weeks 12–14 is over before it.
    const warnings = planWarnings(plan({ classes: [{ startWeek: 11, size: 3 }] }));
    const late = warnings.find((w) => w.code === 'late-hire')!;
    expect(late.weeks).toEqual([12, 13, 14]);
    expect(late.message).toMatch(/reaches full load in week 17, after the shortfall in weeks 12–14 .* start the class by week 6/);
    const peak = warnings.find((w) => w.code === 'short-peak-hiring')!;
    // needed in weeks 13 and 14 (at 25% and 50% load) of its 13 productive weeks (13–25)
    expect(peak.message).toMatch(/needed in 2 of its 13 productive weeks/);
  });

  it('does not call a class late when it goes on to cover a longer gap', () => {
    const growing = plan({ demand: Array.from({ length: 26 }, (_, w) => ({ volume: 1000, ahtSec: 300, requiredFte: w < 2 ? 10 : 12 })), classes: [{ startWeek: 1, size: 2 }] });
    expect(codes(growing)).toEqual([]);
  });
});
