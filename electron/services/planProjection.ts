/**
 * A plan as the app stores it (dates, class rows, ramp curve ids, the week table) turned into the engine's
 * CapacityPlanInput with demand from the workspace, then projected and explained: each week's numbers with the
 * formula and inputs behind them, projected service level on live queues, and each class's ramp schedule.
 */
import { DateTime } from 'luxon';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { PlanDocument, PlanProjectionView, PlanSave, RampCurve, WeekExplanation, WeekServiceLevel } from '../../shared/api/channels/plan';
import type { CapacityPlanInput, HiringClass, PlanProjection } from '../../shared/engine/plan/types';
import { projectPlan, survivingShare, weeklyAttritionRate } from '../../shared/engine/plan/projection';
import { rampSchedule } from '../../shared/engine/plan/rampCurves';
import { planWarnings } from '../../shared/engine/plan/warnings';
import { formatNumber } from '../../shared/engine/staffing/formatNumber';
import { queueSummaries } from '../../db/repositories/workspace';
import { listRampCurves, workspaceAgents } from '../../db/repositories/plans';
import { assembleDemand, planWeekStarts, PLAN_INTERVAL_MIN, weekServiceLevel, type AssembledDemand } from './planDemand';

export interface AssembledPlan {
  input: CapacityPlanInput;
  demand: AssembledDemand;
  curves: Map<number, RampCurve>;
  weekStarts: string[];
  startingHeadcount: { value: number; source: string };
  demandMs: number;
}

/** Formula text: rates to 3 significant digits, FTE and heads to 4, contacts and seconds as whole numbers. */
const pct = (fraction: number) => `${formatNumber(fraction * 100, 3)}%`;
const n2 = (value: number) => formatNumber(value, 4);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

/** Plan week of a Monday: (date − plan start) ÷ 7 days. */
export function weekIndexOf(startWeek: string, monday: string): number {
  return Math.round(DateTime.fromISO(monday).diff(DateTime.fromISO(startWeek), 'days').days / 7);
}

function curveOrThrow(curves: Map<number, RampCurve>, id: number, path: string): RampCurve {
  const curve = curves.get(id);
  if (!curve) throw new ApiError({ code: 'not_found', message: `Ramp curve ${id} does not exist (deleted?): choose another`, issues: [{ path, message: 'Unknown ramp curve' }] });
  return curve;
}

export function assemblePlan(db: Database, plan: PlanSave): AssembledPlan {
  const started = performance.now();
  const doc = plan.document;
  const curves = new Map(listRampCurves(db).map((c) => [c.id, c]));
  const defaultCurve = curveOrThrow(curves, doc.defaultRampCurveId, 'document.defaultRampCurveId');
  const skills = new Set<string>(doc.skills);
  const queues = queueSummaries(db).filter((q) => skills.size === 0 || skills.has(q.channel));
  const demand: AssembledDemand = doc.importedDemand
    ? {
        queues: doc.importedDemand,
        info: doc.importedDemand.map((q) => ({ name: q.name, channel: '', kind: q.kind, forecastMethod: 'imported with the plan', historyDays: 0, staffingSummary: q.kind === 'live' ? 'required FTE as imported' : 'capacity equation', seasonalityDetected: false })),
        live: [],
      }
    : assembleDemand(db, queues, plan.startWeek, plan.weeks, doc);
  const demandMs = performance.now() - started;

  const startingHeadcount = doc.headcount !== null ? { value: doc.headcount, source: 'entered in the plan' } : headcountFromWorkspace(db, skills);
  const classes: HiringClass[] = plan.classes.map((c, i) => ({
    startWeek: weekIndexOf(plan.startWeek, c.startWeek),
    size: c.size,
    ramp: curveOrThrow(curves, c.rampCurveId, `classes.${i}.rampCurveId`).weeks.map((w) => w.load),
    kind: c.kind,
    label: c.label,
  }));
  const adjustments = doc.weekAssumptions.flatMap((a, week) => (a.headcountChange ? [{ week, change: a.headcountChange, ...(a.note && { note: a.note }) }] : []));
  const input: CapacityPlanInput = {
    startWeek: plan.startWeek,
    weeks: plan.weeks,
    hoursPerFte: doc.hoursPerFte,
    occupancy: doc.occupancy,
    shrinkage: doc.shrinkage,
    demand: [],
    queues: demand.queues,
    headcount: startingHeadcount.value,
    attrition: doc.attrition,
    ramp: defaultCurve.weeks.map((w) => w.load),
    classes,
    hiring: doc.hiring,
    costs: doc.costs,
    ...(adjustments.length > 0 && { adjustments }),
  };
  return { input, demand, curves, weekStarts: planWeekStarts(plan.startWeek, plan.weeks), startingHeadcount, demandMs };
}

function headcountFromWorkspace(db: Database, skills: Set<string>): { value: number; source: string } {
  const agents = workspaceAgents(db).filter((a) => skills.size === 0 || a.skills.some((s) => skills.has(s)));
  const which = skills.size === 0 ? 'every agent' : `agents skilled for ${[...skills].join(' or ')}`;
  const teams = new Map<string, number>();
  for (const a of agents) teams.set(a.team, (teams.get(a.team) ?? 0) + 1);
  const byTeam = [...teams].map(([team, n]) => `${team} ${n}`).join(', ');
  return { value: agents.length, source: `${agents.length} workspace agents (${which}${byTeam ? `: ${byTeam}` : ''}); the linked plan's new hires count through their classes` };
}

export function projectAssembled(plan: PlanSave, assembled: AssembledPlan): PlanProjectionView {
  const started = performance.now();
  const projection = projectPlan(assembled.input);
  const projectMs = performance.now() - started;
  return {
    input: assembled.input,
    projection,
    weekStarts: assembled.weekStarts,
    queues: assembled.demand.info,
    startingHeadcount: assembled.startingHeadcount,
    explanations: explainWeeks(assembled.input, projection, plan.document),
    serviceLevels: serviceLevels(assembled, projection),
    rampSchedules: plan.classes.map((c, classIndex) => ({
      classIndex,
      label: c.label,
      weeks: rampSchedule(assembled.input.classes[classIndex], assembled.curves.get(c.rampCurveId)!, plan.startWeek, assembled.input.attrition).map((row) => ({
        ...row,
        outsideHorizon: row.planWeek < 0 || row.planWeek >= plan.weeks,
      })),
    })),
    warnings: planWarnings(assembled.input, projection, { historyShowsSeasonality: assembled.demand.info.some((q) => q.seasonalityDetected) }),
    timings: { demandMs: assembled.demandMs, projectMs },
  };
}

function serviceLevels(assembled: AssembledPlan, projection: PlanProjection): WeekServiceLevel[][] {
  return projection.weeks.map((week) => {
    // The pool's effective staff is shared by the queues in proportion to what each requires.
    const ratio = week.requiredFte > 0 ? week.effectiveFte / week.requiredFte : 1;
    return assembled.demand.live.map((model) => ({ queue: model.queueName, serviceLevel: weekServiceLevel(model, week.week, ratio), staffRatio: ratio }));
  });
}

/** Each number of each week as the formula with its inputs (the README's conventions). */
export function explainWeeks(plan: CapacityPlanInput, projection: PlanProjection, doc: PlanDocument): WeekExplanation[] {
  const tenuredWeekly = weeklyAttritionRate(plan.attrition.tenuredMonthly);
  const newHireWeekly = weeklyAttritionRate(plan.attrition.newHireMonthly);
  const joining = new Map<number, string[]>();
  plan.classes.forEach((c) => {
    const ramp = c.ramp ?? plan.ramp;
    const end = c.startWeek + ramp.length;
    const heads = c.size * survivingShare(newHireWeekly, ramp.length);
    joining.set(end, [...(joining.get(end) ?? []), `${n2(heads)} from ${c.label ?? `the class of week ${c.startWeek}`} (${c.size} × (1 − ${pct(newHireWeekly)})^${ramp.length})`]);
  });
  for (const a of plan.adjustments ?? []) joining.set(a.week, [...(joining.get(a.week) ?? []), `${a.change > 0 ? '+' : ''}${n2(a.change)} departures/transfers${a.note ? ` (${a.note})` : ''}`]);

  const queues = plan.queues ?? [];
  return projection.weeks.map((week, w) => {
    const requiredParts = queues.map((q, i) => {
      const d = q.demand[w];
      if (!d) return `${q.name}: 0`;
      if (d.requiredFte !== undefined) {
        const shrinkage = d.shrinkage ?? plan.shrinkage;
        return `${q.name}: Erlang agents per ${PLAN_INTERVAL_MIN}-min interval for ${whole(d.volume)} contacts at AHT ${whole(d.ahtSec)} s, summed to agent-hours ÷ ${plan.hoursPerFte} h ÷ (1 − ${pct(shrinkage)}) = ${n2(week.requiredByQueue[i])} FTE`;
      }
      const shrinkage = d.shrinkage ?? plan.shrinkage;
      return `${q.name}: ${whole(d.volume)} × ${whole(d.ahtSec)} s ÷ 3600 ÷ (${plan.hoursPerFte} h × ${pct(plan.occupancy)}) ÷ (1 − ${pct(shrinkage)}) = ${n2(week.requiredByQueue[i])} FTE`;
    });
    const joins = joining.get(w) ?? [];
    const previous = projection.weeks[w - 1];
    const tenured =
      w === 0
        ? `starting headcount ${n2(plan.headcount)}${joins.length ? ` + ${joins.join(' + ')}` : ''} = ${n2(week.tenured)}`
        : `${n2(previous.tenured)} × (1 − ${pct(tenuredWeekly)} weekly attrition = 1 − (1 − ${pct(plan.attrition.tenuredMonthly)})^(12/52))${joins.length ? ` + ${joins.join(' + ')}` : ''} = ${n2(week.tenured)}`;
    const ramp = week.inRamp.map((c) => `${n2(c.headcount)} × ${pct(c.load)} (${plan.classes[c.classIndex].label ?? `class ${c.classIndex + 1}`}, ramp week ${c.rampWeek + 1})`);
    return {
      week: w,
      requiredFte: `${requiredParts.join('; ')}. Total ${n2(week.requiredFte)} FTE`,
      tenured,
      effectiveFte: `tenured ${n2(week.tenured)}${ramp.length ? ` + ${ramp.join(' + ')}` : ''} = ${n2(week.effectiveFte)} FTE`,
      headcount: `tenured ${n2(week.tenured)}${week.inRamp.length ? ` + ${week.inRamp.map((c) => n2(c.headcount)).join(' + ')} in ramp` : ''} = ${n2(week.headcount)} heads`,
      gap: `effective ${n2(week.effectiveFte)} − required ${n2(week.requiredFte)} = ${n2(week.gap)} FTE${week.gap < 0 ? ' (short)' : ''}${doc.weekAssumptions[w]?.note ? `; note: ${doc.weekAssumptions[w].note}` : ''}`,
    };
  });
}
