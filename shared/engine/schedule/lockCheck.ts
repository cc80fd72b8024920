/**
 * Before a re-solve: do the locked shifts themselves make a contract rule impossible? Locks are fixed assignments
 * inside the rostering model, so the solver keeps every rule around them whenever some week can; when none can, the
 * planner is told which lock and which rule before anything is solved, instead of finding the breach afterwards.
 *
 * Two kinds of conflict:
 * - rules the locks break on their own (a lock on a day off, two locks with too little rest, locks over the weekly
 *   maximum…): more shifts can only make these worse, so checkScheduleRules on the locks alone finds them;
 * - rules no week around the locks can keep (the weekly minimum when the locks sit on the days the agent would
 *   need, a lone day off forced between two locks…): the agent's own rostering problem, with the locks as fixed
 *   cells and no cover, has no roster at all; the rules the least broken roster gives up are named.
 */
import { cheapestRosters } from '../roster/employeeDp';
import { evaluateCells } from '../roster/evaluate';
import { indexProblem } from '../roster/indexedProblem';
import { leastBrokenRoster } from '../roster/leastBrokenRoster';
import type { HardRule } from '../roster/types';
import { buildContext, type PlanningContext } from './context';
import type { ScheduleProblem, ShiftAssignment } from './model';
import { buildRosterProblem } from './rosterMapping';
import { checkScheduleRules, paidMinutes, type ScheduleRule } from './rules';
import type { DesignedShifts } from './shiftDesign';
import type { LockedWork } from './supply';
import { dayLabel, formatClock } from './time';

export interface LockConflict {
  agentId: string;
  /** The rule that cannot be kept, in the words of rules.ts. */
  rule: ScheduleRule;
  /** The locked shifts involved, as 'Tuesday (day 2) 08:00–16:00'. */
  locks: string[];
  message: string;
}

/** Rules that adding shifts can only make worse: if the locks alone break one, every schedule does. */
const MONOTONE_RULES = new Set<ScheduleRule>([
  'unknown-agent', 'skill', 'day-off', 'availability', 'one-shift-per-day', 'min-rest', 'cannot-follow',
  'max-shifts-per-week', 'max-minutes-per-week', 'max-consecutive-days', 'max-weekends',
]);

/** The roster engine's rule names in the schedule's words (only the ones a lone agent's roster can break). */
const ROSTER_RULES: Partial<Record<HardRule, ScheduleRule>> = {
  'min-total-minutes': 'min-minutes-per-week',
  'min-consecutive-shifts': 'min-consecutive-days',
  'min-consecutive-days-off': 'min-days-off',
  'max-consecutive-shifts': 'max-consecutive-days',
  'max-total-minutes': 'max-minutes-per-week',
  'max-weekends': 'max-weekends',
  'max-shifts': 'max-shifts-per-week',
  'cannot-follow': 'cannot-follow',
  'day-off': 'day-off',
};

const RULE_WORDS: Record<ScheduleRule, string> = {
  'unknown-agent': 'agents of this schedule',
  skill: 'skills',
  'day-off': 'days off',
  availability: 'availability',
  'one-shift-per-day': 'one shift a day',
  'min-rest': 'minimum rest between shifts',
  'cannot-follow': 'shifts that cannot follow each other',
  'max-shifts-per-week': 'most shifts a week',
  'max-minutes-per-week': 'most hours a week',
  'min-minutes-per-week': 'the weekly minimum hours',
  'max-consecutive-days': 'most days in a row',
  'min-consecutive-days': 'fewest days in a row',
  'min-days-off': 'fewest days off in a row',
  'max-weekends': 'most weekends',
};

export function lockConflicts(problem: ScheduleProblem): LockConflict[] {
  if (problem.locked.length === 0) return [];
  const names = new Map(problem.agents.map((a) => [a.id, a.name]));
  const describe = (shift: ShiftAssignment) => `${dayLabel(shift.day, problem.startWeekday)} ${formatClock(shift.start)}–${formatClock(shift.end)}`;
  const locksOf = (agentId: string, days?: number[]) =>
    problem.locked.filter((l) => l.agentId === agentId && (days === undefined || days.includes(l.day))).map(describe);

  const conflicts: LockConflict[] = checkScheduleRules(problem, problem.locked)
    .filter((v) => MONOTONE_RULES.has(v.rule))
    .map((v) => ({ agentId: v.agentId, rule: v.rule, locks: locksOf(v.agentId, v.days), message: `The locks break “${RULE_WORDS[v.rule]}”: ${v.message}` }));

  const alreadyNamed = new Set(conflicts.map((c) => c.agentId));
  const context = buildContext(problem);
  const everyType = allTemplateTypes(context);
  const lockedWork = lockedWorkOf(problem.locked);
  const { problem: roster } = buildRosterProblem(context, everyType, lockedWork);
  for (const employee of roster.employees) {
    if (alreadyNamed.has(employee.id) || !(employee.fixed ?? []).length) continue;
    const alone = indexProblem({ ...roster, employees: [employee], shiftOnRequests: [], shiftOffRequests: [], cover: [] });
    const free = Array.from({ length: alone.dayCount }, () => new Array<number>(alone.shiftCount).fill(0));
    if (cheapestRosters(alone, 0, free).length > 0) continue;
    const row = leastBrokenRoster(alone, 0, free);
    const broken = new Set(evaluateCells(alone, [row]).hardViolations.flatMap((v) => ROSTER_RULES[v.rule] ?? []));
    const name = names.get(employee.id) ?? employee.id;
    for (const rule of broken) {
      conflicts.push({
        agentId: employee.id,
        rule,
        locks: locksOf(employee.id),
        message: `${name}’s locked shifts (${locksOf(employee.id).join('; ')}) leave no week that keeps “${RULE_WORDS[rule]}”`,
      });
    }
  }
  return conflicts;
}

/** Every (template, skill) pair as a designed shift of count 0, so the roster mapping makes every type. */
function allTemplateTypes(context: PlanningContext): DesignedShifts[] {
  return context.shifts.flatMap((_, shift) => context.skills.map((__, skill) => ({ day: 0, shift, skill, count: 0 })));
}

export function lockedWorkOf(locked: readonly ShiftAssignment[]): LockedWork {
  const work: LockedWork = new Map();
  for (const shift of locked) {
    const entry = work.get(shift.agentId) ?? { days: new Set<number>(), paidMinutes: 0 };
    entry.days.add(shift.day);
    entry.paidMinutes += paidMinutes(shift);
    work.set(shift.agentId, entry);
  }
  return work;
}
