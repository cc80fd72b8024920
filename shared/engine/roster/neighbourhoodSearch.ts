/**
 * Adaptive large-neighbourhood search: free the rosters of a few employees (over the whole horizon or over a window
 * of days), keep everyone else's as it is, and re-solve the freed part with the compact MIP (exactly, or over the
 * cells that could help), started from the current roster, so a step never makes the roster worse. A kick of the
 * iterated local search (a few random rosters, then best responses) is a further, cheap move. Repeats until the
 * deadline.
 *
 * Why it generalises: nothing in it depends on the instance. Each MIP neighbourhood's size adapts to what HiGHS can
 * solve to optimality within a round's budget (it grows after a proven sub-optimum, fast after a quick one, and
 * shrinks after a round cut short), so larger or harder problems get smaller neighbourhoods automatically; each move
 * gets a share of the time that follows its recent gain per second, so the search shifts by itself from cheap kicks
 * (far from a good roster) to exact re-solves (near one). Unlike the one-employee best response, a MIP move changes several employees at once (swap
 * shifts between two employees, move a block of days), which is what escapes that search's local optima.
 */
import type { Highs } from 'highs';
import { indexProblem, mayWork, type IndexedProblem } from './indexedProblem';
import { coverCounts, objectiveOf, type Cells } from './evaluate';
import { buildMipModel } from './mipModel';
import { runMip } from './mipSolve';
import { restrictedProblem } from './restrictedProblem';
import { descend, kickAndDescend } from './bestResponse';
import type { Random } from '../../random/seeded';

export type NeighbourhoodControl = {
  deadline: number;
  shouldStop: () => boolean;
  random: Random;
  onImproved: (cells: Cells) => void;
  integralObjective: boolean;
  /** The search stops once the roster reaches this (a proven lower bound). */
  target: number;
  /** Most rounds (a deterministic bound on the work); unlimited when omitted. */
  maxRounds?: number;
  /** Most branch-and-bound nodes per round; with it and `maxRounds`, the search does not depend on the clock. */
  nodeLimitPerRound?: number;
  /**
   * Polled before every round: a roster found elsewhere (another search on the other core, the column stages). The
   * search continues from it when it is better than its own, so two searches share one incumbent.
   */
  incoming?: () => Cells | undefined;
};

export type NeighbourhoodOutcome = { cells: Cells; rounds: number; improvements: number };

/** Freed employees in the first round of a kind: a few over the whole horizon, more over a window; adapted from then on. */
const INITIAL_SIZE: Record<MipKind, number> = { employees: 3, weekends: 6, cell: 6, focused: 6, window: 6 };
const MIN_SIZE = 2;
/** A round may use this share of the time left, between the bounds below (seconds). */
const ROUND_SHARE = 0.1;
const MIN_ROUND_SEC = 0.5;
const MAX_ROUND_SEC = 10;
/**
 * HiGHS's heuristic effort in a round. A round only needs a better roster, not a proof, and the large rounds end at
 * their budget unproven: over the same 15 neighbourhoods of 30 employees on instance 13 (2 s each) the gain was 2162
 * at HiGHS's default 0.05, 2803 at 0.15 and 3007 at 0.3; over whole-horizon rounds of 4 employees on instances 13, 15
 * and 19 together, 1809 at 0.05 and 2223 at 0.3. Rounds HiGHS proves (small windows) were the same either way.
 */
const HEURISTIC_EFFORT = 0.3;

/** The employees a round frees, and the days they keep their current shifts on (none when omitted). */
type Neighbourhood = { employees: number[]; keepsDay?: (day: number) => boolean };

export function neighbourhoodSearch(highs: Highs, indexed: IndexedProblem, start: Cells, control: NeighbourhoodControl): NeighbourhoodOutcome {
  let cells = start.map((row) => row.slice());
  let objective = objectiveOf(indexed, cells).total;
  const size = Object.fromEntries(MIP_KINDS.map((kind) => [kind, initialSize(indexed, kind)])) as Record<MipKind, NeighbourhoodSize>;
  const moves = movesFor(indexed);
  const score = Object.fromEntries(moves.map((move) => [move, 1])) as Record<Move, number>;
  const spent = Object.fromEntries(moves.map((move) => [move, 0])) as Record<Move, number>;
  let rounds = 0;
  let improvements = 0;
  const stopped = () =>
    performance.now() >= control.deadline || control.shouldStop() || objective <= control.target + 1e-6 || rounds >= (control.maxRounds ?? Infinity);
  const accept = (candidate: Cells): boolean => {
    const candidateObjective = objectiveOf(indexed, candidate).total;
    // Equal moves are taken too: they change the roster without cost and let the next rounds look elsewhere.
    if (candidateObjective > objective + 1e-9) return false;
    const improved = candidateObjective < objective - 1e-9;
    cells = candidate.map((row) => row.slice());
    objective = candidateObjective;
    if (improved) {
      improvements++;
      control.onImproved(cells);
    }
    return improved;
  };
  // One-employee moves (the best-response descent) are far cheaper than a MIP round, so they are exhausted first.
  accept(descend(indexed, cells.map((row) => row.slice()), control));
  const adoptIncoming = () => {
    const offered = control.incoming?.();
    if (!offered) return;
    const offeredObjective = objectiveOf(indexed, offered).total;
    if (offeredObjective >= objective - 1e-9) return;
    cells = offered.map((row) => row.slice());
    objective = offeredObjective;
  };
  while (indexed.employeeCount > 0) {
    adoptIncoming();
    if (stopped()) break;
    rounds++;
    const move = chooseMove(moves, score, spent);
    const before = objective;
    const roundStarted = performance.now();
    if (move === 'kick') {
      accept(kickAndDescend(indexed, cells, control));
    } else {
      const neighbourhood = chooseNeighbourhood(indexed, cells, move, size[move], control.random);
      const sub = indexProblem(
        restrictedProblem(indexed, { free: neighbourhood.employees, cells, keepsDay: neighbourhood.keepsDay }),
      );
      const secondsLeft = (control.deadline - performance.now()) / 1000;
      const budgetSec = Math.min(secondsLeft, Math.max(MIN_ROUND_SEC, Math.min(MAX_ROUND_SEC, secondsLeft * ROUND_SHARE)));
      const model = move === 'focused' ? buildMipModel(sub, helpfulCells(indexed, cells, neighbourhood.employees)) : buildMipModel(sub);
      const result = runMip(highs, model, {
        timeLimitSec: budgetSec,
        start: neighbourhood.employees.map((e) => cells[e]),
        shouldStop: control.shouldStop,
        nodeLimit: control.nodeLimitPerRound,
        integralObjective: control.integralObjective,
        heuristicEffort: HEURISTIC_EFFORT,
      });
      if (result.kind === 'failed') throw new Error(result.message);
      size[move] = nextSize(indexed, move, size[move], result.kind === 'solved' && result.optimal, (performance.now() - roundStarted) / 1000 / budgetSec);
      if (result.kind === 'solved') {
        const candidate = cells.slice();
        neighbourhood.employees.forEach((e, i) => (candidate[e] = result.cells[i]));
        // The new roster often opens one-employee moves again.
        if (accept(candidate)) accept(descend(indexed, cells.map((row) => row.slice()), control));
      }
    }
    // Adaptive choice: each move's score follows its recent gain per second, so the moves that pay on this
    // problem (cheap kicks while the roster is far from good, exact re-solves near the end) get most of the time.
    const seconds = Math.max(1e-3, (performance.now() - roundStarted) / 1000);
    spent[move] += seconds;
    score[move] = (1 - SCORE_MEMORY) * score[move] + SCORE_MEMORY * ((before - objective) / seconds);
  }
  return { cells, rounds, improvements };
}

/** A proven round that used less than this share of its budget was quick: its neighbourhood grows by GROWTH. */
const QUICK_SHARE = 0.2;
const GROWTH = 1.5;

/** How many employees a neighbourhood frees, over how many days (fewer days make a larger team tractable). */
type NeighbourhoodSize = { employees: number; days: number };
/**
 * The first and shortest window of days. Short windows free more employees at the same MIP size, and a shortage is
 * mostly fixed by moving shifts between employees near its day. Measured at 60 s (two runs each): windows of 7 days
 * drawn up to 7 days longer gave instance 13 3475–5175 and 15 5113–5493; fixed 7-day windows 3259–3588 and
 * 4848–5044; 5-day windows 2480–2564 and 4960–5164, with 19 at 4192 (was 4357–4458), 18 at 4575 (was 4664), 5–8
 * unchanged; windows drawn up to 21 days made 15 and 19 clearly worse (5704–6135, 5000–5146). A window still grows
 * in days once the whole team fits in it.
 */
const MIN_WINDOW_DAYS = 5;

function initialSize(indexed: IndexedProblem, kind: MipKind): NeighbourhoodSize {
  return { employees: Math.min(indexed.employeeCount, INITIAL_SIZE[kind]), days: isWindow(kind) ? Math.min(indexed.dayCount, MIN_WINDOW_DAYS) : indexed.dayCount };
}

/**
 * A neighbourhood grows after a proven sub-optimum (it was easy) and shrinks after a round cut short: first in
 * employees, then, with every employee freed, in days. It grows by half after a quick proof: growing by one employee
 * a round, the day windows on instance 8 (30 staff) needed 24 s to reach the 20-odd employees that first improved
 * the roster, while every round took under 0.1 s. It shrinks in days first, so a whole-team window stays whole.
 */
function nextSize(indexed: IndexedProblem, kind: MipKind, size: NeighbourhoodSize, proven: boolean, budgetUsed: number): NeighbourhoodSize {
  const { employeeCount: E, dayCount: D } = indexed;
  const windowed = isWindow(kind);
  const grow = (n: number, limit: number) => Math.min(limit, budgetUsed < QUICK_SHARE ? Math.max(n + 1, Math.ceil(n * GROWTH)) : n + 1);
  if (proven) return size.employees < E || !windowed ? { ...size, employees: grow(size.employees, E) } : { ...size, days: grow(size.days, D) };
  if (windowed && size.days > MIN_WINDOW_DAYS) return { ...size, days: Math.max(MIN_WINDOW_DAYS, Math.floor(size.days / GROWTH)) };
  return { ...size, employees: Math.max(Math.min(MIN_SIZE, E), size.employees - 1) };
}

/**
 * The moves together keep this share of the search's time, evenly, so a move that failed for a while is tried again
 * later; the rest follows the scores. Fixed in total rather than per move, so adding a move (the focused kind) does
 * not take time from the scores. Shares are of time, not of rounds: a whole-horizon MIP round can take a hundred
 * times a window's, and drawn by rounds it took most of the time on instance 8 without improving the roster once.
 */
const RESERVED_SHARE = 0.4;
/** Weight of the latest round in a move's score. */
const SCORE_MEMORY = 0.3;

function chooseMove(moves: readonly Move[], score: Record<Move, number>, spent: Record<Move, number>): Move {
  const total = moves.reduce((sum, move) => sum + Math.max(0, score[move]), 0);
  const share = (move: Move) => RESERVED_SHARE / moves.length + (1 - RESERVED_SHARE) * (total > 0 ? Math.max(0, score[move]) / total : 1 / moves.length);
  const spentInAll = moves.reduce((sum, move) => sum + spent[move], 0);
  // The move furthest behind its share of the time spent so far.
  return moves.reduce((behind, move) => (spent[move] - share(move) * spentInAll < spent[behind] - share(behind) * spentInAll ? move : behind));
}

/**
 * Five kinds, each with its own adaptive size: some employees over the whole horizon; some over the days around every
 * weekend (daysNearWeekends); a window of days around a penalised cover cell; the same, focused on the cells that
 * could help (helpfulCells); a window of days anywhere. The first four free employees who could fix a penalised cover
 * cell (on a weekend, for the weekends kind) and others. Windows keep the days outside them
 * locked, which makes their MIPs far easier, so they free more employees at the same size, and the whole team once
 * that is easy, over windows that then grow. The focused kind pays where there are many shift types (its model
 * shrinks most) and the plain one where a fix needs a shift that is neither short nor anyone's in the neighbourhood;
 * the adaptive shares find out which on each problem (measured: focusing every kind gave instance 13, 18 types,
 * its best rosters, 4169–4517 against 4930–5041, and made the 42- and 84-day instances 15 and 19 worse).
 */
const MIP_KINDS = ['employees', 'weekends', 'cell', 'focused', 'window'] as const;
type MipKind = (typeof MIP_KINDS)[number];
/** The MIP neighbourhoods, and a kick of the iterated local search (bestResponse.ts) as a cheap move of its own. */
type Move = MipKind | 'kick';

/** The kinds that free a window of days, which grows and shrinks in days too. */
function isWindow(kind: MipKind): boolean {
  return kind === 'cell' || kind === 'focused' || kind === 'window';
}

/** The weekends kind needs two weekends to trade between; with fewer, a window covers what it would. */
function movesFor(indexed: IndexedProblem): Move[] {
  return [...MIP_KINDS.filter((kind) => kind !== 'weekends' || indexed.weekendCount >= 2), 'kick'];
}

function chooseNeighbourhood(indexed: IndexedProblem, cells: Cells, kind: MipKind, size: NeighbourhoodSize, random: Random): Neighbourhood {
  const { employeeCount: E, dayCount: D } = indexed;
  const length = size.days;
  const onWeekends = kind === 'weekends';
  const cell = kind === 'window' ? null : penalisedCell(indexed, cells, random, onWeekends ? (day) => indexed.weekendOfDay[day] >= 0 : undefined);
  const nearWeekend = onWeekends ? daysNearWeekends(indexed) : undefined;
  const keepsDay = (from: number): Neighbourhood['keepsDay'] =>
    nearWeekend ? (d) => !nearWeekend[d] : length >= D ? undefined : (d) => d < from || d >= from + length;
  if (cell) {
    const from = Math.max(0, Math.min(D - length, cell.day - random.below(length)));
    // Half of them could fix it: for a shortage, employees who may work that shift that day and do not; for an
    // excess, those on it. (Drawn from everyone not on it, most could not take it where each employee may work only
    // some types: on instance 13 a third of the types are closed to the average employee.)
    const related = [...Array(E).keys()].filter((e) =>
      cell.short ? cells[e][cell.day] !== cell.shift && mayWork(indexed, e, cell.day, cell.shift) : cells[e][cell.day] === cell.shift,
    );
    return { employees: fillUp(pick(related, Math.ceil(size.employees / 2), random), E, size.employees, random), keepsDay: keepsDay(from) };
  }
  return { employees: random.sample(E, size.employees), keepsDay: keepsDay(random.below(D - length + 1)) };
}

/**
 * The days the weekends kind frees: every weekend day and the day on either side, so a freed employee can trade a
 * weekend for another (their weekend limit counts all of them) and reshape the days around it (consecutive-day and
 * follow-on rules reach across the weekend's edges). Weekend cover is what the largest benchmark instances fall
 * short on with every employee at their weekend limit: 19 (84 days, 40 staff) had all 42 of its shortages on weekend
 * days, one for each weekend worked on one day only. The day windows hold one weekend, so they cannot move a
 * weekend from one employee to another, and whole-horizon rounds free too few employees to. Measured on 19 at 60 s:
 * 4144–4551 over five runs (mean 4316) against 4367–4767 over seven without (mean 4605); 8, 13, 15, 18 and the
 * 28-day cuts stayed within their spread. Two days either side instead of one made the whole team's MIP on a 19
 * roster too hard to improve in 120 s, where one day either side was proven in 8 s (−209).
 */
export function daysNearWeekends(indexed: IndexedProblem): boolean[] {
  const { dayCount: D, weekendOfDay } = indexed;
  return Array.from({ length: D }, (_, d) => weekendOfDay[d] >= 0 || (d > 0 && weekendOfDay[d - 1] >= 0) || (d + 1 < D && weekendOfDay[d + 1] >= 0));
}

/** A cover cell with a penalty, drawn with probability proportional to its penalty; null when none has one. */
function penalisedCell(indexed: IndexedProblem, cells: Cells, random: Random, onDay: (day: number) => boolean = () => true): { day: number; shift: number; short: boolean } | null {
  const penalised: { day: number; shift: number; short: boolean; penalty: number }[] = [];
  let total = 0;
  coverCounts(indexed, cells).forEach((byShift, day) =>
    byShift.forEach((count, shift) => {
      const gap = indexed.coverRequirement[day][shift] - count;
      const penalty = gap > 0 ? gap * indexed.underWeight[day][shift] : -gap * indexed.overWeight[day][shift];
      if (penalty <= 0 || !onDay(day)) return;
      penalised.push({ day, shift, short: gap > 0, penalty });
      total += penalty;
    }),
  );
  let draw = random.next() * total;
  for (const cell of penalised) {
    draw -= cell.penalty;
    if (draw < 0) return cell;
  }
  return penalised[penalised.length - 1] ?? null;
}

function pick(from: number[], count: number, random: Random): number[] {
  return random.sample(from.length, Math.min(count, from.length)).map((i) => from[i]);
}

/** Tops `chosen` up to `size` distinct employees with random others. */
function fillUp(chosen: number[], employeeCount: number, size: number, random: Random): number[] {
  const taken = new Set(chosen);
  for (const e of random.sample(employeeCount, employeeCount)) {
    if (taken.size >= Math.min(size, employeeCount)) break;
    taken.add(e);
  }
  return [...taken];
}

/**
 * The cells a freed employee may take in a neighbourhood's MIP: on each day, the shifts some freed employee works
 * now (so they can swap them), the shifts short of cover that day (so they can fill them), and the employee's own
 * shift-on requests. Other shifts could only help by moving cover that is already met, or a request of weight
 * below a shortage's; leaving them out cuts the model to a few shift types a day, so HiGHS proves far larger
 * neighbourhoods on problems with many types (instance 13 has 18).
 */
export function helpfulCells(indexed: IndexedProblem, cells: Cells, freed: number[]): (i: number, d: number, t: number) => boolean {
  const { dayCount: D, shiftCount: T } = indexed;
  const helpful = Array.from({ length: D }, () => new Array<boolean>(T).fill(false));
  const counts = coverCounts(indexed, cells);
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < T; t++) helpful[d][t] = counts[d][t] < indexed.coverRequirement[d][t] && indexed.underWeight[d][t] > 0;
    for (const e of freed) if (cells[e][d] >= 0) helpful[d][cells[e][d]] = true;
  }
  return (i, d, t) => helpful[d][t] || indexed.onWeight[freed[i]][d][t] > 0;
}
