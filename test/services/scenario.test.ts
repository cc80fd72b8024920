import { describe, expect, it } from 'vitest';
import type { PlanSummary, StoredPlan } from '../../shared/api/channels/plan';
import type { ScenarioComparisonView, ShockWeekView, StoredScenario, ScenarioVersion } from '../../shared/api/channels/scenario';
import type { JobHandle } from '../../shared/api/types';
import type { Backend } from '../../electron/services/backend';
import { presetChange } from '../../shared/engine/scenario';
import { useBackends } from '../helpers/backend';

const newBackend = useBackends();

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const reply = await backend.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

describe('scenario service', () => {
  it('saves versions with diffs, compares with the baseline, promotes a baseline, plays a shock and simulates', async () => {
    const backend = newBackend();
    const [summary] = await call<PlanSummary[]>(backend, 'plan.list', {});
    const plan = await call<StoredPlan>(backend, 'plan.get', { id: summary.id });
    const listed = await call<StoredScenario[]>(backend, 'scenario.list', { planId: plan.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'Plan as is', isBaseline: true });

    // A plan week with history-free forecast: the first Monday of the plan + 8 weeks.
    const monday = new Date(`${plan.startWeek}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() + 8 * 7);
    const date = monday.toISOString().slice(0, 10);
    const outage = presetChange('outage', date);
    const saved = await call<StoredScenario>(backend, 'scenario.save', { planId: plan.id, name: 'Outage', changes: [outage] });
    expect(saved.current.version).toBe(1);
    const edited = await call<StoredScenario>(backend, 'scenario.save', { id: saved.id, planId: plan.id, name: 'Outage', changes: [{ ...outage, value: 4 }, { kind: 'overtime', value: 4, from: date, to: date }] });
    expect(edited.current.version).toBe(2);
    expect(edited.current.diff).toEqual([
      { type: 'changed', change: `volume “${outage.label}”`, field: 'value', before: 3, after: 4 },
      { type: 'added', change: 'overtime', after: { kind: 'overtime', value: 4, from: date, to: date } },
    ]);
    const versions = await call<ScenarioVersion[]>(backend, 'scenario.versions', { id: saved.id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);

    const view = await call<ScenarioComparisonView>(backend, 'scenario.compare', { planId: plan.id, scenarios: [{ name: 'Outage', changes: edited.current.changes }] });
    expect(view.baseline.name).toBe('Plan as is');
    const week = view.scenarios[0].comparison.weeks[8];
    expect(week.gapDelta).toBeLessThan(0);
    expect(view.scenarios[0].comparison.weeks[7].gapDelta).toBe(0);
    expect(view.scenarios[0].responses[0].overtimeHoursNeeded).toBeGreaterThan(0);
    expect(view.scenarios[0].responses[0].response).toBe('All hands; defer non-critical work');
    expect(view.baseline.weeks[8].serviceLevel).not.toBeNull();

    const promoted = await call<StoredScenario>(backend, 'scenario.makeBaseline', { id: saved.id });
    expect(promoted.isBaseline).toBe(true);
    expect(promoted.current.note).toMatch(/Made baseline \(was “Plan as is”\)/);
    const after = await call<StoredScenario[]>(backend, 'scenario.list', { planId: plan.id });
    expect(after.map((s) => [s.name, s.isBaseline])).toEqual([
      ['Outage', true],
      ['Plan as is', false],
    ]);
    const refused = await backend.dispatch('scenario.delete', { id: saved.id });
    expect(refused.ok).toBe(false);

    // A demo week with history: the last full week before the plan starts.
    const weekStart = new Date(`${plan.startWeek}T00:00:00Z`);
    weekStart.setUTCDate(weekStart.getUTCDate() - 14);
    const ws = weekStart.toISOString().slice(0, 10);
    const tuesday = new Date(weekStart.getTime() + 86_400_000).toISOString().slice(0, 10);
    const shock = await call<ShockWeekView>(backend, 'scenario.shock', { weekStart: ws, from: ws, to: tuesday, value: 3 });
    expect(shock.staffSource).toMatch(/requires in each interval/);
    const email = shock.views.find((v) => v.kind === 'deferred')!;
    const phone = shock.views.find((v) => v.kind === 'live')!;
    expect(email.summary.peakBacklog).toBeGreaterThan(0);
    expect(phone.summary.serviceLevel).toBeLessThan(phone.summary.baseServiceLevel!);
    expect(phone.summary.extraAgentHours).toBeGreaterThan(0);

    const handle = await call<JobHandle>(backend, 'scenario.simulate', { planId: plan.id, changes: [outage], runs: 200, seed: 4 });
    const done = await backend.waitForJob(handle.jobId);
    if (done?.kind !== 'scenario.simulate' || done.status !== 'succeeded') throw new Error(`simulation did not succeed: ${done?.message}`);
    const result = done.result;
    expect(result.weeks).toHaveLength(plan.weeks);
    expect(result.bandMethod).toMatch(/backtest errors at 1 week ahead/);
    const spread = (w: number) => result.weeks[w].gap.p90 - result.weeks[w].gap.p10;
    expect(spread(40)).toBeGreaterThan(spread(1));
  });
});
