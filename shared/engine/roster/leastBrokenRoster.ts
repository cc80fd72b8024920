/**
 * A roster for an employee whose own rules no roster can meet (say, a shift locked onto a day off, or more
 * minutes required than the days off allow). Groups of rules are given up — one group alone first, then more
 * and more together — until a roster exists; evaluateRoster then names exactly which rules it breaks.
 */
import { indexProblem, type IndexedProblem } from './indexedProblem';
import { cheapestRosters } from './employeeDp';
import type { RosterEmployee } from './types';

type Relaxation = { rules: (days: number) => Partial<RosterEmployee>; dropCannotFollow?: boolean };

const RELAXATIONS: Relaxation[] = [
  { rules: () => ({ minTotalMinutes: 0 }) },
  { rules: () => ({ minConsecutiveShifts: 1, minConsecutiveDaysOff: 1 }) },
  { rules: (days) => ({ maxConsecutiveShifts: days, maxWeekends: days, maxTotalMinutes: Number.MAX_SAFE_INTEGER, maxShifts: {} }) },
  { rules: () => ({ daysOff: [] }), dropCannotFollow: true },
];

/** Each group alone, then the first two, three, … together; the last attempt keeps only the locks, which always fit. */
const ATTEMPTS: Relaxation[][] = [...RELAXATIONS.map((r) => [r]), ...RELAXATIONS.slice(1).map((_, i) => RELAXATIONS.slice(0, i + 2))];

export function leastBrokenRoster(indexed: IndexedProblem, e: number, cellCost: number[][]): number[] {
  const { problem } = indexed;
  for (const attempt of ATTEMPTS) {
    const employee = attempt.reduce((rules, relaxation) => ({ ...rules, ...relaxation.rules(problem.days) }), problem.employees[e]);
    const shiftTypes = attempt.some((r) => r.dropCannotFollow) ? problem.shiftTypes.map((s) => ({ ...s, cannotFollow: [] })) : problem.shiftTypes;
    const alone = indexProblem({ ...problem, shiftTypes, employees: [employee], shiftOnRequests: [], shiftOffRequests: [], cover: [] });
    const [roster] = cheapestRosters(alone, 0, cellCost);
    if (roster) return roster.row;
  }
  throw new Error(`no roster meets the locks of employee "${problem.employees[e].id}"`);
}
