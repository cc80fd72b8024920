/**
 * Scores a roster by the benchmark objective and lists every hard rule it breaks, in words the app can show next to
 * the shift (which employee, which rule, which days).
 */
import { indexProblem, OFF, FREE, type IndexedProblem } from './indexedProblem';
import type { HardViolation, ObjectiveBreakdown, RosterAssignment, RosterEvaluation, RosterProblem } from './types';

/** A cell holding a shift id the problem does not define; it counts as a worked day of zero minutes. */
export const UNKNOWN_SHIFT = -3;

/** Shift indexes per employee per day, OFF for a day off: the numeric form every stage of the solver works on. */
export type Cells = number[][];

export function evaluateRoster(problem: RosterProblem, assignment: RosterAssignment): RosterEvaluation {
  const indexed = indexProblem(problem);
  const { cells, unknown } = toCells(indexed, assignment);
  const evaluation = evaluateCells(indexed, cells);
  return { ...evaluation, hardViolations: [...unknown, ...evaluation.hardViolations] };
}

export function toCells(indexed: IndexedProblem, assignment: RosterAssignment): { cells: Cells; unknown: HardViolation[] } {
  if (assignment.length !== indexed.employeeCount) {
    throw new RangeError(`roster has ${assignment.length} employees, the problem ${indexed.employeeCount}`);
  }
  const unknown: HardViolation[] = [];
  const cells = assignment.map((row, e) => {
    const employee = indexed.problem.employees[e].id;
    if (row.length !== indexed.dayCount) {
      throw new RangeError(`roster row of "${employee}" has ${row.length} days, the horizon ${indexed.dayCount}`);
    }
    return row.map((shift, d) => {
      if (shift === null) return OFF;
      const t = indexed.shiftIndexById.get(shift);
      if (t !== undefined) return t;
      unknown.push({ employee, rule: 'unknown-shift', days: [d], message: `${employee} works shift "${shift}" on day ${d}, which is not a shift type` });
      return UNKNOWN_SHIFT;
    });
  });
  return { cells, unknown };
}

export function toAssignment(indexed: IndexedProblem, cells: Cells): RosterAssignment {
  return cells.map((row) => row.map((t) => (t >= 0 ? indexed.shiftIds[t] : null)));
}

export function evaluateCells(indexed: IndexedProblem, cells: Cells): RosterEvaluation {
  const hardViolations: HardViolation[] = [];
  for (let e = 0; e < indexed.employeeCount; e++) hardViolations.push(...employeeViolations(indexed, e, cells[e]));
  return { objective: objectiveOf(indexed, cells), hardViolations };
}

/** How many employees work each shift on each day: `counts[day][shift]`. */
export function coverCounts(indexed: IndexedProblem, cells: Cells): number[][] {
  const counts = Array.from({ length: indexed.dayCount }, () => new Array<number>(indexed.shiftCount).fill(0));
  for (const row of cells) row.forEach((t, d) => t >= 0 && counts[d][t]++);
  return counts;
}

export function objectiveOf(indexed: IndexedProblem, cells: Cells): ObjectiveBreakdown {
  let requests = indexed.totalOnWeight;
  cells.forEach((row, e) => row.forEach((t, d) => t >= 0 && (requests += indexed.offWeight[e][d][t] - indexed.onWeight[e][d][t])));
  let under = 0;
  let over = 0;
  coverCounts(indexed, cells).forEach((counts, d) =>
    counts.forEach((count, t) => {
      const shortage = indexed.coverRequirement[d][t] - count;
      if (shortage > 0) under += shortage * indexed.underWeight[d][t];
      else over += -shortage * indexed.overWeight[d][t];
    }),
  );
  return { requests, under, over, total: requests + under + over };
}

/** The rules employee `e`'s row breaks (hard rules are each about one employee, so rows can be judged alone). */
export function employeeViolations(indexed: IndexedProblem, e: number, row: number[]): HardViolation[] {
  const rules = indexed.problem.employees[e];
  const who = rules.id;
  const violations: HardViolation[] = [];
  const add = (rule: HardViolation['rule'], days: number[], message: string) => violations.push({ employee: who, rule, days, message });
  const shiftName = (t: number) => indexed.shiftIds[t];
  const works = (t: number) => t !== OFF;

  row.forEach((t, d) => {
    if (works(t) && indexed.isDayOff[e][d]) add('day-off', [d], `${who} works on day ${d}, a requested day off`);
    const lock = indexed.locked[e][d];
    if (lock !== FREE && lock !== t) {
      const wanted = lock === OFF ? 'off' : `on ${shiftName(lock)}`;
      const actual = works(t) ? `works ${t >= 0 ? shiftName(t) : 'an unknown shift'}` : 'is off';
      add('locked-assignment', [d], `${who} is locked ${wanted} on day ${d} but ${actual}`);
    }
    const next = row[d + 1];
    if (t >= 0 && next !== undefined && next >= 0 && indexed.forbiddenNext[t][next]) {
      add('cannot-follow', [d, d + 1], `${who} works ${shiftName(next)} on day ${d + 1} after ${shiftName(t)} on day ${d}, which it cannot follow`);
    }
  });

  for (let t = 0; t < indexed.shiftCount; t++) {
    const days = daysWhere(row, (s) => s === t);
    const limit = indexed.maxShifts[e][t];
    if (days.length > limit) add('max-shifts', days, `${who} works ${days.length} ${shiftName(t)} shifts (at most ${limit})`);
  }

  const workedDays = daysWhere(row, works);
  const minutes = row.reduce((sum, t) => sum + (t >= 0 ? indexed.shiftMinutes[t] : 0), 0);
  if (minutes > rules.maxTotalMinutes) add('max-total-minutes', workedDays, `${who} works ${minutes} minutes (at most ${rules.maxTotalMinutes})`);
  if (minutes < rules.minTotalMinutes) add('min-total-minutes', workedDays, `${who} works ${minutes} minutes (at least ${rules.minTotalMinutes})`);

  for (const run of runs(row)) {
    const days = range(run.first, run.last);
    const touchesEdge = run.first === 0 || run.last === indexed.dayCount - 1;
    if (run.working && days.length > rules.maxConsecutiveShifts) {
      add('max-consecutive-shifts', days, `${who} works ${days.length} days in a row, ${dayList(days)} (at most ${rules.maxConsecutiveShifts})`);
    }
    // A run touching the horizon edge may continue into the neighbouring period, so the minimums skip it.
    if (run.working && !touchesEdge && days.length < rules.minConsecutiveShifts) {
      const length = `${days.length} day${plural(days.length)}`;
      add('min-consecutive-shifts', days, `${who} works only ${length} in a row, ${dayList(days)} (at least ${rules.minConsecutiveShifts})`);
    }
    if (!run.working && !touchesEdge && days.length < rules.minConsecutiveDaysOff) {
      const length = `${days.length} day${plural(days.length)}`;
      add('min-consecutive-days-off', days, `${who} has only ${length} off in a row, ${dayList(days)} (at least ${rules.minConsecutiveDaysOff})`);
    }
  }

  const weekendDays = daysWhere(row, (t, d) => works(t) && indexed.weekendOfDay[d] >= 0);
  const weekendsWorked = new Set(weekendDays.map((d) => indexed.weekendOfDay[d])).size;
  if (weekendsWorked > rules.maxWeekends) add('max-weekends', weekendDays, `${who} works ${weekendsWorked} weekends (at most ${rules.maxWeekends})`);
  return violations;
}

type Run = { working: boolean; first: number; last: number };

/** Maximal stretches of consecutive working days and of consecutive days off. */
function runs(row: number[]): Run[] {
  const result: Run[] = [];
  row.forEach((t, d) => {
    const working = t !== OFF;
    const current = result[result.length - 1];
    if (current && current.working === working) current.last = d;
    else result.push({ working, first: d, last: d });
  });
  return result;
}

function daysWhere(row: number[], test: (t: number, d: number) => boolean): number[] {
  const days: number[] = [];
  row.forEach((t, d) => {
    if (test(t, d)) days.push(d);
  });
  return days;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function dayList(days: number[]): string {
  return days.length === 1 ? `day ${days[0]}` : `days ${days[0]}–${days[days.length - 1]}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
