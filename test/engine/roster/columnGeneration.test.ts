import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurtois } from '../../../shared/engine/roster';
import { FREE, indexProblem, OFF } from '../../../shared/engine/roster/indexedProblem';
import { evaluateCells, objectiveOf } from '../../../shared/engine/roster/evaluate';
import { ColumnPool, MasterLp, cellDiveToRoster, diveToRoster, relativeGap } from '../../../shared/engine/roster/columnGeneration';
import { bestResponseSearch } from '../../../shared/engine/roster/bestResponse';
import { seededRandom } from '../../../shared/random/seeded';
import { getHighs } from '../../../shared/engine/common/highsRuntime';
import { priceQueuePosition, type PricedPosition, type PricingPartner, type PricingRound } from '../../../shared/engine/roster/sharedPricing';
import type { IndexedProblem } from '../../../shared/engine/roster/indexedProblem';

const instance = (n: number) => indexProblem(parseCurtois(readFileSync(new URL(`../../fixtures/curtois/Instance${n}.txt`, import.meta.url), 'utf8')));
// HiGHS takes only a finite time limit; a minute is far more than these small instances need.
const noStop = { deadline: performance.now() + 60_000, shouldStop: () => false, integralObjective: true };

async function rootLp(n: number, partner?: PricingPartner) {
  const highs = await getHighs();
  const indexed = instance(n);
  const empty = indexed.problem.employees.map(() => new Array<number>(indexed.dayCount).fill(OFF));
  const start = bestResponseSearch(indexed, empty, { deadline: Infinity, shouldStop: () => false, random: seededRandom(3) }, false);
  const pool = new ColumnPool(indexed);
  pool.addRoster(start);
  const master = new MasterLp(highs, indexed, pool, partner);
  return { indexed, pool, master };
}

describe('column generation and diving', () => {
  it.each([
    ['columns', diveToRoster],
    ['cells', cellDiveToRoster],
  ])('dives on %s to legal rosters no better than the LP bound, and after unfixAll the LP is the root relaxation again', async (_, dive) => {
    const { indexed, pool, master } = await rootLp(3);
    try {
      const root = master.solve(noStop);
      if (root.kind !== 'done') throw new Error('the root LP failed');
      expect(root.converged).toBe(true);
      const random = seededRandom(11);
      for (const order of [undefined, random, random]) {
        const dived = dive(master, indexed, pool, noStop, order);
        if (!dived || 'failed' in dived) throw new Error('the dive failed');
        expect(evaluateCells(indexed, dived.cells).hardViolations).toEqual([]);
        expect(objectiveOf(indexed, dived.cells).total).toBeGreaterThanOrEqual(Math.ceil(root.lowerBound - 1e-6));
        master.unfixAll();
        for (let e = 0; e < indexed.employeeCount; e++) {
          expect(master.isFixed(e)).toBe(false);
          for (let d = 0; d < indexed.dayCount; d++) expect(master.lockOf(e, d)).toBe(FREE);
        }
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

  it('prices and keeps only columns that agree with a locked cell, and unfixAll frees it again', async () => {
    const { indexed, pool, master } = await rootLp(3);
    try {
      const root = master.solve(noStop);
      if (root.kind !== 'done') throw new Error('the root LP failed');
      // A cell is locked the other way from its employee's largest LP column, to what another pooled roster of the
      // same employee does that day (so one roster still agrees and the LP stays solvable).
      const values = master.columnValues()!;
      const lock = findDisagreement();
      function findDisagreement() {
        for (let employee = 0; employee < indexed.employeeCount; employee++) {
          const own = [...values.keys()].filter((i) => pool.columns[i].employee === employee).sort((a, b) => values[b] - values[a]);
          for (let day = 0; day < indexed.dayCount; day++) {
            const other = own.find((i) => pool.columns[i].row[day] !== pool.columns[own[0]].row[day]);
            if (other !== undefined) return { employee, day, shift: pool.columns[other].row[day] };
          }
        }
        throw new Error('no two pooled rosters of one employee differ');
      }
      master.lockCells([lock]);
      const locked = master.solve(noStop);
      if (locked.kind !== 'done') throw new Error('the locked LP failed');
      expect(locked.lpValue).toBeGreaterThanOrEqual(root.lpValue - 1e-6);
      master.columnValues()!.forEach((value, i) => {
        const { employee, row } = pool.columns[i];
        if (employee === lock.employee && value > 1e-9) expect(row[lock.day]).toBe(lock.shift);
      });
      master.unfixAll();
      expect(master.lockOf(lock.employee, lock.day)).toBe(FREE);
      const again = master.solve(noStop);
      if (again.kind !== 'done') throw new Error('the LP failed after unfixAll');
      expect(again.lpValue).toBeCloseTo(root.lpValue, 6);
    } finally {
      master.dispose();
    }
  });

  it.each([1, 2, 3])('with smoothed duals, instance %i reaches the same root LP, and every bound on the way is below it', async (n) => {
    // A fractional objective keeps both solves going to the exact LP optimum (no whole-number early close).
    const exact = { ...noStop, integralObjective: false };
    const plain = await rootLp(n);
    const smoothed = await rootLp(n);
    try {
      const reference = plain.master.solve(exact);
      if (reference.kind !== 'done' || !reference.converged) throw new Error('the plain root LP failed');
      for (const closeEnoughGap of [0.2, 0.05, 0.01]) {
        const early = smoothed.master.solve({ ...exact, smoothing: 0.5, closeEnoughGap });
        if (early.kind !== 'done') throw new Error('the smoothed root LP failed');
        expect(early.converged).toBe(true);
        expect(early.lowerBound).toBeLessThanOrEqual(reference.lpValue + 1e-6);
        expect(early.lpValue).toBeGreaterThanOrEqual(reference.lpValue - 1e-6);
        expect(relativeGap(early.lowerBound, early.lpValue)).toBeLessThanOrEqual(closeEnoughGap);
      }
      const full = smoothed.master.solve({ ...exact, smoothing: 0.5 });
      if (full.kind !== 'done' || !full.converged) throw new Error('the smoothed root LP did not converge');
      expect(full.lpValue).toBeCloseTo(reference.lpValue, 6);
    } finally {
      plain.master.dispose();
      smoothed.master.dispose();
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

  it('gives up in its first round when the round is on course to take longer than the caller allows, without a bound', async () => {
    const { master } = await rootLp(2);
    try {
      const hopeless = master.solve({ ...noStop, hopelessRoundSec: 0 });
      if (hopeless.kind !== 'done') throw new Error('the root LP failed');
      expect(hopeless.converged).toBe(false);
      expect(hopeless.lowerBound).toBe(-Infinity);
      // With a round's time to spare, the same LP converges.
      const affordable = master.solve({ ...noStop, hopelessRoundSec: 60 });
      if (affordable.kind !== 'done') throw new Error('the root LP failed');
      expect(affordable.converged).toBe(true);
    } finally {
      master.dispose();
    }
  });

  it.each([
    ['reports them', true],
    ['is gone before reporting them', false],
  ])('prices the same columns and reaches the same LP and bound when a partner takes every other employee and %s', async (_, reports) => {
    const alone = await rootLp(3);
    const partner = stepInPartner(alone.indexed, reports);
    const shared = await rootLp(3, partner);
    try {
      const [a, b] = [alone.master.solve(noStop), shared.master.solve(noStop)];
      if (a.kind !== 'done' || b.kind !== 'done') throw new Error('the root LP failed');
      expect(b).toEqual(a);
      expect(shared.pool.columns).toEqual(alone.pool.columns);
      expect(partner.positionsTaken).toBeGreaterThan(0);
    } finally {
      alone.master.dispose();
      shared.master.dispose();
    }
  });
});

/**
 * A stand-in for the helper thread, in this thread: before every other position this thread takes, it takes one
 * itself; it prices it at once and reports it at the next receive, or never reports and says it is gone.
 */
function stepInPartner(indexed: IndexedProblem, reports: boolean): PricingPartner & { positionsTaken: number } {
  let round: PricingRound | undefined;
  let next = 0;
  let outbox: PricedPosition[] = [];
  const partner = {
    positionsTaken: 0,
    open: (opened: PricingRound) => {
      round = opened;
      next = 0;
      outbox = [];
    },
    claim: (roundId: number) => {
      if (!round || round.id !== roundId) return undefined;
      if (next % 2 === 1 && next < round.employees.length) {
        const position = next++;
        partner.positionsTaken++;
        if (reports) outbox.push({ position, found: priceQueuePosition(indexed, round, position, Infinity) });
      }
      return next < round.employees.length ? next++ : undefined;
    },
    receive: () => {
      if (!reports) return null;
      const results = outbox;
      outbox = [];
      return results;
    },
  };
  return partner;
}
