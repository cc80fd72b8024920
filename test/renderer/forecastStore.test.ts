/** The Forecast area's store against a stand-in `api`: what it sends, what it keeps, and what it says when refused. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForecastRunSummary, ForecastView } from '../../shared/api/channels/forecast';
import type { JobDoneEvent } from '../../shared/api/jobs';
import { ApiError } from '../../shared/api/errors';

vi.mock('../../renderer/src/api', async () => (await import('../helpers/fakeApi')).fakeApiModule());
const { fakeApi } = await import('../helpers/fakeApi');
const { useForecast } = await import('../../renderer/src/stores/forecastStore');

const run = (id: number, queueId = 1): ForecastRunSummary => ({
  id,
  queueId,
  createdAt: '2026-11-22T08:00:00Z',
  requestedMethod: 'auto',
  method: 'seasonal-naive',
  intervalMin: 30,
  horizonDays: 14,
  asOf: '2026-11-21',
  backtest: false,
  firstDay: '2026-11-22',
  lastDay: '2026-12-05',
});
const viewOf = (id: number) => ({ run: { ...run(id), scores: [], intervalModel: '', warnings: [], events: [] }, days: [], points: [], historyDays: [] }) as unknown as ForecastView;
const initial = useForecast.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeApi.reset();
  useForecast.setState(initial, true);
  fakeApi.replies['forecast.view'] = (p) => viewOf((p as { runId: number }).runId);
  fakeApi.replies['forecast.accuracy'] = () => ({ weeks: [], months: [] });
});

describe('forecast store', () => {
  it('opens the newest run of a queue it selects', async () => {
    fakeApi.replies['forecast.runs'] = () => [run(7), run(3)];
    await useForecast.getState().selectQueue(1);
    expect(fakeApi.sent('forecast.runs')).toEqual([{ queueId: 1 }]);
    expect(fakeApi.sent('forecast.view')).toEqual([{ runId: 7 }]);
    expect(useForecast.getState().view?.run.id).toBe(7);
    expect(useForecast.getState().accuracy).toEqual({ weeks: [], months: [] });
  });

  it('refuses a horizon or an as-of date it cannot read without sending anything', async () => {
    useForecast.setState({ queueId: 1 });
    for (const horizonDays of ['0', '121', '2.5', 'two']) {
      useForecast.getState().set({ horizonDays });
      await useForecast.getState().run();
      expect(useForecast.getState().errors.horizonDays).toBeTruthy();
    }
    useForecast.getState().set({ horizonDays: '28', asOf: '21/11/2026' });
    await useForecast.getState().run();
    expect(useForecast.getState().errors.asOf).toMatch(/2026-11-01/);
    expect(fakeApi.sent('forecast.run')).toEqual([]);
  });

  it('starts a run and keeps its job; a refusal is shown on the form', async () => {
    useForecast.setState({ queueId: 2 });
    useForecast.getState().set({ horizonDays: '28', intervalMin: 60, asOf: '2026-10-31' });
    fakeApi.replies['forecast.run'] = () => ({ jobId: 'job-1', kind: 'forecast.run' });
    await useForecast.getState().run('holt-winters-additive');
    expect(fakeApi.sent('forecast.run')).toEqual([{ queueId: 2, horizonDays: 28, method: 'holt-winters-additive', intervalMin: 60, asOf: '2026-10-31' }]);
    expect(useForecast.getState()).toMatchObject({ jobId: 'job-1', method: 'holt-winters-additive', errors: {} });

    fakeApi.replies['forecast.run'] = () => {
      throw new ApiError({ code: 'not_found', message: 'Email has no history yet' });
    };
    await useForecast.getState().run();
    expect(useForecast.getState().errors.form).toBe('Email has no history yet');
  });

  it('shows the run its own job stored, and ignores other jobs', async () => {
    useForecast.setState({ queueId: 1, jobId: 'mine' });
    fakeApi.replies['forecast.runs'] = () => [run(9), run(7)];
    const done = (jobId: string, kind: JobDoneEvent['kind'] = 'forecast.run') =>
      ({ jobId, kind, status: 'succeeded', message: 'Forecast ready', result: { runId: 9 } }) as JobDoneEvent;
    fakeApi.emit('job.done', done('someone-else'));
    fakeApi.emit('job.done', done('mine', 'import'));
    await settle();
    expect(fakeApi.calls).toEqual([]);
    fakeApi.emit('job.done', done('mine'));
    await settle();
    expect(useForecast.getState().runs.map((r) => r.id)).toEqual([9, 7]);
    expect(useForecast.getState().view?.run.id).toBe(9);
  });

  it('does not put one queue’s runs under another the planner switched to meanwhile', async () => {
    useForecast.setState({ queueId: 1, jobId: 'mine' });
    let answer!: (runs: ForecastRunSummary[]) => void;
    fakeApi.replies['forecast.runs'] = () => new Promise((resolve) => (answer = resolve));
    fakeApi.emit('job.done', { jobId: 'mine', kind: 'forecast.run', status: 'succeeded', message: '', result: { runId: 9 } } as JobDoneEvent);
    useForecast.setState({ queueId: 2, runs: [] });
    answer([run(9, 1)]);
    await settle();
    expect(useForecast.getState().runs).toEqual([]);
  });

  it('checks a day total before saving it, and reverts a day', async () => {
    useForecast.setState({ queueId: 1, view: viewOf(4) });
    await useForecast.getState().adjustDay('2026-11-23', '-5');
    expect(useForecast.getState().errors.adjust).toMatch(/^2026-11-23: .*negative/);
    await useForecast.getState().adjustDay('2026-11-23', 'lots');
    expect(useForecast.getState().errors.adjust).toMatch(/^2026-11-23: /);
    expect(fakeApi.sent('forecast.adjustDay')).toEqual([]);

    await useForecast.getState().adjustDay('2026-11-23', '1200');
    await useForecast.getState().revertDay('2026-11-24');
    expect(fakeApi.sent('forecast.adjustDay')).toEqual([
      { queueId: 1, date: '2026-11-23', total: 1200 },
      { queueId: 1, date: '2026-11-24', total: null },
    ]);
    expect(useForecast.getState().errors).toEqual({});
    // Each change reopens the run, so the adjusted figures come from the service.
    expect(fakeApi.sent('forecast.view')).toEqual([{ runId: 4 }, { runId: 4 }]);
  });

  it('saves and deletes events, then reloads the list', async () => {
    const stored = [{ id: 5, name: 'Sale', startDate: '2026-11-27', endDate: '2026-11-27', effect: 'multiplier' as const, value: 1.3, queueId: null }];
    fakeApi.replies['events.list'] = () => stored;
    const { id: _id, ...event } = stored[0];
    await useForecast.getState().saveEvent(event);
    await useForecast.getState().deleteEvent(5);
    expect(fakeApi.sent('events.save')).toEqual([{ event }]);
    expect(fakeApi.sent('events.delete')).toEqual([{ id: 5 }]);
    expect(fakeApi.sent('events.list')).toHaveLength(2);
    expect(useForecast.getState().events).toBe(stored);
  });

  it('exports the run on screen, and nothing without one', async () => {
    expect(await useForecast.getState().exportCsv()).toBeUndefined();
    expect(fakeApi.calls).toEqual([]);
    useForecast.setState({ view: viewOf(4) });
    fakeApi.replies['forecast.exportCsv'] = () => ({ fileName: 'forecast-phone-2026-11-21.csv', csv: 'timestamp,forecast\n' });
    expect(await useForecast.getState().exportCsv()).toEqual({ fileName: 'forecast-phone-2026-11-21.csv', csv: 'timestamp,forecast\n' });
    expect(fakeApi.sent('forecast.exportCsv')).toEqual([{ runId: 4 }]);
  });

  it('keeps its lists the same objects across unrelated changes (a fresh [] would loop a selector)', () => {
    const { runs, events } = useForecast.getState();
    useForecast.getState().set({ horizonDays: '21' });
    expect(useForecast.getState().runs).toBe(runs);
    expect(useForecast.getState().events).toBe(events);
  });
});
