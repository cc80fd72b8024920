/**
 * Locks and publishing (issue 8, item 1): a re-solve around locked shifts keeps every contract rule; locks that make
 * a rule impossible are named before solving; publishing a schedule that breaks rules needs an explicit confirmation.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../shared/api/channels/schedule';
import type { Backend } from '../../electron/services/backend';
import { call, refusal, resultOf, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const WEEK = '2026-11-09';
/** Long enough for a full roster on a busy two-core machine. */
const SOLVE_SEC = 20;

async function generate(backend: Backend, payload: Record<string, unknown>): Promise<ScheduleView> {
  const { jobId } = await call(backend, 'schedule.generate', { weekStart: WEEK, timeLimitSec: SOLVE_SEC, ...payload });
  const done = await backend.waitForJob(jobId);
  expect(done?.status, done?.message).toBe('succeeded');
  return call(backend, 'schedule.view', { scheduleId: resultOf(done, 'schedule.generate').scheduleId });
}

describe('locks and publishing', () => {
  it('re-solves around a locked shift, twice, without breaking any contract rule', async () => {
    const backend = newBackend();
    const first = await generate(backend, {});
    expect(first.shifts.length).toBeGreaterThan(100);
    expect(first.solve?.violations).toEqual([]);
    const shift = first.shifts[Math.floor(first.shifts.length / 2)];
    await call(backend, 'schedule.lockShifts', { scheduleId: first.schedule.id, shiftIds: [shift.id], locked: true });
    // Before the fix the locked shift's roster type was open to every agent: the roster gave it to agents short of
    // their weekly minimum, and those shifts were dropped, leaving agents at 30 h of a 36 h minimum.
    for (let round = 1; round <= 2; round++) {
      const again = await generate(backend, { scheduleId: first.schedule.id });
      expect(again.solve?.violations, `round ${round}`).toEqual([]);
      expect(again.solve?.lockedKept).toBe(1);
      expect(again.shifts.filter((s) => s.locked)).toHaveLength(1);
    }
  }, 240_000);

  it('names the lock and the rule before solving, and publishes rule breaks only when confirmed', async () => {
    const backend = newBackend();
    const first = await generate(backend, {});
    const shift = first.shifts.find((s) => s.day === 2)!;
    await call(backend, 'schedule.lockShifts', { scheduleId: first.schedule.id, shiftIds: [shift.id], locked: true });
    // The agent now has Wednesdays off, but the lock keeps them on this Wednesday.
    await call(backend, 'schedule.agentPreferences.save', { agentId: shift.agentId, preferences: { fixedWeekdaysOff: [2], availability: [], preferences: [] } });
    const agentName = first.agents.find((a) => a.id === shift.agentId)!.name;
    const refused = await refusal(backend, 'schedule.generate', { weekStart: WEEK, timeLimitSec: SOLVE_SEC, scheduleId: first.schedule.id });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain(agentName);
    expect(refused.message).toContain('days off');
    expect(refused.issues).toEqual([expect.objectContaining({ path: 'locks', message: expect.stringContaining('Wednesday (day 3)') })]);

    const anyway = await generate(backend, { scheduleId: first.schedule.id, acceptLockConflicts: true });
    const broken = anyway.solve!.violations;
    expect(broken.some((v) => v.rule === 'day-off' && v.agentId === String(shift.agentId))).toBe(true);

    const publishRefused = await refusal(backend, 'schedule.publish', { scheduleId: anyway.schedule.id });
    expect(publishRefused).toMatchObject({ code: 'conflict' });
    expect(publishRefused.message).toMatch(/breaks \d+ rules?: .*works on Wednesday \(day 3\), a day off/);
    expect(publishRefused.issues?.length).toBe(broken.length);
    expect((await call(backend, 'schedule.view', { scheduleId: anyway.schedule.id })).schedule.status).toBe('draft');

    const published = await call(backend, 'schedule.publish', { scheduleId: anyway.schedule.id, acceptRuleViolations: true });
    expect(published.status).toBe('published');
  }, 240_000);
});
