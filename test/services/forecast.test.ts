import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/services/backend';
import { accuracy } from '../../electron/services/forecastService';
import { call, runJob, useBackends, resultOf } from '../helpers/backend';
import type { RequestOf } from '../../shared/api/contract';

const newBackend = useBackends();


async function runForecast(backend: Backend, payload: RequestOf<'forecast.run'>): Promise<number> {
  const done = await runJob(backend, 'forecast.run', payload);
  expect(done?.status, done?.message).toBe('succeeded');
  return resultOf(done, 'forecast.run').runId;
}

describe('forecast service', () => {
  it('forecasts the demo phone queue in a worker, closes Sundays and the coming public holiday, and stores the run', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const runId = await runForecast(backend, { queueId: 1, horizonDays: 7, method: 'auto', intervalMin: 30 });
    const view = await call(backend, 'forecast.view', { runId });
    expect(view.run.scores.length).toBeGreaterThanOrEqual(8);
    expect(view.run.asOf).toBe('2026-11-21');
    const dates = view.days.map((d) => d.date);
    expect(dates[0]).toBe('2026-11-23');
    expect(dates).not.toContain('2026-11-22'); // Sunday: phones closed
    expect(dates).not.toContain('2026-11-26'); // Thanksgiving: a closure event
    expect(view.days.every((d) => d.lo80 <= d.forecast && d.forecast <= d.hi80 && d.lo95 <= d.lo80 && d.hi80 <= d.hi95)).toBe(true);
    expect(view.points.every((p) => p.start.endsWith(':00') || p.start.endsWith(':30'))).toBe(true);
    // Intervals add up to the day totals.
    const monday = view.points.filter((p) => p.start.startsWith('2026-11-23')).reduce((s, p) => s + p.forecast, 0);
    expect(monday).toBeCloseTo(view.days[0].forecast, 0);
    expect(await call(backend, 'forecast.runs', { queueId: 1 })).toMatchObject([{ id: runId, method: view.run.method }]);
  }, 120_000);

  it('keeps planner adjustments apart, scales the day shape, and reverts them', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const runId = await runForecast(backend, { queueId: 3, horizonDays: 3, method: 'seasonal-naive' });
    const before = await call(backend, 'forecast.view', { runId });
    const day = before.days[0];
    await call(backend, 'forecast.adjustDay', { queueId: 3, date: day.date, total: day.forecast * 2, note: 'Newsletter goes out' });
    const after = await call(backend, 'forecast.view', { runId });
    expect(after.days[0]).toMatchObject({ forecast: day.forecast, adjusted: day.forecast * 2, note: 'Newsletter goes out' });
    const adjustedSum = after.points.filter((p) => p.start.startsWith(day.date)).reduce((s, p) => s + (p.adjusted ?? 0), 0);
    expect(adjustedSum).toBeCloseTo(day.forecast * 2, 6);
    const csv = await call(backend, 'forecast.exportCsv', { runId });
    expect(csv.csv.split('\n')[0]).toBe('timestamp,forecast,lo80,hi80,lo95,hi95,adjusted');
    await call(backend, 'forecast.adjustDay', { queueId: 3, date: day.date, total: null });
    expect((await call(backend, 'forecast.view', { runId })).days[0].adjusted).toBeNull();
  }, 120_000);

  it('compares a forecast made as of an earlier date with the actuals that followed', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const runId = await runForecast(backend, { queueId: 2, horizonDays: 14, method: 'auto', asOf: '2026-11-01' });
    const { weeks, months } = await call(backend, 'forecast.accuracy', { runId });
    expect(weeks.map((w) => w.period)).toEqual(['2026-11-02', '2026-11-09']);
    expect(weeks.every((w) => w.days === 7 && w.wape < 0.25)).toBe(true);
    expect(months.map((m) => m.period)).toEqual(['2026-11']);
  }, 120_000);

  it('computes week and month accuracy from forecast and actual days', () => {
    const day = (date: string, forecast: number, actual: number | null, adjusted: number | null = null) =>
      ({ date, forecast, actual, adjusted, lo80: 0, hi80: 0, lo95: 0, hi95: 0, weekday: 1, events: [], note: null });
    const { weeks } = accuracy([day('2026-11-16', 100, 90), day('2026-11-17', 100, 110, 120), day('2026-11-18', 100, null)]);
    expect(weeks).toEqual([{ period: '2026-11-16', forecast: 220, actual: 200, wape: 20 / 200, bias: 20 / 200, days: 2 }]);
  });
});
