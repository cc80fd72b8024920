/**
 * Running coverage of a schedule being improved shift by shift (breaks not placed yet): what each skill has per
 * interval, and how much adding or removing one shift would change the weighted cost
 *   underWeight × Σ max(0, required − scheduled) + overWeight × Σ max(0, scheduled − required)   (per interval).
 * Shared by the post-rostering passes (idleTime.ts, shortageFill.ts) so they score moves the same way.
 */
import type { PlanningContext } from './context';
import type { LoadedAssignment } from './coverage';
import { forEachIntervalOverlap } from './intervalGrid';
import { MINUTES_PER_DAY } from './time';
import type { ShiftAssignment } from './model';

type Presence = { intervals: Int32Array; fractions: Float64Array };

export class CoverageLedger {
  private readonly presence: Float64Array[];

  constructor(
    private readonly context: PlanningContext,
    shifts: readonly ShiftAssignment[],
  ) {
    this.presence = context.skills.map(() => new Float64Array(context.grid.intervalCount));
    shifts.forEach((shift) => this.add(shift, 1));
  }

  add(shift: ShiftAssignment, sign: 1 | -1): void {
    const s = this.context.skills.indexOf(shift.skill);
    if (s < 0) return;
    const { intervals, fractions } = this.presenceOf(shift);
    intervals.forEach((t, i) => (this.presence[s][t] += sign * fractions[i]));
  }

  /** Change in the weighted under + over cost if `shift` were added to the schedule as it stands. */
  costOfAdding(shift: ShiftAssignment): number {
    const s = this.context.skills.indexOf(shift.skill);
    if (s < 0) return Infinity;
    const { underPerAgentHour, overPerAgentHour } = this.context.problem.weights;
    const penalty = (gap: number) => underPerAgentHour * Math.max(0, gap) + overPerAgentHour * Math.max(0, -gap);
    const { intervals, fractions } = this.presenceOf(shift);
    let delta = 0;
    intervals.forEach((t, i) => {
      const gap = this.context.required[s][t] - this.presence[s][t];
      delta += penalty(gap - fractions[i]) - penalty(gap);
    });
    return delta;
  }

  /** The intervals a shift works in and the share of each it works (sparse: a shift touches a few dozen). */
  private presenceOf(shift: ShiftAssignment): Presence {
    const { grid } = this.context;
    const shares = new Map<number, number>();
    const dayStart = shift.day * MINUTES_PER_DAY;
    const load = (shift as LoadedAssignment).load ?? 1;
    const count = (from: number, to: number, sign: number) =>
      forEachIntervalOverlap(grid, dayStart + from, dayStart + to, (t, fraction) => shares.set(t, (shares.get(t) ?? 0) + sign * fraction * load));
    for (const span of shift.segments) count(span.start, span.end, 1);
    for (const pause of shift.breaks) count(pause.start, pause.end, -1);
    return { intervals: Int32Array.from(shares.keys()), fractions: Float64Array.from(shares.values()) };
  }
}
