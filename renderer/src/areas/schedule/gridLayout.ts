/** What the grid shows: the hours of the day, and rule problems placed on shifts and agents. */
import type { ShiftTemplateInput } from '../../../../shared/engine/schedule/model';
import type { RuleViolation } from '../../../../shared/engine/schedule/rules';
import type { TimeWindow } from './ScheduleGrid';

/** The part of the day the grid shows: every template's and shift's hours, on whole hours. */
export function timeWindow(templates: ShiftTemplateInput[], shifts: { start: number; end: number }[]): TimeWindow {
  let from = 24 * 60;
  let to = 0;
  for (const t of templates) {
    const minutes = (v: string | number) => (typeof v === 'number' ? v : Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));
    const last = t.segments[t.segments.length - 1];
    from = Math.min(from, minutes(t.earliestStart));
    to = Math.max(to, minutes(t.latestStart) + last.offsetMinutes + last.lengthMinutes);
  }
  for (const s of shifts) {
    from = Math.min(from, s.start);
    to = Math.max(to, s.end);
  }
  if (to <= from) return { from: 0, to: 24 * 60 };
  return { from: Math.max(0, Math.floor(from / 60) * 60 - 60), to: Math.min(48 * 60, Math.ceil(to / 60) * 60 + 60) };
}

/** Rule messages on the shifts of the days they involve; rules with no shift on those days go on the agent. */
export function issuesOf(violations: RuleViolation[], shifts: { id: number; agentId: number; day: number }[]) {
  const shiftIssues = new Map<number, string[]>();
  const agentIssues = new Map<number, string[]>();
  for (const v of violations) {
    const agentId = Number(v.agentId);
    const onDays = shifts.filter((x) => x.agentId === agentId && v.days.includes(x.day));
    if (onDays.length === 0) agentIssues.set(agentId, [...(agentIssues.get(agentId) ?? []), v.message]);
    for (const x of onDays) shiftIssues.set(x.id, [...(shiftIssues.get(x.id) ?? []), v.message]);
    if (onDays.length > 0) agentIssues.set(agentId, [...(agentIssues.get(agentId) ?? []), v.message]);
  }
  return { shiftIssues, agentIssues };
}
