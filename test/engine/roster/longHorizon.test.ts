import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexProblem, type IndexedProblem } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells } from '../../../shared/engine/roster/evaluate';
import { cheapestRosters, rowCost } from '../../../shared/engine/roster/employeeDp';
import { cheaperByWindows, isLongHorizon, LONG_HORIZON_DAYS, legalRoster, STEP_DAYS } from '../../../shared/engine/roster/longHorizon';
import type { RosterProblem } from '../../../shared/engine/roster';
import { earlyLateNight } from './rosterFixtures';

/** One employee over a horizon past LONG_HORIZON_DAYS, three shift types, random rules, days off and costs. */
const longProblem = fc.record({
  days: fc.integer({ min: LONG_HORIZON_DAYS + 1, max: LONG_HORIZON_DAYS + 60 }),
  startWeekday: fc.integer({ min: 0, max: 6 }),
  // Percentages of the days: how much of the horizon the minutes, nights and weekends require or allow.
  minPercent: fc.integer({ min: 0, max: 60 }),
  sparePercent: fc.integer({ min: 5, max: 30 }),
  nightPercent: fc.integer({ min: 0, max: 20 }),
  weekendPercent: fc.integer({ min: 0, max: 100 }),
  maxConsecutiveShifts: fc.integer({ min: 2, max: 6 }),
  minConsecutiveShifts: fc.integer({ min: 1, max: 3 }),
  minConsecutiveDaysOff: fc.integer({ min: 1, max: 3 }),
  leave: fc.array(fc.record({ start: fc.integer({ min: 0, max: 170 }), length: fc.integer({ min: 1, max: 14 }) }), { maxLength: 3 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

type LongProblem = typeof longProblem extends fc.Arbitrary<infer T> ? T : never;

/**
 * The problem, reproducible costs, and the cheapest roster's cost without the shift-type and weekend limits: a lower
 * bound on every legal roster (the exact cheapest can take tens of seconds on these horizons, see longHorizon.ts).
 */
function build(p: LongProblem): { indexed: IndexedProblem; costs: (salt: number) => number[][]; bound: (cellCost: number[][]) => number } {
  const daysOff = [...new Set(p.leave.flatMap(({ start, length }) => Array.from({ length }, (_, i) => start + i)))].filter((d) => d < p.days);
  const problem: RosterProblem = {
    days: p.days,
    startWeekday: p.startWeekday,
    shiftTypes: earlyLateNight,
    employees: [
      {
        id: 'A',
        maxShifts: { N: Math.floor((p.nightPercent * p.days) / 100) },
        minTotalMinutes: Math.floor((p.minPercent * p.days) / 100) * 480,
        maxTotalMinutes: Math.floor(((p.minPercent + p.sparePercent) * p.days) / 100) * 600,
        maxConsecutiveShifts: p.maxConsecutiveShifts,
        minConsecutiveShifts: p.minConsecutiveShifts,
        minConsecutiveDaysOff: p.minConsecutiveDaysOff,
        maxWeekends: Math.floor((p.weekendPercent * p.days) / 700),
        daysOff,
      },
    ],
    shiftOnRequests: [],
    shiftOffRequests: [],
    cover: [],
  };
  const indexed = indexProblem(problem);
  // Reproducible costs from the seed: whole numbers from −20 to 20, nights and weekends wanted more.
  const costs = (salt: number) =>
    Array.from({ length: p.days }, (_, d) =>
      [0, 1, 2].map((t) => (((p.seed * 7919 + salt * 104729 + d * 31 + t * 17) % 41) - 20) - (t === 2 ? 10 : 0) - (indexed.weekendOfDay[d] >= 0 ? 5 : 0)),
    );
  const relaxed = indexProblem({ ...problem, employees: [{ ...problem.employees[0], maxShifts: {}, maxWeekends: p.days }] });
  const bound = (cellCost: number[][]) => cheapestRosters(relaxed, 0, cellCost)[0]?.cost ?? Infinity;
  return { indexed, costs, bound };
}

const legal = (indexed: IndexedProblem, row: number[]) => evaluateCells(indexed, [row]).hardViolations.length === 0;

describe('searches on long horizons', () => {
  it('builds legal rosters step by step, at their own cost and no cheaper than the limits allow', () => {
    fc.assert(
      fc.property(longProblem, (p) => {
        const { indexed, costs, bound } = build(p);
        expect(isLongHorizon(indexed)).toBe(true);
        const cellCost = costs(1);
        const built = legalRoster(indexed, 0, cellCost, Infinity);
        const least = bound(cellCost);
        if (least === Infinity) expect(built).toBeUndefined();
        if (!built) return;
        expect(legal(indexed, built.row)).toBe(true);
        expect(built.cost).toBe(rowCost(cellCost, built.row));
        expect(built.cost).toBeGreaterThanOrEqual(least);
      }),
      { numRuns: 40 },
    );
  });

  it('re-solves a legal roster window by window: legal, and strictly cheaper when it changes', () => {
    fc.assert(
      fc.property(longProblem, fc.integer({ min: 0, max: STEP_DAYS - 1 }), (p, offset) => {
        const { indexed, costs, bound } = build(p);
        const cellCost = costs(2);
        // A legal start that is poor at these costs: the cheapest at the opposite ones.
        const start = legalRoster(indexed, 0, cellCost.map((byShift) => byShift.map((c) => -c)), Infinity);
        if (!start) return;
        const better = cheaperByWindows(indexed, 0, cellCost, start.row, offset, Infinity);
        if (!better) return;
        expect(legal(indexed, better.row)).toBe(true);
        expect(better.cost).toBe(rowCost(cellCost, better.row));
        expect(better.cost).toBeLessThan(rowCost(cellCost, start.row));
        expect(better.cost).toBeGreaterThanOrEqual(bound(cellCost));
      }),
      { numRuns: 40 },
    );
  });

  it('is exact within a window: it reaches the cheapest roster when only days inside one window are worth working', () => {
    const p: LongProblem = {
      days: 140,
      startWeekday: 0,
      minPercent: 0,
      sparePercent: 50,
      nightPercent: 20,
      weekendPercent: 100,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      leave: [],
      seed: 1,
    };
    const { indexed } = build(p);
    // Working costs 1 everywhere except early shifts on days 30–50, which pay 5: the cheapest roster works only on
    // those days, all inside the window of days 28–55, so from a roster that works nowhere that window's search
    // finds it (five days on, one off, as the rules allow).
    const cellCost = Array.from({ length: p.days }, (_, d) => [d >= 30 && d <= 50 ? -5 : 1, 1, 1]);
    const [cheapest] = cheapestRosters(indexed, 0, cellCost);
    const nothing = new Array<number>(p.days).fill(-1);
    const found = cheaperByWindows(indexed, 0, cellCost, nothing, 0, Infinity)!;
    expect(found.cost).toBe(cheapest.cost);
    expect(found.cost).toBeLessThan(0);
    expect(found.row.every((t, d) => t === -1 || (d >= 30 && d <= 50))).toBe(true);
  });
});
