/**
 * Paid time where none of the agent's skills has a requirement ("idle" time), e.g. a phone agent rostered 06:00–08:00
 * before the phone queue opens while the same Monday stays short 08:00–15:30.
 *
 * 1. moveIdleTime: after rostering, each free (unlocked) shift may move to another start, template or skill of the
 *    same agent on the same day with the same paid minutes (so contract hours are unchanged) when that lowers the
 *    weighted under + over coverage, or keeps it and has fewer idle minutes, and only if the agent's own rules stay
 *    as they were. Rostering works on shift
 *    types (template × skill) and hands surplus agents a start, so this is where such hours get noticed.
 * 2. idleReport: the idle hours that remain, per agent, for the planner — they are contract hours with no demand
 *    any of the agent's shifts could cover instead.
 */
import type { PlanningContext } from './context';
import { addShiftPresence } from './coverage';
import type { ShiftAssignment } from './model';
import { agentViolationCount } from './rules';
import { CoverageLedger } from './coverageLedger';
import { dayLabel, formatClock } from './time';

/** Passes over all shifts; each pass only moves a shift when the objective strictly improves, so it ends. */
const MAX_PASSES = 3;
const EPSILON = 1e-9;

export function moveIdleTime(context: PlanningContext, free: ShiftAssignment[], locked: readonly ShiftAssignment[]): ShiftAssignment[] {
  const { skills, problem } = context;
  const shifts = free.map((shift) => ({ ...shift }));
  const ledger = new CoverageLedger(context, [...locked, ...shifts]);
  const add = (shift: ShiftAssignment, sign: 1 | -1) => ledger.add(shift, sign);
  /** How much adding the shift changes weighted under + over coverage (the rest of the schedule as it is). */
  const cost = (shift: ShiftAssignment): number => ledger.costOfAdding(shift);
  const rulesBroken = (agentId: string, all: ShiftAssignment[]) => agentViolationCount(problem, agentId, all.filter((x) => x.agentId === agentId));

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    shifts.forEach((shift, i) => {
      const a = context.agentIndex.get(shift.agentId);
      if (a === undefined || idleMinutes(context, shift) === 0) return;
      const paid = paidOf(context, shift);
      const agentShifts = [...locked, ...shifts].filter((x) => x.agentId === shift.agentId);
      const brokenBefore = rulesBroken(shift.agentId, agentShifts);
      add(shift, -1);
      let best = shift;
      let bestCost = cost(shift);
      let bestIdle = idleMinutes(context, shift);
      for (const k of context.eligible[a][shift.day]) {
        const concrete = context.shifts[k];
        if (concrete.paidMinutes !== paid) continue;
        for (let s = 0; s < skills.length; s++) {
          if (!context.serves(a, k, s)) continue;
          const candidate: ShiftAssignment = { ...shift, start: concrete.start, end: concrete.end, segments: concrete.segments.map((x) => ({ ...x })), breaks: [], skill: skills[s], templateId: concrete.template.id };
          // Better coverage wins; at equal coverage, fewer idle minutes (over-coverage while the queue is open is at
          // least time the agent can work).
          const candidateCost = cost(candidate);
          if (candidateCost > bestCost + EPSILON) continue;
          const candidateIdle = candidateCost < bestCost - EPSILON ? -1 : idleMinutes(context, candidate);
          if (candidateIdle >= bestIdle) continue;
          const trial = agentShifts.map((x) => (x === shift ? candidate : x));
          if (rulesBroken(shift.agentId, trial) > brokenBefore) continue;
          best = candidate;
          bestCost = candidateCost;
          bestIdle = candidateIdle < 0 ? idleMinutes(context, candidate) : candidateIdle;
        }
      }
      add(best, 1);
      if (best !== shift) {
        shifts[i] = best;
        moved = true;
      }
    });
    if (!moved) break;
  }
  return shifts;
}

/** Paid minutes of a rostered shift (breaks not placed yet): its concrete shift's, else its working minutes. */
function paidOf(context: PlanningContext, shift: ShiftAssignment): number {
  const concrete = context.shifts.find((c) => c.template.id === shift.templateId && c.start === shift.start);
  return concrete?.paidMinutes ?? shift.segments.reduce((sum, x) => sum + x.end - x.start, 0);
}

/** Minutes of a shift's working spans (breaks aside) where none of its agent's skills has a requirement. */
export function idleMinutes(context: PlanningContext, shift: ShiftAssignment): number {
  const a = context.agentIndex.get(shift.agentId);
  if (a === undefined) return 0;
  const own = context.skills.map((skill, s) => (context.problem.agents[a].skills.includes(skill) ? s : -1)).filter((s) => s >= 0);
  const curve = new Float64Array(context.grid.intervalCount);
  addShiftPresence(context.grid, curve, shift);
  let idle = 0;
  curve.forEach((fraction, t) => {
    if (fraction > 0 && own.every((s) => context.required[s][t] <= 0)) idle += fraction * context.grid.intervalMinutes;
  });
  return idle;
}

export interface IdleReport {
  /** Paid agent-hours where none of the agent's skills has a requirement. */
  hours: number;
  /** One sentence per agent with such hours, most first. */
  lines: string[];
}

export function idleReport(context: PlanningContext, assignments: readonly ShiftAssignment[]): IdleReport {
  const byAgent = new Map<string, { minutes: number; where: string[] }>();
  for (const shift of assignments) {
    const minutes = idleMinutes(context, shift);
    if (minutes === 0) continue;
    const entry = byAgent.get(shift.agentId) ?? { minutes: 0, where: [] };
    entry.minutes += minutes;
    entry.where.push(`${dayLabel(shift.day, context.problem.startWeekday)} ${formatClock(shift.start)}–${formatClock(shift.end)} ${shift.skill}`);
    byAgent.set(shift.agentId, entry);
  }
  const names = new Map(context.problem.agents.map((a) => [a.id, a.name]));
  const lines = [...byAgent.entries()]
    .sort((x, y) => y[1].minutes - x[1].minutes)
    .map(([id, e]) => `${names.get(id) ?? id}: ${Math.round((e.minutes / 60) * 10) / 10} h with no requirement for their skills (${e.where.join('; ')})`);
  return { hours: [...byAgent.values()].reduce((sum, e) => sum + e.minutes, 0) / 60, lines };
}
