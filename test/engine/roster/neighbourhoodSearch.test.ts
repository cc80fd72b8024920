import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCurtois } from '../../../shared/engine/roster';
import { indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells, objectiveOf, type Cells } from '../../../shared/engine/roster/evaluate';
import { restrictedProblem } from '../../../shared/engine/roster/restrictedProblem';
import { daysNearWeekends, neighbourhoodSearch } from '../../../shared/engine/roster/neighbourhoodSearch';
import { employee, twoShiftProblem } from './rosterFixtures';
import { bestResponseSearch } from '../../../shared/engine/roster/bestResponse';
import { seededRandom } from '../../../shared/random/seeded';
import { getHighs } from '../../../shared/engine/common/highsRuntime';

const instance = (n: number) => indexProblem(parseCurtois(readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8')));

describe('restrictedProblem', () => {
  it('scores any roster of the freed employees as the full objective minus one constant', () => {
    const indexed = instance(2);
    const { employeeCount: E, dayCount: D, shiftCount: T } = indexed;
    const row = fc.array(fc.integer({ min: OFF, max: T - 1 }), { minLength: D, maxLength: D });
    const cells = fc.array(row, { minLength: E, maxLength: E });
    fc.assert(
      fc.property(cells, row, row, fc.uniqueArray(fc.integer({ min: 0, max: E - 1 }), { minLength: 1, maxLength: 4 }), (fixed, a, b, free) => {
        const sub = indexProblem(restrictedProblem(indexed, { free, cells: fixed }));
        // Two different rosters of the freed employees, with everyone else as in `fixed`.
        const withRows = (rowsOfFree: number[][]): Cells => {
          const full = fixed.map((r) => r.slice());
          free.forEach((e, i) => (full[e] = rowsOfFree[i]));
          return full;
        };
        const first = free.map((_, i) => (i % 2 === 0 ? a : b));
        const second = free.map((_, i) => (i % 2 === 0 ? b : a));
        const constant = objectiveOf(indexed, withRows(first)).total - objectiveOf(sub, first).total;
        expect(objectiveOf(indexed, withRows(second)).total - objectiveOf(sub, second).total).toBeCloseTo(constant, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('locks the days outside a window to the current roster', () => {
    const indexed = instance(3);
    const cells = indexed.problem.employees.map((_, e) => Array.from({ length: indexed.dayCount }, (__, d) => ((e + d) % 3 === 0 ? OFF : (e + d) % indexed.shiftCount)));
    const sub = restrictedProblem(indexed, { free: [1, 4], cells, keepsDay: (d) => d < 3 || d >= 10 });
    const locks = sub.employees[1].fixed!.filter((lock) => lock.day === 11);
    const expected = cells[4][11] === OFF ? null : indexed.shiftIds[cells[4][11]];
    expect(locks).toEqual([{ day: 11, shift: expected }]);
    expect(sub.employees[0].fixed!.some((lock) => lock.day >= 3 && lock.day < 10)).toBe(false);
  });
});

describe('neighbourhoodSearch', () => {
  it('never makes a legal roster worse and keeps it legal, with a fixed amount of work', async () => {
    const highs = await getHighs();
    const indexed = instance(3);
    const random = seededRandom(7);
    const empty = indexed.problem.employees.map(() => new Array<number>(indexed.dayCount).fill(OFF));
    const start = bestResponseSearch(indexed, empty, { deadline: Infinity, shouldStop: () => false, random }, false);
    const startObjective = objectiveOf(indexed, start).total;
    const improved: number[] = [];
    const outcome = neighbourhoodSearch(highs, indexed, start, {
      deadline: Infinity,
      shouldStop: () => false,
      random,
      onImproved: (cells) => improved.push(objectiveOf(indexed, cells).total),
      integralObjective: true,
      target: 0,
      maxRounds: 8,
      nodeLimitPerRound: 1_000,
    });
    expect(outcome.rounds).toBe(8);
    expect(evaluateCells(indexed, outcome.cells).hardViolations).toEqual([]);
    const finalObjective = objectiveOf(indexed, outcome.cells).total;
    expect(finalObjective).toBeLessThanOrEqual(startObjective);
    // Every reported roster is strictly better than the one before.
    expect(improved).toEqual([...new Set(improved)].sort((x, y) => y - x));
    if (improved.length > 0) expect(improved[improved.length - 1]).toBe(finalObjective);
  });
});

describe('daysNearWeekends', () => {
  const freedDays = (startWeekday: number) =>
    daysNearWeekends(indexProblem(twoShiftProblem([employee('a')], { startWeekday })))
      .map((free, day) => (free ? day : -1))
      .filter((day) => day >= 0);

  it('frees every weekend day and the day on either side of it, within the horizon', () => {
    // Starting on a Monday: weekends on days 5–6 and 12–13, the second at the horizon's end.
    expect(freedDays(0)).toEqual([4, 5, 6, 7, 11, 12, 13]);
    // Starting on a Sunday: a weekend cut by the horizon's start (day 0), then days 6–7 and 13.
    expect(freedDays(6)).toEqual([0, 1, 5, 6, 7, 8, 12, 13]);
  });
});
