import { describe, expect, it } from 'vitest';
import { planSaveOf, type PlanProjectionView, type PlanSave, type PlanSummary, type RampCurve, type StoredPlan } from '../../shared/api/channels/plan';
import type { JobHandle } from '../../shared/api/types';
import type { Backend } from '../../electron/services/backend';
import { parseCapacityPlan } from '../../shared/engine/plan/schema';
import { projectPlan } from '../../shared/engine/plan/projection';
import { useBackends } from '../helpers/backend';
import { availableForShifts, hiresInWeek, withHireStatus } from '../../electron/services/planHiresInSchedule';
import { listScheduleAgents } from '../../db/repositories/schedules';
import { computeCoverage } from '../../shared/engine/schedule/coverage';
import { coverageAssignments } from '../../shared/api/channels/schedule';

const newBackend = useBackends();

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const reply = await backend.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

describe('plan service', () => {
  it('seeds the demo plan and projects it from two years of daily history and the interval pattern', async () => {
    const backend = newBackend();
    const plans = await call<PlanSummary[]>(backend, 'plan.list', {});
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ weeks: 52, classCount: 1, hires: 6, linkedToSchedule: false });
    const stored = await call<StoredPlan>(backend, 'plan.get', { id: plans[0].id });
    const started = performance.now();
    const view = await call<PlanProjectionView>(backend, 'plan.project', { plan: planSaveOf(stored) });
    const ms = performance.now() - started;
    expect(view.projection.weeks).toHaveLength(52);
    expect(view.startingHeadcount.value).toBe(40);
    expect(view.queues.map((q) => q.kind)).toEqual(['live', 'live', 'deferred']);
    // Two years of daily history: the forecast finds the yearly pattern (the April surge, the year-end dip).
    expect(view.queues.every((q) => q.historyDays > 600 && q.seasonalityDetected)).toBe(true);
    const april = view.weekStarts.findIndex((d) => d.slice(5, 7) === '04' && Number(d.slice(8, 10)) >= 8);
    const march = view.weekStarts.findIndex((d) => d.slice(5, 7) === '03' && Number(d.slice(8, 10)) <= 14 && Number(d.slice(8, 10)) >= 8);
    expect(view.projection.weeks[april].volume).toBeGreaterThan(1.1 * view.projection.weeks[march].volume);
    // Live queues carry Erlang FTE; the engine's projection of the assembled input is what the view shows.
    expect(view.input.queues!.filter((q) => q.kind === 'live').every((q) => q.demand.every((d) => d.requiredFte! > 0))).toBe(true);
    expect(projectPlan(view.input).totalCost).toBeCloseTo(view.projection.totalCost, 6);
    expect(parseCapacityPlan(view.input).ok).toBe(true);
    // Explanations carry the inputs; service levels exist for both live queues.
    expect(view.explanations[1].tenured).toMatch(/× \(1 − .*weekly attrition/);
    expect(view.serviceLevels[0]).toHaveLength(2);
    expect(view.rampSchedules[0].weeks).toHaveLength(8);
    expect(view.rampSchedules[0].weeks[2]).toMatchObject({ rampWeek: 3, load: 0.25 });
    const again = performance.now();
    await call<PlanProjectionView>(backend, 'plan.project', { plan: { ...planSaveOf(stored), document: { ...stored.document, shrinkage: 0.35 } } });
    console.log(`plan.project 52 weeks: first ${ms.toFixed(0)} ms (demand ${view.timings.demandMs.toFixed(0)} ms, projection ${view.timings.projectMs.toFixed(2)} ms), after an edit ${(performance.now() - again).toFixed(0)} ms`);
  });

  it('saves in one transaction, keeps class ids, links new hires to the schedule as agents and removes them with the class', async () => {
    const backend = newBackend();
    const defaults = await call<PlanSave>(backend, 'plan.defaults', { weeks: 26 });
    const curves = await call<RampCurve[]>(backend, 'ramp.list', {});
    const cls = { kind: 'growth', startWeek: defaults.startWeek, size: 3, rampCurveId: curves[0].id, label: 'Pilot', skill: 'chat' } as const;
    const saved = await call<StoredPlan>(backend, 'plan.save', { ...defaults, name: 'Linked', classes: [cls], linkedToSchedule: true });
    const agents = () => backend.db().prepare("SELECT name, skills FROM agents WHERE team LIKE 'New hires%' ORDER BY id").all() as { name: string; skills: string }[];
    expect(agents().map((a) => a.name)).toEqual(['New hire 1 (Pilot)', 'New hire 2 (Pilot)', 'New hire 3 (Pilot)']);
    const again = await call<StoredPlan>(backend, 'plan.save', { ...planSaveOf(saved), classes: [{ ...saved.classes[0], size: 2 }] });
    expect(again.classes[0].id).toBe(saved.classes[0].id);
    expect(agents()).toHaveLength(2);
    // A bad class leaves everything as it was.
    const bad = await backend.dispatch('plan.save', { ...planSaveOf(again), classes: [{ ...again.classes[0], id: 999_999 }] });
    expect(bad.ok).toBe(false);
    expect(agents()).toHaveLength(2);
    await call(backend, 'plan.save', { ...planSaveOf(again), classes: [] });
    expect(agents()).toHaveLength(0);
    const conflict = await backend.dispatch('plan.save', { ...defaults, name: 'linked' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const used = await backend.dispatch('ramp.delete', { id: curves[0].id });
    expect(used).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('puts the linked plan’s new hires in the schedule week at their ramp load, training at 0%, and coverage counts the load', async () => {
    const backend = newBackend();
    const defaults = await call<PlanSave>(backend, 'plan.defaults', { weeks: 13 });
    const [curve] = await call<RampCurve[]>(backend, 'ramp.list', {});
    await call<StoredPlan>(backend, 'plan.save', {
      ...defaults,
      name: 'Autumn',
      startWeek: '2026-10-26',
      classes: [{ kind: 'seasonal', startWeek: '2026-10-26', size: 2, rampCurveId: curve.id, label: 'Autumn', skill: 'phone' }],
      linkedToSchedule: true,
    });
    const db = backend.db();
    const week = (monday: string) => [...hiresInWeek(db, monday).values()];
    expect(week('2026-10-19')).toEqual([{ employed: false }, { employed: false }]);
    expect(week('2026-10-26').map((h) => h.employed && h.ramp?.load)).toEqual([0, 0]);
    expect(week('2026-11-09')).toEqual(Array(2).fill({ employed: true, ramp: expect.objectContaining({ load: 0.25, rampWeek: 3, rampWeeks: 8, classLabel: 'Autumn' }) }));
    expect(week('2026-12-21')).toEqual([{ employed: true }, { employed: true }]);
    const agents = withHireStatus(listScheduleAgents(db), hiresInWeek(db, '2026-10-26'));
    expect(agents).toHaveLength(42);
    expect(agents.filter(availableForShifts)).toHaveLength(40); // training weeks are not available staff
    // Coverage: a shift of a hire at 25% counts a quarter of an agent.
    const shift = { id: 1, agentId: agents.find((a) => a.ramp)!.id, day: 0, date: '2026-11-09', start: 540, end: 600, segments: [{ start: 540, end: 600 }], breaks: [], templateId: null, skill: 'phone', locked: false };
    const coverage = computeCoverage({ intervalMinutes: 30, days: 7, series: [] }, coverageAssignments([shift], [{ id: shift.agentId, ramp: { load: 0.25, rampWeek: 3, rampWeeks: 8, classLabel: 'Autumn', focus: '' } }]));
    expect(coverage.scheduledHours).toBeCloseTo(0.25, 9);
  });

  it('exports the CLI form and imports it back to the same projection', async () => {
    const backend = newBackend();
    const [summary] = await call<PlanSummary[]>(backend, 'plan.list', {});
    const plan = await call<StoredPlan>(backend, 'plan.get', { id: summary.id });
    const file = await call<{ content: string; fileName: string }>(backend, 'plan.export', { plan: planSaveOf(plan), format: 'json' });
    const imported = await call<StoredPlan>(backend, 'plan.import', { name: 'Round trip', json: file.content });
    const before = await call<PlanProjectionView>(backend, 'plan.project', { plan: planSaveOf(plan) });
    const after = await call<PlanProjectionView>(backend, 'plan.project', { plan: planSaveOf(imported) });
    expect(after.projection.totalCost).toBeCloseTo(before.projection.totalCost, 6);
    const again = await call<{ content: string }>(backend, 'plan.export', { plan: planSaveOf(imported), format: 'json' });
    expect(JSON.parse(again.content)).toEqual(JSON.parse(file.content));
    const bad = await backend.dispatch('plan.import', { name: 'Bad', json: JSON.stringify({ ...JSON.parse(file.content), hoursPerFte: -1 }) });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('hoursPerFte') } });
    const csv = await call<{ content: string }>(backend, 'plan.export', { plan: planSaveOf(plan), format: 'csv' });
    expect(csv.content.split('\n')[0]).toBe('week,week_start,volume,shrinkage,required_fte,tenured,in_ramp_heads,headcount,effective_fte,gap');
  });

  it('optimises as a job and explains the weeks left short', async () => {
    const backend = newBackend();
    const [summary] = await call<PlanSummary[]>(backend, 'plan.list', {});
    const { jobId } = await call<JobHandle>(backend, 'plan.optimise', { id: summary.id, timeLimitSec: 20 });
    const done = await backend.waitForJob(jobId);
    expect(done?.status, done?.message).toBe('succeeded');
    const plan = await call<StoredPlan>(backend, 'plan.get', { id: summary.id });
    expect(plan.optimisation).not.toBeNull();
    expect(plan.classes[0]).toMatchObject({ origin: 'planner', label: 'Spring replacement class' });
    expect(plan.classes.slice(1).every((c) => c.origin === 'optimiser')).toBe(true);
    console.log(done!.message);
  });
});
