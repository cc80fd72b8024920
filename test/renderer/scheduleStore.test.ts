/**
 * The Schedule area's stores against a stand-in `api`: opening the area, the week's requirements, starting and
 * stopping a solve (time limit checked first, lock conflicts shown as such), the forecast-run chooser and the
 * version comparison, with late answers for a week or version the planner has left dropped.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleOverview } from '../../shared/api/channels/schedule';
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
