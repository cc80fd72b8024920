import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/erlang-cases.json';
import {
  evaluateAgents,
  liveQueue,
  MAX_AGENTS,
  requiredAgents,
  rosteredAgents,
  StaffingInputError,
  type StaffingTargets,
} from '../../../shared/engine/staffing';

const { erlangC: published, smallerChecks } = cases;
const publishedQueue = liveQueue({ contacts: published.callsPerInterval, intervalMin: published.intervalMin, ahtSec: published.ahtSec });

describe('required agents, published targets', () => {
  it.each(published.targets)(
    'SL $slTarget in 20 s with occupancy ≤ $maxOccupancy → $agents agents, $agentsWithShrinkage rostered at 30% shrinkage',
    (c) => {
      const result = requiredAgents(publishedQueue, { serviceLevel: c.slTarget, answerSec: published.answerSec, maxOccupancy: c.maxOccupancy });
      expect(result.agents).toBe(c.agents);
      expect(rosteredAgents(result.agents, c.shrinkage)).toBe(c.agentsWithShrinkage);
    },
  );

  it('names the target that decided: service level at a 0.85 cap, occupancy at a 0.70 cap', () => {
    const base = { serviceLevel: 0.8, answerSec: 20 };
    expect(requiredAgents(publishedQueue, { ...base, maxOccupancy: 0.85 }).limitingTarget).toBe('serviceLevel');
    const capped = requiredAgents(publishedQueue, { ...base, maxOccupancy: 0.7 });
    expect(capped.limitingTarget).toBe('occupancy');
    expect(capped.agentsExact).toBeCloseTo(10 / 0.7, 12);
  });

  it('interpolates the exact requirement between the service levels of 13 and 14 agents', () => {
    const result = requiredAgents(publishedQueue, { serviceLevel: 0.8, answerSec: 20 });
    const sl13 = evaluateAgents(publishedQueue, 13, 20).serviceLevel;
    const sl14 = evaluateAgents(publishedQueue, 14, 20).serviceLevel;
    expect(result.agentsExact).toBeCloseTo(13 + (0.8 - sl13) / (sl14 - sl13), 12);
  });

  it('reports the metrics of the agents it returns', () => {
    const result = requiredAgents(publishedQueue, { serviceLevel: 0.8, answerSec: 20 });
    expect(result.metrics.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(result.metrics.occupancy).toBeCloseTo(0.7143, 4);
  });
});

describe('required agents, smaller checks', () => {
  const c = smallerChecks.longerInterval;
  const queue = liveQueue({ contacts: c.callsPerInterval, intervalMin: c.intervalMin, ahtSec: c.ahtSec });

  it('80% in 60 s needs 13 agents', () => {
    expect(requiredAgents(queue, { serviceLevel: c.serviceLevel.slTarget, answerSec: c.serviceLevel.answerSec }).agents).toBe(
      c.serviceLevel.agents,
    );
  });

  it('ASA ≤ 120 s needs 12 agents', () => {
    const result = requiredAgents(queue, { answerSec: 60, maxAsaSec: c.asa.asaTargetSec });
    expect(result.agents).toBe(c.asa.agents);
    expect(result.limitingTarget).toBe('asa');
    expect(result.agentsExact).toBeGreaterThan(11);
    expect(result.agentsExact).toBeLessThanOrEqual(12);
  });
});

describe('required agents is the smallest staffing meeting every target', () => {
  const targetSets: StaffingTargets[] = [
    { serviceLevel: 0.8, answerSec: 20 },
    { serviceLevel: 0.95, answerSec: 10, maxOccupancy: 0.85 },
    { answerSec: 20, maxAsaSec: 15 },
    { serviceLevel: 0.5, answerSec: 60, maxAsaSec: 30, maxOccupancy: 0.9 },
  ];
  const loads = [0.2, 3.7, 10, 47.5, 180, 1234];
  for (const targets of targetSets) {
    for (const traffic of loads) {
      for (const patienceSec of [undefined, 120]) {
        it(`${JSON.stringify(targets)} at ${traffic} Erlangs${patienceSec ? ', patience 120 s' : ''}`, () => {
          const queue = { traffic, holdSec: 240, serversPerAgent: 1, patienceSec };
          const { agents, agentsExact } = requiredAgents(queue, targets);
          const meets = (n: number) => {
            const m = evaluateAgents(queue, n, targets.answerSec);
            return (
              (targets.serviceLevel === undefined || m.serviceLevel >= targets.serviceLevel) &&
              (targets.maxAsaSec === undefined || m.asaSec <= targets.maxAsaSec) &&
              (targets.maxOccupancy === undefined || m.occupancy <= targets.maxOccupancy)
            );
          };
          expect(meets(agents)).toBe(true);
          if (agents > 1) expect(meets(agents - 1)).toBe(false);
          expect(agentsExact).toBeGreaterThanOrEqual(agents - 1);
          expect(agentsExact).toBeLessThanOrEqual(agents);
        });
      }
    }
  }
});

describe('Erlang A targets', () => {
  const queue = liveQueue({ contacts: 100, intervalMin: 30, ahtSec: 180, patienceSec: 300 });

  it('meets a maximum abandonment and fails it one agent below', () => {
    const result = requiredAgents(queue, { answerSec: 20, maxAbandon: 0.005 });
    expect(result.limitingTarget).toBe('abandonment');
    expect(result.metrics.pAbandon).toBeLessThanOrEqual(0.005);
    expect(evaluateAgents(queue, result.agents - 1, 20).pAbandon).toBeGreaterThan(0.005);
  });

  it('needs no more agents than Erlang C for the same service level, since callers who leave free the queue', () => {
    const patient = requiredAgents(publishedQueue, { serviceLevel: 0.8, answerSec: 20 }).agents;
    expect(requiredAgents(queue, { serviceLevel: 0.8, answerSec: 20 }).agents).toBeLessThanOrEqual(patient);
  });

  it('can need fewer agents than Erlangs when patience is short', () => {
    const impatient = liveQueue({ contacts: 2000, intervalMin: 30, ahtSec: 180, patienceSec: 5 });
    const result = requiredAgents(impatient, { serviceLevel: 0.5, answerSec: 30 });
    expect(result.agents).toBeLessThan(impatient.traffic);
    expect(result.metrics.serviceLevel).toBeGreaterThanOrEqual(0.5);
  });
});

describe('loads and limits', () => {
  it('needs no agents for no calls', () => {
    const result = requiredAgents(liveQueue({ contacts: 0, intervalMin: 15, ahtSec: 300 }), { serviceLevel: 0.8, answerSec: 20 });
    expect(result).toMatchObject({ agents: 0, agentsExact: 0, limitingTarget: null });
    expect(result.metrics.serviceLevel).toBe(1);
  });

  it('solves 4,000 Erlangs just above the load', () => {
    const result = requiredAgents({ traffic: 4000, holdSec: 180, serversPerAgent: 1 }, { serviceLevel: 0.8, answerSec: 20 });
    expect(result.agents).toBeGreaterThan(4000);
    expect(result.agents).toBeLessThan(4100);
    expect(result.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses a load no staff within the agent limit can carry', () => {
    const huge = { traffic: MAX_AGENTS * 2, holdSec: 180, serversPerAgent: 1 };
    expect(() => requiredAgents(huge, { serviceLevel: 0.8, answerSec: 20 })).toThrow(StaffingInputError);
    try {
      requiredAgents(huge, { serviceLevel: 0.8, answerSec: 20 });
    } catch (error) {
      expect((error as StaffingInputError).field).toBe('callsPerInterval');
      expect((error as Error).message).toMatch(/more than 100,000 agents/);
    }
  });
});
