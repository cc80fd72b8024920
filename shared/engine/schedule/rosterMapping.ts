/**
 * Stage 2, rostering: who works which designed shift, as a Curtois & Qu rostering problem for the roster engine.
 *
 * Shift types are (template, skill) pairs, not concrete start times: a template's starts share their paid minutes,
 * so every contract rule reads the same, and the roster stays small (4 templates × 3 skills instead of dozens of
 * starts). Cover per day and type is the design's count summed over the template's starts. After rostering, each
 * agent on a type gets one of the designed starts that day (assignStarts).
 *
 * - Skills: a type the agent lacks the skill for has maxShifts 0.
 * - Days off and unavailability: a day with no type the agent may work is a day off; a type the agent may not work
 *   on one particular day (availability windows, template weekdays) is an off-request with a prohibitive weight.
 * - Rest: type B cannot follow type A when B's template says so or when some start of A and some start of B the next
 *   day leave less than the minimum rest (checked against the extreme starts, so any start pairing is legal).
 * - Contracts: weekly minutes and shift limits scale to the horizon; the weekly shift cap becomes a minutes cap at the
 *   longest template's paid length (exact when templates are equally long; rules.ts reports any excess).
 * - Preferences: see preferenceRequests.
 * - Fairness: each late, night and split type gets a per-agent cap of its average per eligible agent plus one, and
 *   weekends the same, so these shifts cannot pile up on a few agents.
 * - Locked shifts: each gets a type of its own with no cover, fixed on its agent's day, and capped at one shift for
 *   that agent and none for anyone else, so the lock is a fixed assignment inside the model and nothing more.
 */
import type { CoverRequirement, RosterEmployee, RosterProblem, ShiftRequest, ShiftType } from '../roster/types';
import { assignmentOf, type PlanningContext } from './context';
import type { Agent, ShiftAssignment, ShiftTemplate } from './model';
import type { DesignedShifts } from './shiftDesign';
import { agentSupply, weekendsOf, type LockedWork } from './supply';
import { MINUTES_PER_DAY, weekdayOf, weeksIn } from './time';

export type RosterTypeMeaning =
  | { kind: 'template'; template: ShiftTemplate; skill: number }
  | { kind: 'locked'; locked: ShiftAssignment };

export interface RosterMapping {
  problem: RosterProblem;
  meanings: Map<string, RosterTypeMeaning>;
}

/** Categories whose shifts are spread evenly across agents. */
const SPREAD_CATEGORIES = new Set(['late', 'night', 'split']);
/** How far above the even share an agent's lates, splits or weekends may go. */
const FAIRNESS_SLACK = 1;

export function buildRosterProblem(context: PlanningContext, designed: DesignedShifts[], lockedWork: LockedWork): RosterMapping {
  const { problem } = context;
  const templateTypes = usedTemplateTypes(context, designed);
  const lockedTypes = problem.locked.map((locked, n) => ({ id: `locked#${n + 1}`, locked }));
  const meanings = new Map<string, RosterTypeMeaning>([
    ...templateTypes.map((t) => [t.id, { kind: 'template', template: t.template, skill: t.skill }] as const),
    ...lockedTypes.map((t) => [t.id, { kind: 'locked', locked: t.locked }] as const),
  ]);

  const timings = new Map<string, TypeTiming>([
    ...templateTypes.map((t) => [t.id, templateTiming(t.template)] as const),
    ...lockedTypes.map((t) => [t.id, lockedTiming(t.locked, problem.templates)] as const),
  ]);
  const shiftTypes: ShiftType[] = [...meanings.keys()].map((id) => ({
    id,
    minutes: timings.get(id)!.paidMinutes,
    cannotFollow: [...meanings.keys()].filter((next) => cannotFollow(timings.get(id)!, timings.get(next)!, problem.rules.minRestMinutes)),
  }));

  const cover = coverFromDesign(context, designed, templateTypes);
  const eligibleTypes = problem.agents.map((_, a) => eligibleTypesByDay(context, a, templateTypes));
  const hardWeight = 10 * Math.max(1, ...cover.map((c) => c.underWeight)) + 1;
  const offRequests: ShiftRequest[] = [];
  const onRequests: ShiftRequest[] = [];
  const employees = problem.agents.map((agent, a) => {
    const servesType = templateTypes.map((t) => context.shifts.some((_, k) => context.shifts[k].template.id === t.template.id && context.serves(a, k, t.skill)));
    for (let day = 0; day < context.days; day++) {
      if (eligibleTypes[a][day].size === 0) continue;
      templateTypes.forEach((type, i) => {
        if (servesType[i] && !eligibleTypes[a][day].has(i)) offRequests.push({ employee: agent.id, day, shift: type.id, weight: hardWeight });
      });
    }
    const requests = preferenceRequests(context, agent, templateTypes, eligibleTypes[a], cover);
    onRequests.push(...requests.on);
    offRequests.push(...requests.off);
    return rosterEmployee(context, a, templateTypes, servesType, eligibleTypes[a], lockedWork, lockedTypes);
  });
  applyFairnessCaps(context, employees, templateTypes, cover, eligibleTypes);

  return {
    problem: {
      days: context.days,
      startWeekday: problem.startWeekday,
      shiftTypes,
      employees,
      shiftOnRequests: onRequests,
      shiftOffRequests: offRequests,
      cover,
    },
    meanings,
  };
}

interface TemplateType {
  id: string;
  template: ShiftTemplate;
  skill: number;
}

/** (template, skill) pairs the design uses, in a stable order. */
function usedTemplateTypes(context: PlanningContext, designed: DesignedShifts[]): TemplateType[] {
  const seen = new Map<string, TemplateType>();
  for (const d of designed) {
    const template = context.shifts[d.shift].template;
    const id = `${template.id}#${context.skills[d.skill]}`;
    if (!seen.has(id)) seen.set(id, { id, template, skill: d.skill });
  }
  return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** What rest rules need to know of a type: its earliest start, latest end and template. */
interface TypeTiming {
  templateId: string | null;
  cannotFollowTemplates: string[];
  earliestStart: number;
  latestEnd: number;
  paidMinutes: number;
}

function templateTiming(template: ShiftTemplate): TypeTiming {
  const span = template.segments[template.segments.length - 1];
  const unpaid = template.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.lengthMinutes, 0);
  return {
    templateId: template.id,
    cannotFollowTemplates: template.cannotFollow,
    earliestStart: template.earliestStart,
    latestEnd: template.latestStart + span.offsetMinutes + span.lengthMinutes,
    paidMinutes: template.segments.reduce((sum, s) => sum + s.lengthMinutes, 0) - unpaid,
  };
}

/** A locked shift keeps its template's "cannot follow" rules, which rules.ts checks by template id too. */
function lockedTiming(locked: ShiftAssignment, templates: ShiftTemplate[] = []): TypeTiming {
  const worked = locked.segments.reduce((sum, s) => sum + s.end - s.start, 0);
  const unpaid = locked.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.end - b.start, 0);
  const template = templates.find((t) => t.id === locked.templateId);
  return {
    templateId: template?.id ?? null,
    cannotFollowTemplates: template?.cannotFollow ?? [],
    earliestStart: locked.start,
    latestEnd: locked.end,
    paidMinutes: worked - unpaid,
  };
}

/** Whether `next` may not be worked the day after `previous`. */
function cannotFollow(previous: TypeTiming, next: TypeTiming, minRest: number): boolean {
  if (previous.templateId !== null && next.cannotFollowTemplates.includes(previous.templateId)) return true;
  return MINUTES_PER_DAY + next.earliestStart - previous.latestEnd < minRest;
}

function coverFromDesign(context: PlanningContext, designed: DesignedShifts[], types: TemplateType[]): CoverRequirement[] {
  const { weights } = context.problem;
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const counts = Array.from({ length: context.days }, () => types.map(() => 0));
  for (const d of designed) {
    counts[d.day][typeIndex.get(`${context.shifts[d.shift].template.id}#${context.skills[d.skill]}`)!] += d.count;
  }
  const cover: CoverRequirement[] = [];
  counts.forEach((byType, day) =>
    byType.forEach((requirement, i) => {
      const hours = templateTiming(types[i].template).paidMinutes / 60;
      cover.push({
        day,
        shift: types[i].id,
        requirement,
        underWeight: Math.max(1, Math.round(weights.underPerAgentHour * hours)),
        overWeight: Math.round(weights.overPerAgentHour * hours),
      });
    }),
  );
  return cover;
}

/** eligible[day]: indices of the template types the agent may work that day (a start within availability). */
function eligibleTypesByDay(context: PlanningContext, agent: number, types: TemplateType[]): Set<number>[] {
  return context.eligible[agent].map((shiftIndices) => {
    const allowed = new Set<number>();
    types.forEach((type, i) => {
      if (shiftIndices.some((k) => context.shifts[k].template.id === type.template.id && context.serves(agent, k, type.skill))) allowed.add(i);
    });
    return allowed;
  });
}

function rosterEmployee(
  context: PlanningContext,
  agentIndex: number,
  types: TemplateType[],
  servesType: boolean[],
  eligible: Set<number>[],
  lockedWork: LockedWork,
  lockedTypes: { id: string; locked: ShiftAssignment }[],
): RosterEmployee {
  const agent = context.problem.agents[agentIndex];
  const { contract } = agent;
  const calendarWeeks = weeksIn(context.days);
  const supply = agentSupply(context, agentIndex, lockedWork);
  const locked = lockedTypes.filter((t) => t.locked.agentId === agent.id);
  const lockedMinutes = locked.reduce((sum, t) => sum + lockedTiming(t.locked).paidMinutes, 0);
  const longestPaid = Math.max(0, ...types.filter((_, i) => servesType[i]).map((t) => templateTiming(t.template).paidMinutes));
  const maxMinutes = Math.floor(Math.min(contract.maxMinutesPerWeek, contract.maxShiftsPerWeek * longestPaid) * calendarWeeks);
  // A contract minimum the agent cannot reach (leave, few available days) would make every roster illegal.
  const reachable = supply.maxShifts * longestPaid + lockedMinutes;
  return {
    id: agent.id,
    maxShifts: Object.fromEntries([
      ...types.map((t, i) => [t.id, servesType[i] ? contract.maxShiftsPerWeek * calendarWeeks : 0] as const),
      // A locked type is its own agent's fixed cell and nobody else's: uncapped, the roster handed it to other agents
      // to fill their contract minutes, and those shifts (having no template) vanished when the roster became shifts.
      ...lockedTypes.map((t) => [t.id, t.locked.agentId === agent.id ? 1 : 0] as const),
    ]),
    maxTotalMinutes: Math.max(maxMinutes, lockedMinutes),
    // The weekly minimum is prorated for a partial week, unlike the maxima: a short horizon must not force full hours.
    minTotalMinutes: Math.floor(Math.min((contract.minMinutesPerWeek * context.days) / 7, reachable, maxMinutes)),
    maxConsecutiveShifts: contract.maxConsecutiveWorkingDays,
    minConsecutiveShifts: contract.minConsecutiveWorkingDays,
    minConsecutiveDaysOff: contract.minConsecutiveDaysOff,
    maxWeekends: contract.maxWeekendsPerPeriod,
    daysOff: eligible.map((allowed, day) => (allowed.size === 0 && !locked.some((t) => t.locked.day === day) ? day : -1)).filter((day) => day >= 0),
    fixed: locked.map((t) => ({ day: t.locked.day, shift: t.id })),
  };
}

/**
 * Preferences as requests, weighted as the agent gave them:
 * - avoid a template (on a day, a weekday or always): an off-request on each of its types those days;
 * - prefer a template: off-requests on the other templates' types, i.e. "if I work that day, this one";
 * - avoid a day: off-requests on every type that day;
 * - prefer a day: an on-request for the type with the largest cover that day among those the agent may work
 *   (Curtois requests name one shift, so "work any shift that day" can only be approximated).
 */
function preferenceRequests(
  context: PlanningContext,
  agent: Agent,
  types: TemplateType[],
  eligible: Set<number>[],
  cover: CoverRequirement[],
): { on: ShiftRequest[]; off: ShiftRequest[] } {
  const on: ShiftRequest[] = [];
  const off: ShiftRequest[] = [];
  for (const preference of agent.preferences) {
    if (preference.weight <= 0) continue;
    for (let day = 0; day < context.days; day++) {
      if (preference.day !== undefined && preference.day !== day) continue;
      if (preference.weekday !== undefined && preference.weekday !== weekdayOf(day, context.problem.startWeekday)) continue;
      const allowed = [...eligible[day]];
      const request = (i: number) => ({ employee: agent.id, day, shift: types[i].id, weight: preference.weight });
      if (preference.templateId !== undefined) {
        const matches = (i: number) => types[i].template.id === preference.templateId;
        off.push(...allowed.filter((i) => (preference.kind === 'avoid' ? matches(i) : !matches(i))).map(request));
      } else if (preference.kind === 'avoid') {
        off.push(...allowed.map(request));
      } else if (allowed.length > 0) {
        const demand = (i: number) => cover.find((c) => c.day === day && c.shift === types[i].id)?.requirement ?? 0;
        on.push(request(allowed.reduce((best, i) => (demand(i) > demand(best) ? i : best))));
      }
    }
  }
  return { on, off };
}

/** Per-agent caps of one more than the even share on late, night and split types, and on weekends. */
function applyFairnessCaps(
  context: PlanningContext,
  employees: RosterEmployee[],
  types: TemplateType[],
  cover: CoverRequirement[],
  eligible: Set<number>[][],
): void {
  types.forEach((type, i) => {
    if (!SPREAD_CATEGORIES.has(type.template.category)) return;
    const total = cover.filter((c) => c.shift === type.id).reduce((sum, c) => sum + c.requirement, 0);
    const takers = employees.filter((_, a) => eligible[a].some((allowed) => allowed.has(i)));
    if (takers.length === 0) return;
    const cap = Math.ceil(total / takers.length) + FAIRNESS_SLACK;
    for (const employee of takers) employee.maxShifts[type.id] = Math.min(employee.maxShifts[type.id], cap);
  });

  const weekends = weekendsOf(context);
  const agentWeekends = weekends.reduce(
    (sum, days) => sum + Math.max(0, ...days.map((day) => cover.filter((c) => c.day === day).reduce((s, c) => s + c.requirement, 0))),
    0,
  );
  const weekendTakers = employees.filter((_, a) => weekends.some((days) => days.some((day) => eligible[a][day].size > 0)));
  if (weekendTakers.length === 0) return;
  const cap = Math.ceil(agentWeekends / weekendTakers.length) + FAIRNESS_SLACK;
  for (const employee of weekendTakers) employee.maxWeekends = Math.min(employee.maxWeekends, cap);
}

/**
 * Turns the roster into shifts (locked shifts aside: the caller keeps them as they are). On a template type, the
 * day's agents share the designed starts of that template and skill, the agent with the fewest possible starts
 * choosing first. An agent whose possible starts are all taken (the roster staffed the type above the design) gets
 * the possible start the design uses most.
 */
export function assignStarts(
  context: PlanningContext,
  mapping: RosterMapping,
  designed: DesignedShifts[],
  rosterAssignment: (string | null)[][],
): ShiftAssignment[] {
  const result: ShiftAssignment[] = [];
  const groups = new Map<string, { agent: number; day: number; meaning: Extract<RosterTypeMeaning, { kind: 'template' }> }[]>();
  rosterAssignment.forEach((row, agent) =>
    row.forEach((typeId, day) => {
      if (typeId === null) return;
      const meaning = mapping.meanings.get(typeId);
      if (meaning?.kind !== 'template') return;
      const key = `${day}|${typeId}`;
      groups.set(key, [...(groups.get(key) ?? []), { agent, day, meaning }]);
    }),
  );

  for (const members of groups.values()) {
    const { day, meaning } = members[0];
    const remaining = new Map<number, number>();
    for (const d of designed) {
      if (d.day === day && d.skill === meaning.skill && context.shifts[d.shift].template.id === meaning.template.id) remaining.set(d.shift, d.count);
    }
    const designedCount = new Map(remaining);
    const options = members.map((m) => ({
      ...m,
      starts: context.eligible[m.agent][day].filter((k) => context.shifts[k].template.id === meaning.template.id && context.serves(m.agent, k, meaning.skill)),
    }));
    options.sort((a, b) => a.starts.length - b.starts.length);
    for (const { agent, starts } of options) {
      if (starts.length === 0) continue;
      const open = starts.filter((k) => (remaining.get(k) ?? 0) > 0);
      const pool = open.length > 0 ? open : starts;
      const count = (k: number) => (open.length > 0 ? remaining.get(k)! : designedCount.get(k) ?? 0);
      const chosen = pool.reduce((best, k) => (count(k) > count(best) ? k : best));
      remaining.set(chosen, (remaining.get(chosen) ?? 0) - 1);
      result.push(assignmentOf(context, agent, day, chosen, meaning.skill));
    }
  }
  return result.sort((a, b) => a.day - b.day || a.start - b.start || a.agentId.localeCompare(b.agentId));
}
