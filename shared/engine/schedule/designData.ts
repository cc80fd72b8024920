/**
 * The shift-design problem as plain data, from which shiftDesign.ts builds its whole-horizon and per-day models:
 * one candidate per (day, concrete shift, skill) with its effect on the staffing curve, the residual requirement,
 * and the supply limits.
 */
import type { PlanningContext } from './context';
import { forEachIntervalOverlap } from './intervalGrid';
import { breakStartCandidates } from './shifts';
import { agentSupply, weekendsOf, type LockedWork } from './supply';
import { MINUTES_PER_DAY } from './time';

/** Sparse effect on one skill's curve: coefficient per interval. */
export interface Presence {
  intervals: Int32Array;
  coefficients: Float64Array;
}

export interface DesignCandidate {
  day: number;
  /** Index into the context's concrete shifts. */
  shift: number;
  /** Index into the context's skills. */
  skill: number;
  /** Agents who could take it: the most copies that can run. */
  upper: number;
  paidMinutes: number;
  /** Working time with every break spread evenly over its window: a designed shift's expected effect on later days. */
  averaged: Presence;
  /** Working time without breaks, and each break's possible positions, for models that place breaks. */
  working: Presence;
  breakPositions: Presence[][];
}

/** Σ coefficient · copies of the listed candidates ≤ cap. */
export interface SupplyLimit {
  candidates: number[];
  coefficients: number[];
  cap: number;
}

export interface DesignData {
  candidates: DesignCandidate[];
  /** Requirement less what locked shifts already cover, per skill and interval. */
  residual: Float64Array[];
  limits: SupplyLimit[];
  /** Candidates starting on each day of each weekend, and how many agent-weekends the contracts allow. */
  weekends: { days: number[][][]; cap: number };
  /** Under-coverage (agent-intervals) no candidate can reach: demand outside every template. */
  uncoverableUnder: number;
}

/** Most skills for which every group of skills gets supply limits; above this only single skills and all skills. */
const MAX_SKILLS_FOR_ALL_GROUPS = 4;

export function buildDesignData(context: PlanningContext, lockedCoverage: Float64Array[], lockedWork: LockedWork): DesignData {
  const { grid, skills, shifts, problem } = context;
  const residual = context.required.map((curve, s) => curve.map((value, t) => value - lockedCoverage[s][t]));
  const takers = countTakers(context);
  const candidates: DesignCandidate[] = [];
  const reachable = skills.map(() => new Uint8Array(grid.intervalCount));

  for (let day = 0; day < context.days; day++) {
    const dayStart = day * MINUTES_PER_DAY;
    shifts.forEach((shift, k) => {
      skills.forEach((_, s) => {
        if (takers[day][k][s] === 0) return;
        const working = presenceOf(context, shift.segments.map((span) => [dayStart + span.start, dayStart + span.end]));
        if (!working.intervals.some((t) => residual[s][t] > 0)) return; // it could only add over-coverage
        const breakPositions = shift.template.breaks
          .map((rule) =>
            breakStartCandidates(shift.start, shift.segments, rule, problem.rules.breakStepMinutes).map((start) =>
              presenceOf(context, [[dayStart + start, dayStart + start + rule.lengthMinutes]]),
            ),
          )
          .filter((positions) => positions.length > 0);
        for (const t of working.intervals) reachable[s][t] = 1;
        candidates.push({
          day,
          shift: k,
          skill: s,
          upper: takers[day][k][s],
          paidMinutes: shift.paidMinutes,
          working,
          breakPositions,
          averaged: averageBreaks(working, breakPositions),
        });
      });
    });
  }

  let uncoverableUnder = 0;
  skills.forEach((_, s) => {
    for (let t = 0; t < grid.intervalCount; t++) if (!reachable[s][t]) uncoverableUnder += Math.max(0, residual[s][t]);
  });

  return { candidates, residual, ...supplyLimits(context, candidates, lockedWork), uncoverableUnder };
}

function presenceOf(context: PlanningContext, spans: number[][]): Presence {
  const intervals: number[] = [];
  const coefficients: number[] = [];
  for (const [start, end] of spans) {
    forEachIntervalOverlap(context.grid, start, end, (t, fraction) => {
      intervals.push(t);
      coefficients.push(fraction);
    });
  }
  return { intervals: Int32Array.from(intervals), coefficients: Float64Array.from(coefficients) };
}

function averageBreaks(working: Presence, breakPositions: Presence[][]): Presence {
  const byInterval = new Map<number, number>();
  working.intervals.forEach((t, i) => byInterval.set(t, (byInterval.get(t) ?? 0) + working.coefficients[i]));
  for (const positions of breakPositions) {
    for (const position of positions) {
      position.intervals.forEach((t, i) => byInterval.set(t, (byInterval.get(t) ?? 0) - position.coefficients[i] / positions.length));
    }
  }
  const entries = [...byInterval].sort((a, b) => a[0] - b[0]);
  return { intervals: Int32Array.from(entries.map((e) => e[0])), coefficients: Float64Array.from(entries.map((e) => e[1])) };
}

/** takers[day][shift][skill]: agents who could work that shift that day for that skill. */
function countTakers(context: PlanningContext): number[][][] {
  const takers = Array.from({ length: context.days }, () => context.shifts.map(() => context.skills.map(() => 0)));
  context.eligible.forEach((days, agent) =>
    days.forEach((shiftIndices, day) => {
      for (const k of shiftIndices) {
        context.skills.forEach((_, s) => {
          if (context.serves(agent, k, s)) takers[day][k][s]++;
        });
      }
    }),
  );
  return takers;
}

/**
 * For each group of skills G: shifts serving G on a day ≤ agents with a skill in G available that day; over the
 * horizon, shifts ≤ Σ agent shift caps and paid minutes ≤ Σ agent minute caps. Writing them per group keeps
 * multi-skilled agents from being counted once per skill. Weekends: agents working a weekend ≥ the shifts on its
 * Saturday and on its Sunday, and Σ over weekends ≤ Σ agent weekend caps.
 */
function supplyLimits(
  context: PlanningContext,
  candidates: DesignCandidate[],
  lockedWork: LockedWork,
): Pick<DesignData, 'limits' | 'weekends'> {
  const supplies = context.problem.agents.map((_, a) => agentSupply(context, a, lockedWork));
  const agentSkills = context.problem.agents.map((_, a) =>
    context.skills.map((_, s) => context.shifts.some((_, k) => context.serves(a, k, s))),
  );
  const limits: SupplyLimit[] = [];
  for (const group of skillGroups(context.skills.length)) {
    const members = candidates.map((c, i) => ({ c, i })).filter(({ c }) => group.includes(c.skill));
    if (members.length === 0) continue;
    const agents = supplies.filter((_, a) => group.some((s) => agentSkills[a][s]));
    for (let day = 0; day < context.days; day++) {
      const onDay = members.filter(({ c }) => c.day === day).map(({ i }) => i);
      const available = agents.filter((supply) => supply.availableDays[day]).length;
      if (onDay.length > 0) limits.push({ candidates: onDay, coefficients: onDay.map(() => 1), cap: available });
    }
    const all = members.map(({ i }) => i);
    limits.push({ candidates: all, coefficients: all.map(() => 1), cap: agents.reduce((sum, s) => sum + s.maxShifts, 0) });
    limits.push({ candidates: all, coefficients: members.map(({ c }) => c.paidMinutes), cap: agents.reduce((sum, s) => sum + s.maxMinutes, 0) });
  }
  const days = weekendsOf(context).map((weekendDays) =>
    weekendDays.map((day) => candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.day === day).map(({ i }) => i)),
  );
  return { limits, weekends: { days, cap: supplies.reduce((sum, s) => sum + s.maxWeekends, 0) } };
}

function skillGroups(skillCount: number): number[][] {
  const all = Array.from({ length: skillCount }, (_, s) => s);
  if (skillCount > MAX_SKILLS_FOR_ALL_GROUPS) return [...all.map((s) => [s]), all];
  const groups: number[][] = [];
  for (let mask = 1; mask < 1 << skillCount; mask++) groups.push(all.filter((s) => mask & (1 << s)));
  return groups;
}
