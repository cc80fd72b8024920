import { describe, expect, it } from 'vitest';
import {
  CHANNEL_DEFAULTS,
  deferredRequirements,
  simulateDeferredBacklog,
  StaffingInputError,
  type DeferredWork,
} from '../../../shared/engine/staffing';

// Emails of 10 minutes, answered within 90 minutes, planned in 30-minute intervals: a 3-interval window.
const email: DeferredWork = { handleSec: 600, responseSec: 5400, intervalMin: 30 };

describe('deferred work within a response-time target', () => {
  it('spreads each interval’s workload evenly over its response window', () => {
    const rows = deferredRequirements([30, 0, 0, 0], email);
    expect(rows.map((r) => r.worked)).toEqual([10, 10, 10, 0]);
    // 10 emails × 600 s in a 1,800 s interval = 3.33 agents.
    expect(rows[0].workloadSec).toBe(6000);
    expect(rows[0].agentsExact).toBeCloseTo(6000 / 1800, 12);
    expect(rows.map((r) => r.agents)).toEqual([4, 4, 4, 0]);
  });

  it('carries the unworked items as backlog into the next intervals', () => {
    const rows = deferredRequirements([30, 0, 0, 0], email);
    expect(rows.map((r) => r.backlog)).toEqual([20, 10, 0, 0]);
  });

  it('overlaps windows of consecutive intervals and leaves a closing backlog', () => {
    const rows = deferredRequirements([30, 60], email);
    expect(rows.map((r) => r.worked)).toEqual([10, 30]);
    expect(rows[1].backlog).toBe(50);
  });

  it('works an opening backlog off within the first window', () => {
    const rows = deferredRequirements([0, 0, 0, 0], { ...email, openingBacklog: 9 });
    expect(rows.map((r) => r.worked)).toEqual([3, 3, 3, 0]);
    expect(rows.map((r) => r.backlog)).toEqual([6, 3, 0, 0]);
  });

  it('leaves slack for other work under a maximum occupancy', () => {
    const rows = deferredRequirements([30], { ...email, maxOccupancy: 0.8 });
    expect(rows[0].agentsExact).toBeCloseTo(6000 / (1800 * 0.8), 12);
  });

  it('works everything in its own interval when the target is shorter than an interval', () => {
    const rows = deferredRequirements([12, 6], { ...email, responseSec: 900 });
    expect(rows.map((r) => r.worked)).toEqual([12, 6]);
    expect(rows.map((r) => r.backlog)).toEqual([0, 0]);
  });

  it('refuses a target no staffing can meet, and bad volumes', () => {
    expect(() => deferredRequirements([1], { ...email, responseSec: 300 })).toThrow(/shorter than the handle time/);
    expect(() => deferredRequirements([1, -2], email)).toThrow(StaffingInputError);
    expect(() => deferredRequirements([1], { ...email, handleSec: 0 })).toThrow(/Handle time must be greater than 0 seconds/);
  });
});

describe('backlog under a given staffing', () => {
  it('works items oldest first and counts those past their target', () => {
    // 1 agent works 3 emails per interval; 9 arrive at once with a 90-minute target.
    const rows = simulateDeferredBacklog([9, 0, 0, 0, 0], [1, 1, 1, 1, 1], email);
    expect(rows.map((r) => r.worked)).toEqual([3, 3, 3, 0, 0]);
    expect(rows.map((r) => r.backlog)).toEqual([6, 3, 0, 0, 0]);
    expect(rows.every((r) => r.overdue === 0)).toBe(true);
  });

  it('reports overdue items when staffing falls short', () => {
    const rows = simulateDeferredBacklog([12, 0, 0, 0], [1, 1, 1, 1], email);
    // After three intervals 3 of the first batch remain, and their 90 minutes are up.
    expect(rows[2]).toMatchObject({ backlog: 3, overdue: 3 });
    expect(rows[3]).toMatchObject({ backlog: 0, overdue: 0 });
  });

  it('meets every target when staffed with the required agents', () => {
    const volumes = [14, 3, 27, 0, 8, 19, 0, 0, 0];
    const required = deferredRequirements(volumes, email).map((r) => r.agents);
    expect(simulateDeferredBacklog(volumes, required, email).every((r) => r.overdue === 0)).toBe(true);
  });

  it('needs one agent count per interval', () => {
    expect(() => simulateDeferredBacklog([1, 2], [1], email)).toThrow(/Expected 2 agent counts/);
  });
});

describe('channel defaults', () => {
  it('follows the planners’ table', () => {
    expect(CHANNEL_DEFAULTS.email).toMatchObject({ mode: 'deferred', contactsPerAgentHour: { low: 4, high: 8 }, handleSec: 600 });
    expect(CHANNEL_DEFAULTS.chat).toMatchObject({ mode: 'live', contactsPerAgentHour: { low: 2, high: 4 }, concurrency: { low: 2, high: 3 } });
    expect(CHANNEL_DEFAULTS.chat.defaultConcurrency).toBe(2);
    expect(CHANNEL_DEFAULTS.phone).toMatchObject({ mode: 'live', contactsPerAgentHour: { low: 3, high: 5 }, handleSec: 900 });
    expect(CHANNEL_DEFAULTS.social).toMatchObject({ mode: 'deferred', contactsPerAgentHour: { low: 5, high: 10 }, handleSec: 480 });
  });
});
