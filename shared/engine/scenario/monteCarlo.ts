/**
 * Monte Carlo ranges for a plan (or a scenario's applied plan): forecast uncertainty and attrition, many runs,
 * P10/P50/P90 of the weekly gap and the probability of meeting the service target each week.
 *
 * Forecast bands → sampling distribution: each week's 80% and 95% bands (lo95 ≤ lo80 ≤ forecast ≤ hi80 ≤ hi95,
 * volumes) define a split normal around the forecast. Each side's σ is the least-squares fit of the two band edges
 * to the normal quantiles z80 = 1.2816 and z95 = 1.9600: σ_up = (z80·(hi80 − f) + z95·(hi95 − f)) ÷ (z80² + z95²),
 * σ_down the same with f − lo80 and f − lo95. A run draws z ~ N(0, 1) per queue and week and takes
 * volume = max(0, f + z·σ_side). Weeks are drawn independently: the bands are per-week (marginal) statements, and
 * every output here is a per-week percentile. Required FTE scales with the drawn volume (exact for the capacity
 * equation; for live queues it ignores Erlang's economies of scale, a slight overstatement of the spread).
 *
 * Attrition: with `attrition: 'binomial'`, each week's leavers are Binomial(⌊heads⌋, weekly rate) plus the
 * fractional head's expected share, for the tenured pool and for each class in ramp; the expected-value projection
 * of the plan is the mean of this process. With `'expected'` supply is the deterministic projection.
 *
 * A run meets the service target in a week when its staffed FTE (effective + overtime) covers its required FTE —
 * required FTE is by definition the staff that meets the target. With no bands and expected attrition every run is
 * the deterministic plan, exactly.
 *
 * Hire-up-to at P90: the 90th percentile of each week's shortfall max(0, −gap) is the extra effective FTE that
 * would cover that week in 9 runs out of 10; the advice is the largest of these, as heads to hire
 * (÷ the share of a class still there when its ramp ends, (1 − new-hire weekly attrition)^R), starting R weeks before
 * the first week that needs them.
 */
import { randomStream } from '../../random/seeded';
import { demandPools, projectPlan, rampOf, survivingShare, weeklyAttritionRate } from '../plan/projection';
import type { CapacityPlanInput } from '../plan/types';
import { ScenarioInputError } from './schema';
import { weekStartDate } from './weeks';


export interface WeekBand {
  lo95: number;
  lo80: number;
  hi80: number;
  hi95: number;
}

export interface SimulationInput {
  plan: CapacityPlanInput;
  overtimeHoursPerHead?: readonly number[];
  /** Per queue (in the plan's queue order; one entry for the single pool), per week. */
  bands?: readonly (readonly (WeekBand | null | undefined)[])[];
  attrition: 'binomial' | 'expected';
  runs: number;
  seed?: number;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface SimulationWeek {
  week: number;
  weekStart?: string;
  deterministicGap: number;
  gap: Percentiles;
  requiredFte: Percentiles;
  staffedFte: Percentiles;
  /** Share of runs whose staffed FTE covers the required FTE. */
  pMeetTarget: number;
  /** 90th percentile of max(0, −gap), FTE. */
  shortfallP90: number;
}

export interface HireUpTo {
  /** Extra effective FTE to hold at P90 in every week. */
  extraFte: number;
  /** Heads to hire for it (after new-hire attrition during ramp). */
  heads: number;
  firstWeekNeeded: number | null;
  /** Latest class start for them to be fully ramped by then: firstWeekNeeded − ramp length. */
  startClassBy: number | null;
  /** Whether that start respects the plan's lead time. */
  withinLeadTime: boolean;
  explanation: string;
}

export interface SimulationResult {
  runs: number;
  seed: number;
  weeks: SimulationWeek[];
  hireUpTo: HireUpTo;
  method: string;
}

export interface SimulationHooks {
  onProgress?: (fraction: number, message: string) => void;
  shouldCancel?: () => boolean;
}

export class SimulationCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'SimulationCancelledError';
  }
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/** σ of one side of the split normal from its 80% and 95% half-widths. */
export function sideSigma(halfWidth80: number, halfWidth95: number): number {
  return Math.max(0, (Z80 * halfWidth80 + Z95 * halfWidth95) / (Z80 * Z80 + Z95 * Z95));
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Binomial(n, p) by inversion for modest n·p, a rounded normal for large n·p. */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  if (mean > 50) return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(random))));
  let k = 0;
  let pmf = (1 - p) ** n;
  let cdf = pmf;
  const u = random();
  while (u > cdf && k < n) {
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
    k++;
    cdf += pmf;
  }
  return k;
}

/** Leavers among `heads` (fractional): Binomial over the whole heads plus the fraction's expected share. */
function leavers(heads: number, p: number, random: () => number): number {
  const whole = Math.floor(heads);
  return binomial(whole, p, random) + (heads - whole) * p;
}

function percentile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function percentilesOf(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

export function simulatePlan(input: SimulationInput, hooks: SimulationHooks = {}): SimulationResult {
  const { plan, attrition } = input;
  if (!Number.isInteger(input.runs) || input.runs < 1 || input.runs > 100_000) throw new ScenarioInputError('runs', 'runs: a whole number from 1 to 100,000');
  const seed = input.seed ?? 1;
  const random = randomStream(seed);
  const weeks = plan.weeks;
  const projection = projectPlan(plan);
  const pools = demandPools(plan);
  const sigmas = pools.map((pool, q) =>
    pool.map((demand, w) => {
      const band = input.bands?.[q]?.[w];
      if (!band) return { up: 0, down: 0 };
      if (!(band.lo95 <= band.lo80 && band.lo80 <= demand.volume + 1e-9 && demand.volume <= band.hi80 + 1e-9 && band.hi80 <= band.hi95)) {
        throw new ScenarioInputError(`bands.${q}.${w}`, `bands.${q}.${w}: bands must satisfy lo95 ≤ lo80 ≤ forecast (${demand.volume}) ≤ hi80 ≤ hi95`);
      }
      return { up: sideSigma(band.hi80 - demand.volume, band.hi95 - demand.volume), down: sideSigma(demand.volume - band.lo80, demand.volume - band.lo95) };
    }),
  );
  const tenuredWeekly = weeklyAttritionRate(plan.attrition.tenuredMonthly);
  const newHireWeekly = weeklyAttritionRate(plan.attrition.newHireMonthly);
  const adjustments = new Array<number>(weeks).fill(0);
  for (const adj of plan.adjustments ?? []) if (adj.week >= 0 && adj.week < weeks) adjustments[adj.week] += adj.change;

  const gaps = Array.from({ length: weeks }, () => new Float64Array(input.runs));
  const required = Array.from({ length: weeks }, () => new Float64Array(input.runs));
  const staffed = Array.from({ length: weeks }, () => new Float64Array(input.runs));
  const effective = new Float64Array(weeks);
  const tenured = new Float64Array(weeks);
  const joining = new Float64Array(weeks);

  for (let run = 0; run < input.runs; run++) {
    if (run % 50 === 0) {
      if (hooks.shouldCancel?.()) throw new SimulationCancelledError();
      hooks.onProgress?.(run / input.runs, `Run ${run + 1} of ${input.runs}`);
    }
    if (attrition === 'binomial') simulateSupply(plan, tenuredWeekly, newHireWeekly, adjustments, random, effective, tenured, joining);
    else
      projection.weeks.forEach((row, w) => {
        effective[w] = row.effectiveFte;
        tenured[w] = row.tenured;
      });
    for (let w = 0; w < weeks; w++) {
      const row = projection.weeks[w];
      let req = 0;
      for (let q = 0; q < row.requiredByQueue.length; q++) {
        const sigma = sigmas[q][w];
        if (sigma.up === 0 && sigma.down === 0) {
          req += row.requiredByQueue[q];
          continue;
        }
        const forecast = pools[q][w].volume;
        const z = normal(random);
        const volume = Math.max(0, forecast + z * (z >= 0 ? sigma.up : sigma.down));
        req += forecast > 0 ? row.requiredByQueue[q] * (volume / forecast) : row.requiredByQueue[q];
      }
      const gap = effective[w] - req;
      const allowed = tenured[w] * (input.overtimeHoursPerHead?.[w] ?? 0);
      const overtimeHours = Math.min(allowed, Math.max(0, -gap) * plan.hoursPerFte);
      const staffedFte = effective[w] + overtimeHours / plan.hoursPerFte;
      required[w][run] = req;
      staffed[w][run] = staffedFte;
      gaps[w][run] = staffedFte - req;
    }
  }
  hooks.onProgress?.(1, 'Summarising the runs');

  const deterministic = deterministicGaps(plan, projection.weeks, input.overtimeHoursPerHead);
  const simWeeks: SimulationWeek[] = gaps.map((g, w) => {
    let met = 0;
    const shortfall = new Float64Array(g.length);
    for (let r = 0; r < g.length; r++) {
      if (g[r] >= -1e-9) met++;
      shortfall[r] = Math.max(0, -g[r]);
    }
    return {
      week: w,
      weekStart: weekStartDate(plan, w),
      deterministicGap: deterministic[w],
      gap: percentilesOf(g),
      requiredFte: percentilesOf(required[w]),
      staffedFte: percentilesOf(staffed[w]),
      pMeetTarget: met / g.length,
      shortfallP90: percentilesOf(shortfall).p90,
    };
  });
  return {
    runs: input.runs,
    seed,
    weeks: simWeeks,
    hireUpTo: hireUpTo(plan, simWeeks, newHireWeekly),
    method: describeMethod(input),
  };
}

function deterministicGaps(plan: CapacityPlanInput, rows: ReturnType<typeof projectPlan>['weeks'], overtime: readonly number[] | undefined): number[] {
  return rows.map((row) => {
    const allowed = row.tenured * (overtime?.[row.week] ?? 0);
    const hours = Math.min(allowed, Math.max(0, -row.gap) * plan.hoursPerFte);
    return row.effectiveFte + hours / plan.hoursPerFte - row.requiredFte;
  });
}

function simulateSupply(
  plan: CapacityPlanInput,
  tenuredWeekly: number,
  newHireWeekly: number,
  adjustments: readonly number[],
  random: () => number,
  effective: Float64Array,
  tenured: Float64Array,
  joining: Float64Array,
): void {
  const weeks = plan.weeks;
  effective.fill(0);
  joining.fill(0);
  for (const cls of plan.classes) {
    const ramp = rampOf(cls, plan);
    let heads = cls.size;
    for (let k = 0; k <= ramp.length; k++) {
      if (k > 0) heads -= leavers(heads, newHireWeekly, random);
      const w = cls.startWeek + k;
      if (w < 0 || w >= weeks) continue;
      if (k < ramp.length) effective[w] += heads * ramp[k];
      else joining[w] += heads;
    }
  }
  let pool = plan.headcount + joining[0] + adjustments[0];
  for (let w = 0; w < weeks; w++) {
    if (w > 0) pool = pool - leavers(pool, tenuredWeekly, random) + joining[w] + adjustments[w];
    pool = Math.max(0, pool);
    tenured[w] = pool;
    effective[w] += pool;
  }
}

function hireUpTo(plan: CapacityPlanInput, weeks: SimulationWeek[], newHireWeekly: number): HireUpTo {
  const rampLength = plan.ramp.length;
  let extraFte = 0;
  let firstWeekNeeded: number | null = null;
  for (const w of weeks) {
    if (w.shortfallP90 > 1e-6 && firstWeekNeeded === null) firstWeekNeeded = w.week;
    extraFte = Math.max(extraFte, w.shortfallP90);
  }
  const survive = survivingShare(newHireWeekly, rampLength);
  const heads = extraFte > 1e-6 ? Math.ceil(extraFte / survive - 1e-9) : 0;
  const startClassBy = firstWeekNeeded === null ? null : firstWeekNeeded - rampLength;
  const withinLeadTime = startClassBy === null || startClassBy >= plan.hiring.leadTimeWeeks;
  const explanation =
    firstWeekNeeded === null
      ? 'The plan holds at P90 in every week: 9 runs out of 10 or more are covered, no extra hires needed.'
      : `At P90 the largest weekly shortfall is ${extraFte.toFixed(2)} FTE; hiring ${heads} heads (÷ ${survive.toFixed(3)} still there after a ${rampLength}-week ramp) ` +
        `starting ${startClassBy! >= 0 ? `by week ${startClassBy}` : `${-startClassBy!} weeks before the plan starts`} covers it from week ${firstWeekNeeded}` +
        `${withinLeadTime ? '' : `; with a lead time of ${plan.hiring.leadTimeWeeks} weeks the earliest class can start in week ${plan.hiring.leadTimeWeeks}, so the weeks before it is ramped stay short at P90`}.`;
  return { extraFte, heads, firstWeekNeeded, startClassBy, withinLeadTime, explanation };
}

function describeMethod(input: SimulationInput): string {
  const withBands = input.bands?.some((pool) => pool.some((b) => b)) ?? false;
  return [
    `${input.runs} runs, seed ${input.seed ?? 1}.`,
    withBands ? 'Volume per queue and week from a split normal fitted to the forecast’s 80% and 95% bands.' : 'No forecast bands: volume is the forecast in every run.',
    input.attrition === 'binomial' ? 'Leavers per week binomial (tenured and new hires).' : 'Attrition at its expected rate (no randomness).',
  ].join(' ');
}
