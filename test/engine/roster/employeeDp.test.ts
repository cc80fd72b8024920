import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells } from '../../../shared/engine/roster/evaluate';
import { cheaperRoster, cheapestRosters, priceRostersUntil } from '../../../shared/engine/roster/employeeDp';
import { denseDays } from '../../../shared/engine/roster/denseDp';
import type { RosterProblem } from '../../../shared/engine/roster';
import { earlyLateNight } from './rosterFixtures';

const DAYS = 8;

/** One employee over 8 days with two shift types of different lengths and random rules, locks and costs. */
const smallProblem = fc.record({
  startWeekday: fc.integer({ min: 0, max: 6 }),
  maxE: fc.integer({ min: 0, max: 8 }),
  maxL: fc.integer({ min: 0, max: 8 }),
  minShifts: fc.integer({ min: 0, max: 5 }),
  spareShifts: fc.integer({ min: 0, max: 4 }),
  maxConsecutiveShifts: fc.integer({ min: 1, max: 6 }),
  minConsecutiveShifts: fc.integer({ min: 1, max: 3 }),
  minConsecutiveDaysOff: fc.integer({ min: 1, max: 3 }),
  maxWeekends: fc.integer({ min: 0, max: 2 }),
  daysOff: fc.uniqueArray(fc.integer({ min: 0, max: DAYS - 1 }), { maxLength: 2 }),
  locks: fc.array(fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), shift: fc.constantFrom<string | null>('E', 'L', null) }), { maxLength: 2 }),
  costs: fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 2 }), { minLength: DAYS, maxLength: DAYS }),
});

/** The cheapest legal roster of employee 0, by trying every row (OFF or any shift type on each day); Infinity if none. */
function cheapestByEnumeration(problem: RosterProblem, costs: number[][]): number {
  const indexed = indexProblem(problem);
  const choices = [OFF, ...problem.shiftTypes.map((_, t) => t)];
  let cheapest = Infinity;
  const row = new Array<number>(problem.days);
  const enumerate = (d: number, cost: number) => {
    if (d === problem.days) {
      if (evaluateCells(indexed, [row]).hardViolations.length === 0) cheapest = Math.min(cheapest, cost);
      return;
    }
    for (const t of choices) {
      row[d] = t;
      enumerate(d + 1, cost + (t === OFF ? 0 : costs[d][t]));
    }
  };
  enumerate(0, 0);
  return cheapest;
}

describe('cheapestRosters', () => {
  it('finds the cheapest legal roster, as enumerating all 3^8 rosters confirms', () => {
    fc.assert(
      fc.property(smallProblem, (p) => {
        const locks = p.locks.filter((lock, i) => p.locks.findIndex((other) => other.day === lock.day) === i);
        const problem: RosterProblem = {
          days: DAYS,
          startWeekday: p.startWeekday,
          shiftTypes: [
            { id: 'E', minutes: 480, cannotFollow: [] },
            { id: 'L', minutes: 360, cannotFollow: ['E'] },
          ],
          employees: [
            {
              id: 'A',
              maxShifts: { E: p.maxE, L: p.maxL },
              minTotalMinutes: p.minShifts * 360,
              maxTotalMinutes: (p.minShifts + p.spareShifts) * 480,
              maxConsecutiveShifts: p.maxConsecutiveShifts,
              minConsecutiveShifts: p.minConsecutiveShifts,
              minConsecutiveDaysOff: p.minConsecutiveDaysOff,
              maxWeekends: p.maxWeekends,
              daysOff: p.daysOff,
              fixed: locks,
            },
          ],
          shiftOnRequests: [],
          shiftOffRequests: [],
          cover: [],
        };
        const indexed = indexProblem(problem);
        const costOf = (row: number[]) => row.reduce((sum, t, d) => sum + (t === OFF ? 0 : p.costs[d][t]), 0);

        const cheapest = cheapestByEnumeration(problem, p.costs);

        // Both ways of running the programme: the dense state table (the default) and the labels.
        for (const path of ['fastest', 'labels'] as const) {
          const found = cheapestRosters(indexed, 0, p.costs, 3, Infinity, path);
          if (cheapest === Infinity) {
            expect(found).toEqual([]);
            continue;
          }
          expect(found[0].cost).toBe(cheapest);
          for (const roster of found) {
            expect(evaluateCells(indexed, [roster.row]).hardViolations).toEqual([]);
            expect(costOf(roster.row)).toBe(roster.cost);
          }
          expect(found.map((r) => r.cost)).toEqual([...found.map((r) => r.cost)].sort((a, b) => a - b));

          // With a ceiling (as pricing uses it): the cheapest roster when it is below the ceiling, none otherwise.
          for (const ceiling of [cheapest, cheapest + 0.5, cheapest - 0.5]) {
            const below = cheapestRosters(indexed, 0, p.costs, 3, ceiling, path);
            if (cheapest < ceiling) expect(below[0].cost).toBe(cheapest);
            else expect(below).toEqual([]);
            for (const roster of below) expect(roster.cost).toBeLessThan(ceiling);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** Three shift types, two of which forbid the same successors (the dense table merges them into one class). */
const threeShiftProblem = fc.record({
  startWeekday: fc.integer({ min: 0, max: 6 }),
  maxShifts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
  minShifts: fc.integer({ min: 0, max: 4 }),
  maxConsecutiveShifts: fc.integer({ min: 1, max: 5 }),
  minConsecutiveShifts: fc.integer({ min: 1, max: 3 }),
  minConsecutiveDaysOff: fc.integer({ min: 1, max: 2 }),
  maxWeekends: fc.integer({ min: 0, max: 1 }),
  costs: fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 6, maxLength: 6 }),
});

describe('cheapestRosters with shift types that share their forbidden successors', () => {
  it('finds the cheapest legal roster, as enumerating all 4^6 rosters confirms', () => {
    fc.assert(
      fc.property(threeShiftProblem, (p) => {
        const days = p.costs.length;
        const problem: RosterProblem = {
          days,
          startWeekday: p.startWeekday,
          shiftTypes: [
            { id: 'E', minutes: 480, cannotFollow: [] },
            { id: 'L', minutes: 480, cannotFollow: ['E', 'M'] },
            { id: 'M', minutes: 600, cannotFollow: ['E', 'M'] },
          ],
          employees: [
            {
              id: 'A',
              maxShifts: { E: p.maxShifts[0], L: p.maxShifts[1], M: p.maxShifts[2] },
              minTotalMinutes: p.minShifts * 480,
              maxTotalMinutes: (p.minShifts + 2) * 600,
              maxConsecutiveShifts: p.maxConsecutiveShifts,
              minConsecutiveShifts: p.minConsecutiveShifts,
              minConsecutiveDaysOff: p.minConsecutiveDaysOff,
              maxWeekends: p.maxWeekends,
              daysOff: [],
            },
          ],
          shiftOnRequests: [],
          shiftOffRequests: [],
          cover: [],
        };
        const indexed = indexProblem(problem);
        const cheapest = cheapestByEnumeration(problem, p.costs);
        for (const path of ['fastest', 'labels'] as const) {
          const [found] = cheapestRosters(indexed, 0, p.costs, 1, Infinity, path);
          expect(found?.cost ?? Infinity).toBe(cheapest);
          if (found) expect(evaluateCells(indexed, [found.row]).hardViolations).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Instance 19's employee A over `repeats` × 84 days, limits scaled alike: a roster-worth of night shifts is wanted
 * (nights and weekend days pay), but at most 12 nights and 6 weekends per 84 days.
 */
function nightsWanted(repeats: number) {
  const days = 84 * repeats;
  const problem: RosterProblem = {
    days,
    startWeekday: 0,
    shiftTypes: earlyLateNight,
    employees: [
      {
        id: 'A',
        maxShifts: { E: days, L: days, N: 12 * repeats },
        minTotalMinutes: 24960 * repeats,
        maxTotalMinutes: 25920 * repeats,
        maxConsecutiveShifts: 5,
        minConsecutiveShifts: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 6 * repeats,
        daysOff: [21, 22, 23, 33, 73, 74, 75, 76].flatMap((d) => Array.from({ length: repeats }, (_, r) => d + 84 * r)),
      },
    ],
    shiftOnRequests: [],
    shiftOffRequests: [],
    cover: [],
  };
  const indexed = indexProblem(problem);
  const cellCost = Array.from({ length: days }, (_, d) => [1, 1, indexed.weekendOfDay[d] >= 0 ? -30 : -20]);
  const choices = Array.from({ length: days }, (_, d) => ({ shifts: problem.employees[0].daysOff.includes(d) ? [] : [0, 1, 2], canBeOff: true }));
  return { indexed, cellCost, choices };
}

describe('denseDays on a long horizon', () => {
  it('keeps a shift-type limit and the weekend limit tracked together over 84 days in the dense table', () => {
    const { indexed, cellCost, choices } = nightsWanted(1);
    // The cheapest roster breaks both limits unless they are tracked.
    const found = denseDays({ indexed, e: 0, cellCost, choices, limits: { shiftTypes: [2], weekends: true }, costBelow: Infinity, deadline: Infinity });
    expect(found).not.toBeNull();
    const cheapest = { row: found!.rowAt(0), cost: found!.costAt(0) };
    expect(evaluateCells(indexed, [cheapest.row]).hardViolations).toEqual([]);
    expect(cheapest.row.filter((t) => t === 2)).toHaveLength(12);
    // The public entry point agrees and honours both limits.
    const [viaEntry] = cheapestRosters(indexed, 0, cellCost);
    expect(viaEntry.cost).toBe(cheapest.cost);
    // A best response with time left finds the same; one whose deadline has passed gives up (keeps its roster).
    expect(cheaperRoster(indexed, 0, cellCost, Infinity, Infinity)?.cost).toBe(cheapest.cost);
    expect(cheaperRoster(indexed, 0, cellCost, Infinity, performance.now() - 1)).toBeUndefined();
    expect(cheaperRoster(indexed, 0, cellCost, cheapest.cost, Infinity)).toBeUndefined();
    // Where the limits fit, pricing is exact: its bound is the cheapest roster's cost, and none means none below.
    const priced = priceRostersUntil(indexed, 0, cellCost, 1, Infinity, Infinity)!;
    expect(priced.rosters[0].cost).toBe(cheapest.cost);
    expect(priced.leastCost).toBe(cheapest.cost);
    expect(priceRostersUntil(indexed, 0, cellCost, 1, cheapest.cost, Infinity)).toEqual({ rosters: [], leastCost: Infinity });
  });

  it('over 336 days, where both limits do not fit the dense table together, prices them for a legal roster', () => {
    const { indexed, cellCost, choices } = nightsWanted(4);
    const pass = { indexed, e: 0, cellCost, choices, costBelow: Infinity, deadline: Infinity };
    // The premise: tracking both limits needs more states than the dense table allows.
    expect(denseDays({ ...pass, limits: { shiftTypes: [2], weekends: true } })).toBeNull();
    const relaxed = denseDays({ ...pass, limits: { shiftTypes: [], weekends: false } })!;
    const legal = cheaperRoster(indexed, 0, cellCost, Infinity, Infinity)!;
    expect(evaluateCells(indexed, [legal.row]).hardViolations).toEqual([]);
    // Its cost is the row's at the given costs (no price left in it), and no roster beats the limits' relaxation.
    expect(legal.cost).toBe(legal.row.reduce((sum, t, d) => sum + (t < 0 ? 0 : cellCost[d][t]), 0));
    expect(legal.cost).toBeGreaterThanOrEqual(relaxed.costAt(0));
    // A best response asking for a cheaper roster than that gets none (it keeps its own).
    expect(cheaperRoster(indexed, 0, cellCost, legal.cost, Infinity)).toBeUndefined();
    // Pricing in column generation offers the same legal roster, with the relaxed cost as the bound on every legal
    // roster (what the Lagrangian bound adds up); when no roster is below the ceiling, the bound still says how low
    // one could be; past its deadline it gives up.
    const priced = priceRostersUntil(indexed, 0, cellCost, 3, Infinity, Infinity)!;
    expect(priced.rosters.map((r) => r.row)).toEqual([legal.row]);
    expect(priced.leastCost).toBe(relaxed.costAt(0));
    expect(priced.leastCost).toBeLessThan(legal.cost);
    expect(priceRostersUntil(indexed, 0, cellCost, 3, legal.cost, Infinity)).toEqual({ rosters: [], leastCost: relaxed.costAt(0) });
    expect(priceRostersUntil(indexed, 0, cellCost, 3, Infinity, performance.now() - 1)).toBeNull();
  });
});
