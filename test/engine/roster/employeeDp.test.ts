import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells } from '../../../shared/engine/roster/evaluate';
import { cheapestRosters } from '../../../shared/engine/roster/employeeDp';
import type { RosterProblem } from '../../../shared/engine/roster';

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

        let cheapest = Infinity;
        const row = new Array<number>(DAYS);
        const enumerate = (d: number) => {
          if (d === DAYS) {
            if (evaluateCells(indexed, [row]).hardViolations.length === 0) cheapest = Math.min(cheapest, costOf(row));
            return;
          }
          for (const t of [OFF, 0, 1]) {
            row[d] = t;
            enumerate(d + 1);
          }
        };
        enumerate(0);

        const found = cheapestRosters(indexed, 0, p.costs, 3);
        if (cheapest === Infinity) {
          expect(found).toEqual([]);
          return;
        }
        expect(found[0].cost).toBe(cheapest);
        for (const roster of found) {
          expect(evaluateCells(indexed, [roster.row]).hardViolations).toEqual([]);
          expect(costOf(roster.row)).toBe(roster.cost);
        }
        expect(found.map((r) => r.cost)).toEqual([...found.map((r) => r.cost)].sort((a, b) => a - b));

        // With a ceiling (as pricing uses it): the cheapest roster when it is below the ceiling, none otherwise.
        for (const ceiling of [cheapest, cheapest + 0.5, cheapest - 0.5]) {
          const below = cheapestRosters(indexed, 0, p.costs, 3, ceiling);
          if (cheapest < ceiling) expect(below[0].cost).toBe(cheapest);
          else expect(below).toEqual([]);
          for (const roster of below) expect(roster.cost).toBeLessThan(ceiling);
        }
      }),
      { numRuns: 60 },
    );
  });
});
