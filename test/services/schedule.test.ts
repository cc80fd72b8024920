import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ScheduleView, WeekRequirements } from '../../shared/api/channels/schedule';
import type { JobProgressEvent } from '../../shared/api/types';
import type { Backend } from '../../electron/services/backend';
import { call, refusal, useBackends, resultOf } from '../helpers/backend';
import { useTempDirs } from '../helpers/tempDir';
import { addDays } from '../../shared/calendar/days';

const newBackend = useBackends();
const tempDir = useTempDirs();
/** The last full week of the pinned demo history (it ends on Saturday 2026-11-21). */
const WEEK = '2026-11-09';
const SOLVE_SEC = 10;


async function generate(backend: Backend, payload: Record<string, unknown>): Promise<ScheduleView> {
  const { jobId } = await call(backend, 'schedule.generate', { weekStart: WEEK, timeLimitSec: SOLVE_SEC, ...payload });
  const done = await backend.waitForJob(jobId);
  expect(done?.status, done?.message).toBe('succeeded');
  return call(backend, 'schedule.view', { scheduleId: resultOf(done, 'schedule.generate').scheduleId });
}

describe('schedule service', () => {
  it('turns the week’s history into requirements per channel and says where they came from', async () => {
    const backend = newBackend();
    const overview = await call(backend, 'schedule.overview', {});
    expect(overview).toMatchObject({ agentCount: 40, suggestedWeek: WEEK, historyWeeks: { last: WEEK }, forecastWeeks: [], schedules: [] });
    const requirements = await call(backend, 'schedule.requirements', { weekStart: WEEK });
    expect(requirements.series.map((s) => s.skill).sort()).toEqual(['chat', 'email', 'phone']);
    expect(requirements.series.every((s) => s.required.length === 7 * 48)).toBe(true);
    expect(requirements.sources.every((s) => s.source === 'history' && s.profileName === null && s.historyDays.length === 7)).toBe(true);
    const phone = requirements.series.find((s) => s.skill === 'phone')!;
    expect(phone.required.slice(6 * 48).every((r) => r === 0)).toBe(true); // phones are closed on Sundays
    expect(Math.max(...phone.required)).toBeGreaterThan(5);
  });

  it('uses the latest forecast run with the planner’s day totals and the queue’s saved staffing profile', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const { jobId } = await call(backend, 'forecast.run', { queueId: 1, horizonDays: 14, method: 'seasonal-naive', intervalMin: 30 });
    expect((await backend.waitForJob(jobId))?.status).toBe('succeeded');
    const next = '2026-11-23';
    const before = await call(backend, 'schedule.requirements', { weekStart: next });
    await call(backend, 'forecast.adjustDay', { queueId: 1, date: '2026-11-24', total: 2000 });
    await call(backend, 'staffing.profiles.save', {
      name: 'Phones 90/20',
      channel: 'phone',
      queueName: 'Billing & Accounts (phone)',
      settings: { mode: 'live', intervalMin: 15, ahtSec: 330, targets: { answerSec: 20, serviceLevel: 0.9 } },
    });
    const after = await call(backend, 'schedule.requirements', { weekStart: next });
    const phone = after.sources.find((s) => s.channel === 'phone')!;
    expect(phone).toMatchObject({ source: 'forecast', forecastDays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'], profileName: 'Phones 90/20' });
    expect(phone.staffingSummary).toContain('90% in 20 s');
    expect(after.sources.find((s) => s.channel === 'chat')).toMatchObject({ source: 'none', daysWithoutData: expect.arrayContaining([next]) });
    expect(after.notes.some((n) => n.startsWith('Product Support (chat) has neither a forecast nor history'))).toBe(true);
    const dayHours = (r: WeekRequirements, day: number) => r.series.find((s) => s.skill === 'phone')!.required.slice(day * 48, day * 48 + 48).reduce((a, b) => a + b, 0) / 2;
    expect(dayHours(after, 1)).toBeGreaterThan(dayHours(before, 1) * 1.5); // Tuesday adjusted up
    expect(dayHours(after, 3)).toBe(0); // Thanksgiving: phones closed
    expect((await call(backend, 'schedule.overview', {})).suggestedWeek).toBe(next);
  }, 120_000);

  it('generates a week for the demo team, stores it, and explains the night email it cannot cover', async () => {
    const dataDir = tempDir();
    const backend = newBackend(dataDir);
    const view = await generate(backend, {});
    expect(view.schedule).toMatchObject({ weekStart: WEEK, version: 1, status: 'draft' });
    expect(view.shifts.length).toBeGreaterThan(100);
    expect(view.solve?.violations).toEqual([]);
    expect(view.shifts.every((s) => s.breaks.length > 0 && s.date >= WEEK && s.date <= '2026-11-15')).toBe(true);
    // Full-timers work at least 36 paid hours (their contract minimum).
    const agentHours = new Map<number, number>();
    for (const s of view.shifts) {
      const paid = s.segments.reduce((sum, x) => sum + x.end - x.start, 0) - s.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.end - b.start, 0);
      agentHours.set(s.agentId, (agentHours.get(s.agentId) ?? 0) + paid);
    }
    expect(agentHours.size).toBe(40);
    // Email is answered around the clock, but no template starts before 06:00: the night stays short, and says why.
    const night = view.solve!.explanations.find((e) => e.skill === 'email' && e.start <= '03:00' && e.end > '03:00');
    expect(night?.scheduled).toBe(0);
    expect(night?.causes[0]).toMatchObject({ cause: 'no-template' });
    expect(night?.causes[0].message).toMatch(/no shift template for email covers 00:00–0[0-9]:[0-9]{2}/);

    await backend.close();
    const reopened = newBackend(dataDir);
    const again = await call(reopened, 'schedule.view', { scheduleId: view.schedule.id });
    expect(again.shifts).toEqual(view.shifts);
    expect((await call(reopened, 'schedule.overview', {})).schedules.map((s) => s.id)).toEqual([view.schedule.id]);
    await reopened.close();
  }, 120_000);

  it('saves an edit, keeps locked shifts through a re-solve, and publishes an immutable version', async () => {
    const backend = newBackend();
    const first = await generate(backend, {});
    const shift = first.shifts.find((s) => s.segments.length === 1)!;
    const moved = {
      start: shift.start + 60,
      end: shift.end + 60,
      segments: [{ start: shift.start + 60, end: shift.end + 60 }],
      breaks: shift.breaks.map((b) => ({ ...b, start: b.start + 60, end: b.end + 60 })),
    };
    const edited = await call(backend, 'schedule.updateShift', { scheduleId: first.schedule.id, shiftId: shift.id, times: moved });
    expect(edited).toEqual({ scheduleId: first.schedule.id, newDraft: false, shiftIds: [shift.id] });
    await call(backend, 'schedule.lockShifts', { scheduleId: first.schedule.id, shiftIds: [shift.id], locked: true });

    const resolved = await generate(backend, { scheduleId: first.schedule.id });
    expect(resolved.schedule.id).toBe(first.schedule.id); // a draft is re-solved in place
    const kept = resolved.shifts.filter((s) => s.agentId === shift.agentId && s.day === shift.day);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ ...moved, locked: true, skill: shift.skill });
    expect(resolved.solve?.lockedKept).toBe(1);

    const published = await call(backend, 'schedule.publish', { scheduleId: first.schedule.id });
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(() => backend.db().prepare('UPDATE schedule_shifts SET start_min = 0 WHERE schedule_id = ?').run(first.schedule.id)).toThrow(/published schedule cannot be changed/);
    await expect(call(backend, 'schedule.deleteDraft', { scheduleId: first.schedule.id })).rejects.toThrow(/only drafts/);

    // Editing the published version starts a new draft, version 2, with the edit; version 1 is as it was.
    const other = resolved.shifts.find((s) => !s.locked && s.segments.length === 1)!;
    const shorter = { start: other.start, end: other.end - 30, segments: [{ start: other.start, end: other.end - 30 }], breaks: other.breaks.filter((b) => b.end <= other.end - 30) };
    const draft = await call(backend, 'schedule.updateShift', { scheduleId: first.schedule.id, shiftId: other.id, times: shorter });
    expect(draft.newDraft).toBe(true);
    expect(draft.scheduleId).not.toBe(first.schedule.id);
    const v1 = await call(backend, 'schedule.view', { scheduleId: first.schedule.id });
    const v2 = await call(backend, 'schedule.view', { scheduleId: draft.scheduleId });
    expect(v1.shifts).toEqual(resolved.shifts);
    expect(v2.schedule).toMatchObject({ version: 2, status: 'draft', basedOn: first.schedule.id });
    expect(v2.shifts.find((s) => s.id === draft.shiftIds[0])).toMatchObject(shorter);
    expect(v2.shifts).toHaveLength(v1.shifts.length);
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'published']]);
  }, 180_000);

  it('moves a shift to another agent and day in one edit, and back', async () => {
    const backend = newBackend();
    const view = await generate(backend, {});
    const scheduleId = view.schedule.id;
    const shift = view.shifts.find((s) => !s.locked)!;
    // Someone else with the shift's skill, on a day they have no shift (everyone has days off: at most 5 shifts a week).
    const works = new Set(view.shifts.map((s) => `${s.agentId}|${s.day}`));
    const target = view.agents.find((a) => a.id !== shift.agentId && a.skills.includes(shift.skill))!;
    const day = [0, 1, 2, 3, 4, 5, 6].find((d) => d !== shift.day && !works.has(`${target.id}|${d}`))!;
    expect(day).toBeDefined();
    const times = { start: shift.start, end: shift.end, segments: shift.segments, breaks: shift.breaks };
    const moved = await call(backend, 'schedule.updateShift', { scheduleId, shiftId: shift.id, times, moveTo: { agentId: target.id, day, skill: shift.skill } });
    expect(moved).toEqual({ scheduleId, newDraft: false, shiftIds: [shift.id] });
    const after = await call(backend, 'schedule.view', { scheduleId });
    expect(after.shifts).toHaveLength(view.shifts.length);
    expect(after.shifts.find((s) => s.id === shift.id)).toMatchObject({ ...times, agentId: target.id, day, date: addDays(WEEK, day), skill: shift.skill });

    await call(backend, 'schedule.updateShift', { scheduleId, shiftId: shift.id, times, moveTo: { agentId: shift.agentId, day: shift.day, skill: shift.skill } });
    expect((await call(backend, 'schedule.view', { scheduleId })).shifts.find((s) => s.id === shift.id)).toEqual(shift);
    const unknown = await refusal(backend, 'schedule.updateShift', { scheduleId, shiftId: shift.id, times, moveTo: { agentId: 99_999, day, skill: shift.skill } });
    expect(unknown.issues).toEqual([{ path: 'moveTo.agentId', message: 'Unknown agent' }]);
  }, 120_000);

  it('exports CSV, XLSX and one ICS calendar per agent', async () => {
    const backend = newBackend();
    const view = await generate(backend, {});
    const scheduleId = view.schedule.id;
    const { files: [csv] } = await call(backend, 'schedule.export', { scheduleId, format: 'csv' });
    const lines = csv.content.trim().split('\n');
    expect(lines[0]).toBe('agent,date,start,end,end_date,segments,skill,template,paid_hours,breaks');
    // One row per shift: a split shift is one row listing both spans.
    expect(lines.length - 1).toBe(view.shifts.length);
    expect(lines[1]).toMatch(/^[^,]+,2026-11-\d{2},\d{2}:\d{2},\d{2}:\d{2},2026-11-\d{2},[^,]+,(phone|chat|email),.*(break|lunch)/);

    const { files: [xlsx] } = await call(backend, 'schedule.export', { scheduleId, format: 'xlsx' });
    expect(xlsx).toMatchObject({ encoding: 'base64', fileName: `schedule-${WEEK}-v1-draft.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Week', 'Shifts', 'Coverage']);
    expect(workbook.getWorksheet('Week')!.rowCount).toBe(41);
    expect(workbook.getWorksheet('Shifts')!.rowCount).toBe(view.shifts.length + 1);

    // Every agent's calendar comes as ONE zip download, one .ics per agent with shifts inside.
    const { files: calendars } = await call(backend, 'schedule.export', { scheduleId, format: 'ics' });
    expect(calendars).toHaveLength(1);
    expect(calendars[0]).toMatchObject({ mimeType: 'application/zip', encoding: 'base64', fileName: `schedule-${WEEK}-v1-draft-calendars.zip` });
    const inside = unzipSync(Buffer.from(calendars[0].content, 'base64'));
    expect(Object.keys(inside)).toHaveLength(new Set(view.shifts.map((s) => s.agentId)).size);
    expect(Object.values(inside).every((bytes) => strFromU8(bytes).startsWith('BEGIN:VCALENDAR'))).toBe(true);
    const agent = view.shifts[0].agentId;
    const { files: [one] } = await call(backend, 'schedule.export', { scheduleId, format: 'ics', agentId: agent });
    expect(one.content).toMatch(/^BEGIN:VCALENDAR/);
    const events = one.content.match(/BEGIN:VEVENT/g) ?? [];
    expect(events.length).toBe(view.shifts.filter((s) => s.agentId === agent).reduce((n, s) => n + s.segments.length, 0));
    // Times are written in UTC: 08:00 in New York in November is 13:00Z.
    expect(one.content).toMatch(/DTSTART:2026111\dT\d{6}Z/);
  }, 120_000);

  it('when rules leave Sunday chat without anyone, still returns a schedule and names the cause', async () => {
    const backend = newBackend();
    const requirements = await call(backend, 'schedule.requirements', { weekStart: WEEK });
    expect(requirements.series.find((s) => s.skill === 'chat')!.required.slice(6 * 48).some((r) => r > 0)).toBe(true);
    const agents = backend.db().prepare('SELECT id, skills FROM agents').all() as { id: number; skills: string }[];
    for (const agent of agents.filter((a) => JSON.parse(a.skills).includes('chat'))) {
      await call(backend, 'schedule.agentPreferences.save', { agentId: agent.id, preferences: { fixedWeekdaysOff: [6], availability: [], preferences: [] } });
    }
    const view = await generate(backend, {});
    expect(view.shifts.length).toBeGreaterThan(100);
    expect(view.shifts.some((s) => s.skill === 'chat' && s.day === 6)).toBe(false);
    const sunday = view.solve!.explanations.find((e) => e.skill === 'chat' && e.day === 6);
    expect(sunday?.causes[0]).toMatchObject({ cause: 'nobody-available' });
    expect(sunday?.causes[0].message).toMatch(/no agent with chat can work .* on Sunday/);
  }, 120_000);

  it('Stop keeps the best schedule found so far, even when pressed during shift design', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    // Stop lands at a known point (the solver's first progress report: shift design), not after some seconds; how
    // soon the result comes back after Stop is measured by the schedule bench.
    let jobId = '';
    const firstReport = new Promise<string>((resolve) =>
      backend.events.subscribe((event, payload) => {
        const progress = payload as JobProgressEvent;
        if (event === 'job.progress' && progress.jobId === jobId && /^Designing shifts/.test(progress.message)) resolve(progress.message);
      }),
    );
    ({ jobId } = await call(backend, 'schedule.generate', { weekStart: WEEK, timeLimitSec: 120 }));
    expect(await firstReport).toMatch(/^Designing shifts/);
    expect(await call(backend, 'schedule.stop', { jobId })).toEqual({ stopping: true });
    const done = await backend.waitForJob(jobId);
    expect(done?.status, done?.message).toBe('succeeded');
    expect(done?.message).toMatch(/^Stopped at \d+ s; kept the best schedule found/);
    const view = await call(backend, 'schedule.view', { scheduleId: resultOf(done, 'schedule.generate').scheduleId });
    expect(view.solve?.stoppedEarly).toBe(true);
    expect(view.shifts.length).toBeGreaterThan(50);
    expect(view.solve?.summary.ruleViolations).toBe(0);
    expect(await call(backend, 'schedule.stop', { jobId })).toEqual({ stopping: false });
  }, 120_000);
});
