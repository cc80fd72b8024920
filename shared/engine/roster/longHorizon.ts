/**
 * One employee's searches on long horizons, a few weeks at a time. A search over the whole horizon grows with the
 * square of its length (the minutes worked so far spread wider every day): on a 364-day problem with 120 staff and
 * 18 shift types it took 0.3–2 s per employee, 214 s for the team's first rosters against a 60 s limit, and a
 * descent of best responses could not finish one pass in the limit. A search over STEP_DAYS days with the rest of
 * the roster locked costs about what a four-week problem's search does (locked days cost one state a day).
 *
 * - legalRoster builds a legal roster step by step, from the first day on (rollingRoster);
 * - cheaperByWindows re-solves a legal roster one window at a time, the rest of it kept: a best response that is
 *   exact within each window.
 */
import { FREE, OFF, type IndexedProblem } from './indexedProblem';
import { cheaperRoster, rowCost, type EmployeeRoster } from './employeeDp';
import type { RosterEmployee } from './types';

/**
 * Days a step or window decides: four weeks, the horizon of the shortest benchmark rosters. Windows of 56 days were
 * no better on a 336-day tiling of instance 19 (31534 against 32375 at 60 s) and far worse on a 364-day tiling of
 * instance 13 with 120 staff (202075 against 123462): a pass over the team takes twice as long.
 */
export const STEP_DAYS = 28;
/**
 * Horizons longer than this are searched window by window in the descent (bestResponse.ts): sixteen weeks, past the
 * longest benchmark instance (84 days), whose whole-horizon searches take tens of milliseconds. Where they are that
 * cheap, windows lose: with windows from 56 days on, instance 19 (84 days) ended at 5465 and 5596 against 4572 and
 * 4605 (two seeds at 60 s), instance 18 at 4664 and 4671 against 4569 and 4764.
 */
export const LONG_HORIZON_DAYS = 112;

export function isLongHorizon(indexed: IndexedProblem): boolean {
  return indexed.dayCount > LONG_HORIZON_DAYS;
}

/**
 * A legal roster for employee `e` (the cheapest at `cellCost`, or a cheap one: see cheaperRoster), undefined when they
 * have none or the clock reached `deadline`. Built step by step on long horizons, and by one search over the whole
 * horizon where that fails or the horizon is short.
 */
export function legalRoster(indexed: IndexedProblem, e: number, cellCost: number[][], deadline: number): EmployeeRoster | undefined {
  return (isLongHorizon(indexed) ? rollingRoster(indexed, e, cellCost, deadline) : undefined) ?? cheaperRoster(indexed, e, cellCost, Infinity, deadline);
}

/**
 * A legal roster built STEP_DAYS at a time, or undefined when a step found none or the clock reached `deadline`.
 *
 * Each step searches its days exactly, with the days before it locked as chosen, under the employee's limits scaled
 * to the share of the horizon covered so far (the share of their working days for minutes and shift counts, of the
 * weekends for the weekend limit). The last step has the full limits and every step sees the days before it, so the
 * roster obeys every rule. It is not the cheapest roster (a step does not see the costs after it), and it fails where
 * the shares do not fit (say, a long leave late in the horizon with a minimum of minutes): the caller then searches
 * the whole horizon.
 */
function rollingRoster(indexed: IndexedProblem, e: number, cellCost: number[][], deadline: number): EmployeeRoster | undefined {
  const { dayCount: D } = indexed;
  // Locked shifts late in the horizon would count against limits that earlier steps already shared out.
  if (indexed.locked[e].some((lock) => lock !== FREE)) return undefined;
  const rules = indexed.problem.employees[e];
  const workingDaysBefore = new Array<number>(D + 1).fill(0);
  for (let d = 0; d < D; d++) workingDaysBefore[d + 1] = workingDaysBefore[d] + (indexed.isDayOff[e][d] ? 0 : 1);
  const lastDayOfWeekend = new Array<number>(indexed.weekendCount).fill(-1);
  indexed.weekendOfDay.forEach((w, d) => w >= 0 && (lastDayOfWeekend[w] = d));
  const weekendsBefore = (day: number) => lastDayOfWeekend.filter((last) => last < day).length;

  const row = new Array<number>(D).fill(OFF);
  for (let from = 0; from < D; from += STEP_DAYS) {
    const to = Math.min(D, from + STEP_DAYS);
    const share = to === D || workingDaysBefore[D] === 0 ? 1 : workingDaysBefore[to] / workingDaysBefore[D];
    const weekendShare = to === D || indexed.weekendCount === 0 ? 1 : weekendsBefore(to) / indexed.weekendCount;
    const stepRules: RosterEmployee = {
      ...rules,
      minTotalMinutes: Math.floor(rules.minTotalMinutes * share),
      maxTotalMinutes: Math.ceil(rules.maxTotalMinutes * share),
      maxWeekends: Math.ceil(rules.maxWeekends * weekendShare),
    };
    // A type the employee may work stays open in every step (at least one shift of it).
    const stepMaxShifts = indexed.maxShifts[e].map((limit) => (limit > 0 && Number.isFinite(limit) ? Math.max(1, Math.ceil(limit * share)) : limit));
    // The step's search ends a day after it, with that day off: its last run must then end legally, so the next step
    // can always go on from it (a run cut short by the end of a horizon is allowed, and might have no legal sequel).
    const end = Math.min(D, to + 1);
    const locked = row.map((t, d) => (d < from ? t : d < to ? FREE : OFF));
    const step = cheaperRoster(employeeView(indexed, e, end, stepRules, stepMaxShifts, locked), e, cellCost, Infinity, deadline);
    if (!step) return undefined;
    for (let d = from; d < to; d++) row[d] = step.row[d];
  }
  return { row, cost: rowCost(cellCost, row) };
}

/**
 * The legal roster `row` re-solved window by window (STEP_DAYS days each, the first one `offset` days long when
 * `offset` > 0, so that alternating offsets let changes cross every window's edge), the rest of the roster locked,
 * under the employee's full rules; each window's roster is taken when it lowers the cost. Undefined when no window
 * lowered it (or the clock reached `deadline` first).
 */
export function cheaperByWindows(indexed: IndexedProblem, e: number, cellCost: number[][], row: number[], offset: number, deadline: number): EmployeeRoster | undefined {
  const { dayCount: D } = indexed;
  const rules = indexed.problem.employees[e];
  let current: EmployeeRoster = { row, cost: rowCost(cellCost, row) };
  let improved = false;
  for (let from = 0, to = offset > 0 ? offset : STEP_DAYS; from < D; from = to, to += STEP_DAYS) {
    if (performance.now() >= deadline) break;
    const kept = current.row;
    const locked = kept.map((t, d) => (d >= from && d < to ? indexed.locked[e][d] : t));
    const better = cheaperRoster(employeeView(indexed, e, D, rules, indexed.maxShifts[e], locked), e, cellCost, current.cost - 1e-9, deadline);
    if (!better) continue;
    current = better;
    improved = true;
  }
  return improved ? current : undefined;
}

/** The problem as employee `e`'s search sees it: its first `dayCount` days, with their rules, shift limits and locks replaced. */
function employeeView(indexed: IndexedProblem, e: number, dayCount: number, rules: RosterEmployee, maxShifts: number[], locked: number[]): IndexedProblem {
  const replaced = <T>(rows: T[], row: T): T[] => rows.map((other, i) => (i === e ? row : other));
  return {
    ...indexed,
    dayCount,
    problem: { ...indexed.problem, employees: replaced(indexed.problem.employees, rules) },
    maxShifts: replaced(indexed.maxShifts, maxShifts),
    locked: replaced(indexed.locked, locked),
  };
}
