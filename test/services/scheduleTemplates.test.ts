import { describe, expect, it } from 'vitest';
import type { ScheduleTemplate, ScheduleView } from '../../shared/api/channels/schedule';
import type { JobHandle } from '../../shared/api/types';
import { useBackends, resultOf } from '../helpers/backend';

const newBackend = useBackends();
/** The last full week of the pinned demo history. */
const WEEK = '2026-11-09';

const EVENING = {
  name: 'Evening',
  earliestStart: '14:00',
  latestStart: '15:00',
  startStepMinutes: 30,
  segments: [{ offsetMinutes: 0, lengthMinutes: 7 * 60 }],
  breaks: [
    { kind: 'lunch', lengthMinutes: 30, paid: false, windowStartMinutes: 180, windowEndMinutes: 300 },
    { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 60, windowEndMinutes: 150 },
  ],
  category: 'late',
};

describe('shift templates', () => {
  it('saves a new template, edits it, and lists it after the defaults', async () => {
    const backend = newBackend();
    const saved = await backend.dispatch('schedule.templates.save', { template: EVENING });
    expect(saved).toMatchObject({ ok: true, value: { id: 'evening', name: 'Evening', definition: { id: 'evening', earliestStart: 14 * 60, category: 'late' } } });
    const edited = await backend.dispatch('schedule.templates.save', { id: 'evening', template: { ...EVENING, name: 'Evening long', latestStart: '16:00' } });
    expect(edited).toMatchObject({ ok: true, value: { id: 'evening', name: 'Evening long', definition: { latestStart: 16 * 60 } } });
    const list = await backend.dispatch('schedule.templates', {});
    expect(list.ok && (list.value as ScheduleTemplate[]).map((t) => t.id)).toEqual(['early', 'core', 'late', 'split', 'evening']);
    expect(list.ok && (list.value as ScheduleTemplate[]).at(-1)!.description).toContain('starts 14:00–16:00 every 30 min; works 7 h');
  });

  it('keeps every template field: a third break, weekdays, skills and cannot-follow rules', async () => {
    const backend = newBackend();
    const full = {
      ...EVENING,
      segments: [{ offsetMinutes: 0, lengthMinutes: 10 * 60 }],
      breaks: [...EVENING.breaks, { kind: 'break', lengthMinutes: 15, paid: true, windowStartMinutes: 420, windowEndMinutes: 540 }],
      weekdays: [0, 1, 2, 3],
      skills: ['phone'],
      cannotFollow: ['late'],
    };
    expect(await backend.dispatch('schedule.templates.save', { template: full })).toMatchObject({ ok: true });
    const list = await backend.dispatch('schedule.templates', {});
    const saved = (list as { ok: true; value: ScheduleTemplate[] }).value.find((t) => t.id === 'evening')!;
    expect(saved.definition).toMatchObject({ breaks: full.breaks, weekdays: [0, 1, 2, 3], skills: ['phone'], cannotFollow: ['late'] });
    expect(saved.description).toContain('not the day after late; only on Mon, Tue, Wed, Thu; only for phone');
  });

  it('rejects an invalid template naming the field, and nothing is saved', async () => {
    const backend = newBackend();
    const late = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, latestStart: '13:00' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'template.latestStart', message: 'latestStart is before earliestStart' }] } });
    const lunch = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, breaks: [{ ...EVENING.breaks[0], windowEndMinutes: 200 }] } });
    expect(lunch).toMatchObject({ ok: false, error: { issues: [{ path: 'template.breaks.0.windowEndMinutes' }] } });
    const long = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, segments: [{ offsetMinutes: 0, lengthMinutes: 17 * 60 }] } });
    expect(long).toMatchObject({ ok: false, error: { issues: [{ path: 'template.segments.0.lengthMinutes' }] } });
    const taken = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, name: 'late' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'template.name' }] } });
    const unknown = await backend.dispatch('schedule.templates.save', { id: 'nope', template: EVENING });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const noDays = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, weekdays: [] } });
    expect(noDays).toMatchObject({ ok: false, error: { issues: [{ path: 'template.weekdays', message: expect.stringContaining('at least one weekday') }] } });
    const noSkills = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, skills: [] } });
    expect(noSkills).toMatchObject({ ok: false, error: { issues: [{ path: 'template.skills', message: expect.stringContaining('at least one skill') }] } });
    const follows = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, cannotFollow: ['late', 'graveyard'] } });
    expect(follows).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('graveyard'), issues: [{ path: 'template.cannotFollow' }] } });
    const list = await backend.dispatch('schedule.templates', {});
    expect(list.ok && (list.value as ScheduleTemplate[]).length).toBe(4);
  });

  it('deletes templates but never the last one, and generates a week from a custom template only', async () => {
    const backend = newBackend();
    expect(await backend.dispatch('schedule.templates.save', { template: EVENING })).toMatchObject({ ok: true });
    for (const id of ['early', 'core', 'late', 'split']) expect(await backend.dispatch('schedule.templates.delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await backend.dispatch('schedule.templates.delete', { id: 'late' })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('removed') } });
    expect(await backend.dispatch('schedule.templates.delete', { id: 'evening' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const list = await backend.dispatch('schedule.templates', {});
    expect(list.ok && (list.value as ScheduleTemplate[]).map((t) => t.id)).toEqual(['evening']);

    const started = await backend.dispatch('schedule.generate', { weekStart: WEEK, timeLimitSec: 5 });
    const done = await backend.waitForJob((started as { ok: true; value: JobHandle }).value.jobId);
    expect(done?.status, done?.message).toBe('succeeded');
    const reply = await backend.dispatch('schedule.view', { scheduleId: resultOf(done, 'schedule.generate').scheduleId });
    const view = (reply as { ok: true; value: ScheduleView }).value;
    expect(view.templates.map((t) => t.id)).toEqual(['evening']);
    expect(view.shifts.length).toBeGreaterThan(0);
    expect(view.shifts.every((s) => s.templateId === 'evening' && s.start >= 14 * 60 && s.start <= 15 * 60)).toBe(true);

    // The schedule keeps its templates when the one it used is edited: the next Generate uses the new version.
    expect(await backend.dispatch('schedule.templates.save', { id: 'evening', template: { ...EVENING, earliestStart: '12:00' } })).toMatchObject({ ok: true });
    const again = await backend.dispatch('schedule.view', { scheduleId: view.schedule.id });
    expect((again as { ok: true; value: ScheduleView }).value.templates[0].earliestStart).toBe(14 * 60);
  });

  it('a removed template leaves the schedules that used it intact', async () => {
    const backend = newBackend();
    const started = await backend.dispatch('schedule.generate', { weekStart: WEEK, timeLimitSec: 5 });
    const done = await backend.waitForJob((started as { ok: true; value: JobHandle }).value.jobId);
    expect(done?.status, done?.message).toBe('succeeded');
    const scheduleId = resultOf(done, 'schedule.generate').scheduleId;
    const before = (await backend.dispatch('schedule.view', { scheduleId })) as { ok: true; value: ScheduleView };
    const used = before.value.shifts[0].templateId!;
    expect(await backend.dispatch('schedule.templates.delete', { id: used })).toEqual({ ok: true, value: { deleted: true } });
    const after = (await backend.dispatch('schedule.view', { scheduleId })) as { ok: true; value: ScheduleView };
    expect(after.value.shifts).toEqual(before.value.shifts);
    expect(after.value.templates.map((t) => t.id)).toContain(used);
    // A new template with the same name gets a fresh key, so old shifts never point at it.
    const removed = before.value.templates.find((t) => t.id === used)!;
    const again = await backend.dispatch('schedule.templates.save', { template: { ...EVENING, name: removed.name } });
    expect(again).toMatchObject({ ok: true, value: { id: `${used}-2` } });
  });
});
