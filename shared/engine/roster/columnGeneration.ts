/**
 * The roster as a choice of one whole legal roster ("column") per employee, linked only by cover. Its LP relaxation
 * is far tighter than the compact model's, because every column already obeys the employee's rules. Column
 * generation solves that LP: HiGHS prices the cover rows, the dynamic programme finds each employee's cheapest
 * roster at those prices, and the process repeats until no roster can lower the LP. The LP value is a lower bound
 * on every roster; the columns met on the way feed a small integer model that picks one per employee.
 */
import type { Highs, ModelData } from 'highs';
import { FREE, OFF, type IndexedProblem } from './indexedProblem';
import { coverCounts, type Cells } from './evaluate';
import type { FoundRosters } from './employeeDp';
import { priceQueuePosition, type PricedPosition, type PricingPartner, type PricingRound } from './sharedPricing';
import type { MipFormulation } from './mipModel';
import type { Random } from '../../random/seeded';

export type Column = { employee: number; row: number[]; cost: number };

/** Every distinct employee roster met so far, with its request penalty (without the constant for shift-on requests). */
export class ColumnPool {
  readonly columns: Column[] = [];
  private readonly indexByKey = new Map<string, number>();

  constructor(private readonly indexed: IndexedProblem) {}

  add(employee: number, row: number[]): void {
    const key = rosterKey(employee, row);
    if (this.indexByKey.has(key)) return;
    let cost = 0;
    row.forEach((t, d) => {
      if (t >= 0) cost += this.indexed.offWeight[employee][d][t] - this.indexed.onWeight[employee][d][t];
    });
    this.columns.push({ employee, row, cost });
    this.indexByKey.set(key, this.columns.length - 1);
  }

  addRoster(cells: Cells): void {
    cells.forEach((row, e) => this.add(e, row));
  }

  indexOf(employee: number, row: number[]): number | undefined {
    return this.indexByKey.get(rosterKey(employee, row));
  }
}

const rosterKey = (employee: number, row: number[]) => `${employee}:${row.join(',')}`;

export type ColumnGenerationControl = {
  deadline: number;
  shouldStop: () => boolean;
  integralObjective: boolean;
  /**
   * A second round slower than this (seconds) ends the solve unconverged at once: the LP needs tens of rounds, which
   * will not fit before the deadline, and the time is better spent elsewhere. The first round does not decide: its
   * extreme duals let pricing prune little, and it is the slowest (on instance 8 at a 10 s limit, with the helper
   * thread starting beside it, it ran just past its 0.4 s and column generation was given up: 2700 instead of 1700).
   */
  slowRoundSec?: number;
  /**
   * A round on course to take longer than this (seconds, projected from the employees priced so far) ends the solve
   * unconverged at once, the first round too: not even a few rounds would fit. On a 364-day problem with 120 staff an
   * employee's exact pricing took over a second, so the first round alone would have taken several minutes.
   */
  hopelessRoundSec?: number;
  /**
   * A gap between the bound and the LP value (a share of the value) this small counts as converged: an LP in its
   * long tail, which a dive rounds as well as the exact one.
   */
  closeEnoughGap?: number;
  /**
   * Weight of the best bound's duals when pricing (0–1; none: price at the LP's own duals). Smoothed duals steady
   * the columns offered from round to round, which shortens the LP's long tail.
   */
  smoothing?: number;
};

/** The gap between a lower bound and the LP value, as a share of the value. */
export const relativeGap = (lowerBound: number, lpValue: number) => (lpValue - lowerBound) / Math.max(1, Math.abs(lpValue));

export type ColumnGenerationResult =
  | { kind: 'done'; lowerBound: number; lpValue: number; converged: boolean }
  | { kind: 'failed'; message: string };

/** How long the main thread waits at a time for the helper's last results of a round. */
const PARTNER_WAIT_SLICE_MS = 20;
/**
 * With no result from the helper for this long (and this many of the main thread's own employees' time), the main
 * thread prices the helper's outstanding employees itself: the helper may have stopped or be stuck in a long step.
 */
const PARTNER_SILENCE_MS = 1000;
const PARTNER_SILENCE_EMPLOYEES = 4;
/** Rosters offered per employee and round: a few near-cheapest ones fill the pool faster than one. */
const ROSTERS_PER_PRICING = 3;
const REDUCED_COST_TOLERANCE = 1e-6;

/**
 * The master LP kept alive in HiGHS between rounds, so each re-solve starts from the last basis. Diving fixes
 * employees' columns a few at a time and re-solves, which steers the LP to an integer roster.
 */
export class MasterLp {
  private readonly layout: MasterLayout;
  private readonly model: ReturnType<Highs['createModel']>;
  /** Pricing rounds opened so far (they are numbered for the helper thread). */
  private roundsOpened = 0;
  private inModel: number;
  /** The column fixed for each employee, or -1. */
  private readonly fixedColumn: number[];
  /** Seconds the last complete round (LP re-solve and pricing of every free employee) took. */
  lastRoundSeconds = 0;
  /** Column values of the last LP solved to optimality; a run cut short leaves no usable solution. */
  private lastValues: Float64Array | null = null;
  /** The problem as pricing sees it: the cells a dive locked are locked in it too. */
  private pricing: IndexedProblem;
  /** Columns whose upper bound a cell lock set to 0. */
  private banned: number[] = [];
  /** Whether a dive has fixed a column or locked a cell since the LP was last the root relaxation. */
  private restricted = false;

  constructor(
    private readonly highs: Highs,
    private readonly indexed: IndexedProblem,
    private readonly pool: ColumnPool,
    /** The helper thread's end of a shared pricing queue (sharedPricing.ts); this thread prices alone without it. */
    private readonly partner?: PricingPartner,
  ) {
    this.layout = masterLayout(indexed);
    this.model = highs.createModel(masterModel(indexed, this.layout, pool.columns, false));
    this.model.options.set({ output_flag: false });
    this.inModel = pool.columns.length;
    this.fixedColumn = new Array<number>(indexed.employeeCount).fill(-1);
    this.pricing = { ...indexed, locked: indexed.locked.map((row) => row.slice()) };
  }

  /**
   * Prices and re-solves until no roster of a free employee has negative reduced cost (or the bound meets the LP
   * value, for a whole-number objective). The bound is a lower bound on all rosters only while nothing is fixed.
   */
  solve(control: ColumnGenerationControl): ColumnGenerationResult {
    let lowerBound = -Infinity;
    let lpValue = Infinity;
    const unconverged = () => ({ kind: 'done' as const, lowerBound, lpValue, converged: false });
    /** Duals of the best bound so far, which smoothed pricing leans towards. */
    let centre: Float64Array | null = null;
    for (let round = 1; ; round++) {
      const roundStarted = performance.now();
      if (performance.now() >= control.deadline || control.shouldStop()) return unconverged();
      // HiGHS's time limit counts all runs of a model since its clocks were last zeroed, not this run alone: without
      // the reset, a dive on instance 18 (84 days) hit it with 15 s still to go and rounded a half-fixed LP.
      this.model.zeroAllClocks();
      this.model.options.set('time_limit', Math.max(0.01, (control.deadline - performance.now()) / 1000));
      const status = this.model.run().modelStatus;
      if (status === this.highs.constants.modelStatus.timeLimit) return unconverged();
      if (status !== this.highs.constants.modelStatus.optimal) return { kind: 'failed', message: `the master LP ended with HiGHS status ${status}` };
      lpValue = this.model.getObjectiveValue();
      const solution = this.model.getSolution();
      const duals = Float64Array.from(solution.rowDual);
      this.lastValues = solution.colValue.slice(this.layout.slackCount);

      const pooledBefore = this.pool.columns.length;
      // The rounds whose pace decides whether column generation runs on are priced on this thread alone: the decision
      // was measured on one thread's pace (see AFFORDABLE_ROUNDS in optimise.ts), and with both cores pricing, instance
      // 13 (120 staff) passed it and ran the whole stage without its LP ever leaving the first roster's value.
      const sharedPricing = round > 2 || (control.slowRoundSec === undefined && control.hopelessRoundSec === undefined);
      let smoothedPricingHelped = false;
      // The smoothed bound holds for the root LP: with columns fixed or cells locked, pricing is at the LP's duals.
      const { smoothing } = control;
      if (centre && smoothing && !this.restricted) {
        const smoothed = this.feasibleForExcess(centre.map((c, i) => smoothing * c + (1 - smoothing) * duals[i]));
        const priced = this.price(smoothed, control, sharedPricing);
        if (priced === null) return unconverged();
        const bound = this.dualValue(smoothed) + priced.shortfall;
        if (bound > lowerBound) {
          lowerBound = bound;
          centre = smoothed;
        }
        smoothedPricingHelped = this.anyImproving(duals, pooledBefore);
      }
      /** Whether pricing at the LP's own duals proved that no roster has negative reduced cost where it found none. */
      let pricingExact = true;
      if (!smoothedPricingHelped) {
        // Lagrangian bound: the LP value plus each employee's most negative reduced cost (or a bound on it).
        const priced = this.price(duals, control, sharedPricing);
        if (priced === null) return unconverged();
        pricingExact = priced.exact;
        const bound = lpValue + priced.shortfall;
        if (bound > lowerBound) {
          lowerBound = bound;
          centre = duals;
        }
      }
      this.lastRoundSeconds = (performance.now() - roundStarted) / 1000;
      // No roster found can lower the LP: it is solved when pricing was exact, and otherwise as far as pricing can
      // take it (only the Lagrangian bound then holds).
      if (!this.anyImproving(duals, this.inModel)) return { kind: 'done', lowerBound: pricingExact ? lpValue : lowerBound, lpValue, converged: true };
      // Closed: no column can lower the LP below the next whole number. The new columns wait in the pool, so
      // the LP solution stays readable.
      if (control.integralObjective && Math.ceil(lowerBound - 1e-6) >= Math.ceil(lpValue - 1e-6)) return { kind: 'done', lowerBound, lpValue, converged: true };
      if (relativeGap(lowerBound, lpValue) <= (control.closeEnoughGap ?? 0)) return { kind: 'done', lowerBound, lpValue, converged: true };
      this.addFreshColumns();
      if (round === 2 && this.lastRoundSeconds > (control.slowRoundSec ?? Infinity)) return unconverged();
    }
  }

  /**
   * Prices every free employee at `duals`, pooling their rosters of negative reduced cost; returns the sum of a lower
   * bound on each employee's most negative reduced cost (0 when none) and whether every employee for whom pricing
   * found no such roster is proven to have none; or null when the clock or Stop cut the round short, or it was on
   * course to take longer than `hopelessRoundSec`.
   */
  private price(duals: Float64Array, control: ColumnGenerationControl, shared: boolean): { shortfall: number; exact: boolean } | null {
    const started = performance.now();
    // One employee's search may take the whole round's time (seconds on year-long horizons), so it stops there too.
    const deadline = Math.min(control.deadline, started + (control.hopelessRoundSec ?? Infinity) * 1000);
    const free = [...Array(this.indexed.employeeCount).keys()].filter((e) => !this.isFixed(e));
    // Only rosters of negative reduced cost matter (none found: the employee adds 0 to the bound). Every employee
    // here has a legal roster (solve.ts sets aside those who have none).
    const round: PricingRound = {
      id: ++this.roundsOpened,
      cellCosts: free.map((e) => pricedCellCosts(this.indexed, this.layout, duals, e)),
      employees: free.map((e) => ({ employee: e, costBelow: duals[e] - REDUCED_COST_TOLERANCE })),
      locked: this.restricted ? this.pricing.locked : null,
      rostersPerEmployee: ROSTERS_PER_PRICING,
      endsAt: Date.now() + (deadline - started),
    };
    const found = this.priceQueue(round, started, deadline, control, shared ? this.partner : undefined);
    if (!found) return null;
    let shortfall = 0;
    let exact = true;
    // In queue order, whichever thread priced them, so the pool is the same as with one thread.
    found.forEach((rosters, position) => {
      const e = free[position];
      shortfall += Math.min(0, rosters.leastCost - duals[e]);
      const improving = rosters.rosters.filter((roster) => roster.cost - duals[e] < -REDUCED_COST_TOLERANCE);
      for (const roster of improving) this.pool.add(e, roster.row);
      if (improving.length === 0 && rosters.leastCost - duals[e] < -REDUCED_COST_TOLERANCE) exact = false;
    });
    return { shortfall, exact };
  }

  /**
   * Each queue position's rosters, priced here and by the partner, if any (positions are taken from one queue); null
   * when the clock or Stop cut the round short, or it was on course to take longer than `hopelessRoundSec`.
   */
  private priceQueue(round: PricingRound, started: number, deadline: number, control: ColumnGenerationControl, partner: PricingPartner | undefined): FoundRosters[] | null {
    const count = round.employees.length;
    const found = new Array<FoundRosters | undefined>(count);
    let received = 0;
    /** Takes the partner's results in; false when one was cut short by its clock. */
    const take = (results: PricedPosition[] | null) => {
      for (const result of results ?? []) {
        if (!result.found) return false;
        if (found[result.position]) continue;
        found[result.position] = result.found;
        received++;
      }
      return true;
    };
    const cutShort = () => performance.now() >= deadline || control.shouldStop();
    /** Prices a position on this thread; false when the clock cut it short. */
    const priceHere = (position: number) => {
      const rosters = priceQueuePosition(this.pricing, round, position, deadline);
      if (!rosters) return false;
      found[position] = rosters;
      received++;
      return true;
    };
    partner?.open(round);
    let localNext = 0;
    const claim = () => (partner ? partner.claim(round.id) : localNext < count ? localNext++ : undefined);
    let pricedHere = 0;
    for (let position = claim(); position !== undefined; position = claim()) {
      // Positions are taken in order by both threads, so the position says how far the round has come.
      const projectedSec = position > 0 ? ((performance.now() - started) / 1000 / position) * count : 0;
      if (projectedSec > (control.hopelessRoundSec ?? Infinity)) return null;
      // Pricing a large team takes seconds, so the deadline is checked per employee, and inside one employee's search
      // too (seconds each on half-year horizons); the round's bound is then incomplete and not used.
      if (cutShort() || !priceHere(position)) return null;
      pricedHere++;
      if (partner && !take(partner.receive(round.id, 0))) return null;
    }
    // The positions the partner took: wait for its results, and price them here when it is gone or falls silent.
    let lastNews = performance.now();
    const meanMs = (performance.now() - started) / Math.max(1, pricedHere);
    while (received < count) {
      if (cutShort()) return null;
      const results = partner!.receive(round.id, PARTNER_WAIT_SLICE_MS);
      if (!take(results)) return null;
      if (results && results.length > 0) lastNews = performance.now();
      if (results && performance.now() - lastNews < Math.max(PARTNER_SILENCE_MS, PARTNER_SILENCE_EMPLOYEES * meanMs)) continue;
      for (let position = 0; position < count; position++) {
        if (!found[position] && (cutShort() || !priceHere(position))) return null;
      }
    }
    return found as FoundRosters[];
  }

  /** Whether a pooled column from `first` on has negative reduced cost at `duals`. */
  private anyImproving(duals: Float64Array, first: number): boolean {
    for (let i = first; i < this.pool.columns.length; i++) {
      const { employee, row, cost } = this.pool.columns[i];
      let reduced = cost - duals[employee];
      row.forEach((t, d) => {
        if (t >= 0 && this.layout.coverRow[d][t] >= 0) reduced -= duals[this.layout.coverRow[d][t]];
      });
      if (reduced < -REDUCED_COST_TOLERANCE) return true;
    }
    return false;
  }

  /**
   * The duals with each cover row's raised to at least minus its excess weight, so that no excess slack (unbounded)
   * has negative reduced cost, which would leave no finite bound. Two LP optima's mix meets this but for rounding.
   */
  private feasibleForExcess(duals: Float64Array): Float64Array {
    this.layout.coverRow.forEach((rows, d) =>
      rows.forEach((row, t) => {
        if (row >= 0) duals[row] = Math.max(duals[row], -this.indexed.overWeight[d][t]);
      }),
    );
    return duals;
  }

  /**
   * The dual objective at `duals` with the rosters left out: the constant, the rows' right-hand sides, and each
   * slack at its cheapest bound (a shortage beyond its weight is taken in full). With the rosters' shortfall added,
   * it is a lower bound on the LP for any duals under which no excess slack has negative reduced cost (see
   * feasibleForExcess).
   */
  private dualValue(duals: Float64Array): number {
    let value = this.indexed.totalOnWeight;
    for (let e = 0; e < this.indexed.employeeCount; e++) value += duals[e];
    this.layout.coverRow.forEach((rows, d) =>
      rows.forEach((row, t) => {
        if (row < 0) return;
        const requirement = this.indexed.coverRequirement[d][t];
        value += requirement * (duals[row] + Math.min(0, this.indexed.underWeight[d][t] - duals[row]));
      }),
    );
    return value;
  }

  /**
   * Value of every pooled column in the last LP solved to optimality (0 for columns it did not have), or null
   * before the first one. Columns added since keep that solution feasible, so the values stay meaningful.
   */
  columnValues(): Float64Array | null {
    if (!this.lastValues) return null;
    const result = new Float64Array(this.pool.columns.length);
    result.set(this.lastValues.subarray(0, Math.min(this.lastValues.length, result.length)));
    // A lock bars columns after the last solve when a step's solve was cut short before it ran.
    for (const column of this.banned) result[column] = 0;
    return result;
  }

  isFixed(employee: number): boolean {
    return this.fixedColumn[employee] >= 0;
  }

  fixedColumnOf(employee: number): number {
    return this.fixedColumn[employee];
  }

  /** Forces a pooled column into the roster; its employee is no longer priced. */
  fix(columnIndex: number): void {
    this.addFreshColumns();
    this.model.changeColBounds(this.layout.slackCount + columnIndex, 1, 1);
    this.fixedColumn[this.pool.columns[columnIndex].employee] = columnIndex;
    this.restricted = true;
  }

  /**
   * Locks cells (employee, day, shift or OFF): every column that disagrees is barred, and pricing only offers rosters
   * that agree. Each employee's locks must be met by one of their pooled rosters, or the LP has no solution.
   */
  lockCells(cells: CellLock[]): void {
    this.addFreshColumns();
    for (const { employee, day, shift } of cells) this.pricing.locked[employee][day] = shift;
    this.banDisagreeing(0);
    this.restricted = true;
  }

  /** The cell's lock: a shift, OFF, or FREE. */
  lockOf(employee: number, day: number): number {
    return this.pricing.locked[employee][day];
  }

  /** Frees every fixed column and locked cell again, so the LP is the root relaxation (with every column pooled since). */
  unfixAll(): void {
    this.fixedColumn.forEach((column, employee) => {
      if (column < 0) return;
      this.model.changeColBounds(this.layout.slackCount + column, 0, 1);
      this.fixedColumn[employee] = -1;
    });
    for (const column of this.banned) this.model.changeColBounds(this.layout.slackCount + column, 0, 1);
    this.banned = [];
    this.pricing.locked = this.indexed.locked.map((row) => row.slice());
    this.restricted = false;
  }

  dispose(): void {
    this.model.dispose();
  }

  private addFreshColumns(): void {
    const fresh = this.pool.columns.slice(this.inModel);
    if (fresh.length === 0) return;
    const first = this.inModel;
    this.model.addCols(columnBlock(this.layout, fresh));
    this.inModel = this.pool.columns.length;
    // Rosters pooled elsewhere (the best roster, say) may break a lock.
    this.banDisagreeing(first);
  }

  /** Bars the model's columns from `first` on that break a cell lock. */
  private banDisagreeing(first: number): void {
    const banned = new Set(this.banned);
    for (let i = first; i < this.inModel; i++) {
      if (banned.has(i)) continue;
      const { employee, row } = this.pool.columns[i];
      const locks = this.pricing.locked[employee];
      if (row.every((t, d) => locks[d] === FREE || locks[d] === t)) continue;
      this.model.changeColBounds(this.layout.slackCount + i, 0, 0);
      this.banned.push(i);
    }
  }
}

/**
 * Without columns near 1, a dive step fixes the largest column, or one per this many free employees on large teams
 * (fewer rounds there; on small ones, fixing more than one at a time gave clearly worse rosters).
 */
const DIVE_FIXES_ONE_PER = 50;
/** How far a further dive's order may stray from the column values (a factor within 1 ± half this). */
const DIVE_PERTURBATION = 0.5;
/** Rounds of re-pricing the first dive step is assumed to take (later steps are measured). */
const DIVE_ROUNDS_PER_STEP = 2;

/**
 * One dive step: from the LP's column values and the number of steps the time left affords, it fixes or locks part
 * of the roster and says how many steps like it are left; null when nothing is left to fix.
 */
type DiveStep = (values: Float64Array, stepsAffordable: number) => { stepsLeft: number } | null;

type DiveResult = { cells: Cells } | { failed: string } | null;
/** A dive from the master's current LP; with `random`, its order is perturbed so that further dives round otherwise. */
type Dive = (master: MasterLp, indexed: IndexedProblem, pool: ColumnPool, control: ColumnGenerationControl, random?: Random) => DiveResult;

/**
 * The dive loop both kinds share: a step, then the LP re-priced, until nothing is left to fix or the time is up;
 * then it rounds: each employee still free takes their largest column in the last LP, which is always a legal
 * roster. Null when no LP was ever solved.
 */
function dive(master: MasterLp, indexed: IndexedProblem, pool: ColumnPool, control: ColumnGenerationControl, step: DiveStep): DiveResult {
  // Seconds a dive step takes (fix, then re-price until the LP converges again): first guessed from the last round,
  // then measured.
  let stepSeconds = master.lastRoundSeconds * DIVE_ROUNDS_PER_STEP;
  for (;;) {
    const stepStarted = performance.now();
    const values = master.columnValues();
    if (!values) return null;
    // Each step re-solves the LP with pricing, which takes seconds on large teams: a step takes more at once so that
    // the steps left fit in the time left at the measured step time (a dive cut short ends in a poor rounding).
    const secondsLeft = Math.max(1e-3, (control.deadline - performance.now()) / 1000);
    const taken = step(values, Math.max(1, Math.floor(secondsLeft / Math.max(1e-3, stepSeconds))));
    if (!taken) break;
    // Each step gets an equal share of the time left: the LP need not converge between fixings (on instance 18, 84
    // days, one step's re-pricing took 7.6 s of the dive's 23, and the rest of the roster was then fixed in one
    // poor step). A step cut short leaves the last LP solution, which is still feasible.
    const result = master.solve({ ...control, deadline: Math.min(control.deadline, performance.now() + (secondsLeft * 1000) / taken.stepsLeft) });
    if (result.kind === 'failed') return { failed: result.message };
    if (performance.now() >= control.deadline || control.shouldStop()) break;
    stepSeconds = (performance.now() - stepStarted) / 1000;
  }
  return { cells: roundedRoster(master, indexed, pool) };
}

/** A value as a dive orders it: as it is, or with `random` perturbed around it, so further dives round otherwise. */
function diveWeight(value: number, random: Random | undefined): number {
  return random ? value * (1 - DIVE_PERTURBATION / 2 + DIVE_PERTURBATION * random.next()) : value;
}

/**
 * Diving on columns: fix the columns the LP already (nearly) takes whole — or else the largest (see above) —
 * re-price, and repeat until every employee has a column.
 */
export const diveToRoster: Dive = (master, indexed, pool, control, random) =>
  dive(master, indexed, pool, control, (values, stepsAffordable) => {
    const free = [...values.keys()].filter((i) => !master.isFixed(pool.columns[i].employee) && values[i] > 1e-9);
    if (free.length === 0) return null;
    const weight = new Map(free.map((i) => [i, diveWeight(values[i], random)]));
    free.sort((a, b) => weight.get(b)! - weight.get(a)!);
    const freeEmployees = new Set(free.map((i) => pool.columns[i].employee)).size;
    const batch = Math.max(free.filter((i) => values[i] > 0.99).length, Math.floor(freeEmployees / DIVE_FIXES_ONE_PER), Math.ceil(freeEmployees / stepsAffordable), 1);
    let fixed = 0;
    for (const i of free) {
      if (fixed === batch) break;
      if (master.isFixed(pool.columns[i].employee)) continue;
      master.fix(i);
      fixed++;
    }
    return { stepsLeft: Math.ceil(freeEmployees / batch) };
  });

export type CellLock = { employee: number; day: number; shift: number };

/** Share of the unlocked fractional cells a cell-dive step locks at least. */
const CELL_DIVE_SHARE = 0.1;

/**
 * Diving on cells: each employee's largest column in the LP proposes its cells; the cells it proposes with an LP
 * value of (nearly) 1 are locked, with the most valued of the rest, and the LP is re-priced (pricing offers only
 * rosters that keep the locks); repeated until every cell is locked.
 */
export const cellDiveToRoster: Dive = (master, indexed, pool, control, random) =>
  dive(master, indexed, pool, control, (values, stepsAffordable) => {
    const largest = new Array<number>(indexed.employeeCount).fill(-1);
    const cellValue = Array.from({ length: indexed.employeeCount }, () => Array.from({ length: indexed.dayCount }, () => new Map<number, number>()));
    values.forEach((value, i) => {
      if (value <= 1e-9) return;
      const { employee, row } = pool.columns[i];
      if (largest[employee] < 0 || value > values[largest[employee]]) largest[employee] = i;
      row.forEach((t, d) => cellValue[employee][d].set(t, (cellValue[employee][d].get(t) ?? 0) + value));
    });
    const candidates: (CellLock & { value: number; weight: number })[] = [];
    largest.forEach((i, employee) => {
      if (i < 0) return;
      pool.columns[i].row.forEach((shift, day) => {
        if (master.lockOf(employee, day) !== FREE) return;
        const value = cellValue[employee][day].get(shift) ?? 0;
        candidates.push({ employee, day, shift, value, weight: diveWeight(value, random) });
      });
    });
    if (candidates.length === 0) return null;
    const settled = candidates.filter((c) => c.value > 0.99);
    const fractional = candidates.filter((c) => c.value <= 0.99).sort((a, b) => b.weight - a.weight);
    const batch = Math.min(fractional.length, Math.max(1, Math.ceil(fractional.length * CELL_DIVE_SHARE), Math.ceil(fractional.length / stepsAffordable)));
    master.lockCells([...settled, ...fractional.slice(0, batch)]);
    return { stepsLeft: Math.max(1, Math.ceil((fractional.length - batch) / Math.max(1, batch))) };
  });

function roundedRoster(master: MasterLp, indexed: IndexedProblem, pool: ColumnPool): Cells {
  const values = master.columnValues() ?? new Float64Array(pool.columns.length);
  const chosen = Array.from({ length: indexed.employeeCount }, (_, e) => master.fixedColumnOf(e));
  values.forEach((value, i) => {
    const e = pool.columns[i].employee;
    if (!master.isFixed(e) && (chosen[e] < 0 || value > values[chosen[e]])) chosen[e] = i;
  });
  return chosen.map((i) => (i >= 0 ? pool.columns[i].row.slice() : new Array<number>(indexed.dayCount).fill(OFF)));
}

/** The integer model over the pooled columns: exactly one per employee. */
export function masterFormulation(indexed: IndexedProblem, pool: ColumnPool): MipFormulation {
  const layout = masterLayout(indexed);
  const columns = pool.columns.slice();
  const first = layout.slackCount;
  return {
    data: masterModel(indexed, layout, columns, true),
    columnsOf: (cells) => {
      const values = new Float64Array(first + columns.length);
      const counts = coverCounts(indexed, cells);
      layout.coverRow.forEach((rows, d) =>
        rows.forEach((row, t) => {
          if (row < 0) return;
          const slack = layout.slackOfCoverRow[row - indexed.employeeCount];
          const requirement = indexed.coverRequirement[d][t];
          values[slack] = Math.max(0, requirement - counts[d][t]);
          values[slack + 1] = Math.max(0, counts[d][t] - requirement);
        }),
      );
      cells.forEach((row, e) => {
        const column = pool.indexOf(e, row);
        if (column !== undefined && column < columns.length) values[first + column] = 1;
      });
      return values;
    },
    cellsOf: (values) => {
      const cells: Cells = Array.from({ length: indexed.employeeCount }, () => new Array<number>(indexed.dayCount).fill(OFF));
      columns.forEach((column, i) => {
        if (values[first + i] > 0.5) cells[column.employee] = column.row.slice();
      });
      return cells;
    },
  };
}

type MasterLayout = {
  /** `coverRow[d][t]`: the master row of that cover requirement, or -1 when it carries no penalty. */
  coverRow: number[][];
  rowCount: number;
  /** Shortage column of each cover row (excess is the next one). */
  slackOfCoverRow: number[];
  slackCount: number;
};

function masterLayout(indexed: IndexedProblem): MasterLayout {
  let rowCount = indexed.employeeCount;
  const slackOfCoverRow: number[] = [];
  const coverRow = indexed.coverRequirement.map((requirements, d) =>
    requirements.map((_, t) => {
      if (indexed.underWeight[d][t] === 0 && indexed.overWeight[d][t] === 0) return -1;
      slackOfCoverRow.push(slackOfCoverRow.length * 2);
      return rowCount++;
    }),
  );
  return { coverRow, rowCount, slackOfCoverRow, slackCount: slackOfCoverRow.length * 2 };
}

function masterModel(indexed: IndexedProblem, layout: MasterLayout, columns: Column[], integer: boolean): ModelData {
  const cost: number[] = [];
  const upper: number[] = [];
  const rowLower: number[] = new Array<number>(layout.rowCount).fill(1);
  const rowUpper: number[] = new Array<number>(layout.rowCount).fill(1);
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  layout.coverRow.forEach((rows, d) =>
    rows.forEach((row, t) => {
      if (row < 0) return;
      rowLower[row] = rowUpper[row] = indexed.coverRequirement[d][t];
      cost.push(indexed.underWeight[d][t], indexed.overWeight[d][t]);
      upper.push(indexed.coverRequirement[d][t], Infinity);
      indices.push(row, row);
      values.push(1, -1);
      starts.push(indices.length - 1, indices.length);
    }),
  );
  const block = columnBlock(layout, columns);
  for (let i = 0; i < columns.length; i++) {
    cost.push(block.cost[i]);
    upper.push(1);
    for (let k = block.matrix.starts[i]; k < block.matrix.starts[i + 1]; k++) {
      indices.push(block.matrix.indices[k]);
      values.push(block.matrix.values[k]);
    }
    starts.push(indices.length);
  }
  const numCols = cost.length;
  return {
    numCols,
    numRows: layout.rowCount,
    offset: indexed.totalOnWeight,
    colCost: cost,
    colLower: new Array<number>(numCols).fill(0),
    colUpper: upper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: layout.rowCount, numCols, starts, indices, values },
    integrality: Array.from({ length: numCols }, (_, j) => (integer && j >= layout.slackCount ? 1 : 0)),
  };
}

function columnBlock(layout: MasterLayout, columns: Column[]) {
  const starts = [0];
  const indices: number[] = [];
  for (const column of columns) {
    indices.push(column.employee);
    column.row.forEach((t, d) => {
      if (t >= 0 && layout.coverRow[d][t] >= 0) indices.push(layout.coverRow[d][t]);
    });
    starts.push(indices.length);
  }
  return {
    cost: Float64Array.from(columns.map((c) => c.cost)),
    lower: new Float64Array(columns.length),
    upper: new Float64Array(columns.length).fill(1),
    matrix: {
      format: 'csc' as const,
      numRows: layout.rowCount,
      numCols: columns.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
  };
}

function pricedCellCosts(indexed: IndexedProblem, layout: MasterLayout, duals: ArrayLike<number>, e: number): number[][] {
  return indexed.onWeight[e].map((onByShift, d) =>
    onByShift.map((on, t) => indexed.offWeight[e][d][t] - on - (layout.coverRow[d][t] >= 0 ? duals[layout.coverRow[d][t]] : 0)),
  );
}
