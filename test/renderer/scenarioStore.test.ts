/** The Scenarios store against a stand-in `api`: typed % changes become fractions, late answers are dropped. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanSummary } from '../../shared/api/channels/plan';
import type { StoredScenario } from '../../shared/api/channels/scenario';
import type { JobDoneEvent } from '../../shared/api/jobs';
import { ApiError } from '../../shared/api/errors';

vi.mock('../../renderer/src/api', async () => (await import('../helpers/fakeApi')).fakeApiModule());
const { fakeApi } = await import('../helpers/fakeApi');
const { useScenarios } = await import('../../renderer/src/stores/scenarioStore');

const PLAN: PlanSummary = { id: 4, name: '2027 plan', startWeek: '2027-01-04', weeks: 26, classCount: 1, hires: 8, linkedToSchedule: false, updatedAt: '2026-11-30T10:00:00Z' };
const stored = (id: number, name: string): StoredScenario => ({
  id, planId: 4, name, isBaseline: false, createdAt: '2026-11-30T10:00:00Z', updatedAt: '2026-11-30T10:00:00Z', versionCount: 1,
  current: { version: 1, changes: [{ kind: 'volume', from: '2027-03-01', to: '2027-03-07', value: 0.2 }], settings: {}, diff: [], note: null, createdAt: '2026-11-30T10:00:00Z' },
});
const initial = useScenarios.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const compared = () => fakeApi.sent('scenario.compare') as { planId: number; scenarios: { name: string; changes: { value?: number }[] }[] }[];

beforeEach(async () => {
  fakeApi.reset();
  useScenarios.setState(initial, true);
  fakeApi.replies['plan.list'] = () => [PLAN];
  fakeApi.replies['scenario.presets'] = () => [];
  fakeApi.replies['scenario.list'] = () => [stored(1, 'Outage')];
  fakeApi.replies['scenario.compare'] = (p) => ({ compared: p });
  await useScenarios.getState().load();
  await settle();
  fakeApi.reset();
  fakeApi.replies['scenario.compare'] = (p) => ({ compared: p });
});

describe('scenario store', () => {
  it('opens the first plan with a new draft compared against it', async () => {
    fakeApi.reset();
    useScenarios.setState(initial, true);
    fakeApi.replies['plan.list'] = () => [PLAN];
    fakeApi.replies['scenario.presets'] = () => [];
    fakeApi.replies['scenario.list'] = () => [stored(1, 'Outage')];
    await useScenarios.getState().load();
    await settle();
    expect(useScenarios.getState()).toMatchObject({ planId: 4, planStart: '2027-01-04', draft: { name: 'Scenario 1', rows: [] } });
    expect(compared()).toEqual([{ planId: 4, scenarios: [{ name: 'Scenario 1', changes: [] }] }]);
  });

  it('says why the area could not load', async () => {
    useScenarios.setState(initial, true);
    fakeApi.replies['plan.list'] = () => {
      throw new ApiError({ code: 'internal', message: 'The data file is locked' });
    };
    await useScenarios.getState().load();
    expect(useScenarios.getState().error).toBe('The data file is locked');
  });

  it('sends a typed +30% as 0.3, and refuses 0.3 typed into the % field instead of reading it', async () => {
    useScenarios.getState().addChange('volume');
    useScenarios.getState().updateRow(0, { value: '30' });
    await settle();
    expect(compared().at(-1)!.scenarios[0].changes[0].value).toBeCloseTo(0.3);
    const sent = compared().length;
    useScenarios.getState().updateRow(0, { value: '0.3' });
    await settle();
    expect(useScenarios.getState().rowErrors['0.value']).toMatch(/Did you mean 30%\?/);
    expect(compared()).toHaveLength(sent);
  });

  it('keeps the comparison of the latest edit when an earlier answer arrives last', async () => {
    const answers: ((value: unknown) => void)[] = [];
    fakeApi.replies['scenario.compare'] = () => new Promise((resolve) => answers.push(resolve));
    useScenarios.getState().addChange('volume');
    useScenarios.getState().updateRow(0, { value: '10' });
    useScenarios.getState().updateRow(0, { value: '20' });
    answers[1]({ latest: true });
    answers[0]({ latest: false });
    await settle();
    expect(useScenarios.getState().comparison).toEqual({ latest: true });
  });

  it('saves only changes it can read, and says what it saved', async () => {
    useScenarios.getState().addChange('volume');
    useScenarios.getState().updateRow(0, { to: '2026-12-31' });
    await useScenarios.getState().save();
    expect(useScenarios.getState().error).toBe('Fix the changes marked in red before saving');
    expect(fakeApi.sent('scenario.save')).toEqual([]);

    useScenarios.getState().updateRow(0, { to: '2027-01-10', value: '15' });
    fakeApi.replies['scenario.save'] = () => ({ ...stored(2, 'Scenario 1'), current: { ...stored(2, '').current, version: 3 } });
    fakeApi.replies['scenario.list'] = () => [stored(1, 'Outage'), stored(2, 'Scenario 1')];
    fakeApi.replies['scenario.versions'] = () => [];
    await useScenarios.getState().save();
    expect(useScenarios.getState()).toMatchObject({ message: 'Saved “Scenario 1” as version 3', error: undefined, draft: { id: 2 } });
    expect(useScenarios.getState().scenarios.map((s) => s.id)).toEqual([1, 2]);
  });

  it('starts a simulation, and takes the result only from its own job', async () => {
    useScenarios.getState().setRuns('many');
    await useScenarios.getState().simulate();
    expect(useScenarios.getState().error).toMatch(/^Runs: /);
    useScenarios.getState().setRuns('500');
    fakeApi.replies['scenario.simulate'] = () => ({ jobId: 'sim-1', kind: 'scenario.simulate' });
    await useScenarios.getState().simulate();
    expect(fakeApi.sent('scenario.simulate')).toEqual([{ planId: 4, changes: [], runs: 500, seed: 1 }]);
    const done = (jobId: string) => ({ jobId, kind: 'scenario.simulate', status: 'succeeded', message: '', result: { runs: 500, from: jobId } }) as unknown as JobDoneEvent;
    fakeApi.emit('job.done', done('other'));
    expect(useScenarios.getState().simulation).toBeUndefined();
    fakeApi.emit('job.done', done('sim-1'));
    expect(useScenarios.getState().simulation).toEqual({ runs: 500, from: 'sim-1' });
  });

  it('keeps its lists the same objects across unrelated changes (a fresh [] would loop a selector)', () => {
    const { plans, scenarios, versions, compareIds } = useScenarios.getState();
    useScenarios.getState().setName('Renamed');
    useScenarios.getState().setRuns('2000');
    expect(useScenarios.getState()).toMatchObject({ plans, scenarios, versions, compareIds });
    expect(useScenarios.getState().plans).toBe(plans);
    expect(useScenarios.getState().scenarios).toBe(scenarios);
  });
});
