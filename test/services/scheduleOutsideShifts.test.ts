/**
 * Issue 8, item 6: the demo's email queue is answered around the clock while no template starts before 06:00. The
 * requirements step says so once, and deferring that work into covered hours leaves no "no template" gaps.
 */
import { describe, expect, it } from 'vitest';
import type { WeekRequirements } from '../../shared/api/channels/schedule';
import { call, resultOf, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const WEEK = '2026-11-09';

describe('deferred work outside every shift template', () => {
  it('is reported once per queue, and deferring it moves the work into covered hours', async () => {
    const backend = newBackend();
    const plain = await call(backend, 'schedule.requirements', { weekStart: WEEK });
    expect(plain.outsideShifts).toHaveLength(1);
    const [email] = plain.outsideShifts!;
    expect(email).toMatchObject({ queueName: 'Email & Tickets', skill: 'email', deferred: false, movedContacts: 0 });
    expect(email.peakAgents).toBeGreaterThan(0);
    expect(email.windows.some((w) => /–0[5-6]:\d\d$/.test(w))).toBe(true);
    const night = (r: WeekRequirements) => r.series.find((s) => s.skill === 'email')!.required.filter((_, t) => t % 48 >= 2 && t % 48 < 10);
    expect(night(plain).some((v) => v > 0)).toBe(true);

    const deferred = await call(backend, 'schedule.requirements', { weekStart: WEEK, deferOutsideShifts: true });
    expect(deferred.outsideShifts![0]).toMatchObject({ deferred: true });
    expect(deferred.outsideShifts![0].movedContacts).toBeGreaterThan(0);
    expect(night(deferred).every((v) => v === 0)).toBe(true);
    const volume = (r: WeekRequirements) => r.sources.find((s) => s.channel === 'email')!.volume;
    // Nothing lost: the same contacts, later (those after Sunday's last shift are next week's work).
    expect(volume(deferred) + deferred.outsideShifts![0].carriedToNextWeek).toBeCloseTo(volume(plain), 0);

    const { jobId } = await call(backend, 'schedule.generate', { weekStart: WEEK, timeLimitSec: 20, deferOutsideShifts: true });
    const done = await backend.waitForJob(jobId);
    expect(done?.status, done?.message).toBe('succeeded');
    const view = await call(backend, 'schedule.view', { scheduleId: resultOf(done, 'schedule.generate').scheduleId });
    expect(view.requirements.outsideShifts![0].deferred).toBe(true);
    // Chat is live (it cannot wait) and stays short 21:00–22:00; email, deferred, leaves no hour no shift covers.
    const noTemplate = view.solve!.explanations.filter((e) => e.skill === 'email' && e.causes.some((c) => c.cause === 'no-template'));
    expect(noTemplate.map((e) => `${e.skill} ${e.day} ${e.start}–${e.end} ${e.required}`)).toEqual([]);
  }, 180_000);
});
