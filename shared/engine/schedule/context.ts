/**
 * The validated problem plus everything derived from it once and shared by the stages: the interval grid, the
 * requirement curves, the concrete shifts and which agent may work which shift on which day.
 */
import { DateTime } from 'luxon';
import { DEFAULT_TEMPLATES } from './defaultTemplates';
import { makeGrid, type IntervalGrid } from './intervalGrid';
import { ScheduleInputSchema, ShiftTemplateSchema, type Agent, type ScheduleInput, type ScheduleProblem, type ShiftAssignment, type ShiftTemplate } from './model';
import { expandTemplates, type ConcreteShift } from './shifts';
import { MINUTES_PER_DAY, weekdayOf } from './time';
import { addDays } from '../../calendar/days';

export interface PlanningContext {
  problem: ScheduleProblem;
  days: number;
  grid: IntervalGrid;
  /** Skills with a requirement curve, in the order of `required`. */
  skills: string[];
  required: Float64Array[];
  shifts: ConcreteShift[];
  agentIndex: Map<string, number>;
  /** eligible[agent][day]: concrete shifts (indices into `shifts`) the agent may work that day, skills aside. */
  eligible: number[][][];
  /** Whether the agent may work that concrete shift for that skill (indices): both agent and template have the skill. */
  serves: (agent: number, shift: number, skill: number) => boolean;
}

export function parseScheduleInput(input: ScheduleInput): ScheduleProblem {
  const parsed = ScheduleInputSchema.parse(input);
  const templates: ShiftTemplate[] = parsed.templates ?? DEFAULT_TEMPLATES.map((t) => ShiftTemplateSchema.parse(t));
  return { ...parsed, templates };
}

export function buildContext(problem: ScheduleProblem): PlanningContext {
  const { requirements } = problem;
  const grid = makeGrid(requirements.intervalMinutes, requirements.days);
  const skills = requirements.series.map((s) => s.skill);
  const shifts = expandTemplates(problem.templates);
  const agentIndex = new Map(problem.agents.map((a, i) => [a.id, i]));
  const lockedAgentDays = new Set(problem.locked.map((l) => `${l.agentId}|${l.day}`));

  const agentSkillSets = problem.agents.map((a) => new Set(a.skills));
  const templateSkillSets = shifts.map((s) => (s.template.skills ? new Set(s.template.skills) : null));
  const serves = (agent: number, shift: number, skill: number): boolean => {
    const name = skills[skill];
    const templateSkills = templateSkillSets[shift];
    return agentSkillSets[agent].has(name) && (templateSkills === null || templateSkills.has(name));
  };

  const eligible = problem.agents.map((agent) =>
    Array.from({ length: requirements.days }, (_, day) =>
      lockedAgentDays.has(`${agent.id}|${day}`) ? [] : eligibleShiftsOnDay(problem, agent, day, shifts),
    ),
  );

  return {
    problem,
    days: requirements.days,
    grid,
    skills,
    required: requirements.series.map((s) => Float64Array.from(s.required)),
    shifts,
    agentIndex,
    eligible,
    serves,
  };
}

/** Concrete shift `shift` worked by agent `agent` on `day` for skill `skill` (indices into the context), breaks not placed. */
export function assignmentOf(context: PlanningContext, agent: number, day: number, shift: number, skill: number): ShiftAssignment {
  const { problem } = context;
  const concrete = context.shifts[shift];
  return {
    agentId: problem.agents[agent].id,
    day,
    ...(problem.startDate ? { date: addDays(problem.startDate, day) } : {}),
    start: concrete.start,
    end: concrete.end,
    segments: concrete.segments.map((span) => ({ ...span })),
    breaks: [],
    skill: context.skills[skill],
    templateId: concrete.template.id,
  };
}

/** Whether the agent's contract, days off and availability let them work on `day` at all. */
export function isDayOff(problem: ScheduleProblem, agent: Agent, day: number): boolean {
  return agent.daysOff.includes(day) || agent.fixedWeekdaysOff.includes(weekdayOf(day, problem.startWeekday));
}

function eligibleShiftsOnDay(problem: ScheduleProblem, agent: Agent, day: number, shifts: ConcreteShift[]): number[] {
  if (isDayOff(problem, agent, day)) return [];
  const weekday = weekdayOf(day, problem.startWeekday);
  const result: number[] = [];
  shifts.forEach((shift, index) => {
    if (shift.template.weekdays && !shift.template.weekdays.includes(weekday)) return;
    if (!isWithinAvailability(problem, agent, day, shift.start, shift.end)) return;
    result.push(index);
  });
  return result;
}

/** Whether [start, end] (site minutes from the day's midnight) lies inside one of the agent's windows for that day. */
export function isWithinAvailability(problem: ScheduleProblem, agent: Agent, day: number, start: number, end: number): boolean {
  if (!agent.availability) return true;
  const weekday = weekdayOf(day, problem.startWeekday);
  const shiftToSite = agentToSiteOffsetMinutes(problem, agent, day);
  return agent.availability.some((window) => {
    if (window.weekday !== weekday) return false;
    // A window whose end is not after its start runs past midnight (22:00–06:00).
    const to = window.to > window.from ? window.to : window.to + MINUTES_PER_DAY;
    return start >= window.from - shiftToSite && end <= to - shiftToSite;
  });
}

/**
 * How many minutes the agent's clock is ahead of the site's on `day` (so agent-local 09:00 is site 09:00 minus this).
 * Needs a calendar: without a start date or without both zones the agent is taken to keep site time.
 */
function agentToSiteOffsetMinutes(problem: ScheduleProblem, agent: Agent, day: number): number {
  if (!problem.startDate || !problem.timeZone || !agent.timeZone || agent.timeZone === problem.timeZone) return 0;
  const siteNoon = DateTime.fromISO(`${addDays(problem.startDate, day)}T12:00`, { zone: problem.timeZone });
  const agentOffset = siteNoon.setZone(agent.timeZone).offset;
  if (!siteNoon.isValid || !Number.isFinite(agentOffset)) return 0;
  return agentOffset - siteNoon.offset;
}
