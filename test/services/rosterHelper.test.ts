import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parseCurtois } from '../../shared/engine/roster';
import { indexProblem } from '../../shared/engine/roster/indexedProblem';
import { cheapestRosters } from '../../shared/engine/roster/employeeDp';
import { seededRandom } from '../../shared/random/seeded';
import { evaluateCells, objectiveOf, type Cells } from '../../shared/engine/roster/evaluate';
import { secondCoreMonitor, startHelperThread } from '../../electron/services/rosterHelper';

describe('startRosterHelper (a real worker thread, the TypeScript source through tsx)', () => {
  it('sends better legal rosters from another thread until stopped', { timeout: 120_000 }, async () => {
    const problem = parseCurtois(readFileSync(new URL('../fixtures/curtois/Instance2.txt', import.meta.url), 'utf8'));
    const indexed = indexProblem(problem);
    // Each employee's cheapest legal roster at random prices: legal, and far from good, so any search improves on it.
    const random = seededRandom(3);
    const start: Cells = problem.employees.map((_, e) => cheapestRosters(indexed, e, indexed.coverRequirement.map((shifts) => shifts.map(() => random.next() * 100 - 50)))[0].row);
    expect(evaluateCells(indexed, start).hardViolations).toEqual([]);
    // This test's thread sleeps while it waits, so the process uses one core: the CPU check is left out here.
    const helper = startHelperThread({ problem, start, timeLimitSec: 60, seed: 1 });
    expect(helper).toBeDefined();
    let received: Cells | undefined;
    // Polled the way the solver polls it; the wait is a ceiling for a loaded machine, not a speed assertion.
    for (let waited = 0; !received && waited < 100_000; waited += 100) {
      received = helper!.receive();
      if (!received) await sleep(100);
    }
    helper!.stop();
    expect(received).toBeDefined();
    expect(evaluateCells(indexed, received!).hardViolations).toEqual([]);
    expect(objectiveOf(indexed, received!).total).toBeLessThan(objectiveOf(indexed, start).total);
  });
});

describe('secondCoreMonitor', () => {
  it('stops the helper after two windows in a row in which the process got less than 1.5 cores of CPU', () => {
    let now = 0;
    let cpu = 0;
    const keepsPaying = secondCoreMonitor(() => cpu, () => now);
    const window = (coresInUse: number) => {
      now += 2000;
      cpu += 2 * coresInUse;
      return keepsPaying();
    };
    expect(window(1.9)).toBe(true);
    expect(window(1.0)).toBe(true); // one slow window (e.g. garbage collection) is forgiven
    expect(window(1.8)).toBe(true);
    expect(window(1.2)).toBe(true);
    expect(window(0.9)).toBe(false);
  });
});
