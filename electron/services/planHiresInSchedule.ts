/**
 * The linked capacity plan's new hires in a schedule week. A hire whose class has not started by that week is not
 * on the team yet; in ramp week k (0-based) they carry the ramp curve's load[k] — the Schedule's coverage counts
 * them at that share, and a 0% week is training (no shifts). After the ramp they are ordinary agents. This is the
 * same load the plan's effective FTE uses, so the plan and the schedule's coverage agree.
 */
import type { Database } from 'better-sqlite3';
import type { ScheduleAgent } from '../../shared/api/channels/schedule';
import { dayNumberOf } from '../../shared/engine/forecast/calendar';
import { planHires } from '../../db/repositories/plans';

type HireWeek = { employed: false } | { employed: true; ramp?: NonNullable<ScheduleAgent['ramp']> };

export function hiresInWeek(db: Database, weekStart: string): Map<number, HireWeek> {
  const week = dayNumberOf(weekStart);
  const result = new Map<number, HireWeek>();
  for (const hire of planHires(db)) {
    const k = Math.floor((week - dayNumberOf(hire.startWeek)) / 7);
    if (k < 0) result.set(hire.agentId, { employed: false });
    else if (k < hire.ramp.length) {
      const step = hire.ramp[k];
      result.set(hire.agentId, { employed: true, ramp: { load: step.load, rampWeek: k + 1, rampWeeks: hire.ramp.length, classLabel: hire.classLabel, focus: step.focus } });
    } else result.set(hire.agentId, { employed: true });
  }
  return result;
}

/** The agents of a schedule week: hires not started yet are left out; hires in ramp carry their load. */
export function withHireStatus<A extends { id: number }>(agents: A[], hires: Map<number, HireWeek>): (A & { ramp?: ScheduleAgent['ramp'] })[] {
  return agents.flatMap((agent) => {
    const hire = hires.get(agent.id);
    if (!hire) return [agent];
    if (!hire.employed) return [];
    return [hire.ramp ? { ...agent, ramp: hire.ramp } : agent];
  });
}

/** Agents the solver may give shifts to: training weeks (load 0) are not available staff. */
export const availableForShifts = (agent: { ramp?: ScheduleAgent['ramp'] }) => agent.ramp === undefined || agent.ramp.load > 0;
