import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/erlang-cases.json';
import { erlangB, erlangC, erlangCMetrics, offeredTraffic } from '../../../shared/engine/staffing';
import { erlangBByDefinition } from './independentReference';

const { erlangC: published, smallerChecks, offByOneWarning, tolerance } = cases;

describe('Erlang C, published case: 100 calls in 30 min, AHT 180 s, 20 s answer time', () => {
  it('has 10 Erlangs of traffic', () => {
    expect(offeredTraffic(published.callsPerInterval, published.ahtSec, published.intervalMin)).toBe(published.traffic);
  });

  it.each(published.rows)('$agents agents: P(wait) $pWait, SL $serviceLevel, ASA $asaSec s, occupancy $occupancy', (row) => {
    const metrics = erlangCMetrics({
      servers: row.agents,
      traffic: published.traffic,
      ahtSec: published.ahtSec,
      answerSec: published.answerSec,
    });
    expect(metrics.pWait).toBeCloseTo(row.pWait, 3);
    expect(Math.abs(metrics.pWait - row.pWait)).toBeLessThan(tolerance.probability);
    expect(Math.abs(metrics.serviceLevel - row.serviceLevel)).toBeLessThan(tolerance.probability);
    expect(Math.abs(metrics.asaSec - row.asaSec)).toBeLessThan(tolerance.asaSec);
    expect(Math.abs(metrics.occupancy - row.occupancy)).toBeLessThan(tolerance.probability);
    expect(metrics.stable).toBe(true);
    expect(metrics.pAbandon).toBe(0);
  });
});

describe('smaller checks', () => {
  it('200 calls in 60 min at AHT 180 s is 10 Erlangs', () => {
    const c = smallerChecks.longerInterval;
    expect(offeredTraffic(c.callsPerInterval, c.ahtSec, c.intervalMin)).toBe(c.traffic);
  });

  it('A = 20 with 23 agents runs at 0.870 occupancy', () => {
    const c = smallerChecks.occupancy;
    const metrics = erlangCMetrics({ servers: c.agents, traffic: c.traffic, ahtSec: 180, answerSec: 20 });
    expect(Math.abs(metrics.occupancy - c.occupancy)).toBeLessThan(tolerance.probability);
  });
});

describe('the off-by-one values copied between test files', () => {
  it('Erlang C(25 agents, 20 Erlangs) is not 0.261: that is the formula fed B of 24 servers', () => {
    const { agents, traffic, wrongValue } = offByOneWarning.erlangC;
    expect(Math.abs(erlangC(agents, traffic) - wrongValue)).toBeGreaterThan(0.04);
    const b = erlangBByDefinition(agents - 1, traffic);
    expect((agents * b) / (agents - traffic + traffic * b)).toBeCloseTo(wrongValue, 3);
  });

  it('Erlang B(200, 180) is not 0.012: that is B(199, 180)', () => {
    const { agents, traffic, wrongValue } = offByOneWarning.erlangB;
    expect(erlangB(agents, traffic)).toBeCloseTo(0.010325, 6);
    expect(erlangB(agents - 1, traffic)).toBeCloseTo(wrongValue, 3);
  });
});

describe('Erlang B', () => {
  it('matches the definition summed term by term, fractional traffic included', () => {
    for (const traffic of [0.3, 1, 2.5, 7.25, 10, 19.9, 40]) {
      for (let servers = 0; servers <= 60; servers++) {
        const expected = erlangBByDefinition(servers, traffic);
        expect(Math.abs(erlangB(servers, traffic) - expected)).toBeLessThanOrEqual(1e-13 * expected);
      }
    }
  });

  it('is 1 with no servers and 0 with no traffic', () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangB(0, 0)).toBe(1);
  });

  it('stays finite at 5,000 servers and 4,000 Erlangs and underflows to 0 far above the load', () => {
    const b = erlangB(5000, 4000);
    expect(Number.isFinite(b) && b >= 0 && b < 1e-20).toBe(true);
    expect(erlangB(5000, 10)).toBe(0);
    expect(erlangB(4000, 4000)).toBeGreaterThan(0.01);
  });
});

describe('Erlang C edge cases', () => {
  it('reports an unstable queue when servers do not exceed the traffic', () => {
    const metrics = erlangCMetrics({ servers: 10, traffic: 10, ahtSec: 180, answerSec: 20 });
    expect(metrics).toMatchObject({ pWait: 1, serviceLevel: 0, asaSec: Number.POSITIVE_INFINITY, occupancy: 1, stable: false });
  });

  it('answers everyone at once when there is no traffic', () => {
    expect(erlangCMetrics({ servers: 3, traffic: 0, ahtSec: 180, answerSec: 20 })).toMatchObject({
      pWait: 0,
      serviceLevel: 1,
      asaSec: 0,
      occupancy: 0,
    });
  });

  it('gives SL = 1 − P(wait) at a zero answer time', () => {
    const metrics = erlangCMetrics({ servers: 14, traffic: 10, ahtSec: 180, answerSec: 0 });
    expect(metrics.serviceLevel).toBeCloseTo(1 - metrics.pWait, 15);
  });
});
