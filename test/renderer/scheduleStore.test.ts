/**
 * The Schedule area's stores against a stand-in `api`: opening the area, the week's requirements, starting and
 * stopping a solve (time limit checked first, lock conflicts shown as such), the forecast-run chooser and the
 * version comparison, with late answers for a week or version the planner has left dropped.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleOverview, ScheduleShift, ScheduleView } from '../../shared/api/channels/schedule';
import { ApiError } from '../../shared/api/errors';

vi.mock('../../renderer/src/api', async () => (await import('../helpers/fakeApi')).fakeApiModule());
const { fakeApi } = await import('../helpers/fakeApi');
const { useSchedule } = await import('../../renderer/src/stores/scheduleStore');
const { useWeekForecast } = await import('../../renderer/src/stores/weekForecastStore');
const { useVersionCompare } = await import('../../renderer/src/stores/versionCompareStore');

const OVERVIEW: ScheduleOverview = { timeZone: 'America/New_York', agentCount: 40, suggestedWeek: '2026-11-23', historyWeeks: { first: '2026-05-25', last: '2026-11-16' }, forecastWeeks: ['2026-11-23'], schedules: [] };
const initial = { schedule: useSchedule.getState(), weekForecast: useWeekForecast.getState(), compare: useVersionCompare.getState() };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const refuse = (error: ApiError) => () => {
  throw error;
};

beforeEach(() => {
  fakeApi.reset();
  useSchedule.setState(initial.schedule, true);
  useWeekForecast.setState(initial.weekForecast, true);
  useVersionCompare.setState(initial.compare, true);
});

describe('schedule store', () => {
  it('opens on the suggested week: no schedule yet, its requirements loaded', async () => {
    fakeApi.replies['schedule.overview'] = () => OVERVIEW;
    fakeApi.replies['schedule.templates'] = () => [];
    fakeApi.replies['schedule.requirements'] = (p) => ({ requested: p });
    await useSchedule.getState().init();
    expect(useSchedule.getState()).toMatchObject({ weekStart: '2026-11-23', view: undefined, shifts: [], weekRequirements: { requested: { weekStart: '2026-11-23', intervalMinutes: 30 } } });
  });

  it('says the area could not open, and what the service said', async () => {
    fakeApi.replies['schedule.overview'] = refuse(new ApiError({ code: 'internal', message: 'The data file is locked' }));
    await useSchedule.getState().init();
    expect(useSchedule.getState().notice).toEqual({ kind: 'error', text: 'Could not open the Schedule area: The data file is locked' });
  });

  it('drops the requirements of a week the planner has already left', async () => {
    let answer!: (value: unknown) => void;
    fakeApi.replies['schedule.requirements'] = () => new Promise((resolve) => (answer = resolve));
    const selecting = useSchedule.getState().selectWeek('2026-11-23');
    await settle();
    useSchedule.setState({ weekStart: '2026-11-30' });
    answer({ week: '2026-11-23' });
    await selecting;
    expect(useSchedule.getState().weekRequirements).toBeUndefined();
  });

  it('checks the time limit before starting a solve, and keeps the job it started', async () => {
    useSchedule.setState({ weekStart: '2026-11-23' });
    for (const timeLimit of ['4', '601', '12.5', 'soon']) {
      useSchedule.getState().set({ timeLimit });
      await useSchedule.getState().generate();
      expect(useSchedule.getState().errors.timeLimit).toBeTruthy();
    }
    expect(fakeApi.sent('schedule.generate')).toEqual([]);
    useSchedule.getState().set({ timeLimit: '45', intervalMinutes: 15 });
    fakeApi.replies['schedule.generate'] = () => ({ jobId: 'solve-1', kind: 'schedule.generate' });
    await useSchedule.getState().generate();
    expect(fakeApi.sent('schedule.generate')).toEqual([{ weekStart: '2026-11-23', timeLimitSec: 45, intervalMinutes: 15 }]);
    expect(useSchedule.getState()).toMatchObject({ jobId: 'solve-1', stopping: false, errors: {} });
  });

  it('shows locks that rule the solve out as lock conflicts, and other refusals on the form', async () => {
    useSchedule.setState({ weekStart: '2026-11-23' });
    fakeApi.replies['schedule.generate'] = refuse(new ApiError({ code: 'conflict', message: 'Locked shifts break a rule', issues: [{ path: 'locks', message: 'Ana: two locked shifts on Monday' }] }));
    await useSchedule.getState().generate();
    expect(useSchedule.getState()).toMatchObject({ lockConflicts: ['Ana: two locked shifts on Monday'], errors: {} });
    fakeApi.replies['schedule.generate'] = refuse(new ApiError({ code: 'not_found', message: 'There are no agents with skills to schedule' }));
    await useSchedule.getState().generate();
    expect(useSchedule.getState().errors.form).toBe('There are no agents with skills to schedule');
  });

  it('stops only a solve it started', async () => {
    await useSchedule.getState().stop();
    expect(fakeApi.sent('schedule.stop')).toEqual([]);
    useSchedule.setState({ jobId: 'solve-1' });
    await useSchedule.getState().stop();
    expect(fakeApi.sent('schedule.stop')).toEqual([{ jobId: 'solve-1' }]);
    expect(useSchedule.getState().stopping).toBe(true);
  });

  it('keeps its lists the same objects across unrelated changes (a fresh [] would loop a selector)', () => {
    const { shifts, violations, history, templates } = useSchedule.getState();
    useSchedule.getState().set({ timeLimit: '60' });
    expect(useSchedule.getState().shifts).toBe(shifts);
    expect(useSchedule.getState().violations).toBe(violations);
    expect(useSchedule.getState().history).toBe(history);
    expect(useSchedule.getState().templates).toBe(templates);
  });
});

describe('forecast-run chooser store', () => {
  it('loads the runs of a week, drops a late answer for a week left behind, and shows a refusal', async () => {
    const answers: ((value: unknown) => void)[] = [];
    fakeApi.replies['schedule.forecastRuns'] = () => new Promise((resolve) => answers.push(resolve));
    const first = useWeekForecast.getState().load('2026-11-23');
    const second = useWeekForecast.getState().load('2026-11-30');
    answers[1]({ weekStart: '2026-11-30', queues: [] });
    answers[0]({ weekStart: '2026-11-23', queues: [] });
    await Promise.all([first, second]);
    expect(useWeekForecast.getState().runs).toEqual({ weekStart: '2026-11-30', queues: [] });

    fakeApi.replies['schedule.forecastRuns'] = refuse(new ApiError({ code: 'not_found', message: 'No queues yet' }));
    await useWeekForecast.getState().load('2026-12-07');
    expect(useWeekForecast.getState()).toMatchObject({ runs: undefined, error: 'No queues yet' });
  });

  it('stores a choice for the week on screen and reloads the requirements Generate uses', async () => {
    fakeApi.replies['schedule.forecastRuns'] = () => ({ weekStart: '2026-11-23', queues: [] });
    await useWeekForecast.getState().load('2026-11-23');
    useSchedule.setState({ weekStart: '2026-11-23' });
    fakeApi.replies['schedule.chooseForecastRun'] = (p) => ({ weekStart: '2026-11-23', queues: [], chosen: p });
    await useWeekForecast.getState().choose(2, 17);
    expect(fakeApi.sent('schedule.chooseForecastRun')).toEqual([{ weekStart: '2026-11-23', queueId: 2, runId: 17 }]);
    expect(useWeekForecast.getState().runs).toMatchObject({ chosen: { runId: 17 } });
    expect(fakeApi.sent('schedule.requirements')).toHaveLength(1);
  });
});

describe('version comparison store', () => {
  it('keeps the shifts of the version chosen last, and says when one cannot be read', async () => {
    const answers = new Map<number, (value: unknown) => void>();
    fakeApi.replies['schedule.view'] = (p) => new Promise((resolve) => answers.set((p as { scheduleId: number }).scheduleId, resolve));
    const first = useVersionCompare.getState().compareWith(3);
    const second = useVersionCompare.getState().compareWith(5);
    answers.get(5)!({ shifts: ['v5'] });
    answers.get(3)!({ shifts: ['v3'] });
    await Promise.all([first, second]);
    expect(useVersionCompare.getState()).toMatchObject({ otherId: 5, otherShifts: ['v5'] });

    fakeApi.replies['schedule.view'] = refuse(new ApiError({ code: 'not_found', message: 'Schedule 8 does not exist' }));
    await useVersionCompare.getState().compareWith(8);
    expect(useVersionCompare.getState()).toMatchObject({ otherId: 8, otherShifts: undefined, error: 'Schedule 8 does not exist' });
    await useVersionCompare.getState().compareWith(undefined);
    expect(useVersionCompare.getState().error).toBeUndefined();
  });
});

const WEEK = '2027-01-04';
const agent = (id: number, name: string, skills: string[]) => ({ id, name, team: 'T', skills, engine: { id: String(id), name, skills }, preferences: { fixedWeekdaysOff: [], availability: [], preferences: [] } });
const SHIFT: ScheduleShift = { id: 7, agentId: 1, day: 0, date: WEEK, start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [], templateId: null, skill: 'phone', locked: false };
/** Phones need one agent 08:00–16:00 on Monday only, so where the shift sits shows in the under-coverage. */
const VIEW = {
  schedule: { id: 1, weekStart: WEEK, version: 1, status: 'draft', basedOn: null, createdAt: '', updatedAt: '', publishedAt: null, shiftCount: 1, underHours: 0 },
  timeZone: 'UTC',
  agents: [agent(1, 'Ava', ['phone']), agent(2, 'Ben', ['chat'])],
  templates: [],
  requirements: { intervalMinutes: 30, series: [{ skill: 'phone', required: Array.from({ length: 7 * 48 }, (_, i) => (i >= 16 && i < 32 ? 1 : 0)) }] },
  shifts: [SHIFT],
  solve: null,
  versions: [],
} as unknown as ScheduleView;

describe('schedule store: moving a shift to another agent or day', () => {
  beforeEach(() => {
    // Every shift edit is answered as saved in place.
    fakeApi.replies['schedule.updateShift'] = (payload) => {
      const shiftId = (payload as { shiftId?: number }).shiftId;
      return { scheduleId: 1, newDraft: false, shiftIds: shiftId === undefined ? [] : [shiftId] };
    };
    useSchedule.setState({ view: VIEW, shifts: [SHIFT], problem: undefined, history: [], undone: [], busy: false, editsSinceSolve: 0 });
  });

  it('saves one edit with the new place, follows it in coverage, and undo/redo replay the move', async () => {
    const times = { start: 540, end: 1020, segments: [{ start: 540, end: 1020 }], breaks: [] };
    await useSchedule.getState().commit(7, times, { agentId: 2, day: 2, skill: 'chat' });
    expect(fakeApi.calls).toEqual([{ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times, moveTo: { agentId: 2, day: 2, skill: 'chat' } } }]);
    expect(useSchedule.getState().shifts[0]).toMatchObject({ id: 7, agentId: 2, day: 2, date: '2027-01-06', skill: 'chat', start: 540 });
    expect(useSchedule.getState().coverage?.underHours).toBe(8); // Monday's phone need is now uncovered
    expect(useSchedule.getState().history.map((e) => e.label)).toEqual(['Moved Ava’s Mon shift to Ben’s Wed 09:00–17:00']);

    await useSchedule.getState().undo();
    expect(fakeApi.calls[1]).toEqual({ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times: { start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [] }, moveTo: { agentId: 1, day: 0, skill: 'phone' } } });
    expect(useSchedule.getState().shifts[0]).toMatchObject({ agentId: 1, day: 0, date: WEEK, skill: 'phone', start: 480 });
    expect(useSchedule.getState().coverage?.underHours).toBe(0);

    await useSchedule.getState().redo();
    expect(useSchedule.getState().shifts[0]).toMatchObject({ agentId: 2, day: 2, skill: 'chat', start: 540 });
    expect(useSchedule.getState().history).toHaveLength(1);
  });

  it('a move to the place the shift already has is a plain time edit', async () => {
    const times = { start: 510, end: 990, segments: [{ start: 510, end: 990 }], breaks: [] };
    await useSchedule.getState().commit(7, times, { agentId: 1, day: 0, skill: 'phone' });
    expect(fakeApi.calls).toEqual([{ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times } }]);
    expect(useSchedule.getState().history[0]).not.toHaveProperty('to');
  });
});
