/**
 * The employee dynamic programme of employeeDp.ts over a dense state table: every state (minutes so far, what may
 * follow yesterday's shift, current run, exemption, weekend flags, tracked counts) is one slot of a typed array
 * holding the cheapest partial roster that reaches it. Exactly the same rules and pruning as the label version, so
 * the same cheapest cost; it is several times faster because nothing is allocated per partial roster and no label
 * list is searched for dominance (labels of one state differ only in tracked resources, which here are part of the
 * state). Used whenever the table fits (see MAX_STATES), which covers the benchmark's instances and the app's weeks.
 *
 * Two states are merged that the label version keeps apart without need: shifts after which the same shifts are
 * forbidden the next day form one class, since nothing later depends on which of them was worked (on instance 13,
 * 18 shift types fall into 7 such classes).
 *
 * Back-pointers are kept only for the states a day actually reaches (a few per cent of the table on long horizons:
 * the minutes so far lie in a narrow band each day), so the table's size is bounded by one day's states, not by
 * states × days. With a back-pointer per state and day, tracking a shift-type limit and the weekend limit together
 * on the 84-day instance 19 needed 200 million slots; the label version then took over (10–100 s per employee).
 */
import { OFF, type IndexedProblem } from './indexedProblem';

export type EmployeeRoster = { row: number[]; cost: number };
/**
 * A pass's rosters, one per final state, cheapest first. Rows are read back on demand: a pass ends in hundreds of
 * final states and the caller wants a few (reading them all back cost about a tenth of the pricing time on a
 * 60-employee, 10-shift-type problem). A dense pass's rows come from the shared work tables, so read them before
 * the next pass.
 */
export type RankedRosters = { stopped: boolean; count: number; costAt(rank: number): number; rowAt(rank: number): number[] };
/** What a pass returns when the clock reached its deadline first. */
export const STOPPED: RankedRosters = { stopped: true, count: 0, costAt: () => Infinity, rowAt: () => [] };
/** What an employee may do on one day: the shift types open to them, and whether the day may be off. */
export type DayChoices = { shifts: number[]; canBeOff: boolean };
/** The limits carried as resources in one pass (the rest are checked on the result). */
export type Limits = { shiftTypes: number[]; weekends: boolean };
/** One pass of the employee DP: whose roster, what each day costs and allows, which limits are tracked, and the cost to beat. */
export type DpPass = { indexed: IndexedProblem; e: number; cellCost: number[][]; choices: DayChoices[]; limits: Limits; costBelow: number; deadline: number };

/** The run rules as both DP versions read them: a minimum run of 0 means 1. */
export function runRules(indexed: IndexedProblem, e: number) {
  const rules = indexed.problem.employees[e];
  return {
    minWork: Math.max(1, rules.minConsecutiveShifts),
    minOff: Math.max(1, rules.minConsecutiveDaysOff),
    maxWork: rules.maxConsecutiveShifts,
    minMinutes: rules.minTotalMinutes,
  };
}

/** Most states per day before the label version is used instead (the work tables grow with it: 28 bytes a state). */
const MAX_STATES = 1 << 22;
/** Most reached states over all days (6 bytes each for the back-pointers) before the label version is used instead. */
const MAX_REACHED = 40_000_000;

/**
 * Cheapest rosters (cheapest first, one per final state) under the given tracked limits, or null when the state
 * table would be too large. Rosters that break an untracked limit are included; the caller checks them.
 */
export function denseDays(pass: DpPass): RankedRosters | null {
  const { indexed, e, cellCost, choices, limits, costBelow, deadline } = pass;
  const { dayCount: D, shiftCount: T } = indexed;
  const rules = indexed.problem.employees[e];
  const { minWork, minOff, maxWork, minMinutes } = runRules(indexed, e);

  // Minutes are counted in units of the greatest common divisor of the shift lengths this employee can work.
  let unit = 0;
  for (const day of choices) for (const t of day.shifts) unit = gcd(unit, indexed.shiftMinutes[t]);
  unit ||= 1;

  // Class 0 is a day off; shifts with the same forbidden successors share a class, represented by its first shift.
  const classOf = new Int32Array(T);
  const classShift: number[] = [OFF];
  const classByRow = new Map<string, number>();
  for (let t = 0; t < T; t++) {
    const key = indexed.forbiddenNext[t].map((forbidden) => (forbidden ? 1 : 0)).join('');
    let c = classByRow.get(key);
    if (c === undefined) {
      c = classShift.length;
      classShift.push(t);
      classByRow.set(key, c);
    }
    classOf[t] = c;
  }

  const runSlots = Math.max(maxWork, minOff) + 1;
  const bounds = shapeBounds(indexed, cellCost, choices, { minWork, minOff, maxWork, runSlots, classOf, classShift });
  const originShape = shapeOf(0, minOff, false, runSlots);
  const maxMinutes = Math.min(rules.maxTotalMinutes, bounds.reach[originShape]);
  // No legal roster at all (or no shift to count): the label version handles the edge cases.
  if (!(maxMinutes >= 0)) return null;
  const minuteSlots = Math.floor(maxMinutes / unit) + 1;

  const trackWeekends = limits.weekends;
  const tracked = limits.shiftTypes;
  const trackedSlot = new Int32Array(T).fill(-1);
  tracked.forEach((t, i) => (trackedSlot[t] = i));
  // Mixed radix: minutes, class, run, exempt, weekend counted, weekends worked, then one count per tracked type.
  const radix = [minuteSlots, classShift.length, runSlots, 2, trackWeekends ? 2 : 1, trackWeekends ? rules.maxWeekends + 1 : 1, ...tracked.map((t) => indexed.maxShifts[e][t] + 1)];
  let stateCount = 1;
  for (const r of radix) stateCount *= r;
  if (!(stateCount <= MAX_STATES)) return null;
  const stride = new Array<number>(radix.length);
  for (let i = radix.length - 1, s = 1; i >= 0; s *= radix[i], i--) stride[i] = s;
  const [S_MIN, S_CLASS, S_RUN, S_EXEMPT, S_COUNTED, S_WEEKENDS] = stride;
  const countStride = stride.slice(6);

  const tables = tablesFor(stateCount);
  let cost = tables.costA;
  let next = tables.costB;
  let active = tables.activeA;
  let nextActive = tables.activeB;
  const { positionOf } = tables;
  // Day d's reached states are entries dayStart[d] … dayStart[d + 1] − 1 of the back-pointers, in the order of that
  // day's active list: each holds the shift worked and the position of the state it came from in the day before.
  const dayStart = new Int32Array(D + 1);
  // Before day 0 the employee is off, and that off run counts as long enough.
  let activeCount = 1;
  const origin = minOff * S_RUN;
  cost[origin] = 0;
  active[0] = origin;
  const counts = new Int32Array(tracked.length);

  for (let d = 0; d < D; d++) {
    if (performance.now() >= deadline) {
      for (let k = 0; k < activeCount; k++) cost[active[k]] = Infinity;
      return STOPPED;
    }
    let nextCount = 0;
    const dayBase = dayStart[d];
    // Each state reached today leads to at most one state per choice tomorrow.
    const mostReached = dayBase + Math.min(stateCount, activeCount * (choices[d].shifts.length + 1));
    if (mostReached > tables.parent.length && !growBackPointers(tables, mostReached)) {
      for (let k = 0; k < activeCount; k++) cost[active[k]] = Infinity;
      return null;
    }
    const { parent, shift } = tables;
    const weekend = indexed.weekendOfDay[d];
    const sameWeekendAsYesterday = d > 0 && weekend >= 0 && indexed.weekendOfDay[d - 1] === weekend;
    // Bounds on what the days after d can add, by the shape a partial roster has after day d.
    const after = (d + 1) * bounds.shapeCount;
    const { shifts, canBeOff } = choices[d];
    const costs = cellCost[d];
    const offer = (state: number, shape: number, value: number, minutes: number, fromPosition: number, worked: number) => {
      if (minutes + bounds.reach[after + shape] < minMinutes || value + bounds.cheapest[after + shape] >= costBelow || !(value < next[state])) return;
      if (next[state] === Infinity) {
        positionOf[state] = nextCount;
        nextActive[nextCount++] = state;
      }
      next[state] = value;
      parent[dayBase + positionOf[state]] = fromPosition;
      shift[dayBase + positionOf[state]] = worked;
    };
    for (let k = 0; k < activeCount; k++) {
      const from = active[k];
      const fromCost = cost[from];
      // Decode the state.
      let rest = from;
      const minuteSlot = Math.floor(rest / S_MIN);
      rest -= minuteSlot * S_MIN;
      const cls = Math.floor(rest / S_CLASS);
      rest -= cls * S_CLASS;
      const run = Math.floor(rest / S_RUN);
      rest -= run * S_RUN;
      const exemptNow = rest >= S_EXEMPT;
      rest -= exemptNow ? S_EXEMPT : 0;
      const counted = rest >= S_COUNTED;
      rest -= counted ? S_COUNTED : 0;
      const weekends = Math.floor(rest / S_WEEKENDS);
      rest -= weekends * S_WEEKENDS;
      for (let i = 0; i < tracked.length; i++) {
        counts[i] = Math.floor(rest / countStride[i]);
        rest -= counts[i] * countStride[i];
      }
      if (isDominated(cost, from, fromCost, weekends, S_WEEKENDS, counts, countStride)) continue;
      const minutes = minuteSlot * unit;
      const carriedWeekend = sameWeekendAsYesterday && counted;
      const working = cls !== 0;
      // The state with class, run, exemption and weekend flag cleared (minutes, weekends, counts kept).
      const kept = from - cls * S_CLASS - run * S_RUN - (exemptNow ? S_EXEMPT : 0) - (counted ? S_COUNTED : 0);

      if (canBeOff && (!working || run >= minWork || exemptNow)) {
        const offRun = working ? 1 : Math.min(minOff, run + 1);
        offer(kept + offRun * S_RUN + (carriedWeekend ? S_COUNTED : 0), shapeOf(0, offRun, false, runSlots), fromCost, minutes, k, OFF);
      }
      if (!working && run < minOff) continue;
      const workRun = working ? run + 1 : 1;
      if (workRun > maxWork) continue;
      const countsWeekend = trackWeekends && weekend >= 0 && !carriedWeekend;
      const workWeekends = weekends + (countsWeekend ? 1 : 0);
      if (workWeekends > rules.maxWeekends) continue;
      const exempt = (working ? exemptNow : d === 0) && workRun < minWork;
      const workBase = kept + workRun * S_RUN + (exempt ? S_EXEMPT : 0) + (trackWeekends && weekend >= 0 ? S_COUNTED : 0) + (countsWeekend ? S_WEEKENDS : 0);
      const forbidden = working ? indexed.forbiddenNext[classShift[cls]] : null;
      for (const t of shifts) {
        if (forbidden !== null && forbidden[t]) continue;
        const workedMinutes = minutes + indexed.shiftMinutes[t];
        if (workedMinutes > maxMinutes) continue;
        let state = workBase + (indexed.shiftMinutes[t] / unit) * S_MIN + classOf[t] * S_CLASS;
        const slot = trackedSlot[t];
        if (slot >= 0) {
          if (counts[slot] + 1 > indexed.maxShifts[e][t]) continue;
          state += countStride[slot];
        }
        offer(state, shapeOf(classOf[t], workRun, exempt, runSlots), fromCost + costs[t], workedMinutes, k, t);
      }
    }
    for (let k = 0; k < activeCount; k++) cost[active[k]] = Infinity;
    [cost, next] = [next, cost];
    [active, nextActive] = [nextActive, active];
    activeCount = nextCount;
    dayStart[d + 1] = dayBase + nextCount;
  }

  const finalCost: number[] = [];
  const finalPosition: number[] = [];
  for (let k = 0; k < activeCount; k++) {
    const state = active[k];
    if (Math.floor(state / S_MIN) * unit >= minMinutes) {
      finalCost.push(cost[state]);
      finalPosition.push(k);
    }
    cost[state] = Infinity;
  }
  const ranked = finalCost.map((_, i) => i).sort((a, b) => finalCost[a] - finalCost[b]);
  return {
    stopped: false,
    count: ranked.length,
    costAt: (rank) => finalCost[ranked[rank]],
    rowAt: (rank) => rowOf(finalPosition[ranked[rank]], tables, dayStart, D),
  };
}

/** A partial roster's shape: what may follow its last day (class), its current run, and whether that run is exempt. */
function shapeOf(cls: number, run: number, exempt: boolean, runSlots: number): number {
  return (cls * runSlots + run) * 2 + (exempt ? 1 : 0);
}

type ShapeRules = { minWork: number; minOff: number; maxWork: number; runSlots: number; classOf: Int32Array; classShift: number[] };

/**
 * For each day d and shape after day d − 1: the least cost and the most minutes the days from d on can still add,
 * by the run and shift-sequence rules alone (minutes, weekends and shift counts ignored, so both are bounds). A
 * partial roster whose cost plus the least completion cannot get below the ceiling, or whose minutes plus the most
 * reachable cannot reach the minimum, is dropped; a shape with no legal completion has cost Infinity and reach
 * −Infinity, so it is dropped too. Far tighter than day-by-day bounds: a roster five days into a run of at most
 * five cannot work tomorrow.
 */
function shapeBounds(indexed: IndexedProblem, cellCost: number[][], choices: DayChoices[], rules: ShapeRules): { cheapest: Float64Array; reach: Float64Array; shapeCount: number } {
  const { minWork, minOff, maxWork, runSlots, classOf, classShift } = rules;
  const D = indexed.dayCount;
  const shapeCount = classShift.length * runSlots * 2;
  const cheapest = new Float64Array((D + 1) * shapeCount);
  const reach = new Float64Array((D + 1) * shapeCount);
  for (let d = D - 1; d >= 0; d--) {
    const here = d * shapeCount;
    const after = here + shapeCount;
    const { shifts, canBeOff } = choices[d];
    for (let cls = 0; cls < classShift.length; cls++) {
      for (let run = 0; run < runSlots; run++) {
        for (const exemptNow of [false, true]) {
          const working = cls !== 0;
          let least = Infinity;
          let most = -Infinity;
          if (canBeOff && (!working || run >= minWork || exemptNow)) {
            const next = after + shapeOf(0, working ? 1 : Math.min(minOff, run + 1), false, runSlots);
            least = cheapest[next];
            most = reach[next];
          }
          const workRun = working ? run + 1 : 1;
          if ((working || run >= minOff) && workRun <= maxWork) {
            const exempt = (working ? exemptNow : d === 0) && workRun < minWork;
            const forbidden = working ? indexed.forbiddenNext[classShift[cls]] : null;
            for (const t of shifts) {
              if (forbidden !== null && forbidden[t]) continue;
              const next = after + shapeOf(classOf[t], workRun, exempt, runSlots);
              least = Math.min(least, cellCost[d][t] + cheapest[next]);
              most = Math.max(most, indexed.shiftMinutes[t] + reach[next]);
            }
          }
          cheapest[here + shapeOf(cls, run, exemptNow, runSlots)] = least;
          reach[here + shapeOf(cls, run, exemptNow, runSlots)] = most;
        }
      }
    }
  }
  return { cheapest, reach, shapeCount };
}

/**
 * A partial roster is dominated by one in the same state that worked fewer weekends or fewer shifts of one tracked
 * type at no greater cost: every completion of it completes that one too, at most as dearly (as in the label version,
 * which compares these resources instead of keying them).
 */
function isDominated(cost: Float64Array, state: number, value: number, weekends: number, weekendStride: number, counts: Int32Array, countStride: number[]): boolean {
  for (let fewer = 1; fewer <= weekends; fewer++) if (cost[state - fewer * weekendStride] <= value) return true;
  for (let i = 0; i < counts.length; i++) {
    for (let fewer = 1; fewer <= counts[i]; fewer++) if (cost[state - fewer * countStride[i]] <= value) return true;
  }
  return false;
}

/** The roster ending at position `final` of the last day's reached states, read back through the back-pointers. */
function rowOf(final: number, tables: Tables, dayStart: Int32Array, dayCount: number): number[] {
  const row = new Array<number>(dayCount);
  let position = final;
  for (let d = dayCount - 1; d >= 0; d--) {
    row[d] = tables.shift[dayStart[d] + position];
    position = tables.parent[dayStart[d] + position];
  }
  return row;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

type Tables = {
  costA: Float64Array;
  costB: Float64Array;
  activeA: Int32Array;
  activeB: Int32Array;
  /** Where each state of the day being built stands in its active list. */
  positionOf: Int32Array;
  /** Back-pointers of the reached states, day after day (see denseDays). */
  parent: Int32Array;
  shift: Int16Array;
};
let pooled: Tables | null = null;

/**
 * Work tables reused between calls (pricing calls this thousands of times; filling fresh tables would cost more than
 * the search). Cost tables are all Infinity between calls: each call resets the slots it touched.
 */
function tablesFor(stateCount: number): Tables {
  if (!pooled || pooled.costA.length < stateCount) {
    // The back-pointers grow on demand (growBackPointers) and are kept.
    pooled = {
      costA: new Float64Array(stateCount).fill(Infinity),
      costB: new Float64Array(stateCount).fill(Infinity),
      activeA: new Int32Array(stateCount),
      activeB: new Int32Array(stateCount),
      positionOf: new Int32Array(stateCount),
      parent: pooled?.parent ?? new Int32Array(0),
      shift: pooled?.shift ?? new Int16Array(0),
    };
  }
  return pooled;
}

/** Makes room for `needed` back-pointers (keeping those written), doubling; false past MAX_REACHED. */
function growBackPointers(tables: Tables, needed: number): boolean {
  if (needed > MAX_REACHED) return false;
  const size = Math.min(MAX_REACHED, Math.max(needed, 2 * tables.parent.length));
  const parent = new Int32Array(size);
  parent.set(tables.parent);
  const shift = new Int16Array(size);
  shift.set(tables.shift);
  tables.parent = parent;
  tables.shift = shift;
  return true;
}
