import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurtois, solveRoster, type RosterHelperJob, type RosterHelperStarter } from '../../../shared/engine/roster';
import { indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells, objectiveOf, toCells, type Cells } from '../../../shared/engine/roster/evaluate';
import { neighbourhoodSearch } from '../../../shared/engine/roster/neighbourhoodSearch';
import { bestResponseSearch } from '../../../shared/engine/roster/bestResponse';
import { runRosterHelper } from '../../../shared/engine/roster/helperSearch';
import { seededRandom } from '../../../shared/random/seeded';
import { getHighs } from '../../../shared/engine/common/highsRuntime';

const problemOf = (n: number) => parseCurtois(readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8'));
const descended = (n: number, seed: number): Cells => {
  const indexed = indexProblem(problemOf(n));
  const empty = indexed.problem.employees.map(() => new Array<number>(indexed.dayCount).fill(OFF));
  return bestResponseSearch(indexed, empty, { deadline: Infinity, shouldStop: () => false, random: seededRandom(seed) }, false);
};

describe('neighbourhoodSearch with an incoming roster', () => {
  it('continues from a better roster found elsewhere and ignores a worse one', async () => {
    const highs = await getHighs();
    const indexed = indexProblem(problemOf(3));
    const poor = descended(3, 1);
    const good = (await solveRoster(indexed.problem, { timeLimitSec: 600, effort: { mipNodes: 2_000, neighbourhoodRounds: 5 } })).assignment;
    const goodCells = toCells(indexed, good).cells;
    expect(objectiveOf(indexed, goodCells).total).toBeLessThan(objectiveOf(indexed, poor).total);
    const control = { deadline: Infinity, shouldStop: () => false, random: seededRandom(2), onImproved: () => undefined, integralObjective: true, target: -Infinity, maxRounds: 0 };

    // No rounds at all: the outcome is the start, or the incoming roster when it is better.
    const adopted = neighbourhoodSearch(highs, indexed, poor, { ...control, incoming: () => goodCells });
    expect(objectiveOf(indexed, adopted.cells).total).toBe(objectiveOf(indexed, goodCells).total);
    const kept = neighbourhoodSearch(highs, indexed, goodCells, { ...control, incoming: () => poor });
    expect(objectiveOf(indexed, kept.cells).total).toBe(objectiveOf(indexed, goodCells).total);
  });
});

describe('runRosterHelper (the helper thread\'s work, run in-process with a fake link)', () => {
  it('sends only better, legal rosters, takes the main thread\'s better one, and stops after its rounds', async () => {
    const problem = problemOf(3);
    const indexed = indexProblem(problem);
    const start = descended(3, 3);
    const shared: Cells[] = [];
    let received = 0;
    const job: RosterHelperJob = { problem, start, timeLimitSec: 600, seed: 5, neighbourhoodRounds: 8, mipNodes: 1_000 };
    const outcome = await runRosterHelper(job, {
      share: (cells) => shared.push(cells.map((row) => row.slice())),
      receive: () => (received++ === 0 ? start : undefined),
      shouldStop: () => false,
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.rounds).toBe(8);
    expect(received).toBeGreaterThan(1);
    let previous = objectiveOf(indexed, start).total;
    for (const cells of shared) {
      expect(evaluateCells(indexed, cells).hardViolations).toEqual([]);
      const objective = objectiveOf(indexed, cells).total;
      expect(objective).toBeLessThan(previous);
      previous = objective;
    }
  });

  it('stops at once when asked', async () => {
    const problem = problemOf(3);
    const outcome = await runRosterHelper({ problem, start: descended(3, 4), timeLimitSec: 600, seed: 1 }, { share: () => undefined, receive: () => undefined, shouldStop: () => true });
    expect(outcome.rounds).toBe(0);
  });
});

describe('solveRoster with a helper', () => {
  it('takes a better roster the helper sends, shares its own, and stops the helper', async () => {
    const problem = problemOf(2);
    const indexed = indexProblem(problem);
    const reference = await solveRoster(problem, { timeLimitSec: 600, effort: { mipNodes: 2_000, neighbourhoodRounds: 5 } });
    const referenceCells = toCells(indexed, reference.assignment).cells;
    const jobs: RosterHelperJob[] = [];
    const sharedByMain: Cells[] = [];
    let stopped = 0;
    let sent = false;
    const startHelper: RosterHelperStarter = (job) => {
      jobs.push(job);
      return {
        share: (cells) => sharedByMain.push(cells),
        receive: () => (sent ? undefined : ((sent = true), referenceCells)),
        stop: () => stopped++,
      };
    };
    const solution = await solveRoster(problem, { timeLimitSec: 600, effort: { mipNodes: 2_000, neighbourhoodRounds: 5 }, startHelper });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].problem.employees).toHaveLength(problem.employees.length);
    expect(evaluateCells(indexProblem(jobs[0].problem), jobs[0].start).hardViolations).toEqual([]);
    expect(stopped).toBe(1);
    expect(sent).toBe(true);
    expect(solution.objective.total).toBeLessThanOrEqual(reference.objective.total);
    expect(solution.hardViolations).toEqual([]);
    for (const cells of sharedByMain) expect(evaluateCells(indexed, cells).hardViolations).toEqual([]);
  });

  it('returns the helper\'s roster when Stop comes before this thread found anything as good', async () => {
    const problem = problemOf(2);
    const indexed = indexProblem(problem);
    const reference = await solveRoster(problem, { timeLimitSec: 600, effort: { mipNodes: 2_000, neighbourhoodRounds: 5 } });
    const stoppedAtOnce = await solveRoster(problem, { timeLimitSec: 600, shouldCancel: () => true });
    expect(stoppedAtOnce.objective.total).toBeGreaterThan(reference.objective.total);
    let sent = false;
    const startHelper: RosterHelperStarter = () => ({
      share: () => undefined,
      receive: () => (sent ? undefined : ((sent = true), toCells(indexed, reference.assignment).cells)),
      stop: () => undefined,
    });
    const solution = await solveRoster(problem, { timeLimitSec: 600, shouldCancel: () => true, startHelper });
    expect(solution.objective.total).toBe(reference.objective.total);
    expect(solution.hardViolations).toEqual([]);
  });

  it('is not started for a heuristic-only solve', async () => {
    let started = 0;
    await solveRoster(problemOf(1), { timeLimitSec: 1, heuristicOnly: true, startHelper: () => (started++, undefined) });
    expect(started).toBe(0);
  });
});
