/** Small hand-made rostering problems and a compact way to write rosters: one string per employee, `.` = off. */
import type { RosterAssignment, RosterEmployee, RosterProblem, ShiftType } from '../../../shared/engine/roster';

export const employee = (id: string, rules: Partial<RosterEmployee> = {}): RosterEmployee => ({
  id,
  maxShifts: {},
  maxTotalMinutes: 10_000,
  minTotalMinutes: 0,
  maxConsecutiveShifts: 5,
  minConsecutiveShifts: 1,
  minConsecutiveDaysOff: 1,
  maxWeekends: 2,
  daysOff: [],
  ...rules,
});

/** Two shift types, early E and late L, where no early may follow a late; 14 days from a Monday. */
export const twoShiftProblem = (employees: RosterEmployee[], extra: Partial<RosterProblem> = {}): RosterProblem => ({
  days: 14,
  shiftTypes: [
    { id: 'E', minutes: 480, cannotFollow: [] },
    { id: 'L', minutes: 480, cannotFollow: ['E'] },
  ],
  employees,
  shiftOnRequests: [],
  shiftOffRequests: [],
  cover: [],
  ...extra,
});

/** Early, late and a longer night shift; no early or late may follow a night, no early a late. */
export const earlyLateNight: ShiftType[] = [
  { id: 'E', minutes: 480, cannotFollow: [] },
  { id: 'L', minutes: 480, cannotFollow: ['E'] },
  { id: 'N', minutes: 600, cannotFollow: ['E', 'L'] },
];

export const roster = (...rows: string[]): RosterAssignment => rows.map((row) => [...row].map((c) => (c === '.' ? null : c)));
