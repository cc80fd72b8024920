/**
 * The requirements pipeline (shared/engine/requirements) against what the services answered before it existed:
 * `test/fixtures/requirements/demoWeeks.json` was recorded from the service-side code (staffingService,
 * scheduleRequirements) on the pinned demo workspace, with two seasonal-naive forecast runs of each kind (backtest
 * and not), so forecast days, history days, days without data, 30-minute forecasts on a 15-minute grid, forecast AHT
 * and deferred work moved into shift hours are all covered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, resultOf, runJob, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const recorded = JSON.parse(readFileSync(join(__dirname, '../fixtures/requirements/demoWeeks.json'), 'utf8')) as Record<string, unknown>;
/** What went over the wire: JSON, as the fixture was stored. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('requirements pipeline on the demo weeks', () => {
  it('answers exactly what the services answered before the move', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const backtestPhone = resultOf(await runJob(backend, 'forecast.run', { queueId: 1, horizonDays: 7, method: 'seasonal-naive', intervalMin: 30, asOf: '2026-11-17' }), 'forecast.run').runId;
    const backtestEmail = resultOf(await runJob(backend, 'forecast.run', { queueId: 3, horizonDays: 7, method: 'seasonal-naive', asOf: '2026-11-17' }), 'forecast.run').runId;
    const live = { mode: 'live' as const, intervalMin: 15, ahtSec: 330, targets: { answerSec: 20, serviceLevel: 0.8 }, shrinkage: 0.3 };
    const checks: [string, unknown][] = [];
    for (const intervalMinutes of [15, 30] as const) {
      for (const deferOutsideShifts of [false, true]) {
        checks.push([`schedule-2026-11-16-${intervalMinutes}-${deferOutsideShifts}`, await call(backend, 'schedule.requirements', { weekStart: '2026-11-16', intervalMinutes, deferOutsideShifts })]);
      }
    }
    checks.push(['schedule-2026-11-09-15', await call(backend, 'schedule.requirements', { weekStart: '2026-11-09', intervalMinutes: 15, deferOutsideShifts: false })]);
    checks.push(['staffing-queue1', await call(backend, 'staffing.requirements', { staffing: live, source: { kind: 'queue', queueId: 1 } })]);
    checks.push(['staffing-queue1-0824', await call(backend, 'staffing.requirements', { staffing: live, source: { kind: 'queue', queueId: 1, weekStart: '2026-08-24' } })]);
    checks.push(['staffing-run1', await call(backend, 'staffing.requirements', { staffing: { ...live, intervalMin: 30 }, source: { kind: 'forecast', runId: backtestPhone, useForecastAht: true } })]);
    const deferred = { mode: 'deferred' as const, handleSec: 600, responseSec: 14400, intervalMin: 15, maxOccupancy: 0.9 };
    checks.push(['staffing-run3', await call(backend, 'staffing.requirements', { staffing: deferred, source: { kind: 'forecast', runId: backtestEmail, useForecastAht: false } })]);
    await runJob(backend, 'forecast.run', { queueId: 1, horizonDays: 7, method: 'seasonal-naive', intervalMin: 30 });
    await runJob(backend, 'forecast.run', { queueId: 3, horizonDays: 7, method: 'seasonal-naive' });
    for (const intervalMinutes of [15, 30] as const) {
      for (const deferOutsideShifts of [false, true]) {
        checks.push([`schedule-2026-11-23-${intervalMinutes}-${deferOutsideShifts}`, await call(backend, 'schedule.requirements', { weekStart: '2026-11-23', intervalMinutes, deferOutsideShifts })]);
      }
    }
    for (const [key, answer] of checks) expect(asJson(answer), key).toEqual(recorded[key]);
    // The recorded weeks do cover what the header says.
    const forecastWeek = recorded['schedule-2026-11-23-15-true'] as { sources: { source: string }[]; outsideShifts?: { deferred: boolean }[] };
    expect(forecastWeek.sources.map((s) => s.source)).toEqual(['forecast', 'none', 'forecast']);
    expect(forecastWeek.outsideShifts?.some((o) => o.deferred)).toBe(true);
  }, 120_000);
});
