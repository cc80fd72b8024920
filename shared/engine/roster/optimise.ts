/**
 * The solve pipeline for a problem in which every employee has at least one legal roster:
 *
 * 1. best-response heuristic (pure TypeScript) — a legal roster within a second, the fallback for everything below;
 * 2. column generation, priced at smoothed duals — a lower bound, usually within a few units of the optimum, and a
 *    pool of good rosters; an LP in its long tail may run on past its share (LP_TAIL);
 * 3. diving on the column LP, alternately on cells and on whole columns — a near-optimal roster (when the LP
 *    converged);
 * 4. the integer model over the pooled rosters, started from the best roster so far (when the LP converged), for
 *    at most COLUMN_IP_SHARE of the time;
 * 5. the compact MIP for at most COMPACT_SHARE of the time (and half the time left), on problems small enough for
 *    it, which can prove optimality where the column bound cannot;
 * 6. adaptive large-neighbourhood search (neighbourhoodSearch.ts) with any time left, e.g. on large problems whose
 *    LP did not converge: best responses and kicks, and a few employees or days freed and re-solved exactly;
 * 7. the best-response heuristic with random kicks, for any time left when HiGHS failed or is not used.
 *
 * Every stage starts from the best roster so far and stops at its share of the time limit, on cancel, or as soon
 * as the roster meets the lower bound. A HiGHS failure ends the HiGHS stages and keeps what was found.
 *
 * With a helper (helperSearch.ts), a second neighbourhood search runs on the other core for the whole time limit;
 * every better roster goes both ways at each checkpoint, so the stages above start from the helper's best and the
 * helper continues from theirs. That makes the result robust when column generation is slow (seconds per pricing
 * round on large teams): the neighbourhood search no longer waits for it.
 */
import { discardHighs, getHighs } from '../common/highsRuntime';
import { OFF, hasWholeWeights, type IndexedProblem } from './indexedProblem';
import { employeeViolations, evaluateCells, objectiveOf, type Cells } from './evaluate';
import { bestResponseSearch, descend } from './bestResponse';
import { ColumnPool, MasterLp, cellDiveToRoster, diveToRoster, masterFormulation, relativeGap } from './columnGeneration';
import { buildMipModel } from './mipModel';
import { runMip, type MipRunResult } from './mipSolve';
import { neighbourhoodSearch } from './neighbourhoodSearch';
import type { Random } from '../../random/seeded';
import type { RosterHelper } from './helperSearch';

export type OptimiseControl = {
  /** A roster that breaks no rule, the fallback until a better one is found. */
  start: Cells;
  startedAt: number;
  deadline: number;
  shouldCancel: () => boolean;
  /** Called at checkpoints, for progress reports. */
  onTick: (stage: string) => void;
  onImproved: (cells: Cells) => void;
  random: Random;
  heuristicOnly: boolean;
  effort: SolveEffort;
  /** A neighbourhood search on another thread sharing the incumbent (helperSearch.ts); none when omitted. */
  helper?: RosterHelper;
};

/**
 * Bounds on the work that do not depend on the clock: with them (and a time limit that is not reached), the same
 * problem and seed give the same roster however busy the machine is. Unbounded when omitted.
 */
export type SolveEffort = {
  /** Most branch-and-bound nodes of each HiGHS MIP run. */
  mipNodes?: number;
  /** Most rounds of the large-neighbourhood search. */
  neighbourhoodRounds?: number;
};

export type OptimiseOutcome = {
  cells: Cells;
  lowerBound?: number;
  provedOptimal: boolean;
  /** Why HiGHS did not contribute, when it did not. */
  solverNote?: string;
};

/** Share of the time limit by which each stage should hand over to the next. */
const STAGE_END = { heuristic: 0.1, columnGeneration: 0.5, columnGenerationOvertime: 0.7, dive: 0.7, columnIp: 0.9 };
/**
 * An LP still unconverged at its stage's end, but within `continueGap` of its bound (a share of its value), runs on
 * until STAGE_END.columnGenerationOvertime, and counts as converged once within `closeEnoughGap`. Its tail is long:
 * on instance 15 (42 days, 45 staff) the gap was 1–10% at 30 s of 60 and took another 15 s to close, while a dive
 * from the LP at 1% gave 3943–4245 against 4642–5276 from the neighbourhood search alone (best known 3928).
 */
const LP_TAIL = { continueGap: 0.05, closeEnoughGap: 0.01 };
/**
 * Weight of the best bound's duals in the duals that price the root LP (Wentges smoothing): on instance 15 the gap
 * at 30 s was 3.4% with it against 6–10% without, and the 28-day instances and 1–8 were unchanged.
 */
const DUAL_SMOOTHING = 0.5;
/** Share of the time limit dives get at least, when the LP took longer than its stage. */
const DIVE_SHARE = 0.15;
/**
 * Most of the time limit the integer model over pooled rosters may take. It either closes the gap soon (instances
 * 1–8) or not at all within the limit: on the first 28 days of instance 19 it ran 40 s without a better roster,
 * time the neighbourhood search then lacked.
 */
const COLUMN_IP_SHARE = 0.15;
/**
 * Most of the time limit the compact MIP may take (and at most half the time left). On instances 5–8 it never
 * improved the roster in 20–30 s, while the neighbourhood search after it did; it still proves small problems optimal
 * within seconds.
 */
const COMPACT_SHARE = 0.2;
/** Dives in a row without a better roster after which diving gives way to the next stage. */
const DIVES_WITHOUT_GAIN = 3;
/**
 * Rounds of column generation that must fit in its share of the time, at the second round's pace, for it to run on.
 * It took 28–60 rounds to converge on the benchmark's 28-day instances; where a round takes 2–17 s (instances 13, 15,
 * 19: 120 staff, or 42–84 days with 40–45 staff) it never converged by the stage's end, and those 25 s went to
 * nothing while the neighbourhood search improved the roster all the time it had.
 */
const AFFORDABLE_ROUNDS = 10;
/**
 * The compact MIP only pays off on small problems (it proves optimality where the column bound falls short); on
 * larger ones it cannot finish, while building it costs time and heap in the 32-bit WebAssembly runtime.
 */
const MAX_COMPACT_CELLS = 20_000;

export async function optimiseRoster(indexed: IndexedProblem, control: OptimiseControl): Promise<OptimiseOutcome> {
  const integralObjective = hasWholeWeights(indexed);
  const at = (share: number) => control.startedAt + share * (control.deadline - control.startedAt);
  /** The moment a stage starting now has used `share` of the time limit. */
  const forAtMost = (share: number) => performance.now() + share * (control.deadline - control.startedAt);
  const timeLeft = (until: number) => Math.max(0, (until - performance.now()) / 1000);
  let best = { cells: control.start, objective: objectiveOf(indexed, control.start).total };
  let lowerBound: number | undefined;
  let provedOptimal = false;
  let solverNote: string | undefined;
  let stage = 'building a first roster';
  /** Bumped on every better roster, so the neighbourhood search re-reads `best` only when it changed. */
  let bestVersion = 0;
  const keepIfBetter = (cells: Cells, source: 'this thread' | 'helper') => {
    const objective = objectiveOf(indexed, cells).total;
    if (objective >= best.objective - 1e-9) return;
    // A descent cut short by the clock leaves rows it never reached empty, which may break rules: never kept.
    if (evaluateCells(indexed, cells).hardViolations.length > 0) return;
    best = { cells, objective };
    bestVersion++;
    if (source === 'this thread') control.helper?.share(cells);
    control.onImproved(cells);
  };
  const offer = (cells: Cells) => keepIfBetter(cells, 'this thread');
  const takeHelperRoster = () => {
    const shared = control.helper?.receive();
    if (shared) keepIfBetter(shared, 'helper');
  };
  const target = () => (lowerBound === undefined ? -Infinity : integralObjective ? Math.ceil(lowerBound - 1e-6) : lowerBound);
  const finished = () => provedOptimal || best.objective <= target() + 1e-6 || control.shouldCancel();
  const shouldStop = () => {
    takeHelperRoster();
    control.onTick(stage);
    return control.shouldCancel();
  };
  const heuristic = (until: number, keepGoing: boolean, from: Cells) =>
    offer(bestResponseSearch(indexed, from, { deadline: until, shouldStop, random: control.random, onImproved: offer }, keepGoing));
  const mipOptions = (until: number) => ({
    timeLimitSec: timeLeft(until),
    start: best.cells,
    shouldStop,
    stopAtObjective: target(),
    onImproved: offer,
    integralObjective,
    nodeLimit: control.effort.mipNodes,
  });
  const solved = (result: MipRunResult) => {
    if (result.kind === 'failed') {
      if (result.best) offer(result.best.cells);
      throw new Error(result.message);
    }
    if (result.kind === 'solved') offer(result.cells);
    return result;
  };

  // The first descent starts from nobody working, not from the start roster: each employee's roster is then shaped
  // by cover from the first one on, rather than by their own requests, which seeds the column pool better (measured
  // on the benchmark). Cut short by the clock, it leaves the rows it never reached empty, which may break their
  // employees' rules: those employees keep their start rows, and the rows it did reach are kept (on instance 13 the
  // whole descent used to be thrown away for a few unreached rows).
  const firstDescent = bestResponseSearch(indexed, emptyRoster(indexed), { deadline: Math.min(control.deadline, at(STAGE_END.heuristic)), shouldStop, random: control.random }, false);
  offer(firstDescent.map((row, e) => (employeeViolations(indexed, e, row).length > 0 ? control.start[e] : row)));
  if (!control.heuristicOnly && !finished()) {
    try {
      stage = 'loading the solver';
      const highs = await getHighs();
      const pool = new ColumnPool(indexed);
      pool.addRoster(best.cells);
      const master = new MasterLp(highs, indexed, pool, control.helper?.pricing);
      let rootConverged = false;
      let diveRoster: Cells | undefined;
      try {
        stage = 'computing the lower bound';
        const lpControl = { deadline: at(STAGE_END.columnGeneration), shouldStop, integralObjective, smoothing: DUAL_SMOOTHING };
        const stageSec = (at(STAGE_END.columnGeneration) - performance.now()) / 1000;
        let root = master.solve({ ...lpControl, slowRoundSec: stageSec / AFFORDABLE_ROUNDS, hopelessRoundSec: stageSec / 2 });
        if (root.kind === 'failed') throw new Error(root.message);
        const inTail = !root.converged && relativeGap(root.lowerBound, root.lpValue) <= LP_TAIL.continueGap;
        const tail = inTail ? { closeEnoughGap: LP_TAIL.closeEnoughGap } : {};
        if (inTail) {
          const bound = root.lowerBound;
          root = master.solve({ ...lpControl, ...tail, deadline: at(STAGE_END.columnGenerationOvertime) });
          if (root.kind === 'failed') throw new Error(root.message);
          root = { ...root, lowerBound: Math.max(bound, root.lowerBound) };
        }
        if (Number.isFinite(root.lowerBound)) lowerBound = root.lowerBound;
        rootConverged = root.converged;
        // A dive from an LP still far from converged rounds poor columns (measured on instance 13: 10 s of diving
        // for a roster 3.5× worse than the neighbourhood search reached in the next 3 s), so it needs the LP done.
        // Dives are repeated, each from the root LP in a perturbed order, while another fits in the stage's time and
        // the last few found a better roster: on instance 8 one dive takes 3–4 s of its 24 s and rounds to one
        // uncovered shift more than the optimum; the second and third dives found 1310 and 1307 (optimum 1300).
        // A dive cut short fixes its last employees in one batch of clashing columns, so its roster is repaired by
        // best responses before it counts: on a 60-employee, 10-type problem (LP bound 131.5) dives of 5–20 s
        // rounded to 2596–5196 and their repairs to 243–568, within a second.
        // Dives alternate between cells and columns, as neither wins everywhere: on that 60-employee problem a cell
        // dive of 20 s reached 132–133 (the optimum is 132) where column dives reached 243–568 after repair; on
        // instance 8 cell dives rounded to 1400–1900 (the LP creeps up on half-valued cells) and column dives to
        // 1307–1310. The first dive of each kind follows the LP unperturbed.
        const diveControl = { ...lpControl, ...tail, deadline: Math.max(at(STAGE_END.dive), forAtMost(DIVE_SHARE)) };
        let diveObjective = Infinity;
        let divesWithoutGain = 0;
        for (let attempt = 0; rootConverged && !finished() && divesWithoutGain < DIVES_WITHOUT_GAIN; attempt++) {
          stage = 'diving for a roster';
          const diveStarted = performance.now();
          const dive = (attempt % 2 === 0 ? cellDiveToRoster : diveToRoster)(master, indexed, pool, diveControl, attempt < 2 ? undefined : control.random);
          if (dive && 'failed' in dive) throw new Error(dive.failed);
          if (!dive) break;
          const repaired = descend(indexed, dive.cells, { deadline: control.deadline, shouldStop, random: control.random });
          offer(repaired);
          const objective = objectiveOf(indexed, repaired).total;
          if (objective < diveObjective) {
            diveRoster = repaired;
            diveObjective = objective;
            divesWithoutGain = 0;
          } else divesWithoutGain++;
          const anotherDiveEnds = performance.now() + (performance.now() - diveStarted);
          if (anotherDiveEnds > diveControl.deadline) break;
          master.unfixAll();
          const again = master.solve(diveControl);
          if (again.kind === 'failed') throw new Error(again.message);
          if (!again.converged) break;
        }
      } finally {
        master.dispose();
      }

      // On problems too large for the LP to converge in time, the integer models would not finish either (measured:
      // the pooled-roster model after an unconverged LP on instance 19 overran the limit by 33 s inside HiGHS); the
      // neighbourhood search makes better use of the time from the dive's roster.
      if (rootConverged && !finished()) {
        stage = 'combining rosters';
        pool.addRoster(best.cells);
        solved(runMip(highs, masterFormulation(indexed, pool), mipOptions(Math.min(at(STAGE_END.columnIp), forAtMost(COLUMN_IP_SHARE)))));
      }
      // On problems small enough for it, the compact MIP can prove optimality where the column bound cannot; it gets
      // a share of the time and the neighbourhood search the rest (all of it when the LP did not converge, where the
      // search replaces the pooled-column stages).
      const compactFits = indexed.employeeCount * indexed.dayCount * indexed.shiftCount <= MAX_COMPACT_CELLS;
      if (rootConverged && compactFits && !finished()) {
        stage = 'proving optimality';
        const exact = solved(runMip(highs, buildMipModel(indexed), mipOptions(Math.min((performance.now() + control.deadline) / 2, forAtMost(COMPACT_SHARE)))));
        if (exact.kind === 'solved') {
          // The run started from the best roster, so an optimal one is at least as good as it.
          if (exact.optimal) provedOptimal = true;
          if (exact.lowerBound !== undefined) lowerBound = Math.max(lowerBound ?? -Infinity, exact.lowerBound);
        }
      }
      if (!finished()) {
        stage = 'improving the roster';
        let searchSawVersion = bestVersion;
        // The search starts from the dive's roster even when another is better: it is shaped by the LP, and on
        // instance 18 (84 days) the search reached 4800–5200 from it within 20 s, 6100–6300 from the first descent's.
        neighbourhoodSearch(highs, indexed, diveRoster ?? best.cells, {
          deadline: control.deadline,
          shouldStop,
          random: control.random,
          onImproved: offer,
          integralObjective,
          target: target(),
          maxRounds: control.effort.neighbourhoodRounds,
          nodeLimitPerRound: control.effort.mipNodes,
          incoming: () => {
            if (bestVersion === searchSawVersion) return undefined;
            searchSawVersion = bestVersion;
            return best.cells;
          },
        });
      }
    } catch (error) {
      discardHighs();
      solverNote = `HiGHS failed while ${stage}: ${describe(error)}; the roster was finished by the heuristic`;
    }
  }
  if ((control.heuristicOnly || solverNote !== undefined) && !finished() && timeLeft(control.deadline) > 0) {
    stage = 'improving the roster';
    heuristic(control.deadline, true, best.cells);
  }
  takeHelperRoster();
  return { cells: best.cells, lowerBound, provedOptimal: provedOptimal || best.objective <= target() + 1e-6, solverNote };
}

function emptyRoster(indexed: IndexedProblem): Cells {
  return Array.from({ length: indexed.employeeCount }, () => new Array<number>(indexed.dayCount).fill(OFF));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
