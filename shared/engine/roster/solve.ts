/**
 * solveRoster: the entry point. Employees whose own rules admit no roster are given their least broken one and set
 * aside (their cover counted as given), the rest is optimised (optimise.ts), and the result is scored on the
 * original problem, with every hard violation listed. It always returns a roster, also on cancel or timeout.
 *
 * Pure TypeScript without Node-only imports, so it can run in a worker thread. The solver blocks that thread, so
 * `shouldCancel` cannot rely on a message arriving: back it with a SharedArrayBuffer flag read by Atomics.load.
 */
import { indexProblem, OFF, type IndexedProblem } from './indexedProblem';
import { evaluateCells, objectiveOf, toAssignment, type Cells } from './evaluate';
import { legalRoster } from './longHorizon';
import { leastBrokenRoster } from './leastBrokenRoster';
import { optimiseRoster, type SolveEffort } from './optimise';
import { seededRandom } from '../../random/seeded';
import { restrictedProblem } from './restrictedProblem';
import type { RosterProblem, RosterSolution, SolveStatus } from './types';
import type { RosterHelperStarter } from './helperSearch';

export type SolveRosterOptions = {
  /** Wall-clock budget for the whole solve; the best roster found by then is returned. Default 60. */
  timeLimitSec?: number;
  /** `fraction` of the time limit used (0–1), what the solver is doing, and the best objective so far. */
  onProgress?: (fraction: number, message: string, bestObjective?: number) => void;
  /** Polled often; true stops the solve, which then returns the best roster found so far. */
  shouldCancel?: () => boolean;
  /** Use only the built-in heuristic (no HiGHS), e.g. when the WebAssembly file is not available. */
  heuristicOnly?: boolean;
  /** Seed of the heuristic's random choices; the same seed explores the same way. Default 1. */
  seed?: number;
  /** Deterministic bounds on the work (MIP nodes, search rounds), e.g. for tests that must not depend on the clock. */
  effort?: SolveEffort;
  /**
   * Starts a neighbourhood search on a second thread that shares the best roster (helperSearch.ts), so a solve
   * uses two cores; one thread when omitted or when it returns none. Node callers pass `startRosterHelper`
   * (electron/workers/rosterHelper.ts). Its rounds depend on the clock, so leave it out where `effort` must make
   * the result reproducible.
   */
  startHelper?: RosterHelperStarter;
};

const DEFAULT_TIME_LIMIT_SEC = 60;
const PROGRESS_INTERVAL_MS = 250;
/** How long the first rosters may still be searched after Stop, so that a solve stopped at once returns legal ones. */
const STOP_GRACE_MS = 1000;
/** Seconds the helper thread stops before the limit, for its last roster to arrive. */
const HELPER_MARGIN_SEC = 0.3;

export async function solveRoster(problem: RosterProblem, options: SolveRosterOptions = {}): Promise<RosterSolution> {
  const startedAt = performance.now();
  const deadline = startedAt + (options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC) * 1000;
  const indexed = indexProblem(problem);
  const shouldCancel = options.shouldCancel ?? (() => false);

  // Each employee's cheapest legal roster by requests alone (or a cheap one, where their limits do not fit the dense
  // table together, see cheaperRoster): it shows who has no legal roster at all, and together they make a first
  // roster that breaks no rule, so even a solve stopped at once returns a legal one. Only where these searches take
  // longer than the time limit (or than STOP_GRACE_MS after Stop; year-long problems with large teams) do the
  // employees not reached start with every day off, which may break their rules; the result then lists it.
  const asideRows = new Map<number, number[]>();
  const ownRows = new Map<number, number[]>();
  const outOfTime = () => performance.now() >= deadline || (performance.now() - startedAt > STOP_GRACE_MS && shouldCancel());
  let notReached = 0;
  for (let e = 0; e < indexed.employeeCount; e++) {
    const costs = requestCosts(indexed, e);
    const own = outOfTime() ? undefined : legalRoster(indexed, e, costs, deadline);
    if (own) ownRows.set(e, own.row);
    else if (outOfTime()) {
      ownRows.set(e, new Array<number>(indexed.dayCount).fill(OFF));
      notReached++;
    } else asideRows.set(e, leastBrokenRoster(indexed, e, costs));
  }
  const firstRostersNote =
    notReached > 0
      ? `the time ran out before ${notReached} of ${indexed.employeeCount} employees had a first roster; they were given every day off, so give the solve more time`
      : undefined;
  const kept = [...Array(indexed.employeeCount).keys()].filter((e) => !asideRows.has(e));
  const asideCells: Cells = Array.from({ length: indexed.employeeCount }, (_, e) => asideRows.get(e) ?? []);
  const rest = indexProblem(restrictedProblem(indexed, { free: kept, cells: asideCells }));
  const merge = (restCells: Cells): Cells => {
    const cells: Cells = new Array(indexed.employeeCount);
    asideRows.forEach((row, e) => (cells[e] = row));
    kept.forEach((e, i) => (cells[e] = restCells[i]));
    return cells;
  };

  let bestObjective: number | undefined;
  let lastReport = -Infinity;
  const report = (message: string, force = false) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    options.onProgress(Math.min(1, (now - startedAt) / (deadline - startedAt)), message, bestObjective);
  };
  let stage = '';
  const start = kept.map((e) => ownRows.get(e)!);
  const seed = options.seed ?? 1;
  // The helper gets the time left less a margin, so its last roster reaches this thread before the limit.
  const helperSeconds = (deadline - performance.now()) / 1000 - HELPER_MARGIN_SEC;
  const helper =
    options.startHelper && !options.heuristicOnly && kept.length > 0 && helperSeconds > 0
      ? options.startHelper({ problem: rest.problem, start, timeLimitSec: helperSeconds, seed: seed + 1 })
      : undefined;
  const outcome = await optimiseRoster(rest, {
    start,
    startedAt,
    deadline,
    shouldCancel,
    onTick: (current) => {
      report(current, current !== stage);
      stage = current;
    },
    onImproved: (restCells) => {
      bestObjective = objectiveOf(indexed, merge(restCells)).total;
      report(`${stage}: better roster found`, true);
    },
    random: seededRandom(seed),
    heuristicOnly: options.heuristicOnly ?? false,
    effort: options.effort ?? {},
    helper,
  }).finally(() => helper?.stop());

  const cells = merge(outcome.cells);
  const evaluation = evaluateCells(indexed, cells);
  // Set-aside employees add the same amount to every roster of the rest, so the bound shifts by that amount.
  const asideConstant = evaluation.objective.total - objectiveOf(rest, outcome.cells).total;
  const status: SolveStatus =
    asideRows.size > 0 ? 'infeasible' : evaluation.hardViolations.length > 0 ? 'unknown' : outcome.provedOptimal ? 'optimal' : 'feasible';
  // Penalties are never negative, so 0 is a bound too; an early column-generation bound can be weaker than that.
  const lowerBound = outcome.provedOptimal ? evaluation.objective.total : outcome.lowerBound !== undefined ? Math.max(0, outcome.lowerBound + asideConstant) : undefined;
  report(status === 'optimal' ? 'optimal roster found' : 'done', true);
  return {
    assignment: toAssignment(indexed, cells),
    ...evaluation,
    status,
    lowerBound,
    seconds: (performance.now() - startedAt) / 1000,
    solverNote: [firstRostersNote, outcome.solverNote].filter((note) => note !== undefined).join('; ') || undefined,
  };
}

/** What working each cell costs in requests alone. */
function requestCosts(indexed: IndexedProblem, e: number): number[][] {
  return indexed.onWeight[e].map((onByShift, d) => onByShift.map((on, t) => indexed.offWeight[e][d][t] - on));
}
