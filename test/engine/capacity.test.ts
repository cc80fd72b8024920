import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calculateCapacity, capacityInputSchema } from '../../shared/engine/capacity';

describe('capacity equation', () => {
  it('reproduces the worked example exactly: 500 × 20 min ÷ (8 h × 60 × 0.75) = 27.8 → 28', () => {
    const r = calculateCapacity({ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75 });
    expect(r.workloadMin).toBe(10_000);
    expect(r.productiveMinPerAgent).toBe(360);
    expect(r.requiredAgents).toBeCloseTo(27.7778, 4);
    expect(r.requiredAgentsRounded).toBe(28);
    expect(r.rosteredAgents).toBeUndefined();
    expect(r.steps.map((s) => s.label)).toEqual(['Workload', 'Productive time per agent', 'Required agents (exact)', 'Required agents']);
  });

  it('applies shrinkage as its own step on the exact requirement', () => {
    const r = calculateCapacity({ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75, shrinkage: 0.3 });
    expect(r.rosteredAgentsExact).toBeCloseTo(27.7778 / 0.7, 3);
    expect(r.rosteredAgents).toBe(40);
    expect(r.steps.at(-1)).toMatchObject({ label: 'Rostered agents', value: 40 });
  });

  it('does not round a whole requirement up because of floating-point dust', () => {
    // 0.1 × 3 = 0.30000000000000004 in floating point: 3 agents, not 4.
    expect(calculateCapacity({ volume: 3, ahtMin: 48, hours: 8, utilization: 0.1 }).requiredAgentsRounded).toBe(3);
  });

  it.each([
    [{ volume: -1, ahtMin: 20, hours: 8, utilization: 0.75 }, 'volume', 'Volume cannot be negative'],
    [{ volume: 500, ahtMin: 0, hours: 8, utilization: 0.75 }, 'ahtMin', 'Handle time must be greater than zero'],
    [{ volume: 500, ahtMin: 20, hours: 0, utilization: 0.75 }, 'hours', 'Available hours must be greater than zero'],
    [{ volume: 500, ahtMin: 20, hours: 8, utilization: 1.2 }, 'utilization', 'Utilization cannot exceed 100%'],
    [{ volume: 500, ahtMin: 20, hours: 8, utilization: 0 }, 'utilization', 'Utilization must be greater than 0%'],
    [{ volume: Number.NaN, ahtMin: 20, hours: 8, utilization: 0.75 }, 'volume', 'Volume must be a number'],
    [{ volume: '500', ahtMin: 20, hours: 8, utilization: 0.75 }, 'volume', 'Volume must be a number'],
    [{ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75, shrinkage: 1 }, 'shrinkage', 'Shrinkage must be below 100%'],
  ])('rejects %j at %s', (input, path, message) => {
    const parsed = capacityInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
  });

  it('requires the utilization breakdown to add up to 100% and to match utilization', () => {
    const ok = capacityInputSchema.safeParse({
      volume: 500, ahtMin: 20, hours: 8, utilization: 0.75,
      breakdown: { handlingPct: 75, trainingPct: 5, meetingsPct: 5, adminPct: 5, breaksPct: 10 },
    });
    expect(ok.success).toBe(true);
    const short = capacityInputSchema.safeParse({
      volume: 500, ahtMin: 20, hours: 8, utilization: 0.75,
      breakdown: { handlingPct: 75, trainingPct: 5, meetingsPct: 5, adminPct: 5, breaksPct: 5 },
    });
    expect(short.error?.issues[0]).toMatchObject({ path: ['breakdown'], message: 'Breakdown adds up to 95%, not 100%' });
    const mismatch = capacityInputSchema.safeParse({
      volume: 500, ahtMin: 20, hours: 8, utilization: 0.7,
      breakdown: { handlingPct: 75, trainingPct: 5, meetingsPct: 5, adminPct: 5, breaksPct: 10 },
    });
    expect(mismatch.error?.issues[0].path).toEqual(['utilization']);
  });

  it('needs more agents for more work and fewer for more utilization (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0.1, max: 120, noNaN: true }),
        fc.double({ min: 1, max: 12, noNaN: true }), fc.double({ min: 0.3, max: 0.95, noNaN: true }),
        (volume, ahtMin, hours, utilization) => {
          const base = calculateCapacity({ volume, ahtMin, hours, utilization });
          const moreWork = calculateCapacity({ volume: volume * 1.1, ahtMin, hours, utilization });
          const busier = calculateCapacity({ volume, ahtMin, hours, utilization: Math.min(1, utilization * 1.05) });
          expect(moreWork.requiredAgents).toBeGreaterThan(base.requiredAgents);
          expect(busier.requiredAgents).toBeLessThan(base.requiredAgents);
          expect(base.requiredAgentsRounded).toBeGreaterThanOrEqual(base.requiredAgents - 1e-9);
          expect(base.requiredAgentsRounded - base.requiredAgents).toBeLessThan(1);
        },
      ),
    );
  });
});
