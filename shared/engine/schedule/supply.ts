/**
 * How much work the agents can supply at most, from their contracts, days off and availability. These caps bound the
 * shift-design model (so it never designs more agent-days than the contracts allow) and name the shortage in
 * explanations.
 */
import type { PlanningContext } from './context';
import type { Agent } from './model';
import { isWeekendDay, weekdayOf, weeksIn } from './time';

export interface AgentSupply {
  /** Days on which the agent can take at least one shift. */
  availableDays: boolean[];
  /** Most shifts the agent can work over the horizon (weekly shift caps and the consecutive-days pattern). */
  maxShifts: number;
  maxMinutes: number;
  maxWeekends: number;
}

/** Work already fixed by locked shifts, per agent id. */
export type LockedWork = Map<string, { days: Set<number>; paidMinutes: number }>;

export function agentSupply(context: PlanningContext, agentIndex: number, lockedWork: LockedWork): AgentSupply {
  const agent = context.problem.agents[agentIndex];
  const availableDays = context.eligible[agentIndex].map((shifts) => shifts.length > 0);
  const locked = lockedWork.get(agent.id) ?? { days: new Set<number>(), paidMinutes: 0 };
  // Locked days count as worked days for the weekly and consecutive-day caps, then come off the remaining supply.
  const workableDays = availableDays.map((available, day) => available || locked.days.has(day));
  // Every shift pays at least the shortest eligible one, so the weekly minutes cap also caps the shift count.
  const shortestPaid = Math.min(...context.eligible[agentIndex].flat().map((k) => context.shifts[k].paidMinutes));
  const weeklyCap = weeklyShiftCap(agent, workableDays, locked.days, shortestPaid);
  const patternCap = maxWorkingDays(workableDays, agent.contract.maxConsecutiveWorkingDays, agent.contract.minConsecutiveDaysOff) - locked.days.size;
  return {
    availableDays,
    maxShifts: Math.max(0, Math.min(weeklyCap, patternCap)),
    maxMinutes: Math.max(0, agent.contract.maxMinutesPerWeek * weeksIn(context.days) - locked.paidMinutes),
    maxWeekends: Math.min(agent.contract.maxWeekendsPerPeriod, availableWeekends(context, availableDays)),
  };
}

/**
 * Per horizon week (days 0–6, 7–13, …): the weekly shift cap, or what the weekly minutes allow at the shortest paid
 * shift, or the workable days, whichever is least, less the locked days.
 */
function weeklyShiftCap(agent: Agent, workableDays: boolean[], lockedDays: Set<number>, shortestPaid: number): number {
  const { maxShiftsPerWeek, maxMinutesPerWeek } = agent.contract;
  const weeklyCap = Math.min(maxShiftsPerWeek, shortestPaid > 0 ? Math.floor(maxMinutesPerWeek / shortestPaid) : maxShiftsPerWeek);
  let total = 0;
  for (let weekStart = 0; weekStart < workableDays.length; weekStart += 7) {
    const week = workableDays.slice(weekStart, weekStart + 7);
    const lockedInWeek = week.filter((_, offset) => lockedDays.has(weekStart + offset)).length;
    total += Math.max(0, Math.min(weeklyCap, week.filter(Boolean).length) - lockedInWeek);
  }
  return total;
}

/**
 * Most days that can be worked on the available days with runs of at most `maxRun` working days separated by at
 * least `minOff` days off. Off runs touching the horizon edges are exempt, as in the rostering rules.
 * Dynamic programme over (length of the current work run | length of the current off run, capped at minOff).
 */
export function maxWorkingDays(availableDays: boolean[], maxRun: number, minOff: number): number {
  const states = maxRun + minOff; // 0..maxRun-1: working, run length i+1; maxRun..: off, run length (i-maxRun+1), last = "rested"
  const rested = states - 1;
  let best = new Array<number>(states).fill(-Infinity);
  best[rested] = 0;
  for (const available of availableDays) {
    const next = new Array<number>(states).fill(-Infinity);
    for (let state = 0; state < states; state++) {
      const worked = best[state];
      if (worked === -Infinity) continue;
      const working = state < maxRun;
      const offState = working ? maxRun : Math.min(state + 1, rested);
      next[offState] = Math.max(next[offState], worked);
      if (!available) continue;
      if (working && state + 1 < maxRun) next[state + 1] = Math.max(next[state + 1], worked + 1);
      if (state === rested) next[0] = Math.max(next[0], worked + 1);
    }
    best = next;
  }
  return Math.max(0, ...best.filter((value) => value > -Infinity));
}

/** Weekends (Saturday–Sunday pairs, partial at the horizon edges) on which the agent could work at all. */
function availableWeekends(context: PlanningContext, availableDays: boolean[]): number {
  return weekendsOf(context).filter((days) => days.some((day) => availableDays[day])).length;
}

/** The horizon's weekends, each as its Saturday and/or Sunday day indices. */
export function weekendsOf(context: PlanningContext): number[][] {
  const weekends: number[][] = [];
  for (let day = 0; day < context.days; day++) {
    if (!isWeekendDay(day, context.problem.startWeekday)) continue;
    const isSunday = weekdayOf(day, context.problem.startWeekday) === 6;
    if (isSunday && day > 0 && weekends.length > 0 && weekends[weekends.length - 1].includes(day - 1)) {
      weekends[weekends.length - 1].push(day);
    } else {
      weekends.push([day]);
    }
  }
  return weekends;
}
