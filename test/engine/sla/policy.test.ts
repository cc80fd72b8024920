import { describe, expect, it } from 'vitest';
import {
  businessMinutesBetween,
  DEFAULT_PRIORITY_TARGETS,
  defaultSlaPolicy,
  openSlotsOfWeek,
  PRIORITIES,
  slaClockStatus,
  slaMatrix,
  slaPolicySchema,
  weekdayBusinessHours,
} from '../../../shared/engine/sla';

describe('SLA policy matrix', () => {
  it('with every tier at 1× equals the per-priority table', () => {
    const policy = defaultSlaPolicy();
    policy.tiers = policy.tiers.map((t) => ({ ...t, multiplier: 1 }));
    const cells = slaMatrix(policy);
    expect(cells).toHaveLength(PRIORITIES.length * policy.tiers.length);
    for (const cell of cells) {
      const row = DEFAULT_PRIORITY_TARGETS[cell.priority];
      expect({ fr: cell.firstResponseMin, res: cell.resolutionMin, upd: cell.updateEveryMin }).toEqual({ fr: row.firstResponseMin, res: row.resolutionMin, upd: row.updateEveryMin });
    }
  });

  it('applies the tier multipliers: Enterprise P1 7.5 min, Free P3 16 h, P5 updates stay "at status change"', () => {
    const cells = slaMatrix(defaultSlaPolicy());
    const cell = (p: string, t: string) => cells.find((c) => c.priority === p && c.tier === t)!;
    expect(cell('P1', 'enterprise').firstResponseMin).toBe(7.5);
    expect(cell('P1', 'enterprise').resolutionMin).toBe(120);
    expect(cell('P3', 'free').firstResponseMin).toBe(16 * 60);
    expect(cell('P2', 'professional').updateEveryMin).toBe(180);
    expect(cell('P5', 'starter').updateEveryMin).toBeNull();
    expect(cell('P5', 'business').resolutionMin).toBe(5 * 8 * 60);
  });

  it('lets an entered cell override the multiplier', () => {
    const policy = defaultSlaPolicy();
    policy.overrides = [{ priority: 'P2', tier: 'free', firstResponseMin: 90 }];
    const cell = slaMatrix(policy).find((c) => c.priority === 'P2' && c.tier === 'free')!;
    expect(cell).toMatchObject({ firstResponseMin: 90, resolutionMin: 8 * 60 * 4, source: 'override' });
  });

  it('refuses an override for a tier the policy lacks, naming it', () => {
    const parsed = slaPolicySchema.safeParse({ ...defaultSlaPolicy(), overrides: [{ priority: 'P1', tier: 'gold', firstResponseMin: 5 }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toMatch(/tier "gold"/);
  });

  it('warns at 80% of the target and breaches at 100%', () => {
    expect(slaClockStatus(47, 60)).toBe('within');
    expect(slaClockStatus(48, 60)).toBe('warning');
    expect(slaClockStatus(60, 60)).toBe('breached');
  });
});

describe('business hours', () => {
  const hours = { ...weekdayBusinessHours('America/New_York'), holidays: ['2026-12-25'] };

  it('runs the clock only in open hours: Friday 16:00 to Monday 10:00 is 2 business hours', () => {
    // 2026-12-04 is a Friday.
    expect(businessMinutesBetween(hours, '2026-12-04T16:00', '2026-12-07T10:00')).toBe(120);
  });

  it('skips holidays', () => {
    // Thursday 24th 16:00 → Monday 28th 10:00: 1 h Thursday, Friday 25th is a holiday, 1 h Monday.
    expect(businessMinutesBetween(hours, '2026-12-24T16:00', '2026-12-28T10:00')).toBe(120);
    expect(openSlotsOfWeek(hours, '2026-12-21').filter(Boolean)).toHaveLength(32);
    expect(openSlotsOfWeek(hours).filter(Boolean)).toHaveLength(40);
  });
});
