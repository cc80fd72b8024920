/**
 * The hiring optimiser: a small MIP (HiGHS) that chooses the size of each hiring class so the plan's cost — the
 * README's cost convention — is lowest.
 *
 * Model. Candidate start weeks c are the weeks c ≥ leadTimeWeeks with (c − leadTimeWeeks) mod cadenceWeeks = 0.
 * - size_c integer in [0, maxClassSize]; open_c binary with minClassSize·open_c ≤ size_c ≤ maxClassSize·open_c, so a
 *   class is 0 or in [minClassSize, maxClassSize] (open_c is left out when minClassSize ≤ 1: the integer size alone
 *   then says it, and the model stays smaller for the 32-bit wasm solver);
 * - s_w ≥ 0 with s_w + Σ_c eff(c, w)·size_c ≥ required(w) − baseEffective(w) (only weeks that are short without any
 *   new class need a row: elsewhere the shortfall is 0 whatever is hired);
 * - Σ_c size_c ≤ maxHires when given;
 * - minimise Σ_c size_c·(hireCost + weeklyCostPerHead·Σ_w heads(c, w)) + understaffPerFteWeek·Σ_w s_w, plus the
 *   constant payroll of the staff already there.
 *
 * The projection is linear in class sizes, so eff(c, w) and heads(c, w) are read off `projectPlan` for a class of one
 * with nobody else on staff: the model and the projection cannot drift apart. The chosen classes are projected again
 * with `projectPlan`, and the reported cost is that projection's, not the solver's arithmetic.
 */
import { solveLinearModel, type LinearSolveStatus } from '../schedule/highsSolver';
import { LinearModelBuilder } from '../schedule/linearModel';
import { formatNumber } from '../staffing/formatNumber';
import { projectPlan, rampOf } from './projection';
import type { CapacityPlanInput, HiringClass, PlanCostBreakdown, PlanProjection } from './types';

/** A week counts as short when it lacks more than this many FTE (rounding noise is not a shortfall). */
export const SHORTFALL_TOLERANCE_FTE = 1e-6;
const DEFAULT_TIME_LIMIT_SEC = 30;
/**
 * HiGHS's default: "optimal" means within 0.01% of the proven bound. HiGHS measures it on the decision's own cost
 * (hires, their payroll, shortfall), not on the payroll of the staff already there, so measured on the plan's total
 * cost — the gap this module reports — it is tighter still. Pass a smaller relativeGap for an exact optimum on small
 * plans (the tests do).
 */
const DEFAULT_RELATIVE_GAP = 1e-4;

export interface HiringProgress {
  seconds: number;
  /** Cost of the best plan found so far. */
  bestCost?: number;
  /** Proven lower bound on the cost. */
  bound?: number;
  message: string;
}

export interface OptimiseHiringOptions {
  timeLimitSec?: number;
  relativeGap?: number;
  /** Classes already decided (signed offers): kept as they are, the optimiser adds to them. */
  fixedClasses?: HiringClass[];
  onProgress?: (progress: HiringProgress) => void;
  /** Polled while solving; returning true stops the search and keeps the best plan found so far. */
  shouldCancel?: () => boolean;
}

/** What keeps a short week short. */
export type ShortWeekReason = 'lead-time' | 'class-size-cap' | 'hire-limit' | 'cost' | 'solver-stopped';

export interface MarginalHire {
  /** Start week of the class that would grow. */
  startWeek: number;
  /** Heads added: 1, or minClassSize when that class is not open yet. */
  addedHeads: number;
  /** Hiring + payroll the extra heads would cost over the horizon. */
  addedCost: number;
  /** Understaffing cost they would save. */
  savedShortfallCost: number;
  /** addedCost − savedShortfallCost: positive means the shortfall is the cheaper option. */
  netCost: number;
}

export interface ShortWeekExplanation {
  week: number;
  /** FTE missing: max(0, −gap). */
  shortfallFte: number;
  reason: ShortWeekReason;
  message: string;
  /** Candidate start weeks whose classes would be effective in this week. */
  helpfulStartWeeks: number[];
  /** For 'cost' and 'solver-stopped': the cheapest extra hire that would help this week. */
  cheapestHire?: MarginalHire;
}

export interface ClassCoverage {
  /** Index into `classes`. */
  classIndex: number;
  startWeek: number;
  size: number;
  /** First week with a load above 0. */
  firstEffectiveWeek: number;
  /** First week the class works at full load (or turns tenured). */
  fullLoadWeek: number;
  /** Weeks whose shortfall this class reduces (compared with the plan without it). */
  coversWeeks: number[];
  /** FTE-weeks of shortfall the class removes. */
  shortfallRemovedFteWeeks: number;
  message: string;
}

export interface HiringOptimisation {
  status: LinearSolveStatus;
  /** The plan's classes: the fixed ones first, then the chosen ones (classes of size 0 left out), by start week. */
  classes: HiringClass[];
  projection: PlanProjection;
  cost: PlanCostBreakdown;
  /** Proven lower bound on the total cost; null when the solver proved none. */
  bound: number | null;
  /** Relative gap (cost − bound) ÷ cost on the plan's total cost; null without a bound. */
  gap: number | null;
  seconds: number;
  /** Weeks a class may start in. */
  candidateWeeks: number[];
  shortWeeks: ShortWeekExplanation[];
  classCoverage: ClassCoverage[];
  model: { columns: number; rows: number };
}

/** Weeks a class may start: w ≥ leadTimeWeeks and (w − leadTimeWeeks) mod cadenceWeeks = 0. */
export function candidateStartWeeks(plan: Pick<CapacityPlanInput, 'weeks' | 'hiring'>): number[] {
  const { leadTimeWeeks, cadenceWeeks } = plan.hiring;
  const weeks: number[] = [];
  for (let w = leadTimeWeeks; w < plan.weeks; w += Math.max(1, cadenceWeeks)) weeks.push(w);
  return weeks;
}

/** Per week, the effective FTE and heads one hire starting in `startWeek` adds (nobody else on staff). */
export function unitClassContribution(plan: CapacityPlanInput, startWeek: number): { effective: number[]; heads: number[] } {
  const alone = projectPlan({ ...plan, headcount: 0, adjustments: [], classes: [{ startWeek, size: 1 }] });
  return { effective: alone.weeks.map((w) => w.effectiveFte), heads: alone.weeks.map((w) => w.headcount) };
}

/** Chooses the hiring classes for `plan`; the plan's own `classes` are replaced (keep some with `fixedClasses`). */
export async function optimiseHiring(plan: CapacityPlanInput, options: OptimiseHiringOptions = {}): Promise<HiringOptimisation> {
  const started = Date.now();
  const fixed = options.fixedClasses ?? [];
  const base = projectPlan({ ...plan, classes: fixed });
  const candidates = candidateStartWeeks(plan);
  const contributions = candidates.map((c) => unitClassContribution(plan, c));
  const { hiring, costs } = plan;
  const needsOpenFlag = hiring.minClassSize > 1;

  const builder = new LinearModelBuilder();
  const sizeColumns = candidates.map((_, i) =>
    builder.addColumn({
      cost: costs.hireCost + costs.weeklyCostPerHead * sum(contributions[i].heads),
      upper: hiring.maxClassSize,
      integer: true,
    }),
  );
  if (needsOpenFlag) {
    for (const size of sizeColumns) {
      const open = builder.addColumn({ upper: 1, integer: true });
      builder.addRow([size, open], [1, -hiring.maxClassSize], -Infinity, 0);
      builder.addRow([size, open], [1, -hiring.minClassSize], 0, Infinity);
    }
  }
  const shortRows: { week: number; column: number; need: number }[] = [];
  base.weeks.forEach((row) => {
    const need = row.requiredFte - row.effectiveFte;
    if (need <= 0) return;
    const column = builder.addColumn({ cost: costs.understaffPerFteWeek });
    const columns = [column];
    const coefficients = [1];
    candidates.forEach((_, i) => {
      const effective = contributions[i].effective[row.week];
      if (effective > 0) {
        columns.push(sizeColumns[i]);
        coefficients.push(effective);
      }
    });
    builder.addRow(columns, coefficients, need, Infinity);
    shortRows.push({ week: row.week, column, need });
  });
  if (hiring.maxHires !== undefined && candidates.length > 0) {
    builder.addRow(sizeColumns, sizeColumns.map(() => 1), -Infinity, hiring.maxHires);
  }
  const model = builder.build();
  // Payroll of the staff already there and the fixed classes' hiring cost do not depend on the decision.
  const constant = base.cost.payroll + base.cost.hiring;

  let status: LinearSolveStatus = 'optimal';
  let bound: number | null = base.cost.total;
  let sizes = candidates.map(() => 0);
  if (candidates.length > 0) {
    // Hiring nobody is always feasible; handing it over as the start means a Stop always has a plan to return.
    const start = new Float64Array(model.numCols);
    for (const r of shortRows) start[r.column] = r.need;
    const solved = await solveLinearModel(model, {
      timeLimitSec: options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC,
      relativeGap: options.relativeGap ?? DEFAULT_RELATIVE_GAP,
      start: { indices: Int32Array.from(start.keys()), values: start },
      shouldCancel: options.shouldCancel,
      onProgress: (p) =>
        options.onProgress?.({
          seconds: p.seconds,
          bestCost: p.objective === undefined ? undefined : p.objective + constant,
          bound: p.bound === undefined ? undefined : p.bound + constant,
          message: progressMessage(p.seconds, p.objective, p.bound, constant),
        }),
    });
    status = solved.status;
    bound = solved.bound === null ? null : solved.bound + constant;
    if (solved.values) sizes = sizeColumns.map((column) => Math.max(0, Math.round(solved.values![column])));
  }

  const chosen: HiringClass[] = candidates.flatMap((startWeek, i) => (sizes[i] > 0 ? [{ startWeek, size: sizes[i] }] : []));
  const classes = [...fixed, ...chosen];
  const solvedPlan = { ...plan, classes };
  const projection = projectPlan(solvedPlan);
  const cost = projection.cost;
  if (status === 'optimal') bound = Math.min(bound ?? cost.total, cost.total);
  const gap = bound === null ? null : cost.total > 0 ? Math.max(0, (cost.total - bound) / cost.total) : 0;

  return {
    status,
    classes,
    projection,
    cost,
    bound,
    gap,
    seconds: (Date.now() - started) / 1000,
    candidateWeeks: candidates,
    shortWeeks: explainShortWeeks(solvedPlan, projection, candidates, contributions, fixed.length, status),
    classCoverage: describeCoverage(solvedPlan, projection),
    model: { columns: model.numCols, rows: model.numRows },
  };
}

function progressMessage(seconds: number, objective: number | undefined, bound: number | undefined, constant: number): string {
  const parts = [`${Math.round(seconds)} s`];
  if (objective !== undefined) parts.push(`best cost ${formatNumber(objective + constant, 6)}`);
  if (bound !== undefined) parts.push(`bound ${formatNumber(bound + constant, 6)}`);
  return `Optimising hiring: ${parts.join(', ')}`;
}

/**
 * Why each short week stays short. Checked in this order, the first that holds is the answer:
 * (a) lead time: no class that may start is effective by that week;
 * (b) every class that would be effective then is at maxClassSize;
 * (c) the maxHires limit is used up;
 * (d) cost: the cheapest extra hire that helps (one head, or a new class of minClassSize) costs more in hiring and
 *     payroll than the shortfall it removes; if it costs less, the solver was stopped before it proved its plan.
 */
function explainShortWeeks(
  plan: CapacityPlanInput,
  projection: PlanProjection,
  candidates: number[],
  contributions: { effective: number[] }[],
  fixedCount: number,
  status: LinearSolveStatus,
): ShortWeekExplanation[] {
  const { hiring } = plan;
  const sizeAt = new Map<number, number>();
  plan.classes.slice(fixedCount).forEach((c) => sizeAt.set(c.startWeek, c.size));
  const totalHires = plan.classes.slice(fixedCount).reduce((s, c) => s + c.size, 0);
  const hireLimitReached = hiring.maxHires !== undefined && totalHires >= hiring.maxHires - 1e-9;
  const marginalCache = new Map<number, MarginalHire>();
  const marginal = (startWeek: number) => {
    let m = marginalCache.get(startWeek);
    if (!m) marginalCache.set(startWeek, (m = marginalHire(plan, projection, fixedCount, startWeek, sizeAt.get(startWeek) ?? 0)));
    return m;
  };
  const earliestEffective = earliestEffectiveWeek(plan, candidates);

  const explanations: ShortWeekExplanation[] = [];
  for (const row of projection.weeks) {
    const shortfallFte = Math.max(0, -row.gap);
    if (shortfallFte <= SHORTFALL_TOLERANCE_FTE) continue;
    const helpful = candidates.filter((_, i) => contributions[i].effective[row.week] > 0);
    const short = `Week ${row.week} is short ${formatNumber(shortfallFte)} FTE`;
    if (helpful.length === 0) {
      const message =
        earliestEffective === null
          ? `${short}: no class can start within the horizon (lead time ${hiring.leadTimeWeeks} weeks, ${plan.weeks}-week plan).`
          : `${short}: the lead time binds — the first class may start in week ${candidates[0]} (lead time ${hiring.leadTimeWeeks} weeks, a class every ${hiring.cadenceWeeks} weeks) and carries load from week ${earliestEffective}.`;
      explanations.push({ week: row.week, shortfallFte, reason: 'lead-time', message, helpfulStartWeeks: [] });
      continue;
    }
    const growable = helpful.filter((c) => (sizeAt.get(c) ?? 0) < hiring.maxClassSize);
    if (growable.length === 0) {
      const message = `${short}: the class size cap binds — every class that would carry load then (starting ${listWeeks(helpful)}) already has the maximum ${hiring.maxClassSize} hires.`;
      explanations.push({ week: row.week, shortfallFte, reason: 'class-size-cap', message, helpfulStartWeeks: helpful });
      continue;
    }
    if (hireLimitReached) {
      const message = `${short}: the hire limit binds — all ${hiring.maxHires} hires allowed over the horizon are used.`;
      explanations.push({ week: row.week, shortfallFte, reason: 'hire-limit', message, helpfulStartWeeks: helpful });
      continue;
    }
    const cheapest = growable.map(marginal).reduce((best, m) => (m.netCost < best.netCost ? m : best));
    const hire = `${cheapest.addedHeads} more hire${cheapest.addedHeads === 1 ? '' : 's'} in the class starting week ${cheapest.startWeek}`;
    const sums = `would cost ${formatNumber(cheapest.addedCost, 6)} in hiring and payroll and save ${formatNumber(cheapest.savedShortfallCost, 6)} of understaffing`;
    const reason: ShortWeekReason = cheapest.netCost >= -1e-6 || status === 'optimal' ? 'cost' : 'solver-stopped';
    const message =
      reason === 'cost'
        ? `${short}: the shortfall costs less than a hire — ${hire} ${sums}.`
        : `${short}: the solver stopped before proving its plan — ${hire} ${sums}, so more hiring would pay off.`;
    explanations.push({ week: row.week, shortfallFte, reason, message, helpfulStartWeeks: helpful, cheapestHire: cheapest });
  }
  return explanations;
}

/** The exact change in plan cost from adding heads to one chosen class (or opening it), by projecting the plan again. */
function marginalHire(plan: CapacityPlanInput, current: PlanProjection, fixedCount: number, startWeek: number, size: number): MarginalHire {
  const addedHeads = size > 0 ? 1 : Math.max(1, plan.hiring.minClassSize);
  const chosenIndex = plan.classes.findIndex((c, i) => i >= fixedCount && c.startWeek === startWeek);
  const classes = chosenIndex >= 0 ? plan.classes.map((c, i) => (i === chosenIndex ? { ...c, size: c.size + addedHeads } : c)) : [...plan.classes, { startWeek, size: addedHeads }];
  const after = projectPlan({ ...plan, classes }).cost;
  const addedCost = after.payroll + after.hiring - current.cost.payroll - current.cost.hiring;
  const savedShortfallCost = current.cost.understaffing - after.understaffing;
  return { startWeek, addedHeads, addedCost, savedShortfallCost, netCost: addedCost - savedShortfallCost };
}

function earliestEffectiveWeek(plan: CapacityPlanInput, candidates: number[]): number | null {
  const firstLoaded = plan.ramp.findIndex((load) => load > 0);
  const offset = firstLoaded === -1 ? plan.ramp.length : firstLoaded;
  const week = candidates.length ? candidates[0] + offset : null;
  return week !== null && week < plan.weeks ? week : null;
}

/** For each class, the weeks it keeps from being (more) short, found by projecting the plan without it. */
export function describeCoverage(plan: CapacityPlanInput, projection: PlanProjection): ClassCoverage[] {
  return plan.classes.map((cls, classIndex) => {
    const without = projectPlan({ ...plan, classes: plan.classes.filter((_, i) => i !== classIndex) });
    const coversWeeks: number[] = [];
    let removed = 0;
    projection.weeks.forEach((row, w) => {
      const saved = Math.max(0, -without.weeks[w].gap) - Math.max(0, -row.gap);
      if (saved > SHORTFALL_TOLERANCE_FTE) {
        coversWeeks.push(w);
        removed += saved;
      }
    });
    const ramp = rampOf(cls, plan);
    const firstLoaded = ramp.findIndex((load) => load > 0);
    const fullLoad = ramp.findIndex((load) => load >= 1);
    const firstEffectiveWeek = cls.startWeek + (firstLoaded === -1 ? ramp.length : firstLoaded);
    const fullLoadWeek = cls.startWeek + (fullLoad === -1 ? ramp.length : fullLoad);
    const message = coversWeeks.length
      ? `Class of ${cls.size} starting week ${cls.startWeek} (load from week ${firstEffectiveWeek}, full from week ${fullLoadWeek}) covers ${coversWeeks.length} short week${coversWeeks.length === 1 ? '' : 's'} (${listWeeks(coversWeeks)}), removing ${formatNumber(removed)} FTE-weeks of shortfall.`
      : `Class of ${cls.size} starting week ${cls.startWeek} (load from week ${firstEffectiveWeek}) covers no short week.`;
    return { classIndex, startWeek: cls.startWeek, size: cls.size, firstEffectiveWeek, fullLoadWeek, coversWeeks, shortfallRemovedFteWeeks: removed, message };
  });
}

/** "3–7, 12, 15–16": consecutive weeks as ranges. */
export function listWeeks(weeks: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < weeks.length; i++) {
    let j = i;
    while (j + 1 < weeks.length && weeks[j + 1] === weeks[j] + 1) j++;
    parts.push(j === i ? `${weeks[i]}` : `${weeks[i]}–${weeks[j]}`);
    i = j;
  }
  return parts.join(', ');
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
