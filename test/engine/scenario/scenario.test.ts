import { describe, expect, it } from 'vitest';
import { projectPlan, requiredFteForWeek, weeklyAttritionRate, type CapacityPlanInput } from '../../../shared/engine/plan';
import { smallPlan } from '../../helpers/planFixture';
import {
  applyChanges,
  changeCoverage,
  compareScenarios,
  parseChange,
  playShock,
  presetChange,
  quantifyResponse,
  runScenario,
  simulatePlan,
  type ShockQueue,
} from '../../../shared/engine/scenario';

/** 2027-03-01 is a Monday. */
const plan = (overrides: Partial<CapacityPlanInput> = {}) => smallPlan({ startWeek: '2027-03-01', ...overrides });

describe('ranges and the pro-rata rule', () => {
  it('covers the weeks a date range touches, each with its share of 7 days', () => {
    const coverage = changeCoverage({ kind: 'volume', value: 1, from: '2027-03-06', to: '2027-03-09' }, plan());
    // Sat–Sun of week 0, Mon–Tue of week 1.
    expect([...coverage.entries()]).toEqual([
      [0, 2 / 7],
      [1, 2 / 7],
    ]);
    expect(changeCoverage({ kind: 'volume', value: 1, from: '2027-03-01', to: '2027-03-14' }, plan()).get(1)).toBe(1);
    expect(changeCoverage({ kind: 'volume', value: 1, fromWeek: 6, toWeek: 20 }, plan()).size).toBe(2);
  });

  it('multiplies a week by 1 + 3 × 2/7 for a +300% change over two of its days', () => {
    const applied = applyChanges(plan(), [{ kind: 'volume', value: 3, from: '2027-03-01', to: '2027-03-02' }]);
    expect(applied.demand[0].volume).toBeCloseTo(1000 * (1 + (3 * 2) / 7), 9);
    expect(applied.demand[1].volume).toBe(1000);
  });

  it('scales required FTE of a capacity-equation queue by exactly (1 + x) for a volume change of x', () => {
    for (const x of [0.5, -0.5, 3, 0.137]) {
      const base = runScenario(plan());
      const changed = runScenario(plan(), [{ kind: 'volume', value: x, fromWeek: 2, toWeek: 3 }]);
      expect(changed.weeks[2].requiredFte / base.weeks[2].requiredFte).toBeCloseTo(1 + x, 12);
      expect(changed.weeks[3].requiredFte / base.weeks[3].requiredFte).toBeCloseTo(1 + x, 12);
      expect(changed.weeks[4].requiredFte).toBe(base.weeks[4].requiredFte);
    }
  });

  it('applies AHT, shrinkage and occupancy changes through the capacity equation', () => {
    const p = plan();
    const applied = applyChanges(p, [
      { kind: 'aht', value: 0.1, fromWeek: 0, toWeek: 0 },
      { kind: 'shrinkage', value: 0.05, fromWeek: 1, toWeek: 1 },
      { kind: 'occupancy', value: 0.7, fromWeek: 2, toWeek: 2 },
    ]);
    const projected = projectPlan(applied);
    expect(projected.weeks[0].requiredFte).toBeCloseTo(requiredFteForWeek({ volume: 1000, ahtSec: 396 }, p), 12);
    expect(projected.weeks[1].requiredFte).toBeCloseTo(requiredFteForWeek({ volume: 1000, ahtSec: 360, shrinkage: 0.35 }, p), 12);
    expect(projected.weeks[2].requiredFte).toBeCloseTo(requiredFteForWeek({ volume: 1000, ahtSec: 360 }, { ...p, occupancy: 0.7 }), 12);
  });

  it('scales a live queue’s required FTE by its workload and targets', () => {
    const p = plan({
      queues: [
        { name: 'Phone', kind: 'live', demand: Array.from({ length: 8 }, () => ({ volume: 2000, ahtSec: 300, requiredFte: 12 })) },
        { name: 'Email', kind: 'deferred', demand: Array.from({ length: 8 }, () => ({ volume: 1000, ahtSec: 360 })) },
      ],
    });
    const applied = applyChanges(p, [{ kind: 'volume', value: 0.5, fromWeek: 0, toWeek: 0, queues: ['Phone'] }]);
    expect(applied.queues![0].demand[0].requiredFte).toBeCloseTo(18, 12);
    expect(applied.queues![1].demand[0]).toBe(p.queues![1].demand[0]);
    const settings = { liveTargets: { Phone: { serviceLevel: 0.8, answerSec: 20, openHoursPerWeek: 60 } } };
    const stricter = applyChanges(p, [{ kind: 'serviceTarget', value: 0.95, fromWeek: 1, toWeek: 1 }], settings);
    expect(stricter.queues![0].demand[1].requiredFte).toBeGreaterThan(12);
    expect(() => applyChanges(p, [{ kind: 'serviceTarget', value: 0.95, fromWeek: 1, toWeek: 1 }])).toThrow(/liveTargets/);
    expect(() => applyChanges(p, [{ kind: 'volume', value: 1, fromWeek: 1, toWeek: 1, queues: ['Chat'] }])).toThrow(/no queue "Chat"/);
  });
});

describe('supply changes', () => {
  it('a hiring freeze removes exactly the classes starting in its range', () => {
    const p = plan({ weeks: 20, classes: [{ startWeek: 2, size: 3 }, { startWeek: 5, size: 4 }, { startWeek: 9, size: 5 }, { startWeek: 12, size: 6 }] });
    const frozen = applyChanges(p, [{ kind: 'hiringFreeze', from: '2027-04-05', to: '2027-05-16' }]); // weeks 5..10
    expect(frozen.classes.map((c) => c.startWeek)).toEqual([2, 12]);
    const result = runScenario(p, [{ kind: 'hiringFreeze', fromWeek: 5, toWeek: 10 }]);
    expect(result.hires).toEqual([{ startWeek: 2, size: 3 }, { startWeek: 12, size: 6 }]);
  });

  it('adds and removes classes', () => {
    const p = plan({ classes: [{ startWeek: 2, size: 3 }] });
    const applied = applyChanges(p, [
      { kind: 'classRemove', classIndex: 0 },
      { kind: 'classAdd', size: 5, from: '2027-03-15', to: '2027-03-15' },
    ]);
    expect(applied.classes.map((c) => [c.startWeek, c.size])).toEqual([[2, 5]]);
  });

  it('raises tenured attrition in its weeks only', () => {
    const p = plan({ attrition: { tenuredMonthly: 0.02, newHireMonthly: 0 } });
    const base = projectPlan(p);
    const changed = projectPlan(applyChanges(p, [{ kind: 'attrition', value: 0.03, fromWeek: 2, toWeek: 3 }]));
    const slow = weeklyAttritionRate(0.02);
    const fast = weeklyAttritionRate(0.05);
    expect(changed.weeks[1].tenured).toBeCloseTo(base.weeks[1].tenured, 12);
    expect(changed.weeks[2].tenured).toBeCloseTo(base.weeks[1].tenured * (1 - fast), 10);
    expect(changed.weeks[3].tenured).toBeCloseTo(base.weeks[1].tenured * (1 - fast) ** 2, 10);
    expect(changed.weeks[4].tenured).toBeCloseTo(base.weeks[1].tenured * (1 - fast) ** 2 * (1 - slow), 10);
  });

  it('lets overtime cover a shortfall up to heads × hours, adding hours ÷ hoursPerFte FTE', () => {
    // Required 4.4643 FTE a week; 3 heads → short 1.4643 FTE = 58.6 h; 3 heads × 10 h = 30 h allowed.
    const p = plan({ headcount: 3 });
    const result = runScenario(p, [{ kind: 'overtime', value: 10, fromWeek: 0, toWeek: 0 }]);
    expect(result.weeks[0].overtimeHours).toBeCloseTo(30, 10);
    expect(result.weeks[0].gap).toBeCloseTo(3 + 30 / 40 - 4.4642857, 6);
    expect(result.weeks[1].overtimeHours).toBe(0);
    expect(result.cost.overtime).toBeCloseTo(30 * 1.5 * (1000 / 40), 8);
  });
});

describe('comparison and presets', () => {
  it('reports deltas against the baseline', () => {
    const base = runScenario(plan());
    const surge = runScenario(plan(), [presetChange('release', '2027-03-01')]);
    const [row] = compareScenarios(base, [{ name: 'Release', result: surge }]);
    expect(row.weeks[0].gapDelta).toBeCloseTo(-base.weeks[0].requiredFte * 0.5, 9);
    expect(row.weeks[2].gapDelta).toBe(0);
    expect(row.totals.costDelta).toBeCloseTo(surge.totalCost - base.totalCost, 9);
    expect(() => compareScenarios(base, Array.from({ length: 5 }, () => ({ name: 'x', result: surge })))).toThrow(/at most 4/);
  });

  it('quantifies an outage’s response: overtime, temporary agents, deferred backlog clearance', () => {
    // 10 heads vs 4.4643 FTE required: 5.5357 FTE spare per normal week.
    const p = plan();
    const change = presetChange('outage', '2027-03-01');
    expect(change).toMatchObject({ kind: 'volume', value: 3, from: '2027-03-01', to: '2027-03-02' });
    const base = runScenario(p);
    const shocked = runScenario(p, [change]);
    const response = quantifyResponse(p, change, base, shocked, 'All hands');
    const required = requiredFteForWeek({ volume: 1000, ahtSec: 360 }, p);
    // The week's average hides it (required × (1 + 3 × 2/7) = 8.29 < 10 heads); on the two days 4 × 4.464 = 17.86 are needed.
    expect(shocked.weeks[0].gap).toBeGreaterThan(0);
    const onDays = required * 4;
    expect(response.weeks[0].requiredFteOnShockDays).toBeCloseTo(onDays, 9);
    const shortOnDays = onDays - 10;
    expect(response.weeks[0].extraShortfallFte).toBeCloseTo(shortOnDays, 9);
    expect(response.overtimeHoursNeeded).toBeCloseTo(shortOnDays * (2 / 7) * 40, 9);
    expect(response.overtimeHoursPerAgent).toBeCloseTo((shortOnDays * (2 / 7) * 40) / 10, 9);
    expect(response.extraTemporaryAgents).toBe(Math.ceil(shortOnDays));
    // The single pool is deferrable work: 3 × 2/7 × 100 h extra handling; postpone what the staff cannot absorb.
    const productive = 40 * 0.8 * 0.7;
    const postpone = Math.min((3 * 2 * 100) / 7, shortOnDays * (2 / 7) * productive);
    expect(response.deferrable.postponeHours).toBeCloseTo(postpone, 9);
    // Spare productive hours a day afterwards: (10 − 4.464) × 22.4 ÷ 7.
    const sparePerDay = ((10 - required) * productive) / 7;
    expect(response.deferrable.clearsAfterDays).toBeCloseTo(postpone / sparePerDay, 9);
    expect(response.deferrable.clearsOn).toBe('2027-03-05');
    expect(response.deferrable.clearsInWeek).toBe(0);
  });
});

describe('short shocks at interval level', () => {
  /** Hourly intervals, Monday 2027-03-01 00:00 for one week. */
  const starts = Array.from({ length: 7 * 24 }, (_, i) => {
    const day = Math.floor(i / 24) + 1;
    return `2027-03-${String(day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00`;
  });

  it('a +300% two-day shock on a deferred queue builds the backlog and clears it as computed by hand', () => {
    // 10 items an hour, 300 s each, 3 agents: capacity 3 × 3600 ÷ 300 = 36 items an hour, so no backlog normally.
    const queue: ShockQueue = { name: 'Email', kind: 'deferred', intervalMin: 60, starts, volumes: starts.map(() => 10), agents: starts.map(() => 3), ahtSec: 300, responseSec: 24 * 3600 };
    const view = playShock(queue, { from: '2027-03-01', to: '2027-03-02', value: 3 });
    // Shock: 40 an hour against 36 → +4 an hour for 48 hours = 192 items at the end of Tuesday.
    expect(view.summary.shockIntervals).toBe(48);
    expect(view.summary.backlogAtShockEnd).toBeCloseTo(192, 9);
    expect(view.summary.peakBacklog).toBeCloseTo(192, 9);
    // After: 36 − 10 = 26 an hour come off; 7 hours leave 192 − 182 = 10, worked first in hour 8 at 36 an hour.
    expect(view.rows[48 + 6].backlog).toBeCloseTo(10, 9);
    expect(view.summary.clearanceHours).toBeCloseTo(7 + 10 / 36, 9);
    expect(view.summary.extraContacts).toBeCloseTo(48 * 30, 9);
  });

  it('shows a live queue’s service level and wait with the scheduled agents', () => {
    const queue: ShockQueue = { name: 'Phone', kind: 'live', intervalMin: 60, starts, volumes: starts.map(() => 100), agents: starts.map(() => 12), ahtSec: 300, serviceLevel: 0.8, answerSec: 20 };
    const view = playShock(queue, { from: '2027-03-03', to: '2027-03-03', value: 0.5 });
    const monday = view.rows[0];
    const wednesday = view.rows[2 * 24 + 10];
    expect(wednesday.inShock).toBe(true);
    expect(wednesday.serviceLevel!).toBeLessThan(monday.serviceLevel!);
    expect(wednesday.asaSec!).toBeGreaterThan(monday.asaSec!);
    expect(view.summary.baseServiceLevel).toBeCloseTo(monday.serviceLevel!, 12);
    expect(view.summary.peakExtraAgents).toBe(wednesday.requiredAgents! - 12);
    expect(view.summary.extraAgentHours).toBe(24 * (wednesday.requiredAgents! - 12));
  });
});

describe('Monte Carlo', () => {
  const bandsFor = (p: CapacityPlanInput, relative: (w: number) => number) => [
    p.demand.map((d, w) => ({ lo95: d.volume * (1 - 1.96 * relative(w)), lo80: d.volume * (1 - 1.28 * relative(w)), hi80: d.volume * (1 + 1.28 * relative(w)), hi95: d.volume * (1 + 1.96 * relative(w)) })),
  ];

  it('returns the deterministic plan exactly with zero uncertainty', () => {
    const p = plan({ weeks: 26, attrition: { tenuredMonthly: 0.03, newHireMonthly: 0.05 }, classes: [{ startWeek: 4, size: 3 }] });
    const deterministic = runScenario(p, [{ kind: 'overtime', value: 5, fromWeek: 0, toWeek: 25 }]);
    const sim = simulatePlan({ plan: deterministic.plan, overtimeHoursPerHead: new Array(26).fill(5), attrition: 'expected', runs: 200, seed: 3 });
    sim.weeks.forEach((w, i) => {
      expect(w.gap).toEqual({ p10: deterministic.weeks[i].gap, p50: deterministic.weeks[i].gap, p90: deterministic.weeks[i].gap });
      expect(w.deterministicGap).toBe(deterministic.weeks[i].gap);
      expect(w.pMeetTarget).toBe(deterministic.weeks[i].gap >= -1e-9 ? 1 : 0);
    });
    const zeroBands = simulatePlan({ plan: p, bands: bandsFor(p, () => 0), attrition: 'expected', runs: 50 });
    zeroBands.weeks.forEach((w, i) => expect(w.gap.p10).toBe(projectPlan(p).weeks[i].gap));
  });

  it('widens the P10–P90 band with the horizon (attrition accumulates, bands widen)', () => {
    const p = plan({ weeks: 52, headcount: 40, demand: Array.from({ length: 52 }, () => ({ volume: 8000, ahtSec: 360 })), attrition: { tenuredMonthly: 0.04, newHireMonthly: 0.08 }, classes: [{ startWeek: 10, size: 8 }] });
    const sim = simulatePlan({ plan: p, bands: bandsFor(p, (w) => 0.03 * Math.sqrt(1 + w / 4)), attrition: 'binomial', runs: 1000, seed: 11 });
    const width = (w: number) => sim.weeks[w].gap.p90 - sim.weeks[w].gap.p10;
    expect(width(2)).toBeGreaterThan(0);
    expect(width(13)).toBeGreaterThan(width(2));
    expect(width(26)).toBeGreaterThan(width(13));
    expect(width(51)).toBeGreaterThan(width(26));
    // The median stays near the expected-value plan.
    const expected = projectPlan(p);
    expect(Math.abs(sim.weeks[40].gap.p50 - expected.weeks[40].gap)).toBeLessThan(1);
  });

  it('turns band edges into the split normal’s σ and gives P90 hire-up-to advice', () => {
    const p = plan({ weeks: 20, headcount: 5, hiring: { leadTimeWeeks: 2, cadenceWeeks: 1, minClassSize: 1, maxClassSize: 10 } });
    const sim = simulatePlan({ plan: p, bands: bandsFor(p, () => 0.1), attrition: 'expected', runs: 2000, seed: 5 });
    const required = requiredFteForWeek({ volume: 1000, ahtSec: 360 }, p);
    // σ ≈ 10% of volume, so P90 of required ≈ required × (1 + 1.2816 × 0.1).
    expect(sim.weeks[5].requiredFte.p90 / required).toBeCloseTo(1 + 1.2816 * 0.1, 1);
    expect(sim.hireUpTo.firstWeekNeeded).toBe(0);
    expect(sim.hireUpTo.extraFte).toBeGreaterThan(0);
    expect(sim.hireUpTo.heads).toBe(Math.ceil(sim.hireUpTo.extraFte - 1e-9));
    expect(sim.hireUpTo.withinLeadTime).toBe(false);
  });

  it('repeats exactly with the same seed', () => {
    const p = plan({ weeks: 12, attrition: { tenuredMonthly: 0.05, newHireMonthly: 0 } });
    const a = simulatePlan({ plan: p, bands: bandsFor(p, () => 0.05), attrition: 'binomial', runs: 100, seed: 9 });
    const b = simulatePlan({ plan: p, bands: bandsFor(p, () => 0.05), attrition: 'binomial', runs: 100, seed: 9 });
    expect(a.weeks).toEqual(b.weeks);
  });
});

describe('validation', () => {
  it('names the field and what is wrong', () => {
    expect(() => parseChange({ kind: 'volume', from: '2027-03-01', to: '2027-03-02' }, 1)).toThrow('changes.1.value: A volume change needs a value');
    expect(() => parseChange({ kind: 'volume', value: 1, from: '2027-03-05', to: '2027-03-02' })).toThrow(/To date is before/);
    expect(() => parseChange({ kind: 'occupancy', value: 85, fromWeek: 1, toWeek: 2 })).toThrow(/fraction/);
    expect(() => parseChange({ kind: 'teleport', value: 1, fromWeek: 1, toWeek: 2 })).toThrow(/kind/);
  });
});
