import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/erlang-cases.json';
import { erlangABreakdown, erlangAMetrics, erlangCMetrics } from '../../../shared/engine/staffing';
import { erlangABirthDeath, erlangAServiceLevelByTaggedCaller } from './independentReference';

const { erlangA: published, tolerance } = cases;
const publishedLoad = {
  servers: published.agents,
  traffic: (published.callsPerInterval * published.ahtSec) / (published.intervalMin * 60),
  ahtSec: published.ahtSec,
  answerSec: published.answerSec,
  patienceSec: published.patienceSec,
};

describe('Erlang A, published case: 10 Erlangs, 14 agents, mean patience 300 s', () => {
  const metrics = erlangAMetrics(publishedLoad);

  it('reproduces P(wait), P(abandon), occupancy, ASA and the 20-second service level', () => {
    expect(metrics.pWait).toBeCloseTo(published.pWait, 5);
    expect(metrics.pAbandon).toBeCloseTo(published.pAbandon, 6);
    expect(metrics.occupancy).toBeCloseTo(published.occupancy, 6);
    expect(Math.abs(metrics.asaSec - published.asaSec)).toBeLessThan(tolerance.asaSec);
    expect(metrics.serviceLevel).toBeCloseTo(published.serviceLevel, 4);
  });

  it('ties ASA to abandonment by Little’s law and occupancy to the answered load', () => {
    expect(metrics.asaSec).toBeCloseTo(metrics.pAbandon * published.patienceSec, 12);
    expect(metrics.occupancy).toBeCloseTo((publishedLoad.traffic * (1 - metrics.pAbandon)) / publishedLoad.servers, 12);
  });

  it('shows the intermediate values the calculator prints', () => {
    const detail = erlangABreakdown(publishedLoad);
    expect(detail.abandonRatePerHandleTime).toBeCloseTo(0.6, 12);
    expect(detail.pWait).toBe(metrics.pWait);
    expect(metrics.pAbandon).toBeCloseTo(detail.pWait * detail.abandonGivenWait, 15);
  });
});

describe('Erlang A against independent routes', () => {
  const grid = [
    { servers: 14, traffic: 10, gamma: 0.6, answerTime: 0.111 },
    { servers: 5, traffic: 10, gamma: 0.6, answerTime: 0.5 },
    { servers: 50, traffic: 60, gamma: 0.1, answerTime: 0.2 },
    { servers: 1, traffic: 0.05, gamma: 20, answerTime: 1 },
    { servers: 30, traffic: 29.5, gamma: 0.02, answerTime: 0.1 },
    { servers: 40, traffic: 80, gamma: 3, answerTime: 0.01 },
    { servers: 8, traffic: 6.3, gamma: 1.7, answerTime: 0.3 },
  ];

  it.each(grid)('N=$servers A=$traffic γ=$gamma: P(wait) and P(abandon) match the birth–death chain', (c) => {
    const metrics = erlangAMetrics({ servers: c.servers, traffic: c.traffic, ahtSec: 1, patienceSec: 1 / c.gamma, answerSec: c.answerTime });
    const chain = erlangABirthDeath(c.servers, c.traffic, c.gamma);
    expect(Math.abs(metrics.pWait - chain.pWait)).toBeLessThan(1e-12);
    expect(Math.abs(metrics.pAbandon - chain.pAbandon)).toBeLessThan(1e-12);
  });

  it.each(grid)('N=$servers A=$traffic γ=$gamma: service level matches the tagged caller’s chain', (c) => {
    const metrics = erlangAMetrics({ servers: c.servers, traffic: c.traffic, ahtSec: 1, patienceSec: 1 / c.gamma, answerSec: c.answerTime });
    expect(Math.abs(metrics.serviceLevel - erlangAServiceLevelByTaggedCaller(c.servers, c.traffic, c.gamma, c.answerTime))).toBeLessThan(1e-8);
  });
});

describe('Erlang A tends to Erlang C as patience grows', () => {
  it.each([15, 20, 25])('%i agents at 10 Erlangs with a patience of 10^6 s', (servers) => {
    const load = { ...publishedLoad, servers };
    const a = erlangAMetrics({ ...load, patienceSec: published.patientLimitPatienceSec });
    const c = erlangCMetrics(load);
    expect(Math.abs(a.pWait - c.pWait)).toBeLessThan(tolerance.patientLimit);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(tolerance.patientLimit);
    expect(Math.abs(a.occupancy - c.occupancy)).toBeLessThan(tolerance.patientLimit);
    expect(Math.abs(a.asaSec - c.asaSec)).toBeLessThan(tolerance.asaSec);
  });

  it('converges steadily: the gap to Erlang C shrinks with each tenfold patience', () => {
    const c = erlangCMetrics(publishedLoad);
    const gaps = [1e3, 1e4, 1e5, 1e6, 1e7].map((patienceSec) => Math.abs(erlangAMetrics({ ...publishedLoad, patienceSec }).pWait - c.pWait));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
    expect(gaps[gaps.length - 1]).toBeLessThan(1e-5);
  });
});

describe('Erlang A edge cases', () => {
  it('stays stable and finite when the load exceeds the servers, where Erlang C runs away', () => {
    const metrics = erlangAMetrics({ servers: 50, traffic: 100, ahtSec: 300, answerSec: 20, patienceSec: 60 });
    expect(metrics.stable).toBe(true);
    expect(metrics.pWait).toBeGreaterThan(0.99);
    // At most N Erlangs can be carried, so at least half the callers must abandon.
    expect(metrics.pAbandon).toBeGreaterThanOrEqual(0.5 - 1e-12);
    expect(metrics.occupancy).toBeLessThanOrEqual(1);
  });

  it('has everyone abandon with no servers', () => {
    const metrics = erlangAMetrics({ servers: 0, traffic: 3, ahtSec: 180, answerSec: 20, patienceSec: 60 });
    expect(metrics).toMatchObject({ pWait: 1, pAbandon: 1, serviceLevel: 0, occupancy: 0, asaSec: 60 });
  });

  it('answers everyone at once with no traffic', () => {
    const metrics = erlangAMetrics({ servers: 3, traffic: 0, ahtSec: 180, answerSec: 20, patienceSec: 60 });
    expect(metrics).toMatchObject({ pWait: 0, pAbandon: 0, serviceLevel: 1, asaSec: 0, occupancy: 0 });
  });

  it('keeps 4,000 Erlangs with very long patience and fewer agents than Erlangs finite', () => {
    const metrics = erlangAMetrics({ servers: 3000, traffic: 4000, ahtSec: 180, answerSec: 20, patienceSec: 1e7 });
    for (const value of Object.values(metrics)) expect(Number.isNaN(value)).toBe(false);
    expect(metrics.pAbandon).toBeCloseTo(0.25, 3);
  });
});
