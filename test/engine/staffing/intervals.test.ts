import { describe, expect, it } from 'vitest';
import { intervalRequirements, requiredAgents, liveQueue, StaffingInputError } from '../../../shared/engine/staffing';

const phone = { mode: 'live' as const, intervalMin: 30, ahtSec: 180, targets: { serviceLevel: 0.8, answerSec: 20 } };

describe('interval requirements for a live channel', () => {
  it('solves each interval: 100 calls in 30 minutes needs 14 agents', () => {
    const rows = intervalRequirements([0, 50, 100, 200], phone);
    expect(rows[2]).toMatchObject({ index: 2, volume: 100, required: 14 });
    expect(rows[0]).toMatchObject({ required: 0, requiredExact: 0 });
    for (const row of rows) {
      expect(row.requiredExact).toBeLessThanOrEqual(row.required);
      expect(row.requiredExact).toBeGreaterThanOrEqual(Math.max(0, row.required - 1));
      expect(row.metrics?.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('agrees with the single-interval solver', () => {
    const volumes = [3, 17.5, 240, 980];
    const rows = intervalRequirements(volumes, { ...phone, patienceSec: 240, targets: { ...phone.targets, maxOccupancy: 0.88 } });
    volumes.forEach((contacts, i) => {
      const single = requiredAgents(liveQueue({ contacts, intervalMin: 30, ahtSec: 180, patienceSec: 240 }), {
        serviceLevel: 0.8,
        answerSec: 20,
        maxOccupancy: 0.88,
      });
      expect(rows[i].required).toBe(single.agents);
      expect(rows[i].requiredExact).toBe(single.agentsExact);
    });
  });

  it('adds rostered agents under shrinkage', () => {
    const [row] = intervalRequirements([100], { ...phone, shrinkage: 0.3 });
    expect(row).toMatchObject({ required: 14, rostered: 20 });
  });

  it('staffs chat by slots', () => {
    const [single] = intervalRequirements([100], phone);
    const [chat] = intervalRequirements([100], { ...phone, concurrency: { concurrency: 2, efficiency: 1 } });
    expect(chat.required).toBe(Math.ceil(single.required / 2));
  });

  it('rises and falls with the volume over a day', () => {
    const volumes = [10, 40, 90, 160, 90, 40, 10];
    const required = intervalRequirements(volumes, phone).map((r) => r.required);
    for (let i = 1; i <= 3; i++) expect(required[i]).toBeGreaterThan(required[i - 1]);
    for (let i = 4; i < required.length; i++) expect(required[i]).toBeLessThan(required[i - 1]);
  });

  it('refuses bad volumes and settings with the field named', () => {
    expect(() => intervalRequirements([5, Number.NaN], phone)).toThrow(/interval 2/);
    const badTargets = { ...phone, targets: { serviceLevel: 1.5, answerSec: 20 } };
    try {
      intervalRequirements([5], badTargets);
      throw new Error('expected a StaffingInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe('targets.serviceLevel');
    }
    expect(() => intervalRequirements([5], { ...phone, targets: { answerSec: 20, maxAbandon: 0.05 } })).toThrow(/needs a mean patience/);
    expect(() => intervalRequirements([5], { ...phone, ahtSec: 0 })).toThrow(/AHT must be greater than 0/);
  });
});

describe('interval requirements for a deferred channel', () => {
  it('uses the workload model and reports the backlog', () => {
    const rows = intervalRequirements([30, 0, 0], {
      mode: 'deferred',
      handleSec: 600,
      responseSec: 5400,
      intervalMin: 30,
      shrinkage: 0.2,
    });
    expect(rows.map((r) => r.backlog)).toEqual([20, 10, 0]);
    expect(rows[0]).toMatchObject({ volume: 30, required: 4, rostered: 5 });
    expect(rows[0].requiredExact).toBeCloseTo(10 / 3, 12);
  });
});
