import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangAMetrics, erlangB, erlangCMetrics, requiredAgents, type QueueMetrics } from '../../../shared/engine/staffing';

const traffic = (max: number) => fc.double({ min: 0.01, max, noNaN: true, noDefaultInfinity: true });
const aht = fc.double({ min: 10, max: 1800, noNaN: true, noDefaultInfinity: true });
const answer = fc.double({ min: 0, max: 300, noNaN: true, noDefaultInfinity: true });
const patience = fc.double({ min: 1, max: 1e5, noNaN: true, noDefaultInfinity: true });

function allFinite(metrics: QueueMetrics): boolean {
  return Object.entries(metrics).every(([key, value]) => {
    if (typeof value !== 'number') return true;
    if (Number.isNaN(value)) return false;
    return Number.isFinite(value) || (key === 'asaSec' && !metrics.stable);
  });
}

function probabilitiesInRange(metrics: QueueMetrics): boolean {
  const within = (p: number) => p >= 0 && p <= 1 + 1e-12;
  return within(metrics.pWait) && within(metrics.serviceLevel) && within(metrics.occupancy) && within(metrics.pAbandon);
}

describe('service level rises with agents', () => {
  it('Erlang C', () => {
    fc.assert(
      fc.property(traffic(500), aht, answer, fc.integer({ min: 1, max: 700 }), (a, ahtSec, answerSec, servers) => {
        const fewer = erlangCMetrics({ servers, traffic: a, ahtSec, answerSec });
        const more = erlangCMetrics({ servers: servers + 1, traffic: a, ahtSec, answerSec });
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
        expect(more.asaSec).toBeLessThanOrEqual(fewer.asaSec * (1 + 1e-12));
      }),
    );
  });

  it('Erlang A', () => {
    fc.assert(
      fc.property(traffic(300), aht, answer, patience, fc.integer({ min: 1, max: 400 }), (a, ahtSec, answerSec, patienceSec, servers) => {
        const fewer = erlangAMetrics({ servers, traffic: a, ahtSec, answerSec, patienceSec });
        const more = erlangAMetrics({ servers: servers + 1, traffic: a, ahtSec, answerSec, patienceSec });
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-9);
        expect(more.pAbandon).toBeLessThanOrEqual(fewer.pAbandon + 1e-9);
        expect(more.occupancy).toBeLessThanOrEqual(fewer.occupancy + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('service level falls with traffic', () => {
  it('Erlang C', () => {
    fc.assert(
      fc.property(traffic(500), fc.double({ min: 1.0001, max: 1.5, noNaN: true }), aht, answer, fc.integer({ min: 1, max: 700 }), (a, growth, ahtSec, answerSec, servers) => {
        const light = erlangCMetrics({ servers, traffic: a, ahtSec, answerSec });
        const heavy = erlangCMetrics({ servers, traffic: a * growth, ahtSec, answerSec });
        expect(heavy.serviceLevel).toBeLessThanOrEqual(light.serviceLevel + 1e-12);
        expect(heavy.pWait).toBeGreaterThanOrEqual(light.pWait - 1e-12);
      }),
    );
  });

  it('Erlang A', () => {
    fc.assert(
      fc.property(traffic(300), fc.double({ min: 1.0001, max: 1.5, noNaN: true }), aht, answer, patience, fc.integer({ min: 1, max: 400 }), (a, growth, ahtSec, answerSec, patienceSec, servers) => {
        const light = erlangAMetrics({ servers, traffic: a, ahtSec, answerSec, patienceSec });
        const heavy = erlangAMetrics({ servers, traffic: a * growth, ahtSec, answerSec, patienceSec });
        expect(heavy.serviceLevel).toBeLessThanOrEqual(light.serviceLevel + 1e-9);
        expect(heavy.pAbandon).toBeGreaterThanOrEqual(light.pAbandon - 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('no NaN, no overflow up to 5,000 agents and 4,000 Erlangs', () => {
  const servers = fc.integer({ min: 1, max: 5000 });

  it('Erlang B and C', () => {
    fc.assert(
      fc.property(servers, traffic(4000), aht, answer, (n, a, ahtSec, answerSec) => {
        const b = erlangB(n, a);
        expect(b >= 0 && b <= 1).toBe(true);
        const metrics = erlangCMetrics({ servers: n, traffic: a, ahtSec, answerSec });
        expect(allFinite(metrics)).toBe(true);
        expect(probabilitiesInRange(metrics)).toBe(true);
      }),
    );
  });

  it('Erlang A, including patience far beyond the handle time', () => {
    fc.assert(
      fc.property(servers, traffic(4000), aht, answer, fc.double({ min: 1, max: 1e8, noNaN: true }), (n, a, ahtSec, answerSec, patienceSec) => {
        const metrics = erlangAMetrics({ servers: n, traffic: a, ahtSec, answerSec, patienceSec });
        expect(allFinite(metrics)).toBe(true);
        expect(probabilitiesInRange(metrics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the edges themselves', () => {
    for (const [n, a] of [[5000, 4000], [5000, 0.01], [1, 4000], [4000, 4000], [4001, 4000], [5000, 4999.5]]) {
      for (const patienceSec of [undefined, 1, 300, 1e9]) {
        const load = { servers: n, traffic: a, ahtSec: 180, answerSec: 20 };
        const metrics = patienceSec === undefined ? erlangCMetrics(load) : erlangAMetrics({ ...load, patienceSec });
        expect(allFinite(metrics)).toBe(true);
        expect(probabilitiesInRange(metrics)).toBe(true);
      }
    }
  });
});

describe('Erlang A tends to Erlang C as patience grows', () => {
  it('within 1e-4 once patience is 10^6 times the handle time, for stable queues', () => {
    fc.assert(
      fc.property(traffic(200), fc.double({ min: 1.05, max: 2, noNaN: true }), answer, (a, headroom, answerSec) => {
        const servers = Math.ceil(a * headroom) + 1;
        const load = { servers, traffic: a, ahtSec: 180, answerSec };
        const c = erlangCMetrics(load);
        const patient = erlangAMetrics({ ...load, patienceSec: 180e6 });
        expect(Math.abs(patient.pWait - c.pWait)).toBeLessThan(1e-4);
        expect(Math.abs(patient.serviceLevel - c.serviceLevel)).toBeLessThan(1e-4);
        expect(Math.abs(patient.occupancy - c.occupancy)).toBeLessThan(1e-4);
      }),
      { numRuns: 200 },
    );
  });
});

describe('required agents', () => {
  it('meets the service level, and one agent fewer does not', () => {
    fc.assert(
      fc.property(traffic(500), aht, fc.double({ min: 0.05, max: 0.99, noNaN: true }), answer, (a, ahtSec, target, answerSec) => {
        const queue = { traffic: a, holdSec: ahtSec, serversPerAgent: 1 };
        const { agents, metrics } = requiredAgents(queue, { serviceLevel: target, answerSec });
        expect(metrics.serviceLevel).toBeGreaterThanOrEqual(target - 1e-12);
        if (agents > 1) {
          expect(erlangCMetrics({ servers: agents - 1, traffic: a, ahtSec, answerSec }).serviceLevel).toBeLessThan(target);
        }
      }),
    );
  });
});
