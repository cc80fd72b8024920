/**
 * Improves the greedy break placement (breaks.ts) with one small MIP per day, once the shifts are fixed. Identical
 * shifts (same day, skill, template and times) form a group; y[g,b,p] = how many of group g take break b at
 * position p, Σ_p y[g,b,p] = group size, and the cost is the weighted under/over coverage of the day's intervals.
 * Greedy placement commits one break at a time and loses about a shift's worth of coverage per day on busy curves;
 * the MIP places them jointly. Over-coverage costs double beyond one agent per interval, so among equally good
 * placements breaks go where the floor has most to spare: the curve stays smooth and breaks stay staggered.
 * Days are solved in order, each against the others' current breaks; any day without a better answer keeps the
 * greedy one.
 */
import { addShiftPresence } from './coverage';
import type { BreakPlacementOptions } from './breaks';
import { solveLinearModel } from './highsSolver';
import { forEachIntervalOverlap, makeGrid, type IntervalGrid } from './intervalGrid';
import { LinearModelBuilder } from './linearModel';
import type { ScheduledBreak, ShiftAssignment, ShiftTemplate } from './model';
import { breakStartCandidates } from './shifts';
import { MINUTES_PER_DAY } from './time';

export interface BreakOptimisationOptions extends BreakPlacementOptions {
  timeLimitSec: number;
  shouldCancel?: () => boolean;
}

interface BreakGroup {
  members: number[];
  skill: string;
  /** Per break rule: the rule and its candidate starts (minutes from the day's midnight). */
  rules: { rule: ShiftTemplate['breaks'][number]; starts: number[] }[];
}

/** Over-coverage up to this many agents per interval costs the plain weight; beyond it, double. */
const CHEAP_OVER = 1;

/**
 * `needed[i]` says whether shift i's breaks were placed by the solver (true) or given (kept as they are); `placed`
 * is the greedy placement of the same shifts, used as the start and as the fallback.
 */
export async function optimiseBreaks(
  placed: readonly ShiftAssignment[],
  needed: readonly boolean[],
  options: BreakOptimisationOptions,
): Promise<ShiftAssignment[]> {
  const started = Date.now();
  const grid = makeGrid(options.requirements.intervalMinutes, options.requirements.days);
  const result = placed.map((a) => ({ ...a, breaks: [...a.breaks] }));
  const staffing = new Map<string, Float64Array>();
  const curve = (skill: string) => {
    let values = staffing.get(skill);
    if (!values) staffing.set(skill, (values = new Float64Array(grid.intervalCount)));
    return values;
  };
  for (const assignment of result) addShiftPresence(grid, curve(assignment.skill), assignment);

  const groupsByDay = groupShifts(result, needed, options);
  const days = [...groupsByDay.keys()].sort((a, b) => a - b);
  for (const [index, day] of days.entries()) {
    if (options.shouldCancel?.()) break;
    const remaining = options.timeLimitSec - (Date.now() - started) / 1000;
    if (remaining <= 0) break;
    const groups = groupsByDay.get(day)!;
    // Take the day's movable breaks off, solve them jointly, put the (possibly new) ones back.
    for (const group of groups) for (const i of group.members) shiftBreaks(grid, curve(group.skill), result[i], 1);
    const chosen = await solveDay(grid, day, groups, result, curve, options, remaining / (days.length - index));
    if (chosen) chosen.forEach((breaks, i) => (result[i].breaks = breaks));
    for (const group of groups) for (const i of group.members) shiftBreaks(grid, curve(group.skill), result[i], -1);
  }
  return result;
}

function groupShifts(assignments: ShiftAssignment[], needed: readonly boolean[], options: BreakPlacementOptions): Map<number, BreakGroup[]> {
  const templates = new Map(options.templates.map((t) => [t.id, t]));
  const byKey = new Map<string, BreakGroup & { day: number }>();
  assignments.forEach((assignment, i) => {
    const template = assignment.templateId === undefined ? undefined : templates.get(assignment.templateId);
    if (!needed[i] || !template || template.breaks.length === 0) return;
    const key = JSON.stringify([assignment.day, assignment.skill, template.id, assignment.segments]);
    let group = byKey.get(key);
    if (!group) {
      const rules = template.breaks
        .map((rule) => ({ rule, starts: breakStartCandidates(assignment.start, assignment.segments, rule, options.stepMinutes) }))
        .filter((r) => r.starts.length > 0);
      byKey.set(key, (group = { day: assignment.day, members: [], skill: assignment.skill, rules }));
    }
    group.members.push(i);
  });
  const byDay = new Map<number, BreakGroup[]>();
  for (const group of byKey.values()) byDay.set(group.day, [...(byDay.get(group.day) ?? []), group]);
  return byDay;
}

/** Solves one day's breaks; returns the new breaks per shift index, or null to keep the current ones. */
async function solveDay(
  grid: IntervalGrid,
  day: number,
  groups: BreakGroup[],
  assignments: ShiftAssignment[],
  curve: (skill: string) => Float64Array,
  options: BreakOptimisationOptions,
  timeLimitSec: number,
): Promise<Map<number, ScheduledBreak[]> | null> {
  const { weights } = options;
  const intervalHours = grid.intervalMinutes / 60;
  const dayStart = day * MINUTES_PER_DAY;
  const builder = new LinearModelBuilder();
  const rows = new Map<string, { skill: string; t: number; columns: number[]; coefficients: number[] }>();
  const startValues: number[] = [];
  const columnsOf = groups.map((group) =>
    group.rules.map(({ rule, starts }) => {
      const greedyCounts = starts.map((start) => group.members.filter((i) => assignments[i].breaks.some((b) => b.start === start && b.kind === rule.kind)).length);
      const columns = starts.map((start, p) => {
        const column = builder.addColumn({ upper: group.members.length, integer: true });
        startValues[column] = greedyCounts[p];
        forEachIntervalOverlap(grid, dayStart + start, dayStart + start + rule.lengthMinutes, (t, fraction) => {
          const key = `${group.skill}|${t}`;
          const row = rows.get(key) ?? { skill: group.skill, t, columns: [], coefficients: [] };
          row.columns.push(column);
          row.coefficients.push(-fraction);
          rows.set(key, row);
        });
        return column;
      });
      builder.addRow(columns, columns.map(() => 1), group.members.length, group.members.length);
      return columns;
    }),
  );

  const required = new Map(options.requirements.series.map((s) => [s.skill, s.required]));
  for (const row of rows.values()) {
    const target = (required.get(row.skill)?.[row.t] ?? 0) - curve(row.skill)[row.t];
    const under = builder.addColumn({ cost: weights.underPerAgentHour * intervalHours });
    const cheapOver = builder.addColumn({ cost: weights.overPerAgentHour * intervalHours, upper: CHEAP_OVER });
    const dearOver = builder.addColumn({ cost: 2 * weights.overPerAgentHour * intervalHours });
    // The start must be complete: under/over follow from the greedy break counts.
    const activity = row.columns.reduce((sum, column, k) => sum + row.coefficients[k] * startValues[column], 0);
    const gap = target - activity;
    startValues[under] = Math.max(0, gap);
    startValues[cheapOver] = Math.min(CHEAP_OVER, Math.max(0, -gap));
    startValues[dearOver] = Math.max(0, -gap - CHEAP_OVER);
    builder.addRow([...row.columns, under, cheapOver, dearOver], [...row.coefficients, 1, -1, -1], target, target);
  }

  const model = builder.build();
  const solved = await solveLinearModel(model, {
    timeLimitSec,
    shouldCancel: options.shouldCancel,
    start: { indices: Int32Array.from(startValues.keys()), values: Float64Array.from(startValues) },
  });
  if (!solved.values) return null;

  const chosen = new Map<number, ScheduledBreak[]>();
  groups.forEach((group, g) => {
    const perMember: ScheduledBreak[][] = group.members.map(() => []);
    group.rules.forEach(({ rule, starts }, b) => {
      let member = 0;
      starts.forEach((start, p) => {
        for (let copy = Math.round(solved.values![columnsOf[g][b][p]]); copy > 0 && member < group.members.length; copy--) {
          perMember[member++].push({ start, end: start + rule.lengthMinutes, kind: rule.kind, paid: rule.paid });
        }
      });
    });
    group.members.forEach((i, k) => {
      const breaks = perMember[k].sort((a, b) => a.start - b.start);
      // Overlapping windows could hand one agent two overlapping breaks: that agent keeps the greedy ones.
      const overlaps = breaks.some((b, j) => j > 0 && b.start < breaks[j - 1].end);
      if (!overlaps && breaks.length === group.rules.length) chosen.set(i, breaks);
    });
  });
  return chosen;
}

/** Lifts a shift's breaks off the staffing curve (sign 1: the agent counts as working) or puts them back (sign −1). */
function shiftBreaks(grid: IntervalGrid, curve: Float64Array, assignment: ShiftAssignment, sign: number): void {
  const dayStart = assignment.day * MINUTES_PER_DAY;
  for (const pause of assignment.breaks) {
    forEachIntervalOverlap(grid, dayStart + pause.start, dayStart + pause.end, (t, fraction) => {
      curve[t] += sign * fraction;
    });
  }
}
