/**
 * A roster for an employee whose own rules no roster can meet (say, a lock that breaks them, or more minutes
 * required than the days off allow). The rules are given up in stages, least important last, until a roster
 * exists; evaluateRoster then names exactly which rules it breaks.
 */
import { indexProblem, type IndexedProblem } from './indexed-problem';
import { cheapestRosters } from './employee-dp';
import type { RosterEmployee } from './types';

const RELAXATIONS: ((days: number) => Partial<RosterEmployee>)[] = [
  () => ({ minTotalMinutes: 0 }),
  () => ({ minConsecutiveShifts: 1, minConsecutiveDaysOff: 1 }),
  (days) => ({ maxConsecutiveShifts: days, maxWeekends: days, maxTotalMinutes: Number.MAX_SAFE_INTEGER, maxShifts: {} }),
  // Only the locks are left, and they can always be met.
  () => ({ daysOff: [] }),
];

export function leastBrokenRoster(indexed: IndexedProblem, e: number, cellCost: number[][]): number[] {
  const { problem } = indexed;
  let employee = problem.employees[e];
  for (const [stage, relax] of RELAXATIONS.entries()) {
    employee = { ...employee, ...relax(problem.days) };
    const shiftTypes = stage === RELAXATIONS.length - 1 ? problem.shiftTypes.map((s) => ({ ...s, cannotFollow: [] })) : problem.shiftTypes;
    const alone = indexProblem({ ...problem, shiftTypes, employees: [employee], shiftOnRequests: [], shiftOffRequests: [], cover: [] });
    const [roster] = cheapestRosters(alone, 0, cellCost);
    if (roster) return roster.row;
  }
  throw new Error(`no roster meets the locks of employee "${employee.id}"`);
}
