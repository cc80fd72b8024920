import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CurtoisFormatError, formatRosterCsv, parseCurtois } from '../../../shared/engine/roster';
import { roster, twoShiftProblem, employee } from './rosterFixtures';

const instanceText = (n: number) => readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8');

const MINIMAL = `SECTION_HORIZON
7

SECTION_SHIFTS
E,480,
L,480,E

SECTION_STAFF
A,E=7|L=2,2400,960,5,1,1,1

SECTION_DAYS_OFF
A,3

SECTION_SHIFT_ON_REQUESTS
A,0,E,2

SECTION_SHIFT_OFF_REQUESTS
A,1,L,3

SECTION_COVER
0,E,1,100,1
`;

/** Replaces line `lineNo` (1-based) of the minimal instance. */
const withLine = (lineNo: number, text: string) => MINIMAL.split('\n').map((line, i) => (i === lineNo - 1 ? text : line)).join('\n');

const errorOf = (text: string) => {
  try {
    parseCurtois(text);
  } catch (error) {
    return error as CurtoisFormatError;
  }
  throw new Error('expected a CurtoisFormatError');
};

describe('parseCurtois', () => {
  it('reads every section of a benchmark instance', () => {
    const problem = parseCurtois(instanceText(1));
    expect(problem.days).toBe(14);
    expect(problem.startWeekday).toBe(0);
    expect(problem.shiftTypes).toEqual([{ id: 'D', minutes: 480, cannotFollow: [] }]);
    expect(problem.employees).toHaveLength(8);
    expect(problem.employees[0]).toEqual({
      id: 'A',
      maxShifts: { D: 14 },
      maxTotalMinutes: 4320,
      minTotalMinutes: 3360,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      daysOff: [0],
    });
    expect(problem.shiftOnRequests).toHaveLength(21);
    expect(problem.shiftOffRequests[0]).toEqual({ employee: 'C', day: 12, shift: 'D', weight: 1 });
    expect(problem.cover[1]).toEqual({ day: 1, shift: 'D', requirement: 7, underWeight: 100, overWeight: 1 });
  });

  it('reads cannot-follow lists and per-type limits', () => {
    const problem = parseCurtois(instanceText(3));
    expect(problem.shiftTypes.map((s) => [s.id, s.cannotFollow])).toEqual([
      ['E', []],
      ['D', ['E']],
      ['L', ['E', 'D']],
    ]);
    expect(parseCurtois(instanceText(2)).employees[3].maxShifts).toEqual({ E: 14, L: 0 });
  });

  it('accepts Windows line endings', () => {
    expect(parseCurtois(MINIMAL.replace(/\n/g, '\r\n'))).toEqual(parseCurtois(MINIMAL));
  });

  it.each([
    [withLine(2, 'seven'), 2, 'number of days must be a whole number, got "seven"'],
    [withLine(5, 'E,480'), 5, 'expected 3 fields'],
    [withLine(5, 'L,480,'), 6, 'shift type "L" is declared twice'],
    [withLine(6, 'L,480,X'), 6, 'cannot-follow names unknown shift type "X"'],
    [withLine(9, 'A,E=7|N=2,2400,960,5,1,1,1'), 9, 'unknown shift type "N"'],
    [withLine(9, 'A,E7,2400,960,5,1,1,1'), 9, 'MaxShifts entry "E7" must look like ShiftID=number'],
    [withLine(9, 'A,E=7,2400,960,5,1,1'), 9, 'expected 8 fields'],
    [withLine(12, 'B,3'), 12, 'unknown employee "B"'],
    [withLine(12, 'A,7'), 12, 'day 7 is outside the horizon 0–6'],
    [withLine(15, 'A,0,E'), 15, 'expected 4 fields'],
    [withLine(18, 'A,1,L,-3'), 18, 'weight must be at least 0, got -3'],
    [withLine(21, '0,E,1,100'), 21, 'expected 5 fields'],
    [withLine(20, 'SECTION_COVERAGE'), 20, 'unknown section "SECTION_COVERAGE"'],
    [`7\n${MINIMAL}`, 1, 'data before the first SECTION_ header'],
    [`${MINIMAL}0,E,2,100,1\n`, 22, 'cover for day 0 shift E is given twice'],
  ])('reports bad input with its line number (%#)', (text, line, message) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(CurtoisFormatError);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`line ${line}: `);
    expect(error.message).toContain(message);
  });

  it('reports missing or misplaced required sections', () => {
    expect(errorOf('SECTION_HORIZON\n7\n').message).toBe('missing SECTION_SHIFTS');
    expect(errorOf('SECTION_SHIFTS\nE,480,\n').message).toBe('line 1: SECTION_SHIFTS must come after SECTION_HORIZON');
  });
});

describe('formatRosterCsv', () => {
  it('writes one employee,day,shift row per worked day under a header', () => {
    const problem = twoShiftProblem([employee('A'), employee('B')]);
    expect(formatRosterCsv(problem, roster('E.L...........', '.............L'))).toBe('employee,day,shift\nA,0,E\nA,2,L\nB,13,L\n');
  });
});
