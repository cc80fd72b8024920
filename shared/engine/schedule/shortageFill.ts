/**
 * After rostering: agents with a free day and room in their contract take a shift where the schedule is still short.
 *
 * The roster engine may hand back fewer shifts than the design asked for, above all when it is stopped early (its
 * first roster is one quick descent) or runs out of time on a large week. Here each agent in turn, on each pass, may
 * add the one shift (a concrete start of a template, one of their skills, on a day they do not work) that lowers the
 * weighted under + over coverage the most, with their preference weights counted in, and only if their own rules
 * (contract, rest, consecutive days, weekends, availability) stay as broken as they were, i.e. not more. Each
 * addition strictly lowers the objective, so the passes end; they stop early when nothing was added.
 */
import { assignmentOf, type PlanningContext } from './context';
import { CoverageLedger } from './coverageLedger';
import type { ShiftAssignment } from './model';
import { preferencePenalty } from './preferences';
import { agentViolationCount } from './rules';

/** One added shift per agent per pass; a week has seven days, so seven passes can fill every free day. */
const MAX_PASSES = 7;
/** Candidates tried per agent (best coverage gain first) before the pass moves on to the next agent. */
const TRIES_PER_AGENT = 12;
const EPSILON = 1e-9;

export interface ShortageFill {
  shifts: ShiftAssignment[];
  added: number;
}

export function fillShortages(context: PlanningContext, free: readonly ShiftAssignment[], locked: readonly ShiftAssignment[]): ShortageFill {
  const { problem, skills } = context;
  const shifts = [...free];
  const ledger = new CoverageLedger(context, [...locked, ...shifts]);
  const byAgent = new Map<string, ShiftAssignment[]>(problem.agents.map((agent) => [agent.id, []]));
  for (const shift of [...locked, ...shifts]) byAgent.get(shift.agentId)?.push(shift);
  let added = 0;

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let addedThisPass = 0;
    problem.agents.forEach((agent, a) => {
      const own = byAgent.get(agent.id)!;
      const worked = new Set(own.map((shift) => shift.day));
      const candidates: { shift: ShiftAssignment; gain: number }[] = [];
      for (let day = 0; day < context.days; day++) {
        if (worked.has(day)) continue;
        for (const k of context.eligible[a][day]) {
          for (let s = 0; s < skills.length; s++) {
            if (!context.serves(a, k, s)) continue;
            const shift = assignmentOf(context, a, day, k, s);
            const gain = -ledger.costOfAdding(shift);
            if (gain > EPSILON) candidates.push({ shift, gain });
          }
        }
      }
      if (candidates.length === 0) return;
      candidates.sort((x, y) => y.gain - x.gain);
      const oneAgent = { ...problem, agents: [agent] };
      const brokenBefore = agentViolationCount(problem, agent.id, own);
      const preferenceBefore = preferencePenalty(oneAgent, own);
      for (const { shift, gain } of candidates.slice(0, TRIES_PER_AGENT)) {
        const trial = [...own, shift];
        if (gain - (preferencePenalty(oneAgent, trial) - preferenceBefore) <= EPSILON) continue;
        if (agentViolationCount(problem, agent.id, trial) > brokenBefore) continue;
        own.push(shift);
        shifts.push(shift);
        ledger.add(shift, 1);
        addedThisPass++;
        return;
      }
    });
    added += addedThisPass;
    if (addedThisPass === 0) break;
  }
  return { shifts, added };
}
