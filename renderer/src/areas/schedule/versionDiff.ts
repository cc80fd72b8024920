/**
 * Two versions of a week side by side: which shifts were added, removed or moved, and what that did to coverage.
 * Shifts are matched by agent and day (an agent works at most one shift a day); a matched pair whose times, spans
 * or skill differ is "moved". Coverage is compared against the same requirements (the newer version's).
 */
import type { ScheduleShift } from '../../../../shared/api/channels/schedule';
import { toAssignment } from '../../../../shared/api/channels/schedule';
import { computeCoverage, type CoverageRequirements } from '../../../../shared/engine/schedule/coverage';

export interface ShiftChange {
  agentId: number;
  day: number;
  before?: ScheduleShift;
  after?: ScheduleShift;
}

export interface VersionDiff {
  added: ShiftChange[];
  removed: ShiftChange[];
  moved: ShiftChange[];
  unchanged: number;
  /** Agent-hours short and over in each version, and after − before. */
  underHours: { before: number; after: number; delta: number };
  overHours: { before: number; after: number; delta: number };
}

const key = (s: Pick<ScheduleShift, 'agentId' | 'day'>) => `${s.agentId}|${s.day}`;
const sameShift = (a: ScheduleShift, b: ScheduleShift) =>
  a.start === b.start && a.end === b.end && a.skill === b.skill && JSON.stringify(a.segments) === JSON.stringify(b.segments);

export function diffVersions(before: readonly ScheduleShift[], after: readonly ScheduleShift[], requirements: CoverageRequirements): VersionDiff {
  const old = new Map(before.map((s) => [key(s), s]));
  const now = new Map(after.map((s) => [key(s), s]));
  const added: ShiftChange[] = [];
  const moved: ShiftChange[] = [];
  let unchanged = 0;
  for (const [k, s] of now) {
    const was = old.get(k);
    if (!was) added.push({ agentId: s.agentId, day: s.day, after: s });
    else if (!sameShift(was, s)) moved.push({ agentId: s.agentId, day: s.day, before: was, after: s });
    else unchanged++;
  }
  const removed = [...old.entries()].filter(([k]) => !now.has(k)).map(([, s]) => ({ agentId: s.agentId, day: s.day, before: s }));
  const coverBefore = computeCoverage(requirements, before.map(toAssignment));
  const coverAfter = computeCoverage(requirements, after.map(toAssignment));
  const order = (a: ShiftChange, b: ShiftChange) => a.day - b.day || a.agentId - b.agentId;
  return {
    added: added.sort(order),
    removed: removed.sort(order),
    moved: moved.sort(order),
    unchanged,
    underHours: { before: coverBefore.underHours, after: coverAfter.underHours, delta: coverAfter.underHours - coverBefore.underHours },
    overHours: { before: coverBefore.overHours, after: coverAfter.overHours, delta: coverAfter.overHours - coverBefore.overHours },
  };
}
