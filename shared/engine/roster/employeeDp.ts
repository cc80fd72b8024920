/**
 * The cheapest rosters for ONE employee that obey all of that employee's hard rules, when working shift t on day
 * d costs `cellCost[d][t]` — by dynamic programming over the days (a resource-constrained shortest path).
 *
 * It is the pricing step of column generation (costs are request penalties minus cover duals) and the
 * best-response step of the heuristic (costs are request penalties plus the marginal cover penalty given everyone
 * else's roster). A label is one partial roster up to day d; labels sharing the same "state" (yesterday's shift,
 * current run, minutes so far, weekend flag) compete by dominance on cost and on the counted resources (weekends
 * worked, shifts of each type whose limit could bind).
 */
import { FREE, OFF, type IndexedProblem } from './indexedProblem';
import { denseDays, runRules, STOPPED, type DayChoices, type DpPass, type EmployeeRoster, type Limits, type RankedRosters } from './denseDp';

export type { EmployeeRoster };

type Label = {
  cost: number;
  minutes: number;
  weekends: number;
  counts: number[];
  /** Shift worked on the label's day, or OFF. */
  last: number;
  /** Length of the current run of working days, or of days off capped at MinConsecutiveDaysOff. */
  run: number;
  /** The current working run began on day 0, so a short one is allowed (the previous period may continue it). */
  exempt: boolean;
  /** The label's day is a weekend day and that weekend already counts as worked. */
  weekendCounted: boolean;
  parent: Label | null;
};

/**
 * The cheapest legal roster, then up to `count − 1` more among the cheapest ones the search kept (dominance drops
 * some runners-up), cheapest first; none when the rules cannot be met. With `costBelow`, only rosters cheaper than
 * that are sought (and none returned means none is that cheap), which is much faster when few are.
 *
 * Per-type shift limits and the weekend limit multiply the labels, so they start relaxed and are added only when
 * the cheapest roster breaks them (decremental state-space relaxation): usually none or one is ever needed.
 */
export function cheapestRosters(indexed: IndexedProblem, e: number, cellCost: number[][], count = 1, costBelow = Infinity, path: DpPath = 'fastest'): EmployeeRoster[] {
  return searchRosters(indexed, e, cellCost, { count, costBelow, path, deadline: Infinity, quality: 'cheapest' })?.rosters ?? [];
}

/**
 * What a search learns about one employee: rosters below the ceiling it was given (cheapest first), and a lower
 * bound on what any legal roster of theirs costs (Infinity when none is below the ceiling). When the search was
 * exact the bound is the cheapest roster's cost; when limits were priced (see PRICED_LIMIT) it is the cheapest
 * roster with the limits that did not fit relaxed, and the roster offered is a legal one, not the cheapest.
 */
export type FoundRosters = { rosters: EmployeeRoster[]; leastCost: number };

/**
 * Pricing in column generation: up to `count` rosters below `costBelow`, and the bound above; null when the clock
 * reached `deadline` first. The Lagrangian bound adds up the bounds, not the rosters' costs, so it stays valid when
 * limits are priced rather than tracked, which spares the label version: on instance 19 (84 days) one employee's
 * exact search fell back to it and took 9.3 s of a round that otherwise took 1.5 s.
 */
export function priceRostersUntil(indexed: IndexedProblem, e: number, cellCost: number[][], count: number, costBelow: number, deadline: number): FoundRosters | null {
  return searchRosters(indexed, e, cellCost, { count, costBelow, path: 'fastest', deadline, quality: 'legal' });
}

/**
 * A cheap legal roster cheaper than `costBelow`, or undefined when none was found or the clock reached `deadline`
 * first: a best response that keeps the employee's roster then. It is the cheapest one unless the limits it must
 * track do not fit the dense table together; they are then priced instead of tracked (see PRICED_LIMIT).
 */
export function cheaperRoster(indexed: IndexedProblem, e: number, cellCost: number[][], costBelow: number, deadline: number): EmployeeRoster | undefined {
  return searchRosters(indexed, e, cellCost, { count: 1, costBelow, path: 'fastest', deadline, quality: 'legal' })?.rosters[0];
}

/**
 * How limits are met when tracking them would not fit the dense table (long horizons: on a 336-day cut of instance
 * 19, tracking one type's limit with the weekend limit needed 75 million states, and the label version took 14 s for
 * one employee where a dense pass takes 0.1 s; on 364 days with 150 staff the weekend limit alone did not fit). They
 * are priced instead: each shift of a limited type, or on a weekend day, costs a price (a Lagrangian relaxation:
 * exact in spirit for a type's count, which is linear in the cells, a fair stand-in for weekends), raised by FACTOR
 * from a sixteenth of the largest cell cost while the limit is broken, over at most PASSES dense passes. The first
 * roster within every limit is taken. It is legal, not the cheapest: a price tends to switch a shift type off
 * altogether once it matters (measured with bisection on the price instead: more passes, and worse rosters within the
 * same time on the 336-day cut). For callers that want a legal roster soon: best responses, first rosters, and
 * pricing in column generation, whose bound then takes the relaxed cost (FoundRosters).
 */
const PRICED_LIMIT = { PASSES: 12, FACTOR: 4 };

type SearchOptions = { count: number; costBelow: number; path: DpPath; deadline: number; quality: 'cheapest' | 'legal' };

/** The rosters asked for, or null when the clock reached the deadline first. */
function searchRosters(indexed: IndexedProblem, e: number, cellCost: number[][], options: SearchOptions): FoundRosters | null {
  const { count, costBelow, path, deadline } = options;
  const choices = Array.from({ length: indexed.dayCount }, (_, d) => dayChoices(indexed, e, d));
  const limits: Limits = { shiftTypes: [], weekends: false };
  // Most minutes still reachable after day d, to drop partial rosters that can no longer reach MinTotalMinutes.
  const reachableAfter = new Array<number>(indexed.dayCount + 1).fill(0);
  for (let d = indexed.dayCount - 1; d >= 0; d--) reachableAfter[d] = reachableAfter[d + 1] + Math.max(0, ...choices[d].shifts.map((t) => indexed.shiftMinutes[t]));
  // Least cost the days after d can still add, ignoring every rule: a partial roster that cannot get below
  // `costBelow` even so is dropped (pricing only wants rosters of negative reduced cost, which prunes most of them
  // near convergence).
  const cheapestAfter = new Array<number>(indexed.dayCount + 1).fill(0);
  for (let d = indexed.dayCount - 1; d >= 0; d--) cheapestAfter[d] = cheapestAfter[d + 1] + Math.min(0, ...choices[d].shifts.map((t) => cellCost[d][t]));
  /** The cheapest roster's cost under the limits tracked so far: a bound on every roster within all of them. */
  let relaxedCost = -Infinity;
  for (;;) {
    const pass: DpPass = { indexed, e, cellCost, choices, limits, costBelow, deadline };
    const dense = path !== 'labels' ? denseDays(pass) : null;
    if (!dense && options.quality === 'legal' && (limits.shiftTypes.length > 0 || limits.weekends)) {
      const priced = pricedSearch(pass);
      if (priced === null) return null;
      if (priced !== 'no legal roster found') return { rosters: priced, leastCost: relaxedCost };
    }
    const finals = dense ?? labelDays(pass, reachableAfter, cheapestAfter);
    if (finals.stopped) return null;
    const cheapest = finals.count > 0 ? finals.rowAt(0) : null;
    const broken = cheapest ? brokenLimits(indexed, e, cheapest) : { shiftTypes: [], weekends: false };
    const newlyBroken = broken.shiftTypes.filter((t) => !limits.shiftTypes.includes(t));
    if (newlyBroken.length === 0 && (!broken.weekends || limits.weekends)) {
      const found: EmployeeRoster[] = [];
      for (let rank = 0; rank < finals.count && found.length < count; rank++) {
        const row = rank === 0 ? cheapest! : finals.rowAt(rank);
        if (isWithinLimits(indexed, e, row)) found.push({ row, cost: finals.costAt(rank) });
      }
      return { rosters: found, leastCost: found[0]?.cost ?? Infinity };
    }
    relaxedCost = finals.costAt(0);
    limits.shiftTypes.push(...newlyBroken);
    limits.weekends ||= broken.weekends;
  }
}

/**
 * The first roster within every limit that priced dense passes find (see PRICED_LIMIT), as a list of none or one
 * below `costBelow`; null when the clock reached the deadline; 'no legal roster found' when the passes found none
 * (or a pass does not fit the table even untracked), for the exact search to take over.
 */
function pricedSearch(tracked: DpPass): EmployeeRoster[] | null | 'no legal roster found' {
  const { indexed, e, cellCost, costBelow } = tracked;
  const T = indexed.shiftCount;
  /** One price per shift type, then one for weekend shifts. */
  const prices = new Array<number>(T + 1).fill(0);
  let largest = 1;
  for (const byShift of cellCost) for (const c of byShift) largest = Math.max(largest, Math.abs(c));
  const first = largest / PRICED_LIMIT.FACTOR ** 2;
  tracked.limits.shiftTypes.forEach((t) => (prices[t] = first));
  if (tracked.limits.weekends) prices[T] = first;
  for (let passes = 0; passes < PRICED_LIMIT.PASSES; passes++) {
    const costs = cellCost.map((byShift, d) => byShift.map((c, t) => c + prices[t] + (indexed.weekendOfDay[d] >= 0 ? prices[T] : 0)));
    // Not bounded at `costBelow`: prices only add cost, so a roster above it at its priced cost may be below it at its own.
    const finals = denseDays({ ...tracked, cellCost: costs, limits: { shiftTypes: [], weekends: false }, costBelow: Infinity });
    if (finals?.stopped) return null;
    if (!finals || finals.count === 0) break;
    const row = finals.rowAt(0);
    const broken = brokenLimits(indexed, e, row);
    if (!broken.weekends && broken.shiftTypes.length === 0) {
      const cost = rowCost(cellCost, row);
      return cost < costBelow ? [{ row, cost }] : [];
    }
    for (const t of broken.shiftTypes) prices[t] = Math.max(first, prices[t] * PRICED_LIMIT.FACTOR);
    if (broken.weekends) prices[T] = Math.max(first, prices[T] * PRICED_LIMIT.FACTOR);
  }
  return 'no legal roster found';
}

/** What a roster costs at `costs`. */
export function rowCost(costs: number[][], row: number[]): number {
  return row.reduce((sum, t, d) => sum + (t < 0 ? 0 : costs[d][t]), 0);
}

/**
 * 'fastest' uses the dense state table (denseDp.ts) when it fits and labels otherwise; 'labels' forces the labels,
 * so tests can check the two against each other.
 */
export type DpPath = 'fastest' | 'labels';

function labelDays(pass: DpPass, reachableAfter: number[], cheapestAfter: number[]): RankedRosters {
  const { indexed, e, cellCost, choices, limits, costBelow, deadline } = pass;
  const { dayCount: D, shiftCount: T } = indexed;
  const rules = indexed.problem.employees[e];
  const { minWork, minOff, maxWork } = runRules(indexed, e);
  const trackedSlot = new Array<number>(T).fill(-1);
  limits.shiftTypes.forEach((t, i) => (trackedSlot[t] = i));
  const trackWeekends = limits.weekends;
  const runSlots = Math.max(maxWork, minOff) + 1;
  const keyOf = (label: Label) =>
    (((label.minutes * (T + 1) + label.last + 1) * runSlots + label.run) * 2 + (label.exempt ? 1 : 0)) * 2 + (label.weekendCounted ? 1 : 0);

  // Before day 0 the employee is off, and that off run counts as long enough.
  let layer = new Map<number, Label[]>();
  const origin: Label = {
    cost: 0,
    minutes: 0,
    weekends: 0,
    counts: limits.shiftTypes.map(() => 0),
    last: OFF,
    run: minOff,
    exempt: false,
    weekendCounted: false,
    parent: null,
  };
  layer.set(keyOf(origin), [origin]);

  for (let d = 0; d < D; d++) {
    if (performance.now() >= deadline) return STOPPED;
    const next = new Map<number, Label[]>();
    const weekend = indexed.weekendOfDay[d];
    const sameWeekendAsYesterday = d > 0 && weekend >= 0 && indexed.weekendOfDay[d - 1] === weekend;
    const offer = (label: Label) => {
      if (label.minutes + reachableAfter[d + 1] < rules.minTotalMinutes) return;
      if (label.cost + cheapestAfter[d + 1] >= costBelow) return;
      insertUndominated(next, keyOf(label), label);
    };
    for (const labels of layer.values()) {
      for (const from of labels) {
        const carriedWeekend = sameWeekendAsYesterday && from.weekendCounted;
        const working = from.last !== OFF;
        if (choices[d].canBeOff && (!working || from.run >= minWork || from.exempt)) {
          const run = working ? 1 : Math.min(minOff, from.run + 1);
          const { cost, minutes, weekends, counts } = from;
          offer({ cost, minutes, weekends, counts, last: OFF, run, exempt: false, weekendCounted: carriedWeekend, parent: from });
        }
        if (!working && from.run < minOff) continue;
        const run = working ? from.run + 1 : 1;
        if (run > maxWork) continue;
        const countsWeekend = trackWeekends && weekend >= 0 && !carriedWeekend;
        const weekends = from.weekends + (countsWeekend ? 1 : 0);
        if (weekends > rules.maxWeekends) continue;
        const exempt = (working ? from.exempt : d === 0) && run < minWork;
        for (const t of choices[d].shifts) {
          if (working && indexed.forbiddenNext[from.last][t]) continue;
          const minutes = from.minutes + indexed.shiftMinutes[t];
          if (minutes > rules.maxTotalMinutes) continue;
          let counts = from.counts;
          const slot = trackedSlot[t];
          if (slot >= 0) {
            if (counts[slot] + 1 > indexed.maxShifts[e][t]) continue;
            counts = counts.slice();
            counts[slot]++;
          }
          offer({ cost: from.cost + cellCost[d][t], minutes, weekends, counts, last: t, run, exempt, weekendCounted: trackWeekends && weekend >= 0, parent: from });
        }
      }
    }
    layer = next;
  }

  const finals: Label[] = [];
  for (const labels of layer.values()) for (const label of labels) if (label.minutes >= rules.minTotalMinutes) finals.push(label);
  finals.sort((a, b) => a.cost - b.cost);
  return { stopped: false, count: finals.length, costAt: (rank) => finals[rank].cost, rowAt: (rank) => rowOf(finals[rank], D) };
}

function brokenLimits(indexed: IndexedProblem, e: number, row: number[]): Limits {
  const shiftTypes: number[] = [];
  for (let t = 0; t < indexed.shiftCount; t++) {
    if (row.filter((cell) => cell === t).length > indexed.maxShifts[e][t]) shiftTypes.push(t);
  }
  const weekendsWorked = new Set(row.flatMap((cell, d) => (cell !== OFF && indexed.weekendOfDay[d] >= 0 ? [indexed.weekendOfDay[d]] : [])));
  return { shiftTypes, weekends: weekendsWorked.size > indexed.problem.employees[e].maxWeekends };
}

function isWithinLimits(indexed: IndexedProblem, e: number, row: number[]): boolean {
  const broken = brokenLimits(indexed, e, row);
  return broken.shiftTypes.length === 0 && !broken.weekends;
}

function dayChoices(indexed: IndexedProblem, e: number, d: number): DayChoices {
  const lock = indexed.locked[e][d];
  if (lock === OFF) return { shifts: [], canBeOff: true };
  // A shift locked onto a day off leaves the day no legal choice at all.
  if (lock !== FREE) return { shifts: indexed.isDayOff[e][d] ? [] : [lock], canBeOff: false };
  if (indexed.isDayOff[e][d]) return { shifts: [], canBeOff: true };
  const shifts: number[] = [];
  for (let t = 0; t < indexed.shiftCount; t++) if (indexed.maxShifts[e][t] > 0) shifts.push(t);
  return { shifts, canBeOff: true };
}

/** Adds a label unless one in its state is at least as good in everything; drops those it beats. */
function insertUndominated(layer: Map<number, Label[]>, key: number, label: Label): void {
  const labels = layer.get(key);
  if (!labels) {
    layer.set(key, [label]);
    return;
  }
  for (const other of labels) if (dominates(other, label)) return;
  let kept = 0;
  for (const other of labels) if (!dominates(label, other)) labels[kept++] = other;
  labels.length = kept;
  labels.push(label);
}

function dominates(a: Label, b: Label): boolean {
  if (a.cost > b.cost || a.weekends > b.weekends) return false;
  for (let i = 0; i < a.counts.length; i++) if (a.counts[i] > b.counts[i]) return false;
  return true;
}

function rowOf(label: Label, dayCount: number): number[] {
  const row = new Array<number>(dayCount);
  let node: Label | null = label;
  for (let d = dayCount - 1; d >= 0 && node; d--) {
    row[d] = node.last;
    node = node.parent;
  }
  return row;
}
