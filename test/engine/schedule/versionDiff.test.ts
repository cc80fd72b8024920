import { describe, expect, it } from 'vitest';
import type { ScheduleShift } from '../../../shared/api/channels/schedule';
import { diffVersions } from '../../../renderer/src/areas/schedule/versionDiff';

const shift = (id: number, agentId: number, day: number, start: number, end: number): ScheduleShift => ({
  id, agentId, day, date: `2026-11-${String(9 + day).padStart(2, '0')}`, start, end, segments: [{ start, end }], breaks: [], templateId: null, skill: 'phone', locked: false,
});
// One skill, one day: 2 agents needed 09:00–17:00 (30-minute intervals).
const requirements = { intervalMinutes: 30 as const, days: 7, series: [{ skill: 'phone', required: Array.from({ length: 7 * 48 }, (_, t) => (t >= 18 && t < 34 ? 2 : 0)) }] };

describe('comparing two versions of a week', () => {
  it('lists shifts added, removed and moved by agent and day, and the coverage delta in agent-hours', () => {
    const v1 = [shift(1, 1, 0, 540, 1020), shift(2, 2, 0, 540, 1020), shift(3, 3, 1, 540, 1020)];
    const v2 = [shift(11, 1, 0, 600, 1080), shift(12, 2, 0, 540, 1020), shift(14, 4, 2, 540, 1020)];
    const diff = diffVersions(v1, v2, requirements);
    expect(diff.moved.map((c) => [c.agentId, c.day, c.before?.start, c.after?.start])).toEqual([[1, 0, 540, 600]]);
    expect(diff.added.map((c) => [c.agentId, c.day])).toEqual([[4, 2]]);
    expect(diff.removed.map((c) => [c.agentId, c.day])).toEqual([[3, 1]]);
    expect(diff.unchanged).toBe(1);
    // v1: day 0 fully covered, nothing short. v2: 09:00–10:00 one agent short (1 agent-hour).
    expect(diff.underHours).toEqual({ before: 0, after: 1, delta: 1 });
    // v2: 17:00–18:00 one agent over (1 h); days 1 and 2 are over by one shift each in both (8 h).
    expect(diff.overHours.delta).toBeCloseTo(1, 9);
  });
});
