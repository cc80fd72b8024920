/**
 * Why intervals stay short. Short intervals are grouped into runs (skill, day, consecutive intervals), and each run
 * gets the causes that apply, most fundamental first:
 *   no template reaches those hours → nobody with the skill → nobody available then → fewer agents available that
 *   day than required → contract caps on shifts, hours or weekends below what the curve needs →
 *   (otherwise a choice of the solver) breaks, rostering rules leaving designed shifts unfilled, or a peak too short
 *   to be worth a whole shift's over-coverage.
 */
import type { PlanningContext } from './context';
import { addShiftPresence, type CoverageReport } from './coverage';
import { forEachIntervalOverlap } from './intervalGrid';
import type { ShiftAssignment } from './model';
import type { DesignedShifts } from './shiftDesign';
import { agentSupply, weekendsOf, type LockedWork } from './supply';
import { dayLabel, formatClock, isWeekendDay, MINUTES_PER_DAY } from './time';
import { addDays } from '../../calendar/days';

export type ShortfallCause =
  | 'no-template'
  | 'no-skilled-agent'
  | 'nobody-available'
  | 'day-availability'
  | 'shift-cap'
  | 'hours-cap'
  | 'weekend-cap'
  | 'breaks'
  | 'rostering-rules'
  | 'short-peak';

export interface ShortfallExplanation {
  skill: string;
  day: number;
  date?: string;
  /** 'HH:MM' */
  start: string;
  end: string;
  /** 'HH:MM' start of the run's most short interval; `required` and `scheduled` are both read there. */
  worstAt: string;
  /** Agents required in the worst interval (the same interval as `scheduled`, so the two compare). */
  required: number;
  /** Agents scheduled in the worst interval. */
  scheduled: number;
  /** Agent-hours short over the run. */
  shortfallHours: number;
  causes: { cause: ShortfallCause; message: string }[];
}

/** Under-coverage smaller than this (agents) is rounding, not a gap. */
const SHORT_EPSILON = 1e-6;

export interface ExplainInput {
  context: PlanningContext;
  coverage: CoverageReport;
  assignments: readonly ShiftAssignment[];
  designed: readonly DesignedShifts[];
  lockedWork: LockedWork;
}

export function explainShortfalls({ context, coverage, assignments, designed, lockedWork }: ExplainInput): ShortfallExplanation[] {
  const { grid, problem } = context;
  const intervalHours = grid.intervalMinutes / 60;
  const facts = new SupplyFacts(context, lockedWork, assignments, designed);
  const explanations: ShortfallExplanation[] = [];

  context.skills.forEach((skill, s) => {
    const curves = coverage.skills.find((c) => c.skill === skill);
    if (!curves) return;
    let t = 0;
    while (t < grid.intervalCount) {
      if (curves.required[t] - curves.scheduled[t] <= SHORT_EPSILON) {
        t++;
        continue;
      }
      const day = Math.floor(t / grid.intervalsPerDay);
      const first = t;
      // Peak required and least scheduled may fall in different intervals; reporting them side by side read as one
      // gap ("14 required, 4 scheduled") that never happened. Both are read in the interval most short instead.
      let worst = t;
      let shortfall = 0;
      while (t < grid.intervalCount && Math.floor(t / grid.intervalsPerDay) === day && curves.required[t] - curves.scheduled[t] > SHORT_EPSILON) {
        if (curves.required[t] - curves.scheduled[t] > curves.required[worst] - curves.scheduled[worst]) worst = t;
        shortfall += (curves.required[t] - curves.scheduled[t]) * intervalHours;
        t++;
      }
      const dayStart = day * grid.intervalsPerDay;
      explanations.push({
        skill,
        day,
        ...(problem.startDate ? { date: addDays(problem.startDate, day) } : {}),
        start: formatClock((first - dayStart) * grid.intervalMinutes),
        end: formatClock((t - dayStart) * grid.intervalMinutes),
        worstAt: formatClock((worst - dayStart) * grid.intervalMinutes),
        required: curves.required[worst],
        scheduled: Math.max(0, curves.scheduled[worst]),
        shortfallHours: shortfall,
        causes: facts.causes(s, day, first, t, curves.required),
      });
    }
  });
  return explanations.sort((a, b) => b.shortfallHours - a.shortfallHours);
}

/** What the agents, templates and solver stages could supply, computed once for all runs. */
class SupplyFacts {
  private readonly intervalHours: number;
  /** reachable[skill][t]: some template serving the skill covers t on that weekday. */
  private readonly reachable: Uint8Array[];
  /** available[skill][t]: agents with the skill who could work a shift covering t (plus locked shifts there). */
  private readonly available: Float64Array[];
  /** Working presence (breaks ignored) of the final schedule and of the design plus locked shifts. */
  private readonly working: Float64Array[];
  private readonly designedWorking: Float64Array[];
  private readonly horizonCauses: { cause: ShortfallCause; message: string }[][];
  private readonly weekendCause: { cause: ShortfallCause; message: string } | null;

  constructor(
    private readonly context: PlanningContext,
    lockedWork: LockedWork,
    assignments: readonly ShiftAssignment[],
    designed: readonly DesignedShifts[],
  ) {
    const { grid, skills, shifts, problem } = context;
    this.intervalHours = grid.intervalMinutes / 60;
    const curve = () => skills.map(() => new Float64Array(grid.intervalCount));
    this.reachable = skills.map(() => new Uint8Array(grid.intervalCount));
    this.available = curve();
    this.working = curve();
    this.designedWorking = curve();
    const skillIndex = new Map(skills.map((skill, s) => [skill, s]));

    for (let day = 0; day < context.days; day++) {
      shifts.forEach((shift) => {
        skills.forEach((_, s) => {
          if (shift.template.skills && !shift.template.skills.includes(skills[s])) return;
          if (shift.template.weekdays && !shift.template.weekdays.includes((problem.startWeekday + day) % 7)) return;
          this.forEachWorkingInterval(day, shift.segments, (t) => (this.reachable[s][t] = 1));
        });
      });
    }
    context.eligible.forEach((days, agent) =>
      days.forEach((shiftIndices, day) =>
        skills.forEach((_, s) => {
          const covered = new Set<number>();
          for (const k of shiftIndices) {
            if (context.serves(agent, k, s)) this.forEachWorkingInterval(day, shifts[k].segments, (t) => covered.add(t));
          }
          for (const t of covered) this.available[s][t]++;
        }),
      ),
    );
    for (const locked of problem.locked) {
      const s = skillIndex.get(locked.skill);
      if (s !== undefined) this.forEachWorkingInterval(locked.day, locked.segments, (t) => this.available[s][t]++);
    }
    for (const assignment of assignments) {
      const s = skillIndex.get(assignment.skill);
      if (s === undefined) continue;
      addShiftPresence(grid, this.working[s], { ...assignment, breaks: [] });
      if (assignment.locked) addShiftPresence(grid, this.designedWorking[s], { ...assignment, breaks: [] });
    }
    for (const d of designed) {
      for (let copy = 0; copy < d.count; copy++) addShiftPresence(grid, this.designedWorking[d.skill], { day: d.day, segments: shifts[d.shift].segments, breaks: [] });
    }

    const supplies = problem.agents.map((_, a) => agentSupply(context, a, lockedWork));
    const hasSkill = (a: number, s: number) => problem.agents[a].skills.includes(skills[s]);
    const dailyPeaks = context.required.map((required) =>
      Array.from({ length: context.days }, (_, day) => Math.ceil(Math.max(0, ...required.subarray(day * grid.intervalsPerDay, (day + 1) * grid.intervalsPerDay)) - 1e-9)),
    );
    this.horizonCauses = skills.map((skill, s) => {
      const causes: { cause: ShortfallCause; message: string }[] = [];
      const agents = supplies.filter((_, a) => hasSkill(a, s));
      const lockedShifts = problem.locked.filter((l) => l.skill === skill);
      const agentDays = agents.reduce((sum, supply) => sum + supply.maxShifts, 0) + lockedShifts.length;
      const neededDays = dailyPeaks[s].reduce((sum, peak) => sum + peak, 0);
      if (agentDays < neededDays) {
        causes.push({
          cause: 'shift-cap',
          message: `max shifts per week and days off cap ${skill} supply at ${agentDays} agent-days < ${neededDays} needed to staff each day's peak`,
        });
      }
      const agentHours = agents.reduce((sum, supply) => sum + supply.maxMinutes, 0) / 60 + lockedShifts.reduce((sum, l) => sum + (l.end - l.start) / 60, 0);
      const requiredHours = context.required[s].reduce((sum, value) => sum + value, 0) * this.intervalHours;
      if (agentHours < requiredHours) {
        causes.push({
          cause: 'hours-cap',
          message: `contract hours cap ${skill} supply at ${Math.round(agentHours)} agent-hours < ${Math.round(requiredHours)} required`,
        });
      }
      return causes;
    });

    const weekendNeed = weekendsOf(context).reduce(
      (sum, days) => sum + Math.max(0, ...days.map((day) => dailyPeaks.reduce((total, peaks) => total + peaks[day], 0))),
      0,
    );
    const weekendSupply = supplies.reduce((sum, supply) => sum + supply.maxWeekends, 0);
    this.weekendCause =
      weekendSupply < weekendNeed
        ? { cause: 'weekend-cap', message: `max weekends cap weekend supply at ${weekendSupply} agent-weekends < ${weekendNeed} needed` }
        : null;
  }

  causes(s: number, day: number, first: number, end: number, required: Float64Array): { cause: ShortfallCause; message: string }[] {
    const { skills, problem, grid } = this.context;
    const skill = skills[s];
    const span = (from: number, to: number) =>
      `${formatClock((from - day * grid.intervalsPerDay) * grid.intervalMinutes)}–${formatClock((to - day * grid.intervalsPerDay) * grid.intervalMinutes)}`;
    const onDay = dayLabel(day, problem.startWeekday);
    const intervals = Array.from({ length: end - first }, (_, k) => first + k);
    const causes: { cause: ShortfallCause; message: string }[] = [];

    const unreachable = intervals.filter((t) => !this.reachable[s][t]);
    if (unreachable.length > 0) {
      causes.push({ cause: 'no-template', message: `no shift template for ${skill} covers ${span(unreachable[0], unreachable[unreachable.length - 1] + 1)} on ${onDay}` });
      return causes;
    }
    if (!problem.agents.some((agent) => agent.skills.includes(skill))) {
      return [{ cause: 'no-skilled-agent', message: `no agent has the skill ${skill}` }];
    }
    const worst = intervals.reduce((best, t) => (required[t] - this.available[s][t] > required[best] - this.available[s][best] ? t : best));
    if (this.available[s][worst] === 0) {
      causes.push({ cause: 'nobody-available', message: `no agent with ${skill} can work ${span(worst, worst + 1)} on ${onDay} (days off, availability)` });
    } else if (this.available[s][worst] < required[worst]) {
      causes.push({
        cause: 'day-availability',
        message: `only ${this.available[s][worst]} agents with ${skill} can work ${span(worst, worst + 1)} on ${onDay} after days off and availability; ${required[worst]} needed`,
      });
    }
    causes.push(...this.horizonCauses[s]);
    if (this.weekendCause && isWeekendDay(day, problem.startWeekday)) causes.push(this.weekendCause);
    if (causes.length > 0) return causes;

    if (intervals.every((t) => this.working[s][t] >= required[t] - SHORT_EPSILON)) {
      return [{ cause: 'breaks', message: `enough agents are working ${span(first, end)} on ${onDay}, but breaks must fall inside their windows then` }];
    }
    const unfilled = intervals.filter((t) => this.designedWorking[s][t] > this.working[s][t] + SHORT_EPSILON);
    if (unfilled.length > 0) {
      const t = unfilled[0];
      return [
        {
          cause: 'rostering-rules',
          message: `the shift design staffs ${span(t, t + 1)} on ${onDay} with ${Math.round(this.designedWorking[s][t])} agents but rostering filled ${Math.round(this.working[s][t])}: rest, consecutive-day, weekend and contract rules leave designed shifts unfilled`,
        },
      ];
    }
    return [
      {
        cause: 'short-peak',
        message: `covering ${span(first, end)} on ${onDay} would take another whole shift whose over-coverage costs more than the gap (supply is limited or the peak is short)`,
      },
    ];
  }

  private forEachWorkingInterval(day: number, segments: readonly { start: number; end: number }[], visit: (t: number) => void): void {
    const dayStart = day * MINUTES_PER_DAY;
    for (const span of segments) forEachIntervalOverlap(this.context.grid, dayStart + span.start, dayStart + span.end, visit);
  }
}
