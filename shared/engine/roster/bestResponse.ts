/**
 * The heuristic that needs no solver: each employee in turn takes their cheapest legal roster given everyone
 * else's (exact, through the dynamic programme; on long horizons exact within each four-week window, see
 * longHorizon.ts), until nobody can improve; then a few employees are shaken up and
 * the descent repeats, keeping the best roster met (iterated local search). It gives the MIP stages their first
 * roster and is the whole answer when HiGHS cannot run.
 */
import type { IndexedProblem } from './indexedProblem';
import { coverCounts, employeeViolations, objectiveOf, type Cells } from './evaluate';
import { cheaperRoster, rowCost } from './employeeDp';
import { cheaperByWindows, isLongHorizon, legalRoster, STEP_DAYS } from './longHorizon';
import type { Random } from '../../random/seeded';

export type BestResponseControl = {
  deadline: number;
  shouldStop: () => boolean;
  random: Random;
  onImproved?: (cells: Cells, objective: number) => void;
};

/**
 * Descends once from `start`; with `untilDeadline`, keeps perturbing and descending until the deadline. Returns the
 * best roster met. Every employee must have a legal roster (solve.ts sets aside those who have none).
 */
export function bestResponseSearch(indexed: IndexedProblem, start: Cells, control: BestResponseControl, untilDeadline: boolean): Cells {
  let best = descend(indexed, start.map((row) => row.slice()), control);
  let bestObjective = objectiveOf(indexed, best).total;
  control.onImproved?.(best, bestObjective);
  while (untilDeadline && !stopped(control)) {
    const current = kickAndDescend(indexed, best, control);
    const objective = objectiveOf(indexed, current).total;
    if (objective < bestObjective - 1e-9) {
      best = current;
      bestObjective = objective;
      control.onImproved?.(best, bestObjective);
    }
  }
  return best;
}

/**
 * One step of the iterated local search: a few employees take a random legal roster (a kick out of the local
 * optimum), then everyone descends again. Returns a new roster; `from` is left as it is.
 */
export function kickAndDescend(indexed: IndexedProblem, from: Cells, control: Pick<BestResponseControl, 'deadline' | 'shouldStop' | 'random'>): Cells {
  const shaken = from.map((row) => row.slice());
  const count = 1 + control.random.below(Math.max(1, Math.ceil(indexed.employeeCount / 5)));
  for (const e of control.random.sample(indexed.employeeCount, count)) {
    // Each random roster is a whole DP (tens of milliseconds on large teams), so the clock is checked between them.
    if (stopped(control)) break;
    // A random price per cell gives a legal but different roster.
    const noise = indexed.coverRequirement.map((shifts) => shifts.map(() => control.random.next() * 100 - 50));
    const roster = legalRoster(indexed, e, noise, control.deadline);
    if (roster) shaken[e] = roster.row;
  }
  return descend(indexed, shaken, control);
}

/**
 * Each employee in turn takes their cheapest legal roster given everyone else's, until nobody can improve (or the
 * deadline). Changes `cells` in place and returns it.
 */
export function descend(indexed: IndexedProblem, cells: Cells, control: Pick<BestResponseControl, 'deadline' | 'shouldStop' | 'random'>): Cells {
  const counts = coverCounts(indexed, cells);
  // A row that breaks the employee's rules (e.g. the empty start) is replaced by any legal roster; a legal one only
  // by a strictly cheaper one, which makes every pass lower the objective and lets the DP prune all partial rosters
  // that cannot beat it (a descent from a good roster on instance 13, 120 staff, took 2 s without that).
  const settled = cells.map((row, e) => employeeViolations(indexed, e, row).length === 0);
  let changed = true;
  for (let pass = 0; changed && !stopped(control); pass++) {
    changed = false;
    for (const e of control.random.sample(indexed.employeeCount, indexed.employeeCount)) {
      cells[e].forEach((t, d) => t >= 0 && counts[d][t]--);
      const costs = cellCosts(indexed, e, counts);
      // A settled employee only wants a strictly cheaper roster, and asking for just that lets the DP prune. On long
      // horizons it is sought window by window (longHorizon.ts), the windows' edges shifted every other pass.
      const roster = !settled[e]
        ? legalRoster(indexed, e, costs, control.deadline)
        : isLongHorizon(indexed)
          ? cheaperByWindows(indexed, e, costs, cells[e], (pass % 2) * (STEP_DAYS / 2), control.deadline)
          : cheaperRoster(indexed, e, costs, rowCost(costs, cells[e]) - 1e-9, control.deadline);
      if (roster) {
        changed ||= settled[e] || roster.row.some((t, d) => t !== cells[e][d]);
        cells[e] = roster.row;
        settled[e] = true;
      }
      cells[e].forEach((t, d) => t >= 0 && counts[d][t]++);
      if (stopped(control)) break;
    }
  }
  return cells;
}

/** What working each cell adds to the objective, given how many others already work that shift that day. */
function cellCosts(indexed: IndexedProblem, e: number, othersCount: number[][]): number[][] {
  return othersCount.map((counts, d) =>
    counts.map((count, t) => {
      const cover = count < indexed.coverRequirement[d][t] ? -indexed.underWeight[d][t] : indexed.overWeight[d][t];
      return indexed.offWeight[e][d][t] - indexed.onWeight[e][d][t] + cover;
    }),
  );
}

function stopped(control: Pick<BestResponseControl, 'deadline' | 'shouldStop'>): boolean {
  return performance.now() >= control.deadline || control.shouldStop();
}
