/**
 * What keeps the neighbourhood search's steps cheap on large teams: MIP models restricted to the cells that could
 * help, and descents from a legal roster that only take strictly cheaper rosters.
 */
import { describe, expect, it } from 'vitest';
import { indexProblem, mayWork, OFF } from '../../../shared/engine/roster/indexedProblem';
import { buildMipModel } from '../../../shared/engine/roster/mipModel';
import { helpfulCells } from '../../../shared/engine/roster/neighbourhoodSearch';
import { descend } from '../../../shared/engine/roster/bestResponse';
import { evaluateCells } from '../../../shared/engine/roster/evaluate';
import { seededRandom } from '../../../shared/random/seeded';
import { employee, twoShiftProblem } from './rosterFixtures';

const E = 0;
const L = 1;

describe('buildMipModel with allowsCell', () => {
  it('leaves out exactly the refused free cells and keeps locked ones', () => {
    const problem = twoShiftProblem([employee('A'), employee('B', { fixed: [{ day: 3, shift: 'L' }] })]);
    const indexed = indexProblem(problem);
    const full = buildMipModel(indexed);
    const earlyOnly = buildMipModel(indexed, (_e, _d, t) => t === E);
    // 14 days × 2 employees of late shifts refused, except B's locked late on day 3.
    expect(full.data.numCols - earlyOnly.data.numCols).toBe(2 * 14 - 1);
    const rows = [new Array<number>(14).fill(OFF), new Array<number>(14).fill(OFF)];
    rows[0][5] = L;
    rows[1][3] = L;
    // A's late on day 5 has no column, so it cannot be represented; B's locked one can.
    expect(earlyOnly.cellsOf(earlyOnly.columnsOf(rows))).toEqual([new Array<number>(14).fill(OFF), rows[1]]);
  });
});

describe('mayWork', () => {
  it('refuses a listed day off, a type the employee may not work and a day locked to another shift or off', () => {
    const indexed = indexProblem(
      twoShiftProblem([
        employee('A', { daysOff: [2], maxShifts: { L: 0 }, fixed: [{ day: 4, shift: 'E' }, { day: 5, shift: null }] }),
      ]),
    );
    expect(mayWork(indexed, 0, 0, E)).toBe(true);
    expect(mayWork(indexed, 0, 0, L)).toBe(false);
    expect(mayWork(indexed, 0, 2, E)).toBe(false);
    expect(mayWork(indexed, 0, 4, E)).toBe(true);
    expect(mayWork(indexed, 0, 5, E)).toBe(false);
  });
});

describe('helpfulCells', () => {
  it('allows the freed employees’ own shifts, shifts short of cover and requested shifts, and nothing else', () => {
    const problem = twoShiftProblem([employee('A'), employee('B'), employee('C')], {
      days: 7,
      cover: [
        { day: 0, shift: 'E', requirement: 1, underWeight: 100, overWeight: 1 },
        { day: 0, shift: 'L', requirement: 2, underWeight: 100, overWeight: 1 },
      ],
      shiftOnRequests: [{ employee: 'C', day: 1, shift: 'L', weight: 3 }],
    });
    const indexed = indexProblem(problem);
    const off = () => new Array<number>(7).fill(OFF);
    const cells = [off(), off(), off()];
    cells[0][0] = E; // A covers day 0's early exactly; day 0's late is short by two.
    cells[1][1] = E; // B works an early on day 1, where nothing is required.
    const allows = helpfulCells(indexed, cells, [1, 2]);
    // Day 0: the early is met by A (not freed), so it is not offered; the short late is.
    expect(allows(0, 0, E)).toBe(false);
    expect(allows(0, 0, L)).toBe(true);
    // Day 1: B's early is offered to both freed employees (so they can swap it); C's requested late only to C.
    expect(allows(0, 1, E)).toBe(true);
    expect(allows(1, 1, E)).toBe(true);
    expect(allows(0, 1, L)).toBe(false);
    expect(allows(1, 1, L)).toBe(true);
    expect(allows(1, 2, E)).toBe(false);
  });
});

describe('descend', () => {
  it('keeps a legal roster that no employee can improve on, rather than swapping in an equally cheap one', () => {
    // Nothing is required or requested, so every legal roster costs 0: a descent has nothing to gain.
    const problem = twoShiftProblem([employee('A', { minTotalMinutes: 480 * 4 }), employee('B')]);
    const indexed = indexProblem(problem);
    const row = (pattern: string) => [...pattern].map((c) => (c === '.' ? OFF : c === 'E' ? E : L));
    const start = [row('EEEE..........'), row('.....LL.......')];
    expect(evaluateCells(indexed, start).hardViolations).toEqual([]);
    const result = descend(indexed, start.map((r) => r.slice()), { deadline: Infinity, shouldStop: () => false, random: seededRandom(3) });
    expect(result).toEqual(start);
  });

  it('replaces a row that breaks its employee’s rules by a legal one', () => {
    const problem = twoShiftProblem([employee('A', { minTotalMinutes: 480 * 4 })]);
    const indexed = indexProblem(problem);
    const result = descend(indexed, [new Array<number>(14).fill(OFF)], { deadline: Infinity, shouldStop: () => false, random: seededRandom(3) });
    expect(evaluateCells(indexed, result).hardViolations).toEqual([]);
  });
});
