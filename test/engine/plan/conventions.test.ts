import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_TIMES, DEFAULT_RAMP_CURVE, projectPlan, rampLoads, rampSchedule, weeklyAttritionRate, type CapacityPlanInput, type HiringClass } from '../../../shared/engine/plan';
import { smallPlan } from '../../helpers/planFixture';

const plan = (overrides: Partial<CapacityPlanInput> = {}) => smallPlan({ attrition: { tenuredMonthly: 0.05, newHireMonthly: 0.1 }, ...overrides });

const a = weeklyAttritionRate(0.05);
const h = weeklyAttritionRate(0.1);

describe('capacity plan conventions, hand-computed', () => {
  it('applies tenured attrition from week 1 on: tenured(w) = 10 × (1 − a)^w', () => {
    const p = projectPlan(plan());
    // a = 1 − 0.95^(12/52) = 0.011767…
    expect(a).toBeCloseTo(0.0117671, 6);
    p.weeks.forEach((row, w) => expect(row.tenured).toBeCloseTo(10 * (1 - a) ** w, 12));
  });

  it('carries a class through its ramp with new-hire attrition and into the tenured pool at s + R', () => {
    const p = projectPlan(plan({ classes: [{ startWeek: 1, size: 4 }] }));
    // week 1 (k = 0): 4 heads at 0%; week 2 (k = 1): 4(1 − h) heads at 50%
    expect(p.weeks[1].inRamp[0]).toMatchObject({ rampWeek: 0, headcount: 4, load: 0, effectiveFte: 0 });
    expect(p.weeks[2].inRamp[0].headcount).toBeCloseTo(4 * (1 - h), 12);
    expect(p.weeks[2].effectiveFte).toBeCloseTo(10 * (1 - a) ** 2 + 0.5 * 4 * (1 - h), 12);
    expect(p.weeks[2].headcount).toBeCloseTo(10 * (1 - a) ** 2 + 4 * (1 - h), 12);
    // week 3 = s + R: the class is tenured, entering with 4(1 − h)^2, and then decays at the tenured rate
    expect(p.weeks[3].inRamp).toEqual([]);
    expect(p.weeks[3].tenured).toBeCloseTo(10 * (1 - a) ** 3 + 4 * (1 - h) ** 2, 12);
    expect(p.weeks[4].tenured).toBeCloseTo((10 * (1 - a) ** 3 + 4 * (1 - h) ** 2) * (1 - a), 12);
  });

  it('applies departures and transfers to the tenured pool in their week', () => {
    const p = projectPlan(plan({ adjustments: [{ week: 0, change: 2 }, { week: 3, change: -3, note: 'transfer to billing' }] }));
    expect(p.weeks[0].tenured).toBe(12);
    expect(p.weeks[2].tenured).toBeCloseTo(12 * (1 - a) ** 2, 12);
    expect(p.weeks[3].tenured).toBeCloseTo(12 * (1 - a) ** 3 - 3, 12);
    expect(p.weeks[4].tenured).toBeCloseTo((12 * (1 - a) ** 3 - 3) * (1 - a), 12);
  });

  it('sums required FTE over queues served by the same agents', () => {
    const p = projectPlan(plan({ queues: [
      { name: 'Email', kind: 'deferred', demand: Array.from({ length: 8 }, () => ({ volume: 1000, ahtSec: 360 })) },
      { name: 'Phone', kind: 'live', demand: Array.from({ length: 8 }, () => ({ volume: 500, ahtSec: 300, requiredFte: 7.5 })) },
    ] }));
    expect(p.weeks[0].requiredByQueue[0]).toBeCloseTo(4.464286, 6);
    expect(p.weeks[0].requiredByQueue[1]).toBe(7.5);
    expect(p.weeks[0].requiredFte).toBeCloseTo(11.964286, 6);
    expect(p.weeks[0].volume).toBe(1500);
  });
});

const classArb = fc.record({ startWeek: fc.integer({ min: 0, max: 19 }), size: fc.integer({ min: 0, max: 15 }) });
const planArb = fc.record({
  headcount: fc.integer({ min: 0, max: 60 }),
  tenuredMonthly: fc.double({ min: 0, max: 0.2, noNaN: true }),
  newHireMonthly: fc.double({ min: 0, max: 0.3, noNaN: true }),
  ramp: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
  classes: fc.array(classArb, { maxLength: 5 }),
});

describe('capacity plan properties', () => {
  it('more hires never lower effective FTE or headcount in any week', () => {
    fc.assert(
      fc.property(planArb, classArb, (r, extra) => {
        const base = plan({ weeks: 20, headcount: r.headcount, attrition: { tenuredMonthly: r.tenuredMonthly, newHireMonthly: r.newHireMonthly }, ramp: r.ramp, classes: r.classes });
        const before = projectPlan(base);
        const after = projectPlan({ ...base, classes: [...base.classes, extra] });
        after.weeks.forEach((row, w) => {
          expect(row.effectiveFte).toBeGreaterThanOrEqual(before.weeks[w].effectiveFte - 1e-9);
          expect(row.headcount).toBeGreaterThanOrEqual(before.weeks[w].headcount - 1e-9);
        });
      }),
    );
  });

  it('with zero attrition, headcount is the start plus every class started so far', () => {
    fc.assert(
      fc.property(planArb, (r) => {
        const classes: HiringClass[] = r.classes;
        const p = projectPlan(plan({ weeks: 20, headcount: r.headcount, attrition: { tenuredMonthly: 0, newHireMonthly: 0 }, ramp: r.ramp, classes }));
        p.weeks.forEach((row, w) => {
          const hired = classes.filter((c) => c.startWeek <= w).reduce((s, c) => s + c.size, 0);
          expect(row.headcount).toBeCloseTo(r.headcount + hired, 9);
        });
      }),
    );
  });
});

describe('ramp curve and planning table', () => {
  it('the default curve is the onboarding table', () => {
    expect(rampLoads(DEFAULT_RAMP_CURVE)).toEqual([0, 0, 0.25, 0.5, 0.75, 0.75, 1, 1]);
    expect(DEFAULT_RAMP_CURVE.weeks[2].support).toMatch(/QA on every ticket; daily check-ins/);
  });

  it('converts the lead-time table from months to weeks (months × 52 ÷ 12)', () => {
    expect(DEFAULT_LEAD_TIMES.replacement).toMatchObject({ minMonths: 2, maxMonths: 3, minWeeks: 9, maxWeeks: 13, defaultWeeks: 11 });
    expect(DEFAULT_LEAD_TIMES.growth).toMatchObject({ minWeeks: 13, maxWeeks: 17 });
    expect(DEFAULT_LEAD_TIMES['new-tier']).toMatchObject({ minWeeks: 17, maxWeeks: 26 });
    expect(DEFAULT_LEAD_TIMES.seasonal).toMatchObject({ minWeeks: 4, maxWeeks: 9 });
  });

  it('lays a class ramp out week by week with dates, load and support', () => {
    const rows = rampSchedule({ startWeek: 2, size: 10 }, DEFAULT_RAMP_CURVE, '2027-01-04', { newHireMonthly: 0.1 });
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ rampWeek: 1, planWeek: 2, weekStart: '2027-01-18', weekEnd: '2027-01-24', load: 0, expectedHeads: 10 });
    expect(rows[2].load).toBe(0.25);
    expect(rows[2].expectedHeads).toBeCloseTo(10 * (1 - h) ** 2, 12);
    expect(rows[2].effectiveFte).toBeCloseTo(2.5 * (1 - h) ** 2, 12);
    expect(rows[7]).toMatchObject({ planWeek: 9, weekStart: '2027-03-08', weekEnd: '2027-03-14', load: 1 });
  });
});
