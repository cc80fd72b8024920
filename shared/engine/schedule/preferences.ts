/**
 * What a schedule costs in agents' preferences and how evenly it spreads the unpopular work, measured on the final
 * shifts (so it also holds after the planner edits them).
 */
import type { ScheduleProblem, ShiftAssignment } from './model';
import { isWeekendDay, weekdayOf } from './time';

/**
 * Σ weight of preferences not met, day by day: an avoided template or day worked, a preferred template not the one
 * worked (when working), a preferred day not worked.
 */
export function preferencePenalty(problem: ScheduleProblem, assignments: readonly ShiftAssignment[]): number {
  const worked = new Map<string, ShiftAssignment[]>();
  for (const a of assignments) {
    const key = `${a.agentId}|${a.day}`;
    worked.set(key, [...(worked.get(key) ?? []), a]);
  }
  let penalty = 0;
  for (const agent of problem.agents) {
    for (const preference of agent.preferences) {
      for (let day = 0; day < problem.requirements.days; day++) {
        if (preference.day !== undefined && preference.day !== day) continue;
        if (preference.weekday !== undefined && preference.weekday !== weekdayOf(day, problem.startWeekday)) continue;
        const shifts = worked.get(`${agent.id}|${day}`) ?? [];
        const worksTemplate = shifts.some((s) => s.templateId === preference.templateId);
        const missed =
          preference.templateId !== undefined
            ? preference.kind === 'avoid'
              ? worksTemplate
              : shifts.length > 0 && !worksTemplate
            : preference.kind === 'avoid'
              ? shifts.length > 0
              : shifts.length === 0;
        if (missed) penalty += preference.weight;
      }
    }
  }
  return penalty;
}

export interface Spread {
  /** Fewest and most per agent, over agents who could work them at all (all agents here). */
  min: number;
  max: number;
}

export interface FairnessReport {
  weekends: Spread;
  lates: Spread;
  splits: Spread;
}

/** Per-agent counts of weekends worked, late (and night) shifts and split shifts: the spread the planner sees. */
export function fairnessReport(problem: ScheduleProblem, assignments: readonly ShiftAssignment[]): FairnessReport {
  const categories = new Map(problem.templates.map((t) => [t.id, t.category]));
  const counts = new Map(problem.agents.map((a) => [a.id, { weekends: new Set<number>(), lates: 0, splits: 0 }]));
  for (const a of assignments) {
    const agent = counts.get(a.agentId);
    if (!agent) continue;
    const category = a.templateId === undefined ? undefined : categories.get(a.templateId);
    if (category === 'late' || category === 'night') agent.lates++;
    if (category === 'split') agent.splits++;
    if (isWeekendDay(a.day, problem.startWeekday)) agent.weekends.add(Math.floor((a.day + problem.startWeekday) / 7));
  }
  const spread = (values: number[]): Spread => ({ min: Math.min(...values), max: Math.max(...values) });
  const all = [...counts.values()];
  return {
    weekends: spread(all.map((c) => c.weekends.size)),
    lates: spread(all.map((c) => c.lates)),
    splits: spread(all.map((c) => c.splits)),
  };
}
