/** The interval-requirements store against a stand-in `api`: typed settings become fractions, or field messages. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForecastRunSummary } from '../../shared/api/channels/forecast';
import type { QueueSummary } from '../../shared/api/types';
import { ApiError } from '../../shared/api/errors';
import { defaultStaffing } from '../../shared/engine/requirements';

vi.mock('../../renderer/src/api', async () => (await import('../helpers/fakeApi')).fakeApiModule());
const { fakeApi } = await import('../helpers/fakeApi');
const { buildStaffing, defaultSettings, useRequirements } = await import('../../renderer/src/stores/requirementsStore');

const PHONE: QueueSummary = { id: 1, name: 'Phone', channel: 'phone', intervalMin: 30, historyFrom: '2026-05-01T00:00', historyTo: '2026-11-21T23:30', openIntervals: 5000, totalVolume: 90000, meanAhtSec: 240 };
const EMAIL: QueueSummary = { ...PHONE, id: 2, name: 'Email', channel: 'email', meanAhtSec: 600 };
const run = (id: number, backtest = false): ForecastRunSummary => ({
  id, queueId: 1, createdAt: '2026-11-22T08:00:00Z', requestedMethod: 'auto', method: 'seasonal-naive', intervalMin: 30, horizonDays: 14,
  asOf: '2026-11-21', backtest, firstDay: '2026-11-22', lastDay: '2026-12-05',
});
const initial = useRequirements.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeApi.reset();
  useRequirements.setState(initial, true);
});

describe('requirements store', () => {
  it('selects a queue with settings from its history and picks its newest run that is not a backtest', async () => {
    fakeApi.replies['forecast.runs'] = () => [run(9, true), run(8), run(4)];
    useRequirements.getState().selectQueue(PHONE);
    expect(useRequirements.getState().settings).toMatchObject({ ahtSec: '240', slPct: '80', answerSec: '20', concurrency: '1' });
    await settle();
    expect(useRequirements.getState().runId).toBe(8);
  });

  it('drops the runs of a queue the planner has already left', async () => {
    let answer!: (runs: ForecastRunSummary[]) => void;
    fakeApi.replies['forecast.runs'] = () => new Promise((resolve) => (answer = resolve));
    useRequirements.getState().selectQueue(PHONE);
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(EMAIL);
    answer([run(8)]);
    await settle();
    expect(useRequirements.getState()).toMatchObject({ queueId: 2, runs: [], runId: undefined });
  });

  it('sends rates as fractions and keeps the result', async () => {
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(PHONE);
    useRequirements.getState().setSetting('shrinkagePct', '35%');
    fakeApi.replies['staffing.requirements'] = () => ({ weekStart: '2026-11-16', intervals: [] });
    await useRequirements.getState().calculate(PHONE, 'America/New_York');
    const [sent] = fakeApi.sent('staffing.requirements') as { staffing: { targets: { serviceLevel: number; maxOccupancy: number }; shrinkage: number }; source: unknown }[];
    expect(sent.staffing.targets.serviceLevel).toBeCloseTo(0.8);
    expect(sent.staffing.targets.maxOccupancy).toBeCloseTo(0.85);
    expect(sent.staffing.shrinkage).toBeCloseTo(0.35);
    expect(sent.source).toEqual({ kind: 'queue', queueId: 1, weekStart: undefined });
    expect(useRequirements.getState()).toMatchObject({ running: false, weekStart: '2026-11-16', errors: {} });
  });

  it('never reads a rate of 1 or less typed into a % field as a percentage', async () => {
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(PHONE);
    useRequirements.getState().setSetting('slPct', '0.8');
    await useRequirements.getState().calculate(PHONE, 'UTC');
    expect(useRequirements.getState().errors.slPct).toBeTruthy();
    expect(fakeApi.sent('staffing.requirements')).toEqual([]);
  });

  it('names the bad pasted lines, and asks for a run when the source is a forecast without one', async () => {
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(PHONE);
    useRequirements.getState().setSource('paste');
    useRequirements.getState().setPasteText('timestamp,volume\n2026-11-23T09:00,12\n2026-11-23T09:30,14\n2026-11-23T10:00,lots\n2026-11-23T10:30,9\n');
    await useRequirements.getState().calculate(PHONE, 'UTC');
    expect(useRequirements.getState().errors.paste).toMatch(/^Line 4: /);
    useRequirements.getState().setSource('forecast');
    await useRequirements.getState().calculate(PHONE, 'UTC');
    expect(useRequirements.getState().errors.form).toMatch(/Choose a forecast run/);
    expect(fakeApi.sent('staffing.requirements')).toEqual([]);
  });

  it('shows a refusal on the form and is no longer running', async () => {
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(PHONE);
    fakeApi.replies['staffing.requirements'] = () => {
      throw new ApiError({ code: 'not_found', message: 'Phone has no history in the week of 2026-11-16' });
    };
    await useRequirements.getState().calculate(PHONE, 'UTC');
    expect(useRequirements.getState()).toMatchObject({ running: false, errors: { form: 'Phone has no history in the week of 2026-11-16' } });
  });

  it('saves a profile only with a name and valid fields, and says when nothing was saved', async () => {
    fakeApi.replies['forecast.runs'] = () => [];
    useRequirements.getState().selectQueue(PHONE);
    await useRequirements.getState().saveProfile(PHONE);
    expect(useRequirements.getState().notice).toEqual({ kind: 'error', text: 'Nothing was saved: the profile needs a name.' });
    useRequirements.getState().setProfileName('Phone peak');
    fakeApi.replies['staffing.profiles.save'] = () => {
      throw new ApiError({ code: 'conflict', message: 'A profile called Phone peak exists' });
    };
    await useRequirements.getState().saveProfile(PHONE);
    expect(useRequirements.getState().notice).toEqual({ kind: 'error', text: 'Nothing was saved: A profile called Phone peak exists' });
    fakeApi.replies['staffing.profiles.save'] = (p) => ({ id: 3, ...(p as object) });
    fakeApi.replies['staffing.profiles.list'] = () => [];
    await useRequirements.getState().saveProfile(PHONE);
    expect(useRequirements.getState().notice).toEqual({ kind: 'ok', text: 'Saved profile "Phone peak".' });
    expect(fakeApi.sent('staffing.profiles.list')).toHaveLength(1);
  });

  it('keeps its lists the same objects across unrelated changes (a fresh [] would loop a selector)', () => {
    const { runs, profiles } = useRequirements.getState();
    useRequirements.getState().setProfileName('x');
    useRequirements.getState().setPasteText('y');
    expect(useRequirements.getState().runs).toBe(runs);
    expect(useRequirements.getState().profiles).toBe(profiles);
  });
});

describe('requirements store defaults', () => {
  it('are one set: the Staffing form starts from exactly the settings schedules and plans use without a profile', () => {
    for (const channel of ['phone', 'chat', 'email', 'social'] as const) {
      const queue = { channel, meanAhtSec: 332.4 };
      const fromForm = buildStaffing(channel, defaultSettings(queue), 15);
      expect(fromForm.errors).toEqual({});
      // The form asks for the handle time in minutes to one decimal: 332 s shows as 5.5 min.
      const engine = defaultStaffing(queue, 15);
      expect(fromForm.staffing).toEqual(engine.mode === 'deferred' ? { ...engine, handleSec: 330 } : engine);
    }
  });
});
