import { describe, expect, it } from 'vitest';
import { randomStream } from '../../../shared/random/seeded';
import { candidateStartWeeks, optimiseHiring, projectPlan, type CapacityPlanInput, type HiringClass } from '../../../shared/engine/plan';
import { smallPlan } from '../../helpers/planFixture';

const plan = (overrides: Partial<CapacityPlanInput> = {}) =>
  smallPlan({
    weeks: 10,
    demand: Array.from({ length: overrides.weeks ?? 10 }, () => ({ volume: 1000, ahtSec: 360 })),
    headcount: 2,
    ramp: [0, 0.5, 1],
    hiring: { leadTimeWeeks: 1, cadenceWeeks: 2, minClassSize: 1, maxClassSize: 4 },
    costs: { weeklyCostPerHead: 100, hireCost: 500, understaffPerFteWeek: 400 },
    ...overrides,
  });

/** Every combination of class sizes (0 or min…max per candidate week, within maxHires): the cheapest plan. */
function bruteForce(p: CapacityPlanInput): { cost: number; classes: HiringClass[] } {
  const candidates = candidateStartWeeks(p);
  const sizes = [0];
  for (let s = Math.max(1, p.hiring.minClassSize); s <= p.hiring.maxClassSize; s++) sizes.push(s);
  let best = { cost: Infinity, classes: [] as HiringClass[] };
  const chosen: number[] = [];
  const visit = (i: number, hires: number) => {
    if (i === candidates.length) {
      const classes = candidates.flatMap((startWeek, j) => (chosen[j] > 0 ? [{ startWeek, size: chosen[j] }] : []));
      const cost = projectPlan({ ...p, classes }).totalCost;
      if (cost < best.cost) best = { cost, classes };
      return;
    }
    for (const s of sizes) {
      if (p.hiring.maxHires !== undefined && hires + s > p.hiring.maxHires) continue;
      chosen[i] = s;
      visit(i + 1, hires + s);
    }
  };
  visit(0, 0);
  return best;
}

function randomPlan(seed: number): CapacityPlanInput {
  const random = randomStream(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const weeks = between(6, 12);
  const cadenceWeeks = between(2, 4);
  const minClassSize = between(1, 3);
  return plan({
    weeks,
    headcount: between(0, 6),
    demand: Array.from({ length: weeks }, () => ({ volume: between(200, 2500), ahtSec: between(200, 500), ...(random() < 0.2 ? { shrinkage: 0.4 } : {}) })),
    attrition: { tenuredMonthly: random() * 0.08, newHireMonthly: random() * 0.15 },
    ramp: [[1], [0, 0.5, 1], [0, 0, 0.25, 0.5, 0.75, 1], [0.5, 1]][between(0, 3)],
    hiring: { leadTimeWeeks: between(0, 3), cadenceWeeks, minClassSize, maxClassSize: minClassSize + between(1, 3), ...(random() < 0.4 ? { maxHires: between(2, 8) } : {}) },
    costs: { weeklyCostPerHead: between(50, 150), hireCost: between(0, 2000), understaffPerFteWeek: between(50, 600) },
    adjustments: random() < 0.3 ? [{ week: between(1, weeks - 1), change: -between(1, 2) }] : [],
  });
}

describe('hiring optimiser', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('matches brute force on random small plan %i', async (seed) => {
    const p = randomPlan(seed);
    const expected = bruteForce(p);
    const result = await optimiseHiring(p, { timeLimitSec: 20, relativeGap: 1e-9 });
    expect(result.status).toBe('optimal');
    expect(result.cost.total).toBeCloseTo(expected.cost, 4);
    expect(result.bound!).toBeLessThanOrEqual(result.cost.total + 1e-6);
    for (const c of result.classes) {
      expect(c.size).toBeGreaterThanOrEqual(p.hiring.minClassSize);
      expect(c.size).toBeLessThanOrEqual(p.hiring.maxClassSize);
      expect(candidateStartWeeks(p)).toContain(c.startWeek);
    }
    if (p.hiring.maxHires !== undefined) expect(result.classes.reduce((s, c) => s + c.size, 0)).toBeLessThanOrEqual(p.hiring.maxHires);
  });

  it('starts classes only on the lead-time and cadence grid', () => {
    expect(candidateStartWeeks(plan({ weeks: 10, hiring: { leadTimeWeeks: 3, cadenceWeeks: 4, minClassSize: 1, maxClassSize: 5 } }))).toEqual([3, 7]);
    expect(candidateStartWeeks(plan({ weeks: 3, hiring: { leadTimeWeeks: 3, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 5 } }))).toEqual([]);
  });

  it('explains a week short because of the lead time', async () => {
    // 4.46 FTE required every week, 2 on staff; the first class may start in week 1 and carries load from week 2.
    const result = await optimiseHiring(plan());
    const weekZero = result.shortWeeks.find((w) => w.week === 0)!;
    expect(weekZero.reason).toBe('lead-time');
    expect(weekZero.message).toMatch(/first class may start in week 1 .* carries load from week 2/);
    expect(weekZero.shortfallFte).toBeCloseTo(4.464286 - 2, 5);
  });

  it('explains a week short because of the class size cap and the hire limit', async () => {
    const capped = await optimiseHiring(plan({ hiring: { leadTimeWeeks: 0, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 1 }, costs: { weeklyCostPerHead: 1, hireCost: 0, understaffPerFteWeek: 1000 } }));
    const weekOne = capped.shortWeeks.find((w) => w.week === 1)!;
    expect(weekOne.reason).toBe('class-size-cap');
    expect(weekOne.message).toMatch(/starting 0\) already has the maximum 1 hires/);
    const limited = await optimiseHiring(plan({ hiring: { leadTimeWeeks: 0, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 10, maxHires: 1 }, costs: { weeklyCostPerHead: 1, hireCost: 0, understaffPerFteWeek: 1000 } }));
    expect(limited.classes.reduce((s, c) => s + c.size, 0)).toBe(1);
    const late = limited.shortWeeks.find((w) => w.week === 8)!;
    expect(late.reason).toBe('hire-limit');
    expect(late.message).toMatch(/all 1 hires allowed/);
  });

  it('explains a shortfall left because it costs less than a hire', async () => {
    // A hire costs 500 + 100 a week; a short FTE-week only 40: hiring never pays.
    const result = await optimiseHiring(plan({ costs: { weeklyCostPerHead: 100, hireCost: 500, understaffPerFteWeek: 40 } }));
    expect(result.classes).toEqual([]);
    const week5 = result.shortWeeks.find((w) => w.week === 5)!;
    expect(week5.reason).toBe('cost');
    expect(week5.cheapestHire!.netCost).toBeGreaterThan(0);
    expect(week5.cheapestHire!.addedCost).toBeCloseTo(week5.cheapestHire!.savedShortfallCost + week5.cheapestHire!.netCost, 6);
  });

  it('lists the weeks each class covers', async () => {
    const result = await optimiseHiring(plan({ costs: { weeklyCostPerHead: 100, hireCost: 0, understaffPerFteWeek: 1000 } }));
    expect(result.classes.length).toBeGreaterThan(0);
    for (const coverage of result.classCoverage) {
      expect(coverage.coversWeeks.length).toBeGreaterThan(0);
      expect(coverage.coversWeeks[0]).toBeGreaterThanOrEqual(coverage.firstEffectiveWeek);
      expect(coverage.message).toMatch(/covers \d+ short week/);
    }
  });

  it('keeps fixed classes and adds to them', async () => {
    const fixed = [{ startWeek: 0, size: 2 }];
    const result = await optimiseHiring(plan({ hiring: { leadTimeWeeks: 0, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 4 } }), { fixedClasses: fixed });
    expect(result.classes[0]).toEqual(fixed[0]);
  });

  it('returns the best plan so far when stopped at once', async () => {
    const result = await optimiseHiring(randomPlan(3), { shouldCancel: () => true });
    expect(['stopped', 'optimal']).toContain(result.status);
    expect(result.projection.weeks).toHaveLength(randomPlan(3).weeks);
  });
});
