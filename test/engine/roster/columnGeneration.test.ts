import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurtois } from '../../../shared/engine/roster';
import { indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells, objectiveOf } from '../../../shared/engine/roster/evaluate';
import { ColumnPool, MasterLp, diveToRoster } from '../../../shared/engine/roster/columnGeneration';
import { bestResponseSearch } from '../../../shared/engine/roster/bestResponse';
import { seededRandom } from '../../../shared/random/seeded';
import { getHighs } from '../../../shared/engine/common/highsRuntime';

const instance = (n: number) => indexProblem(parseCurtois(readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8')));
// HiGHS takes only a finite time limit; a minute is far more than these small instances need.
const noStop = { deadline: performance.now() + 60_000, shouldStop: () => false, integralObjective: true };

async function rootLp(n: number) {
  const highs = await getHighs();
  const indexed = instance(n);
  const empty = indexed.problem.employees.map(() => new Array<number>(indexed.dayCount).fill(OFF));
  const start = bestResponseSearch(indexed, empty, { deadline: Infinity, shouldStop: () => false, random: seededRandom(3) }, false);
  const pool = new ColumnPool(indexed);
  pool.addRoster(start);
  const master = new MasterLp(highs, indexed, pool);
  return { indexed, pool, master };
}

describe('column generation and diving', () => {
  it('dives to legal rosters no better than the LP bound, and after unfixAll the LP is the root relaxation again', async () => {
    const { indexed, pool, master } = await rootLp(1);
    try {
      const root = master.solve(noStop);
      if (root.kind !== 'done') throw new Error('the root LP failed');
      expect(root.converged).toBe(true);
      const random = seededRandom(11);
      for (const order of [undefined, random, random]) {
        const dive = diveToRoster(master, indexed, pool, noStop, order);
        if (!dive || 'failed' in dive) throw new Error('the dive failed');
        expect(evaluateCells(indexed, dive.cells).hardViolations).toEqual([]);
        expect(objectiveOf(indexed, dive.cells).total).toBeGreaterThanOrEqual(Math.ceil(root.lowerBound - 1e-6));
        master.unfixAll();
        for (let e = 0; e < indexed.employeeCount; e++) expect(master.isFixed(e)).toBe(false);
        const again = master.solve(noStop);
        if (again.kind !== 'done') throw new Error('the LP failed after unfixing');
        // The same relaxation with more columns: the same optimum (a fixed column left behind would raise it).
        expect(again.converged).toBe(true);
        expect(again.lpValue).toBeCloseTo(root.lpValue, 6);
      }
    } finally {
      master.dispose();
    }
  });

  it('gives up after a second round slower than the caller allows, unconverged, with the LP solved', async () => {
    const { master } = await rootLp(2);
    try {
      const result = master.solve({ ...noStop, slowRoundSec: 0 });
      if (result.kind !== 'done') throw new Error('the root LP failed');
      expect(result.converged).toBe(false);
      expect(master.columnValues()).not.toBeNull();
    } finally {
      master.dispose();
    }
  });
});
