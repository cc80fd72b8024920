/**
 * The problem left for some employees when everyone else's roster is fixed: the fixed employees are removed with
 * their requests, and the cover they give is taken off the requirements. Excess beyond a requirement they already
 * meet is still penalised for the rest, so any roster of the freed employees scores exactly the full objective
 * minus a constant. Used to set aside employees without a legal roster (solve.ts) and to re-solve a neighbourhood
 * exactly (neighbourhoodSearch.ts), where some days of a freed employee may stay locked to their current shift.
 */
import { OFF, type IndexedProblem } from './indexedProblem';
import type { Cells } from './evaluate';
import type { LockedAssignment, RosterProblem } from './types';

export type Restriction = {
  /** Employees (problem indexes) whose rosters are re-optimised; every other one keeps `cells[e]`. */
  free: number[];
  /** The current roster of every employee. */
  cells: Cells;
  /** Days a freed employee keeps its current shift on (e.g. outside a window of days); none when omitted. */
  keepsDay?: (day: number) => boolean;
};

export function restrictedProblem(indexed: IndexedProblem, restriction: Restriction): RosterProblem {
  const { problem } = indexed;
  const { free, cells, keepsDay } = restriction;
  const isFree = new Array<boolean>(indexed.employeeCount).fill(false);
  free.forEach((e) => (isFree[e] = true));
  const given = Array.from({ length: indexed.dayCount }, () => new Array<number>(indexed.shiftCount).fill(0));
  cells.forEach((row, e) => {
    if (!isFree[e]) row.forEach((t, d) => t >= 0 && given[d][t]++);
  });
  const freeIds = new Set(free.map((e) => problem.employees[e].id));
  return {
    ...problem,
    employees: free.map((e) => {
      const employee = problem.employees[e];
      if (!keepsDay) return employee;
      const kept: LockedAssignment[] = [];
      cells[e].forEach((t, day) => {
        if (keepsDay(day)) kept.push({ day, shift: t === OFF ? null : indexed.shiftIds[t] });
      });
      return { ...employee, fixed: [...(employee.fixed ?? []).filter((lock) => !keepsDay(lock.day)), ...kept] };
    }),
    shiftOnRequests: problem.shiftOnRequests.filter((request) => freeIds.has(request.employee)),
    shiftOffRequests: problem.shiftOffRequests.filter((request) => freeIds.has(request.employee)),
    cover: problem.cover.map((cover) => {
      const t = indexed.shiftIndexById.get(cover.shift)!;
      return { ...cover, requirement: Math.max(0, cover.requirement - given[cover.day][t]) };
    }),
  };
}
