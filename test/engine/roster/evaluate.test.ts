import { describe, expect, it } from 'vitest';
import { evaluateRoster } from '../../../shared/engine/roster';
import type { HardRule } from '../../../shared/engine/roster';
import { employee, roster, twoShiftProblem } from './rosterFixtures';

/** The rule and days of every violation, for compact expectations. */
const violationsOf = (...args: Parameters<typeof evaluateRoster>) =>
  evaluateRoster(...args).hardViolations.map((v) => [v.employee, v.rule, v.days] as [string, HardRule, number[]]);

describe('evaluateRoster hard rules', () => {
  it('finds nothing wrong with a roster that keeps every rule', () => {
    const rules = { maxConsecutiveShifts: 4, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, daysOff: [7] };
    expect(violationsOf(twoShiftProblem([employee('A', rules)]), roster('EEEE....LL..EE'))).toEqual([]);
  });

  it('flags a shift that may not follow the previous day’s shift, naming both days', () => {
    const result = evaluateRoster(twoShiftProblem([employee('A')]), roster('.LE...........'));
    expect(result.hardViolations).toEqual([
      { employee: 'A', rule: 'cannot-follow', days: [1, 2], message: 'A works E on day 2 after L on day 1, which it cannot follow' },
    ]);
    expect(violationsOf(twoShiftProblem([employee('A')]), roster('.EL...........'))).toEqual([]);
  });

  it('flags too many days in a row, including a run that starts on day 0 (the day before is off)', () => {
    const problem = twoShiftProblem([employee('A', { maxConsecutiveShifts: 3 })]);
    expect(violationsOf(problem, roster('EEEE..........'))).toEqual([['A', 'max-consecutive-shifts', [0, 1, 2, 3]]]);
    expect(violationsOf(problem, roster('..........EEEE'))).toEqual([['A', 'max-consecutive-shifts', [10, 11, 12, 13]]]);
    expect(evaluateRoster(problem, roster('EEEE..........')).hardViolations[0].message).toBe('A works 4 days in a row, days 0–3 (at most 3)');
  });

  it('flags short working runs inside the horizon but not those touching either edge', () => {
    const problem = twoShiftProblem([employee('A', { minConsecutiveShifts: 3 })]);
    expect(violationsOf(problem, roster('...EE....E....'))).toEqual([
      ['A', 'min-consecutive-shifts', [3, 4]],
      ['A', 'min-consecutive-shifts', [9]],
    ]);
    expect(violationsOf(problem, roster('E............E'))).toEqual([]);
    expect(evaluateRoster(problem, roster('.........E....')).hardViolations[0].message).toBe('A works only 1 day in a row, day 9 (at least 3)');
  });

  it('flags short runs of days off inside the horizon but not those touching either edge', () => {
    const problem = twoShiftProblem([employee('A', { minConsecutiveDaysOff: 2, maxConsecutiveShifts: 14 })]);
    expect(violationsOf(problem, roster('EEE.EEEEE..EEE'))).toEqual([['A', 'min-consecutive-days-off', [3]]]);
    expect(violationsOf(problem, roster('.EEEEEEEEEEEE.'))).toEqual([]);
  });

  it('counts a weekend as worked when either its Saturday or its Sunday is', () => {
    const problem = twoShiftProblem([employee('A', { maxWeekends: 1 })]);
    expect(violationsOf(problem, roster('.....E.......L'))).toEqual([['A', 'max-weekends', [5, 13]]]);
    expect(violationsOf(problem, roster('.....EE.......'))).toEqual([]);
  });

  it('places weekends by the start weekday', () => {
    // Starting on a Saturday: days 0–1 and 7–8 are the weekends, days 5 and 6 are Thursday and Friday.
    const problem = twoShiftProblem([employee('A', { maxWeekends: 1 })], { startWeekday: 5 });
    expect(violationsOf(problem, roster('.E.....E......'))).toEqual([['A', 'max-weekends', [1, 7]]]);
    expect(violationsOf(problem, roster('.....EE.......'))).toEqual([]);
  });

  it('flags work on a day off, too many shifts of a type, and total minutes outside the limits', () => {
    const problem = twoShiftProblem([
      employee('A', { daysOff: [2] }),
      employee('B', { maxShifts: { L: 1 } }),
      employee('C', { minTotalMinutes: 3 * 480 }),
      employee('D', { maxTotalMinutes: 2 * 480 }),
    ]);
    expect(violationsOf(problem, roster('..E...........', 'L...L.........', 'E.............', 'E.E.E.........'))).toEqual([
      ['A', 'day-off', [2]],
      ['B', 'max-shifts', [0, 4]],
      ['C', 'min-total-minutes', [0]],
      ['D', 'max-total-minutes', [0, 2, 4]],
    ]);
  });

  it('flags a roster that departs from a locked assignment', () => {
    const problem = twoShiftProblem([
      employee('A', {
        fixed: [
          { day: 1, shift: 'E' },
          { day: 3, shift: null },
        ],
      }),
    ]);
    const result = evaluateRoster(problem, roster('.L.E..........'));
    expect(result.hardViolations.map((v) => v.message)).toEqual(['A is locked on E on day 1 but works L', 'A is locked off on day 3 but works E']);
    expect(violationsOf(problem, roster('.E............'))).toEqual([]);
  });

  it('flags a shift id the problem does not define, and rejects rosters of the wrong shape', () => {
    const problem = twoShiftProblem([employee('A')]);
    expect(violationsOf(problem, roster('..X...........'))).toEqual([['A', 'unknown-shift', [2]]]);
    expect(() => evaluateRoster(problem, roster('E'))).toThrow(RangeError);
    expect(() => evaluateRoster(problem, roster('..............', '..............'))).toThrow(RangeError);
  });
});

describe('evaluateRoster objective', () => {
  it('adds ungranted shift-on requests, granted shift-off requests, and weighted under- and over-cover', () => {
    const problem = twoShiftProblem([employee('A'), employee('B')], {
      shiftOnRequests: [
        { employee: 'A', day: 0, shift: 'E', weight: 3 },
        { employee: 'B', day: 0, shift: 'E', weight: 5 },
      ],
      shiftOffRequests: [{ employee: 'A', day: 1, shift: 'L', weight: 2 }],
      cover: [
        { day: 0, shift: 'E', requirement: 2, underWeight: 100, overWeight: 1 },
        { day: 1, shift: 'L', requirement: 0, underWeight: 100, overWeight: 7 },
      ],
    });
    // A works E on day 0 (granted) and L on day 1 (unwanted, and one over cover); B is off (E not granted, one short).
    expect(evaluateRoster(problem, roster('EL............', '..............')).objective).toEqual({ requests: 5 + 2, under: 100, over: 7, total: 114 });
  });
});
