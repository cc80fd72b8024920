import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRoster, formatRosterCsv, parseCurtois, solveRoster } from '../../../shared/engine/roster';
import type { RosterAssignment } from '../../../shared/engine/roster';
import { readInstance, scoreRoster } from './curtoisReference';

const instanceText = (n: number) => readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8');

/**
 * Work bounds instead of a tight clock: the outcome is then the same however busy the machine is (the time limit is
 * only a safety net that a healthy run never reaches). How fast the optimum comes is measured by the roster bench.
 */
const DETERMINISTIC = { timeLimitSec: 600, effort: { mipNodes: 20_000, neighbourhoodRounds: 20 } };

describe.each([
  [1, 607],
  [2, 828],
  [3, 1001],
])('Curtois & Qu instance %i', (n, bestKnown) => {
  it(`is solved to the published optimum ${bestKnown}, which an independent scorer confirms`, async () => {
    const text = instanceText(n);
    const problem = parseCurtois(text);
    const solution = await solveRoster(problem, DETERMINISTIC);

    expect(solution.hardViolations).toEqual([]);
    expect(solution.objective.total).toBe(bestKnown);
    expect(solution.status).toBe('optimal');
    expect(solution.lowerBound).toBeCloseTo(bestKnown, 6);
    expect(scoreRoster(readInstance(text), formatRosterCsv(problem, solution.assignment))).toEqual({ objective: bestKnown, brokenRules: [] });
  }, 700_000);
});

describe('evaluateRoster against the independent scorer', () => {
  it('agrees on the objective and on whether any hard rule is broken, for arbitrary rosters', () => {
    const text = instanceText(2);
    const problem = parseCurtois(text);
    const reference = readInstance(text);
    const cell = fc.constantFrom<string | null>(null, null, 'E', 'L');
    const roster = fc.array(fc.array(cell, { minLength: problem.days, maxLength: problem.days }), {
      minLength: problem.employees.length,
      maxLength: problem.employees.length,
    });
    fc.assert(
      fc.property(roster, (assignment: RosterAssignment) => {
        const ours = evaluateRoster(problem, assignment);
        const theirs = scoreRoster(reference, formatRosterCsv(problem, assignment));
        expect(ours.objective.total).toBe(theirs.objective);
        expect(ours.hardViolations.length === 0).toBe(theirs.brokenRules.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on legal rosters too (random rosters are almost never legal)', async () => {
    const text = instanceText(2);
    const problem = parseCurtois(text);
    const solution = await solveRoster(problem, { timeLimitSec: 1, heuristicOnly: true });
    const theirs = scoreRoster(readInstance(text), formatRosterCsv(problem, solution.assignment));
    expect(solution.hardViolations).toEqual([]);
    expect(theirs).toEqual({ objective: solution.objective.total, brokenRules: [] });
  });
});
