import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parseCurtois } from '../../shared/engine/roster';
import { indexProblem } from '../../shared/engine/roster/indexedProblem';
import { cheapestRosters } from '../../shared/engine/roster/employeeDp';
import { seededRandom } from '../../shared/random/seeded';
import { evaluateCells, objectiveOf, type Cells } from '../../shared/engine/roster/evaluate';
import { pricingDesk, pricingPartner, secondCoreMonitor, startHelperThread, type PricingQueue } from '../../electron/services/rosterHelper';
import { ColumnPool, MasterLp } from '../../shared/engine/roster/columnGeneration';
import { getHighs } from '../../shared/engine/common/highsRuntime';
import type { PricingPartner, PricingRound } from '../../shared/engine/roster/sharedPricing';
import { MessageChannel } from 'node:worker_threads';

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

describe('the shared pricing queue', () => {
  const round = (id: number, count: number): PricingRound => ({
    id,
    cellCosts: Array.from({ length: count }, () => [[0]]),
    employees: Array.from({ length: count }, (_, employee) => ({ employee, costBelow: 0 })),
    locked: null,
    rostersPerEmployee: 1,
    endsAt: Infinity,
  });
  const queues = () => {
    const { port1, port2 } = new MessageChannel();
    const claims = new BigInt64Array(new SharedArrayBuffer(8));
    const posted = new Int32Array(new SharedArrayBuffer(4));
    const main: PricingQueue = { port: port1, claims, posted };
    const helper: PricingQueue = { port: port2, claims, posted };
    return { main, helper, close: () => (port1.close(), port2.close()) };
  };
  const found = (position: number) => ({ position, found: { rosters: [{ row: [position], cost: position }], leastCost: position } });

  it("gives each position of the open round to exactly one end, and the helper's results back to the main thread", () => {
    const { main, helper, close } = queues();
    let gone = false;
    const partner = pricingPartner(main, () => gone);
    const desk = pricingDesk(helper);
    try {
      expect(desk.pending()).toBeUndefined();
      partner.open(round(1, 5));
      expect(partner.claim(1)).toBe(0);
      const pending = desk.pending()!;
      expect(pending.id).toBe(1);
      expect(desk.pending()).toBeUndefined(); // each round is handed over once
      expect([desk.claim(1), desk.claim(1), partner.claim(1), desk.claim(1)]).toEqual([1, 2, 3, 4]);
      expect([partner.claim(1), desk.claim(1)]).toEqual([undefined, undefined]);
      for (const position of [1, 2, 4]) desk.post(1, found(position));
      expect(partner.receive(1, 1000)).toEqual([found(1), found(2), found(4)]);

      // A new round closes the old one: the helper's claims on it fail, and its late results are dropped.
      partner.open(round(2, 2));
      expect(desk.claim(1)).toBeUndefined();
      desk.post(1, found(0));
      expect(desk.pending()!.id).toBe(2);
      expect(desk.claim(2)).toBe(0);
      desk.post(2, found(0));
      expect(partner.receive(2, 1000)).toEqual([found(0)]);
      // Waiting for a result that does not come returns none after the wait.
      expect(partner.receive(2, 10)).toEqual([]);
      // Once the helper is gone nothing more will come, and this thread takes every position.
      gone = true;
      partner.open(round(3, 2));
      expect(partner.receive(3, 1000)).toBeNull();
      expect([partner.claim(3), partner.claim(3), partner.claim(3)]).toEqual([0, 1, undefined]);
    } finally {
      close();
    }
  });

  it('with a real helper thread pricing part of each round, column generation reaches the same LP, bound and columns as alone', { timeout: 120_000 }, async () => {
    const problem = parseCurtois(readFileSync(new URL('../fixtures/curtois/Instance3.txt', import.meta.url), 'utf8'));
    const indexed = indexProblem(problem);
    const random = seededRandom(3);
    const start: Cells = problem.employees.map((_, e) => cheapestRosters(indexed, e, indexed.coverRequirement.map((shifts) => shifts.map(() => random.next() * 100 - 50)))[0].row);
    const highs = await getHighs();
    const rootLp = (partner?: PricingPartner) => {
      const pool = new ColumnPool(indexed);
      pool.addRoster(start);
      const master = new MasterLp(highs, indexed, pool, partner);
      try {
        return { result: master.solve({ deadline: performance.now() + 60_000, shouldStop: () => false, integralObjective: true, smoothing: 0.5 }), columns: pool.columns };
      } finally {
        master.dispose();
      }
    };
    const alone = rootLp();
    const helper = startHelperThread({ problem, start, timeLimitSec: 100, seed: 1 })!;
    try {
      // The helper joins a round only at its checkpoints, so a few solves may pass before it has priced anything.
      let pricedThere = 0;
      for (let attempt = 0; attempt < 20 && pricedThere === 0; attempt++) {
        if (attempt > 0) await sleep(200);
        const partner = helper.pricing!;
        const shared = rootLp({
          ...partner,
          receive: (roundId, waitMs) => {
            const results = partner.receive(roundId, waitMs);
            pricedThere += results?.length ?? 0;
            return results;
          },
        });
        expect(shared.result).toEqual(alone.result);
        expect(shared.columns).toEqual(alone.columns);
      }
      expect(pricedThere).toBeGreaterThan(0);
    } finally {
      helper.stop();
    }
  });
});
