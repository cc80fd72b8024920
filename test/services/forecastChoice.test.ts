import { describe, expect, it } from 'vitest';
import type { ForecastRunSummary, ForecastView } from '../../shared/api/channels/forecast';
import type { WeekForecastRuns } from '../../shared/api/channels/forecastChoice';
import type { ScheduleOverview, WeekRequirements } from '../../shared/api/channels/schedule';
import type { Backend } from '../../electron/services/backend';
import { useBackends } from '../helpers/backend';

const newBackend = useBackends();
/** The demo history ends on Saturday 2026-11-21: the week after it is the one a planner schedules next. */
const NEXT_WEEK = '2026-11-23';
const HISTORY_WEEK = '2026-11-09';
const BILLING = 1;

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const reply = await backend.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

async function runForecast(backend: Backend, payload: Record<string, unknown>): Promise<number> {
  const { jobId } = await call<{ jobId: string }>(backend, 'forecast.run', { queueId: BILLING, horizonDays: 14, method: 'seasonal-naive', intervalMin: 30, ...payload });
  const done = await backend.waitForJob(jobId);
  expect(done?.status, done?.message).toBe('succeeded');
  return (done!.result as { runId: number }).runId;
}

const billing = (r: WeekRequirements) => r.sources.find((s) => s.queueId === BILLING)!;

describe('the forecast run that feeds a schedule week', () => {
  it('never lets an "as of" backtest replace the forecast, and uses a backtest only when the planner chooses it', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const forecastRun = await runForecast(backend, {});
    const backtestRun = await runForecast(backend, { asOf: '2026-11-01' });

    const runs = await call<ForecastRunSummary[]>(backend, 'forecast.runs', { queueId: BILLING });
    expect(runs.map((r) => [r.id, r.backtest])).toEqual([[backtestRun, true], [forecastRun, false]]);
    expect(runs[1]).toMatchObject({ firstDay: '2026-11-22', asOf: '2026-11-21' });

    // The newest run is the backtest; the week after the history still comes from the forecast.
    const next = await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: NEXT_WEEK });
    expect(billing(next)).toMatchObject({ source: 'forecast', forecastRunId: forecastRun, forecastChoice: 'automatic' });
    expect(next.notes.filter((n) => n.startsWith('Billing'))).toEqual([]);
    expect((await call<ScheduleOverview>(backend, 'schedule.overview', {})).forecastWeeks).toContain(NEXT_WEEK);

    // A past week the backtest reaches keeps its history until the planner chooses the backtest for it.
    const offered = await call<WeekForecastRuns>(backend, 'schedule.forecastRuns', { weekStart: HISTORY_WEEK });
    const offeredBilling = offered.queues.find((q) => q.queueId === BILLING)!;
    expect(offeredBilling).toMatchObject({ automaticRunId: null, chosenRunId: null });
    expect(offeredBilling.runs.map((r) => [r.id, r.backtest, r.daysInWeek])).toEqual([[backtestRun, true, 7]]);
    expect(billing(await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: HISTORY_WEEK })).source).toBe('history');

    const chosen = await call<WeekForecastRuns>(backend, 'schedule.chooseForecastRun', { weekStart: HISTORY_WEEK, queueId: BILLING, runId: backtestRun });
    expect(chosen.queues.find((q) => q.queueId === BILLING)!.chosenRunId).toBe(backtestRun);
    const fromBacktest = billing(await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: HISTORY_WEEK }));
    expect(fromBacktest).toMatchObject({ source: 'forecast', forecastRunId: backtestRun, forecastChoice: 'chosen' });
    // The choice is per week: the next week still uses the forecast.
    expect(billing(await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: NEXT_WEEK })).forecastRunId).toBe(forecastRun);

    await call(backend, 'schedule.chooseForecastRun', { weekStart: HISTORY_WEEK, queueId: BILLING, runId: null });
    expect(billing(await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: HISTORY_WEEK })).source).toBe('history');

    // A run that does not reach the week cannot be chosen for it.
    const refused = await backend.dispatch('schedule.chooseForecastRun', { weekStart: HISTORY_WEEK, queueId: BILLING, runId: forecastRun });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe(`Forecast run ${forecastRun} does not reach the week of ${HISTORY_WEEK} for Billing & Accounts (phone): choose one of #${backtestRun}`);
  }, 180_000);

  it('names what it looked for when a week gets nobody', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const forecastRun = await runForecast(backend, {});
    const backtestRun = await runForecast(backend, { asOf: '2026-11-01' });
    const far = await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: '2026-12-14' });
    const note = far.notes.find((n) => n.startsWith('Billing & Accounts (phone) has neither a forecast nor history'))!;
    expect(note).toContain('Looked for a forecast run of Billing & Accounts (phone) reaching 2026-12-14 to 2026-12-20 that is not a backtest');
    expect(note).toMatch(new RegExp(`the newest forecast, run #${forecastRun}, covers 2026-11-22 to 2026-12-\\d\\d only`));
    expect(note).not.toContain(`#${backtestRun}`); // it does not reach the week either
  }, 180_000);

  it('forecasts handle time per interval from the imported handle times and staffs forecast days with it', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const runId = await runForecast(backend, {});
    const view = await call<ForecastView>(backend, 'forecast.view', { runId });
    // The demo phone queue's handle times are 330 s ± 10% per interval (8 weeks back; 2026-09-27 is a closed Sunday).
    expect(view.run.aht).toMatchObject({ fromDate: '2026-09-28', toDate: '2026-11-21' });
    expect(view.run.aht!.meanAhtSec!).toBeGreaterThan(320);
    expect(view.run.aht!.meanAhtSec!).toBeLessThan(340);
    expect(view.run.aht!.method).toMatch(/^Mean handle time per contact \(Σ volume × AHT ÷ Σ volume\) of the same weekday and 30-minute time of day/);
    expect(view.points.every((p) => p.ahtSec !== null && p.ahtSec > 297 && p.ahtSec < 363)).toBe(true);
    expect(new Set(view.points.map((p) => Math.round(p.ahtSec!))).size).toBeGreaterThan(10);
    const source = billing(await call<WeekRequirements>(backend, 'schedule.requirements', { weekStart: NEXT_WEEK }));
    expect(source.staffingSummary).toMatch(new RegExp(`; on forecast days AHT per interval from run #${runId} \\(\\d{3}–\\d{3} s\\)$`));
  }, 180_000);
});
