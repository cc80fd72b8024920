import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configureHighs, evaluateRoster, RosterProblemError, solveRoster } from '../../../shared/engine/roster';
import type { RosterProblem } from '../../../shared/engine/roster';
import { indexProblem } from '../../../shared/engine/roster/indexedProblem';
import { buildMipModel } from '../../../shared/engine/roster/mipModel';
import { runMip } from '../../../shared/engine/roster/mipSolve';
import { getHighs } from '../../../shared/engine/common/highsRuntime';
import { employee, twoShiftProblem } from './rosterFixtures';

/** Three employees who must each work 5–7 of 14 days, against a cover of two earlies and one late a day. */
const team = (extra: Partial<RosterProblem> = {}) =>
  twoShiftProblem(
    ['A', 'B', 'C'].map((id) =>
      employee(id, { minTotalMinutes: 5 * 480, maxTotalMinutes: 7 * 480, maxConsecutiveShifts: 4, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1 }),
    ),
    {
      cover: Array.from({ length: 14 }, (_, day) => [
        { day, shift: 'E', requirement: 2, underWeight: 100, overWeight: 10 },
        { day, shift: 'L', requirement: 1, underWeight: 100, overWeight: 10 },
      ]).flat(),
      ...extra,
    },
  );

afterEach(() => configureHighs({}));

/** Work bounds instead of a tight clock, so the outcome does not depend on machine load (see solveCurtois.test.ts). */
const DETERMINISTIC = { timeLimitSec: 300, effort: { mipNodes: 5_000, neighbourhoodRounds: 20 } };

describe('solveRoster', () => {
  it('honours locked assignments and solves around them', async () => {
    const problem = team();
    problem.employees[0].fixed = [
      { day: 0, shift: 'L' },
      { day: 1, shift: 'L' },
      { day: 5, shift: null },
    ];
    const solution = await solveRoster(problem, DETERMINISTIC);
    expect(solution.hardViolations).toEqual([]);
    expect(solution.assignment[0].slice(0, 2)).toEqual(['L', 'L']);
    expect(solution.assignment[0][5]).toBeNull();
    expect(evaluateRoster(problem, solution.assignment)).toEqual({ objective: solution.objective, hardViolations: [] });
  });

  it('still returns a roster when an employee’s rules cannot be met, and says which rules break', async () => {
    const problem = team();
    // B must work at least 5 days but has 10 of the 14 days off.
    problem.employees[1].daysOff = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const solution = await solveRoster(problem, DETERMINISTIC);
    expect(solution.status).toBe('infeasible');
    expect(solution.assignment).toHaveLength(3);
    expect(solution.hardViolations.map((v) => [v.employee, v.rule])).toEqual([['B', 'min-total-minutes']]);
    expect(solution.hardViolations[0].message).toMatch(/^B works \d+ minutes \(at least 2400\)$/);
  });

  it('keeps a lock that breaks a rule, breaking only that rule', async () => {
    const problem = team();
    problem.employees[2].daysOff = [4];
    problem.employees[2].fixed = [{ day: 4, shift: 'E' }];
    const solution = await solveRoster(problem, DETERMINISTIC);
    expect(solution.status).toBe('infeasible');
    expect(solution.assignment[2][4]).toBe('E');
    expect(solution.hardViolations.map((v) => [v.employee, v.rule, v.days])).toEqual([['C', 'day-off', [4]]]);
  });

  it('reports progress as a growing fraction with the best objective so far', async () => {
    const reports: [number, string, number?][] = [];
    const solution = await solveRoster(team(), { ...DETERMINISTIC, onProgress: (...report) => reports.push(report) });
    expect(reports.length).toBeGreaterThan(1);
    const fractions = reports.map(([fraction]) => fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(reports[reports.length - 1][2]).toBe(solution.objective.total);
  });

  it('returns at once when cancelled before it starts, still with a roster of the right shape', async () => {
    const stages: string[] = [];
    const solution = await solveRoster(team(), { timeLimitSec: 60, shouldCancel: () => true, onProgress: (_, stage) => stages.push(stage) });
    // No stage after the first roster ran (how quickly Stop returns, in seconds, is measured by the roster bench).
    expect(stages.filter((stage) => !/^(building a first roster|done)/.test(stage))).toEqual([]);
    expect(solution.assignment).toHaveLength(3);
    expect(solution.assignment.every((row) => row.length === 14)).toBe(true);
  });

  it('keeps the time limit even when the first rosters do not fit in it: those not reached start with every day off, and it says so', async () => {
    // A limit that has passed before the first employee's search (on year-long problems with large teams, these
    // searches alone can take minutes).
    const solution = await solveRoster(team(), { timeLimitSec: 1e-6 });
    expect(solution.assignment.every((row) => row.every((shift) => shift === null))).toBe(true);
    // Each employee falls short of their 5 shifts' minutes: listed, and the status does not claim a legal roster.
    expect(solution.hardViolations.map((v) => v.rule)).toEqual(['min-total-minutes', 'min-total-minutes', 'min-total-minutes']);
    expect(solution.status).toBe('unknown');
    expect(solution.solverNote).toBe('the time ran out before 3 of 3 employees had a first roster; they were given every day off, so give the solve more time');
  });

  it('returns the best roster found so far when cancelled midway', async () => {
    let firstObjective: number | undefined;
    const solution = await solveRoster(team(), {
      timeLimitSec: 60,
      onProgress: (_, __, best) => (firstObjective ??= best),
      shouldCancel: () => firstObjective !== undefined,
    });
    expect(solution.hardViolations).toEqual([]);
    expect(solution.objective.total).toBeLessThanOrEqual(firstObjective!);
  });

  it('rejects a problem that refers to unknown ids or has impossible values, saying where', async () => {
    const unknownShift = team({ cover: [{ day: 0, shift: 'N', requirement: 1, underWeight: 1, overWeight: 1 }] });
    await expect(solveRoster(unknownShift)).rejects.toThrow(new RosterProblemError('cover 1: unknown shift type "N"'));
    const twice = twoShiftProblem([employee('A'), employee('A')]);
    await expect(solveRoster(twice)).rejects.toThrow('employee id "A" appears twice');
    const negative = team({ shiftOnRequests: [{ employee: 'A', day: 3, shift: 'E', weight: -1 }] });
    await expect(solveRoster(negative)).rejects.toThrow('shift-on request 1: weight must be a finite number ≥ 0, got -1');
    const outside = team();
    outside.employees[0].daysOff = [14];
    await expect(solveRoster(outside)).rejects.toThrow('employee "A" daysOff: day 14 is outside the horizon 0–13');
  });

  it('handles a team without employees or without shift types', async () => {
    const empty = await solveRoster(team({ employees: [] }), { timeLimitSec: 2 });
    expect(empty.assignment).toEqual([]);
    expect(empty.objective.under).toBe(14 * 3 * 100);
    const noShifts = await solveRoster(twoShiftProblem([employee('A')], { shiftTypes: [] }), { timeLimitSec: 2 });
    expect(noShifts.assignment).toEqual([new Array(14).fill(null)]);
    expect(noShifts.status).toBe('optimal');
  });

  it('returns a roster of the right shape from a very short time limit (the overrun is measured by the roster bench)', async () => {
    const solution = await solveRoster(team(), { timeLimitSec: 0.5 });
    expect(solution.assignment).toHaveLength(3);
    expect(solution.assignment.every((row) => row.length === 14)).toBe(true);
  });

  it('falls back to the heuristic when HiGHS cannot be loaded', async () => {
    configureHighs({ locateFile: () => '/nonexistent/highs.wasm' });
    const solution = await solveRoster(team(), { timeLimitSec: 1 });
    expect(solution.solverNote).toMatch(/^HiGHS failed while loading the solver: /);
    expect(solution.hardViolations).toEqual([]);
    expect(solution.status).toBe('feasible');
  });

  it('finds the same optimum as the compact MIP alone, on small random problems', async () => {
    const highs = await getHighs();
    const cover = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(cover, cover, fc.integer({ min: 0, max: 4 }), async (earlies, lates, minShifts) => {
        const problem = team({
          days: 7,
          cover: earlies.flatMap((requirement, day) => [
            { day, shift: 'E', requirement, underWeight: 100, overWeight: 10 },
            { day, shift: 'L', requirement: lates[day], underWeight: 100, overWeight: 10 },
          ]),
        });
        for (const e of problem.employees) e.minTotalMinutes = minShifts * 480;
        const solution = await solveRoster(problem, DETERMINISTIC);
        const compact = runMip(highs, buildMipModel(indexProblem(problem)), { timeLimitSec: 300, nodeLimit: 20_000, integralObjective: true });
        expect(solution.status).toBe('optimal');
        expect(compact.kind === 'solved' && compact.optimal).toBe(true);
        if (compact.kind === 'solved') expect(solution.objective.total).toBe(Math.round(compact.objective));
      }),
      { numRuns: 8 },
    );
  });
});
