/**
 * Checks a schedule against every labour rule of the agents' contracts, for the solver's summary and for the UI to
 * mark shifts after a drag. Each violation names the agent, the days involved and says what is wrong in words.
 */
import { isDayOff, isWithinAvailability } from './context';
import type { Agent, ScheduleProblem, ShiftAssignment } from './model';
import { dayLabel, isWeekendDay, MINUTES_PER_DAY } from './time';

export type ScheduleRule =
  | 'unknown-agent'
  | 'skill'
  | 'day-off'
  | 'availability'
  | 'one-shift-per-day'
  | 'min-rest'
  | 'cannot-follow'
  | 'max-shifts-per-week'
  | 'max-minutes-per-week'
  | 'min-minutes-per-week'
  | 'max-consecutive-days'
  | 'min-consecutive-days'
  | 'min-days-off'
  | 'max-weekends';

export interface RuleViolation {
  agentId: string;
  rule: ScheduleRule;
  /** Days involved, ascending. */
  days: number[];
  message: string;
}

export function paidMinutes(assignment: Pick<ShiftAssignment, 'segments' | 'breaks'>): number {
  const worked = assignment.segments.reduce((sum, s) => sum + s.end - s.start, 0);
  return worked - assignment.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.end - b.start, 0);
}

export function checkScheduleRules(problem: ScheduleProblem, assignments: readonly ShiftAssignment[]): RuleViolation[] {
  // Every agent is checked, also one with no shift at all: a week of nothing breaks a weekly minimum just the same
  // (it went unreported while only agents with shifts were looked at).
  const byAgent = new Map<string, ShiftAssignment[]>(problem.agents.map((a) => [a.id, []]));
  for (const assignment of assignments) byAgent.set(assignment.agentId, [...(byAgent.get(assignment.agentId) ?? []), assignment]);
  const agents = new Map(problem.agents.map((a) => [a.id, a]));
  const violations: RuleViolation[] = [];
  for (const [agentId, shifts] of byAgent) {
    const agent = agents.get(agentId);
    if (!agent) {
      violations.push({ agentId, rule: 'unknown-agent', days: shifts.map((s) => s.day), message: `${agentId} is not an agent of this schedule` });
      continue;
    }
    shifts.sort((a, b) => a.day * MINUTES_PER_DAY + a.start - (b.day * MINUTES_PER_DAY + b.start));
    violations.push(...shiftViolations(problem, agent, shifts), ...patternViolations(problem, agent, shifts));
  }
  return violations;
}

/**
 * How many rules one agent's shifts break, the other agents not looked at: cheap enough to ask for every candidate
 * shift of a post-rostering pass (checkScheduleRules also checks every agent without shifts).
 */
export function agentViolationCount(problem: ScheduleProblem, agentId: string, shifts: readonly ShiftAssignment[]): number {
  const agent = problem.agents.find((a) => a.id === agentId);
  if (!agent) return shifts.length;
  return checkScheduleRules({ ...problem, agents: [agent] }, shifts).length;
}

/**
 * The rule check after an edit of a few agents' shifts (a drag, a move to another agent): those agents are checked
 * again and everyone else's violations are kept as they were, so a 500-agent week rechecks one or two agents, not
 * all of them. Same result as checkScheduleRules over the edited week when `previous` was its result before.
 */
export function recheckAgents(
  problem: ScheduleProblem,
  previous: readonly RuleViolation[],
  assignments: readonly ShiftAssignment[],
  agentIds: ReadonlySet<string>,
): RuleViolation[] {
  const agents = problem.agents.filter((agent) => agentIds.has(agent.id));
  const theirs = assignments.filter((shift) => agentIds.has(shift.agentId));
  return [...previous.filter((v) => !agentIds.has(v.agentId)), ...checkScheduleRules({ ...problem, agents }, theirs)];
}

/** Rules about single shifts and pairs of consecutive shifts. */
function shiftViolations(problem: ScheduleProblem, agent: Agent, shifts: ShiftAssignment[]): RuleViolation[] {
  const found: RuleViolation[] = [];
  const say = (rule: ScheduleRule, days: number[], text: string) =>
    found.push({ agentId: agent.id, rule, days, message: `${agent.name} ${text}` });
  const on = (day: number) => dayLabel(day, problem.startWeekday);
  const templates = new Map(problem.templates.map((t) => [t.id, t]));

  shifts.forEach((shift, i) => {
    if (!agent.skills.includes(shift.skill)) say('skill', [shift.day], `works ${shift.skill} on ${on(shift.day)} without that skill`);
    if (isDayOff(problem, agent, shift.day)) say('day-off', [shift.day], `works on ${on(shift.day)}, a day off`);
    else if (!isWithinAvailability(problem, agent, shift.day, shift.start, shift.end)) {
      say('availability', [shift.day], `works outside their availability on ${on(shift.day)}`);
    }
    const previous = shifts[i - 1];
    if (!previous) return;
    if (previous.day === shift.day) {
      say('one-shift-per-day', [shift.day], `has more than one shift on ${on(shift.day)}`);
      return;
    }
    const rest = shift.day * MINUTES_PER_DAY + shift.start - (previous.day * MINUTES_PER_DAY + previous.end);
    if (rest < problem.rules.minRestMinutes) {
      say('min-rest', [previous.day, shift.day], `rests ${formatHours(rest)} before ${on(shift.day)} (at least ${formatHours(problem.rules.minRestMinutes)})`);
    }
    const template = shift.templateId === undefined ? undefined : templates.get(shift.templateId);
    if (shift.day === previous.day + 1 && previous.templateId !== undefined && template?.cannotFollow.includes(previous.templateId)) {
      say('cannot-follow', [previous.day, shift.day], `works ${template.name} on ${on(shift.day)} after ${previous.templateId} the day before`);
    }
  });
  return found;
}

/** Weekly totals, runs of working days and days off, weekends. */
function patternViolations(problem: ScheduleProblem, agent: Agent, shifts: ShiftAssignment[]): RuleViolation[] {
  const { contract } = agent;
  const days = problem.requirements.days;
  const found: RuleViolation[] = [];
  const say = (rule: ScheduleRule, involved: number[], text: string) =>
    found.push({ agentId: agent.id, rule, days: involved, message: `${agent.name} ${text}` });
  const on = (day: number) => dayLabel(day, problem.startWeekday);

  for (let weekStart = 0; weekStart < days; weekStart += 7) {
    const week = shifts.filter((s) => s.day >= weekStart && s.day < weekStart + 7);
    const involved = week.map((s) => s.day);
    const minutes = week.reduce((sum, s) => sum + paidMinutes(s), 0);
    const label = `in the week from ${on(weekStart)}`;
    if (week.length > contract.maxShiftsPerWeek) say('max-shifts-per-week', involved, `works ${week.length} shifts ${label} (at most ${contract.maxShiftsPerWeek})`);
    if (minutes > contract.maxMinutesPerWeek) say('max-minutes-per-week', involved, `works ${formatHours(minutes)} ${label} (at most ${formatHours(contract.maxMinutesPerWeek)})`);
    if (weekStart + 7 <= days && minutes < contract.minMinutesPerWeek) {
      say('min-minutes-per-week', involved, `works ${formatHours(minutes)} ${label} (at least ${formatHours(contract.minMinutesPerWeek)})`);
    }
  }

  const working = Array.from({ length: days }, (_, day) => shifts.some((s) => s.day === day));
  for (const run of runs(working)) {
    const touchesEdge = run.start === 0 || run.end === days - 1;
    const span = `${on(run.start)}–${on(run.end)}`;
    const involved = Array.from({ length: run.length }, (_, k) => run.start + k);
    if (run.working && run.length > contract.maxConsecutiveWorkingDays) {
      say('max-consecutive-days', involved, `works ${run.length} days in a row, ${span} (at most ${contract.maxConsecutiveWorkingDays})`);
    }
    if (run.working && !touchesEdge && run.length < contract.minConsecutiveWorkingDays) {
      say('min-consecutive-days', involved, `works only ${run.length} days in a row, ${span} (at least ${contract.minConsecutiveWorkingDays})`);
    }
    if (!run.working && !touchesEdge && run.length < contract.minConsecutiveDaysOff) {
      say('min-days-off', involved, `has only ${run.length} days off in a row, ${span} (at least ${contract.minConsecutiveDaysOff})`);
    }
  }

  const weekendDays = working.map((worked, day) => worked && isWeekendDay(day, problem.startWeekday));
  const weekends = new Set(weekendDays.flatMap((worked, day) => (worked ? [weekendKey(day, problem.startWeekday)] : [])));
  if (weekends.size > contract.maxWeekendsPerPeriod) {
    say('max-weekends', weekendDays.flatMap((worked, day) => (worked ? [day] : [])), `works ${weekends.size} weekends (at most ${contract.maxWeekendsPerPeriod})`);
  }
  return found;
}

function runs(working: boolean[]): { working: boolean; start: number; end: number; length: number }[] {
  const found: { working: boolean; start: number; end: number; length: number }[] = [];
  working.forEach((value, day) => {
    const last = found[found.length - 1];
    if (last && last.working === value) {
      last.end = day;
      last.length++;
    } else {
      found.push({ working: value, start: day, end: day, length: 1 });
    }
  });
  return found;
}

/** Saturday and the following Sunday share a key: the day index of that Saturday (or of a Sunday with no Saturday). */
function weekendKey(day: number, startWeekday: number): number {
  const isSunday = (startWeekday + day) % 7 === 6;
  return isSunday && day > 0 ? day - 1 : day;
}

function formatHours(minutes: number): string {
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `${minutes < 0 ? '-' : ''}${hours}h${rest ? String(Math.round(rest)).padStart(2, '0') : ''}`;
}
