/**
 * Break placement once shifts are fixed. Each break of each shift goes, one at a time, where taking the agent off the
 * floor costs least: the position that adds the least weighted under-coverage (or removes the most over-coverage),
 * then the one that leaves the largest margin over the requirement, then the one fewest breaks already start at.
 * Coverage is updated after every placement, so breaks spread over their windows instead of piling up.
 * Breaks with the least freedom (fewest positions) are placed first, so they still get a good slot.
 */
import { forEachIntervalOverlap, makeGrid, type IntervalGrid } from './intervalGrid';
import type { ScheduledBreak, ScheduleWeights, ShiftAssignment, ShiftTemplate } from './model';
import { addShiftPresence, type CoverageRequirements } from './coverage';
import { breakStartCandidates } from './shifts';
import { MINUTES_PER_DAY } from './time';

export interface BreakPlacementOptions {
  requirements: CoverageRequirements;
  templates: readonly ShiftTemplate[];
  weights: ScheduleWeights;
  stepMinutes: number;
}

interface BreakTask {
  assignment: number;
  rule: ShiftTemplate['breaks'][number];
  /** Candidate starts in minutes from the shift's day midnight. */
  candidates: number[];
}

/** Rounds of re-placing each break once all are placed; later rounds rarely find anything. */
const IMPROVEMENT_ROUNDS = 4;
const COST_TOLERANCE = 1e-9;

/** Returns the assignments with breaks placed on every shift that has none yet; shifts with breaks are kept as they are. */
export function placeBreaks(assignments: readonly ShiftAssignment[], options: BreakPlacementOptions): ShiftAssignment[] {
  const grid = makeGrid(options.requirements.intervalMinutes, options.requirements.days);
  const templates = new Map(options.templates.map((t) => [t.id, t]));
  const result = assignments.map((a) => ({ ...a, breaks: [...a.breaks] }));
  const floor = new StaffingFloor(grid, options);
  for (const assignment of result) addShiftPresence(grid, floor.curve(assignment.skill), assignment);

  const tasks: BreakTask[] = [];
  result.forEach((assignment, index) => {
    const template = assignment.templateId === undefined ? undefined : templates.get(assignment.templateId);
    if (!template || assignment.breaks.length > 0) return;
    for (const rule of template.breaks) {
      const candidates = breakStartCandidates(assignment.start, assignment.segments, rule, options.stepMinutes);
      if (candidates.length > 0) tasks.push({ assignment: index, rule, candidates });
    }
  });
  tasks.sort((a, b) => a.candidates.length - b.candidates.length || a.candidates[0] - b.candidates[0]);

  const placed = new Map<BreakTask, ScheduledBreak>();
  for (const task of tasks) {
    const start = floor.bestStart(result[task.assignment], task);
    if (start !== null) placed.set(task, floor.take(result[task.assignment], task.rule, start));
  }
  // One-break moves: lift each break and put it back where it now fits best, until nothing improves.
  for (let round = 0; round < IMPROVEMENT_ROUNDS; round++) {
    let moved = false;
    for (const [task, current] of placed) {
      const assignment = result[task.assignment];
      floor.give(assignment, current);
      const start = floor.bestStart(assignment, task) ?? current.start;
      if (start !== current.start) moved = true;
      placed.set(task, floor.take(assignment, task.rule, start));
    }
    if (!moved) break;
  }
  for (const assignment of result) assignment.breaks.sort((a, b) => a.start - b.start);
  return result;
}

/** Staffing per skill and interval while breaks are being placed, with the cost of taking an agent off the floor. */
class StaffingFloor {
  private readonly staffed = new Map<string, Float64Array>();
  private readonly required: Map<string, Float64Array>;
  private readonly breakStarts = new Map<string, number>();

  constructor(
    private readonly grid: IntervalGrid,
    private readonly options: BreakPlacementOptions,
  ) {
    this.required = new Map(options.requirements.series.map((s) => [s.skill, Float64Array.from(s.required)]));
  }

  curve(skill: string): Float64Array {
    let curve = this.staffed.get(skill);
    if (!curve) this.staffed.set(skill, (curve = new Float64Array(this.grid.intervalCount)));
    return curve;
  }

  /** The best start for the task's break on this shift, or null when every candidate overlaps another break. */
  bestStart(assignment: ShiftAssignment, task: BreakTask): number | null {
    const { underPerAgentHour, overPerAgentHour } = this.options.weights;
    const staffing = this.curve(assignment.skill);
    const demand = this.required.get(assignment.skill);
    const dayStart = assignment.day * MINUTES_PER_DAY;
    let best: Placement | null = null;
    for (const start of task.candidates) {
      const end = start + task.rule.lengthMinutes;
      if (assignment.breaks.some((b) => b.start < end && start < b.end)) continue;
      let cost = 0;
      let margin = Infinity;
      forEachIntervalOverlap(this.grid, dayStart + start, dayStart + end, (t, fraction) => {
        const need = demand ? demand[t] : 0;
        const before = staffing[t];
        const after = before - fraction;
        cost += underPerAgentHour * (Math.max(0, need - after) - Math.max(0, need - before));
        cost += overPerAgentHour * (Math.max(0, after - need) - Math.max(0, before - need));
        margin = Math.min(margin, after - need);
      });
      const crowd = this.breakStarts.get(`${assignment.skill}|${dayStart + start}`) ?? 0;
      const candidate = { start, cost, margin, crowd };
      if (!best || isBetter(candidate, best)) best = candidate;
    }
    return best ? best.start : null;
  }

  /** Puts the break on the shift and takes the agent off the floor for its length. */
  take(assignment: ShiftAssignment, rule: ShiftTemplate['breaks'][number], start: number): ScheduledBreak {
    const placed = { start, end: start + rule.lengthMinutes, kind: rule.kind, paid: rule.paid };
    assignment.breaks.push(placed);
    this.shift(assignment, placed, -1);
    return placed;
  }

  /** Removes the break from the shift and puts the agent back on the floor. */
  give(assignment: ShiftAssignment, placed: ScheduledBreak): void {
    assignment.breaks.splice(assignment.breaks.indexOf(placed), 1);
    this.shift(assignment, placed, 1);
  }

  private shift(assignment: ShiftAssignment, placed: ScheduledBreak, sign: number): void {
    const staffing = this.curve(assignment.skill);
    const dayStart = assignment.day * MINUTES_PER_DAY;
    forEachIntervalOverlap(this.grid, dayStart + placed.start, dayStart + placed.end, (t, fraction) => {
      staffing[t] += sign * fraction;
    });
    const key = `${assignment.skill}|${dayStart + placed.start}`;
    this.breakStarts.set(key, (this.breakStarts.get(key) ?? 0) - sign);
  }
}

interface Placement {
  start: number;
  cost: number;
  margin: number;
  crowd: number;
}

function isBetter(candidate: Placement, best: Placement): boolean {
  if (candidate.cost < best.cost - COST_TOLERANCE) return true;
  if (candidate.cost > best.cost + COST_TOLERANCE) return false;
  if (candidate.margin !== best.margin) return candidate.margin > best.margin;
  return candidate.crowd < best.crowd;
}
