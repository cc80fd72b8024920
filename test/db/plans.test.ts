import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { replaceWorkspace } from '../../db/repositories/workspace';
import {
  dailyHistory,
  deletePlan,
  deleteRampCurve,
  getPlan,
  listPlans,
  listRampCurves,
  planHires,
  savePlan,
  saveRampCurve,
  UnknownClassError,
  workspaceAgents,
} from '../../db/repositories/plans';
import { generateDemoWorkspace } from '../../shared/demo/generateDemo';
import { DEFAULT_RAMP_CURVE } from '../../shared/engine/plan/rampCurves';
import type { PlanSave } from '../../shared/api/channels/plan';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const demo = generateDemoWorkspace({ endDate: '2026-11-21', weeks: 4, dailyWeeks: 10 });

function openWithDemo() {
  const { db } = openDatabase(join(tempDir(), 'staffwise.db'));
  replaceWorkspace(db, demo);
  return db;
}

const plan = (rampCurveId: number, overrides: Partial<PlanSave> = {}): PlanSave => ({
  name: 'Plan A',
  startWeek: '2026-11-23',
  weeks: 26,
  document: {
    hoursPerFte: 40,
    occupancy: 0.85,
    shrinkage: 0.3,
    headcount: null,
    skills: [],
    attrition: { tenuredMonthly: 0.03, newHireMonthly: 0.06 },
    growthPerYear: 0.05,
    defaultRampCurveId: rampCurveId,
    hiring: { leadTimeWeeks: 8, cadenceWeeks: 4, minClassSize: 2, maxClassSize: 10 },
    costs: { weeklyCostPerHead: 1000, hireCost: 4000, understaffPerFteWeek: 2500 },
    weekAssumptions: [{}, { shrinkage: 0.4, note: 'training week' }],
  },
  classes: [{ kind: 'replacement', startWeek: '2026-12-07', size: 3, rampCurveId, label: 'December', skill: 'phone' }],
  linkedToSchedule: false,
  ...overrides,
});

describe('plans repository', () => {
  it('seeds the default onboarding ramp once and refuses to delete a curve in use', () => {
    const db = openWithDemo();
    const [curve] = listRampCurves(db);
    expect(curve).toMatchObject({ name: DEFAULT_RAMP_CURVE.name, usedBy: 0 });
    expect(curve.weeks.map((w) => w.load)).toEqual([0, 0, 0.25, 0.5, 0.75, 0.75, 1, 1]);
    expect(listRampCurves(db)).toHaveLength(1);
    savePlan(db, plan(curve.id));
    expect(listRampCurves(db)[0].usedBy).toBe(2); // the plan's default and its class
    expect(() => deleteRampCurve(db, curve.id)).toThrow(/FOREIGN KEY/);
    const spare = saveRampCurve(db, { name: 'Fast', weeks: [{ load: 0.5, focus: 'a', support: 'b' }] })!;
    expect(deleteRampCurve(db, spare.id)).toBe(true);
  });

  it('round-trips a plan with its document and classes, and a failed save changes nothing', () => {
    const db = openWithDemo();
    const curveId = listRampCurves(db)[0].id;
    const id = savePlan(db, plan(curveId));
    const stored = getPlan(db, id)!;
    expect(stored).toMatchObject({ name: 'Plan A', weeks: 26, linkedToSchedule: false, optimisation: null });
    expect(stored.document.weekAssumptions[1]).toEqual({ shrinkage: 0.4, note: 'training week' });
    expect(stored.classes).toEqual([expect.objectContaining({ label: 'December', size: 3, origin: 'planner' })]);
    const before = JSON.stringify(getPlan(db, id));
    expect(() => savePlan(db, { ...plan(curveId), id, name: 'Renamed', classes: [{ ...stored.classes[0], id: 424242 }] })).toThrow(UnknownClassError);
    expect(JSON.stringify(getPlan(db, id))).toBe(before);
    expect(listPlans(db)).toEqual([expect.objectContaining({ id, name: 'Plan A', classCount: 1, hires: 3 })]);
  });

  it('gives the linked plan’s classes new-hire agents, moves them with the link and removes them with the class', () => {
    const db = openWithDemo();
    const curveId = listRampCurves(db)[0].id;
    const agentsBefore = workspaceAgents(db).length;
    const a = savePlan(db, plan(curveId, { linkedToSchedule: true }));
    expect(planHires(db)).toHaveLength(3);
    expect(workspaceAgents(db)).toHaveLength(agentsBefore); // hires are counted by their class, not as staff
    const b = savePlan(db, plan(curveId, { name: 'Plan B', linkedToSchedule: true, classes: [] }));
    expect(getPlan(db, a)!.linkedToSchedule).toBe(false);
    expect(getPlan(db, b)!.linkedToSchedule).toBe(true);
    expect(planHires(db)).toHaveLength(0);
    const newHireAgents = () => (db.prepare("SELECT COUNT(*) AS n FROM agents WHERE team LIKE 'New hires%'").get() as { n: number }).n;
    expect(newHireAgents()).toBe(0);
    // Deleting the linked plan removes its hires' agents too (through the class rows).
    const c = savePlan(db, plan(curveId, { name: 'Plan C', linkedToSchedule: true }));
    expect(newHireAgents()).toBe(3);
    deletePlan(db, c);
    expect(newHireAgents()).toBe(0);
  });

  it('reads daily history as stored days before the intervals, then interval sums, without overlap', () => {
    const db = openWithDemo();
    const history = dailyHistory(db, 1);
    const dates = history.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    // 10 weeks of days, less the phone queue's one day of missing telephony data.
    expect(history).toHaveLength(70 - 1);
    const phone = demo.queues[0];
    const firstIntervalDay = phone.intervals[0].startLocal.slice(0, 10);
    const sum = phone.intervals.filter((p) => p.startLocal.startsWith(firstIntervalDay)).reduce((s, p) => s + (p.volume ?? 0), 0);
    expect(history.find((d) => d.date === firstIntervalDay)!.volume).toBe(sum);
    expect(history[0].date < firstIntervalDay).toBe(true);
  });
});
