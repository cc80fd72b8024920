/**
 * Checks a RosterProblem's references and turns it into dense arrays indexed by employee, day and shift type, so
 * the evaluator, the heuristic and the MIP builder share one reading of the rules and never look up ids in loops.
 */
import type { RosterProblem } from './types';

export class RosterProblemError extends Error {
  override name = 'RosterProblemError';
}

/** A weekday index (0 = Monday) is Saturday or Sunday when it is 5 or 6. */
const SATURDAY = 5;

export type IndexedProblem = {
  problem: RosterProblem;
  employeeCount: number;
  dayCount: number;
  shiftCount: number;
  shiftIds: string[];
  shiftIndexById: Map<string, number>;
  employeeIndexById: Map<string, number>;
  shiftMinutes: number[];
  /** `forbiddenNext[t][u]`: shift u may not be worked the day after shift t. */
  forbiddenNext: boolean[][];
  /** `maxShifts[e][t]`, Infinity when the employee has no limit for that type. */
  maxShifts: number[][];
  /** `isDayOff[e][d]`: a listed day off. */
  isDayOff: boolean[][];
  /** `locked[e][d]`: a shift index, OFF for a day locked off, or FREE. */
  locked: number[][];
  /** `onWeight[e][d][t]`: penalty when shift t is NOT worked that day (summed over duplicate requests). */
  onWeight: number[][][];
  /** `offWeight[e][d][t]`: penalty when shift t IS worked that day. */
  offWeight: number[][][];
  /** Sum of all shift-on weights: the request penalty of a roster that grants none of them. */
  totalOnWeight: number;
  /** `coverRequirement[d][t]` etc.; both weights 0 where the problem states no cover. */
  coverRequirement: number[][];
  underWeight: number[][];
  overWeight: number[][];
  /** `weekendOfDay[d]`: index of the weekend containing day d, or -1 on weekdays. */
  weekendOfDay: number[];
  weekendCount: number;
};

export const OFF = -1;
export const FREE = -2;

/** Whether employee `e` may work shift `t` on day `d` at all: not a listed day off, a type they may work, no other lock. */
export function mayWork(indexed: IndexedProblem, e: number, d: number, t: number): boolean {
  const lock = indexed.locked[e][d];
  return !indexed.isDayOff[e][d] && indexed.maxShifts[e][t] > 0 && (lock === FREE || lock === t);
}

export function indexProblem(problem: RosterProblem): IndexedProblem {
  const dayCount = problem.days;
  if (!Number.isInteger(dayCount) || dayCount < 1) throw new RosterProblemError(`days must be a positive integer, got ${dayCount}`);
  const startWeekday = problem.startWeekday ?? 0;
  if (!Number.isInteger(startWeekday) || startWeekday < 0 || startWeekday > 6) {
    throw new RosterProblemError(`startWeekday must be 0 (Monday) to 6 (Sunday), got ${startWeekday}`);
  }

  const shiftIds = problem.shiftTypes.map((s) => s.id);
  const shiftIndexById = uniqueIndex(shiftIds, 'shift type');
  const shiftCount = shiftIds.length;
  const shiftIndex = (id: string, where: string): number => {
    const t = shiftIndexById.get(id);
    if (t === undefined) throw new RosterProblemError(`${where}: unknown shift type "${id}"`);
    return t;
  };
  // Weights are penalties: a negative one would turn a rule into a reward and void the zero lower bound.
  const checkWeight = (weight: number, where: string): void => {
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RosterProblemError(`${where}: weight must be a finite number ≥ 0, got ${weight}`);
  };
  const checkDay = (day: number, where: string): void => {
    if (!Number.isInteger(day) || day < 0 || day >= dayCount) {
      throw new RosterProblemError(`${where}: day ${day} is outside the horizon 0–${dayCount - 1}`);
    }
  };

  const forbiddenNext = problem.shiftTypes.map(() => new Array<boolean>(shiftCount).fill(false));
  problem.shiftTypes.forEach((shift, t) => {
    if (!Number.isInteger(shift.minutes) || shift.minutes < 0) throw new RosterProblemError(`shift type "${shift.id}": minutes must be a whole number ≥ 0`);
    for (const next of shift.cannotFollow) forbiddenNext[t][shiftIndex(next, `shift type "${shift.id}" cannotFollow`)] = true;
  });

  const employeeIndexById = uniqueIndex(problem.employees.map((e) => e.id), 'employee');
  const employeeCount = problem.employees.length;
  const maxShifts = problem.employees.map((employee) => {
    const limits = new Array<number>(shiftCount).fill(Infinity);
    for (const [id, limit] of Object.entries(employee.maxShifts)) {
      limits[shiftIndex(id, `employee "${employee.id}" maxShifts`)] = limit;
    }
    return limits;
  });
  const isDayOff = problem.employees.map((employee) => {
    const off = new Array<boolean>(dayCount).fill(false);
    for (const day of employee.daysOff) {
      checkDay(day, `employee "${employee.id}" daysOff`);
      off[day] = true;
    }
    return off;
  });
  const locked = problem.employees.map((employee) => {
    const cells = new Array<number>(dayCount).fill(FREE);
    for (const lock of employee.fixed ?? []) {
      const where = `employee "${employee.id}" fixed`;
      checkDay(lock.day, where);
      const value = lock.shift === null ? OFF : shiftIndex(lock.shift, where);
      if (cells[lock.day] !== FREE && cells[lock.day] !== value) {
        throw new RosterProblemError(`${where}: day ${lock.day} is locked twice to different values`);
      }
      cells[lock.day] = value;
    }
    return cells;
  });

  const emptyGrid = () => problem.employees.map(() => Array.from({ length: dayCount }, () => new Array<number>(shiftCount).fill(0)));
  const onWeight = emptyGrid();
  const offWeight = emptyGrid();
  let totalOnWeight = 0;
  const addRequests = (requests: RosterProblem['shiftOnRequests'], into: number[][][], kind: string) => {
    requests.forEach((request, i) => {
      const where = `${kind} request ${i + 1}`;
      const e = employeeIndexById.get(request.employee);
      if (e === undefined) throw new RosterProblemError(`${where}: unknown employee "${request.employee}"`);
      checkDay(request.day, where);
      checkWeight(request.weight, where);
      into[e][request.day][shiftIndex(request.shift, where)] += request.weight;
    });
  };
  addRequests(problem.shiftOnRequests, onWeight, 'shift-on');
  addRequests(problem.shiftOffRequests, offWeight, 'shift-off');
  for (const request of problem.shiftOnRequests) totalOnWeight += request.weight;

  const dayByShift = () => Array.from({ length: dayCount }, () => new Array<number>(shiftCount).fill(0));
  const coverRequirement = dayByShift();
  const underWeight = dayByShift();
  const overWeight = dayByShift();
  const seenCover = new Set<string>();
  problem.cover.forEach((cover, i) => {
    const where = `cover ${i + 1}`;
    checkDay(cover.day, where);
    const t = shiftIndex(cover.shift, where);
    checkWeight(cover.underWeight, `${where} underWeight`);
    checkWeight(cover.overWeight, `${where} overWeight`);
    if (!Number.isInteger(cover.requirement) || cover.requirement < 0) throw new RosterProblemError(`${where}: requirement must be a whole number ≥ 0`);
    const key = `${cover.day}/${t}`;
    if (seenCover.has(key)) throw new RosterProblemError(`${where}: day ${cover.day} shift "${cover.shift}" is given twice`);
    seenCover.add(key);
    coverRequirement[cover.day][t] = cover.requirement;
    underWeight[cover.day][t] = cover.underWeight;
    overWeight[cover.day][t] = cover.overWeight;
  });

  // Saturday and Sunday of one calendar week share a weekend index, including a lone Sunday at the start.
  const weekendOfDay: number[] = [];
  const weekendIds = new Map<number, number>();
  for (let d = 0; d < dayCount; d++) {
    const absolute = startWeekday + d;
    if (absolute % 7 < SATURDAY) {
      weekendOfDay.push(-1);
      continue;
    }
    const week = Math.floor(absolute / 7);
    if (!weekendIds.has(week)) weekendIds.set(week, weekendIds.size);
    weekendOfDay.push(weekendIds.get(week)!);
  }

  return {
    problem,
    employeeCount,
    dayCount,
    shiftCount,
    shiftIds,
    shiftIndexById,
    employeeIndexById,
    shiftMinutes: problem.shiftTypes.map((s) => s.minutes),
    forbiddenNext,
    maxShifts,
    isDayOff,
    locked,
    onWeight,
    offWeight,
    totalOnWeight,
    coverRequirement,
    underWeight,
    overWeight,
    weekendOfDay,
    weekendCount: weekendIds.size,
  };
}

function uniqueIndex(ids: string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === '') throw new RosterProblemError(`${what} ${i + 1} has an empty id`);
    if (index.has(id)) throw new RosterProblemError(`${what} id "${id}" appears twice`);
    index.set(id, i);
  });
  return index;
}

/** Every weight is a whole number, so any roster's objective is whole and a bound can be rounded up. */
export function hasWholeWeights(indexed: IndexedProblem): boolean {
  const whole = (grid: number[][]) => grid.every((row) => row.every(Number.isInteger));
  return (
    whole(indexed.underWeight) &&
    whole(indexed.overWeight) &&
    indexed.onWeight.every(whole) &&
    indexed.offWeight.every(whole) &&
    Number.isInteger(indexed.totalOnWeight)
  );
}
