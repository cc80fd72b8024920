import { describe, expect, it } from 'vitest';
import cases from '../../fixtures/erlang-cases.json';
import {
  erlangCMetrics,
  parseStaffingInput,
  solveStaffing,
  StaffingInputError,
  type StaffingInput,
} from '../../../shared/engine/staffing';

const { erlangC: published, erlangA: abandonment, tolerance } = cases;
const base: StaffingInput = {
  callsPerInterval: published.callsPerInterval,
  intervalMin: published.intervalMin,
  ahtSec: published.ahtSec,
  slTarget: 0.8,
  answerSec: published.answerSec,
};

describe('solveStaffing, published cases end to end', () => {
  it('solves 80% in 20 s to 14 agents with the published metrics', () => {
    const result = solveStaffing(base);
    expect(result).toMatchObject({ model: 'erlang-c', mode: 'solve', traffic: 10, agents: 14, agentsWithShrinkage: 14, meetsTargets: true });
    expect(result.serviceLevel).toBeCloseTo(0.888, 3);
    expect(Math.abs(result.asaSec - 7.84)).toBeLessThan(tolerance.asaSec);
    expect(result.occupancy).toBeCloseTo(0.714, 3);
    expect(result.pWait).toBeCloseTo(0.174, 3);
    expect(result).not.toHaveProperty('pAbandon');
  });

  it.each(published.targets)('occupancy ≤ $maxOccupancy with 30% shrinkage → $agents agents, $agentsWithShrinkage rostered', (c) => {
    const result = solveStaffing({ ...base, maxOccupancy: c.maxOccupancy, shrinkage: c.shrinkage });
    expect(result.agents).toBe(c.agents);
    expect(result.agentsWithShrinkage).toBe(c.agentsWithShrinkage);
  });

  it('evaluates 14 agents with 300 s patience as Erlang A', () => {
    const result = solveStaffing({ ...base, patienceSec: abandonment.patienceSec, agents: abandonment.agents });
    expect(result).toMatchObject({ model: 'erlang-a', mode: 'evaluate', agents: 14 });
    expect(result.pWait).toBeCloseTo(abandonment.pWait, 5);
    expect(result.pAbandon).toBeCloseTo(abandonment.pAbandon, 6);
    expect(result.occupancy).toBeCloseTo(abandonment.occupancy, 6);
    expect(Math.abs(result.asaSec - abandonment.asaSec)).toBeLessThan(tolerance.asaSec);
    expect(result.serviceLevel).toBeCloseTo(abandonment.serviceLevel, 4);
    expect(result.asaAnsweredSec).toBeLessThan(result.asaSec);
  });

  it('evaluates each published row given its agents', () => {
    for (const row of published.rows) {
      const result = solveStaffing({ ...base, agents: row.agents });
      expect(Math.abs(result.serviceLevel - row.serviceLevel)).toBeLessThan(tolerance.probability);
      expect(result.meetsTargets).toBe(row.serviceLevel >= 0.8);
    }
  });

  it('reports an unstable staffing rather than failing', () => {
    const result = solveStaffing({ ...base, agents: 9 });
    expect(result).toMatchObject({ stable: false, serviceLevel: 0, pWait: 1, meetsTargets: false });
    expect(result.asaSec).toBe(Number.POSITIVE_INFINITY);
    expect(result.steps.map((s) => s.label)).toContain('Queue stability');
  });
});

describe('calculation steps', () => {
  const stepsOf = (input: StaffingInput) => new Map(solveStaffing(input).steps.map((s) => [s.label, s]));

  it('starts from the traffic intensity with the numbers substituted', () => {
    const traffic = stepsOf(base).get('Traffic intensity');
    expect(traffic).toEqual({
      label: 'Traffic intensity',
      formula: 'A = calls × AHT ÷ interval = 100 × 180 ÷ 1800',
      value: 10,
      unit: 'Erlangs',
    });
  });

  it('lets a planner redo the Erlang C result by hand from the printed values', () => {
    const steps = stepsOf({ ...base, shrinkage: 0.3 });
    const a = steps.get('Traffic intensity')!.value;
    const n = steps.get('Agents required')!.value;
    const b = steps.get('Erlang B (all servers busy, no queue)')!.value;
    const c = (n * b) / (n - a + a * b);
    expect(steps.get('Probability of waiting (Erlang C)')!.value).toBeCloseTo(c, 12);
    expect(steps.get('Service level')!.value).toBeCloseTo(1 - c * Math.exp((-(n - a) * 20) / 180), 12);
    expect(steps.get('Average speed of answer')!.value).toBeCloseTo((c * 180) / (n - a), 12);
    expect(steps.get('Occupancy')!.value).toBeCloseTo(a / n, 12);
    expect(steps.get('Rostered agents (shrinkage)')).toMatchObject({ value: 20, formula: '⌈agents ÷ (1 − shrinkage)⌉ = ⌈14 ÷ (1 − 0.3)⌉ = ⌈20⌉' });
    expect(steps.get('Service level')!.formula).toBe('SL = 1 − C·e^(−(N − A)·t ÷ AHT) = 1 − 0.1741 × e^(−(14 − 10) × 20 ÷ 180)');
  });

  it('shows the Erlang A chain from P(wait) to occupancy', () => {
    const steps = stepsOf({ ...base, patienceSec: 300, agents: 14 });
    const pWait = steps.get('Probability of waiting')!.value;
    const abandonGivenWait = steps.get('Abandonment among callers who wait')!.value;
    const answeredGivenWait = steps.get('Answered in time among callers who wait')!.value;
    expect(steps.get('Abandon rate per handle time')!.value).toBeCloseTo(0.6, 12);
    expect(steps.get('Probability of abandoning')!.value).toBeCloseTo(pWait * abandonGivenWait, 12);
    expect(steps.get('Service level')!.value).toBeCloseTo(1 - pWait + pWait * answeredGivenWait, 12);
    expect(steps.get('Average speed of answer (all callers)')!.value).toBeCloseTo(pWait * abandonGivenWait * 300, 9);
  });

  it('names the deciding target and the exact requirement', () => {
    const steps = stepsOf({ ...base, maxOccupancy: 0.7 });
    expect(steps.get('Agents required')!.formula).toBe('smallest whole number of agents with SL ≥ 80% in 20 s and occupancy ≤ 70%');
    expect(steps.get('Agents required (exact)')!.formula).toMatch(/^where occupancy ≤ 70% is met exactly/);
    expect(steps.get('Agents required (exact)')!.value).toBeCloseTo(14.2857, 4);
  });

  it('gives every step a finite value for the shown cases', () => {
    for (const input of [base, { ...base, patienceSec: 300 }, { ...base, concurrency: 3, concurrencyEfficiency: 0.75 }]) {
      for (const step of solveStaffing(input).steps) expect(Number.isFinite(step.value)).toBe(true);
    }
  });
});

describe('chat concurrency', () => {
  it('treats an agent at concurrency k as k servers of the same queue', () => {
    const chat = solveStaffing({ ...base, concurrency: 2, agents: 7 });
    const pooled = erlangCMetrics({ servers: 14, traffic: 10, ahtSec: 180, answerSec: 20 });
    expect(chat.servers).toBe(14);
    expect(chat.serviceLevel).toBeCloseTo(pooled.serviceLevel, 14);
    expect(chat.occupancy).toBeCloseTo(pooled.occupancy, 14);
  });

  it('inflates the slot handle time by the concurrency efficiency', () => {
    const chat = solveStaffing({ ...base, concurrency: 2, concurrencyEfficiency: 0.8 });
    expect(chat.traffic).toBeCloseTo(12.5, 12);
    expect(chat.servers).toBe(chat.agents * 2);
    expect(chat.steps[0]).toMatchObject({ label: 'Chat slot handle time', value: 225, unit: 's' });
    const perfect = solveStaffing({ ...base, concurrency: 2 });
    expect(chat.agents).toBeGreaterThanOrEqual(perfect.agents);
  });

  it('rounds slots up to whole agents: 14 slots at concurrency 3 is 5 agents', () => {
    const slotsNeeded = solveStaffing(base).agents; // 14 single-contact servers
    const chat = solveStaffing({ ...base, concurrency: 3 });
    expect(chat.agents).toBe(Math.ceil(slotsNeeded / 3));
  });
});

describe('input validation', () => {
  const rejects = (patch: Record<string, unknown>, field: string, message: RegExp) => {
    const input = { ...base, ...patch };
    expect(() => solveStaffing(input as StaffingInput)).toThrow(StaffingInputError);
    try {
      parseStaffingInput(input);
    } catch (error) {
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe(field);
      expect((error as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a StaffingInputError');
  };

  it.each([
    [{ ahtSec: 0 }, 'ahtSec', /AHT must be greater than 0 seconds/],
    [{ ahtSec: -30 }, 'ahtSec', /AHT must be greater than 0/],
    [{ intervalMin: 0 }, 'intervalMin', /Interval length must be greater than 0 minutes/],
    [{ callsPerInterval: -1 }, 'callsPerInterval', /Calls per interval cannot be negative/],
    [{ callsPerInterval: Number.NaN }, 'callsPerInterval', /must be a number/],
    [{ callsPerInterval: '100' }, 'callsPerInterval', /must be a number/],
    [{ slTarget: 0 }, 'slTarget', /between 0 and 1/],
    [{ slTarget: 1 }, 'slTarget', /between 0 and 1/],
    [{ slTarget: 80 }, 'slTarget', /e\.g\. 0\.8 for 80%/],
    [{ answerSec: -5 }, 'answerSec', /cannot be negative/],
    [{ maxOccupancy: 0 }, 'maxOccupancy', /above 0 and at most 1/],
    [{ maxOccupancy: 1.2 }, 'maxOccupancy', /at most 1/],
    [{ shrinkage: 1 }, 'shrinkage', /below 1/],
    [{ shrinkage: -0.1 }, 'shrinkage', /at least 0/],
    [{ patienceSec: 0 }, 'patienceSec', /Patience must be greater than 0/],
    [{ concurrency: 1.5 }, 'concurrency', /whole number/],
    [{ concurrency: 0 }, 'concurrency', /whole number from 1/],
    [{ agents: 0 }, 'agents', /whole number from 1/],
    [{ agents: 2.5 }, 'agents', /whole number/],
    [{ asaTargetSec: 0 }, 'asaTargetSec', /greater than 0/],
    [{ maxAbandon: 1 }, 'maxAbandon', /between 0 and 1/],
    [{ maxAbandon: 0.05 }, 'maxAbandon', /needs a mean patience/],
    [{ concurrencyEfficiency: 0.8 }, 'concurrencyEfficiency', /concurrency above 1/],
    [{ surprise: true }, '', /surprise/],
  ])('%j is refused on %s', (patch, field, message) => rejects(patch, field, message));

  it('refuses a load no staff can carry', () => {
    expect(() => solveStaffing({ ...base, callsPerInterval: 1e9 })).toThrow(/would need more than 100,000 agents/);
  });

  it('solves zero calls to zero agents', () => {
    expect(solveStaffing({ ...base, callsPerInterval: 0, shrinkage: 0.3 })).toMatchObject({ agents: 0, agentsWithShrinkage: 0, serviceLevel: 1 });
  });
});
