/**
 * Stage 1, shift design: how many of each concrete shift (template × start) to run per day and skill so the staffing
 * curve is covered, as compact models over the candidates of designData.ts.
 *
 *   x[c] ≥ 0 integer, ≤ agents who could take it     copies of candidate c = (day, concrete shift, skill)
 *   y[c,b,p] ≥ 0, Σ_p y[c,b,p] = x[c]                 copies of c taking break b at position p (continuous: the
 *                                                      exact placement comes later, only its effect matters here)
 *   u[s,t], o[s,t] ≥ 0                                 under / over coverage of interval t for skill s
 *   Σ working·x − Σ break·y + u − o = required − locked coverage       every skill and reachable interval
 *   supply limits (designData.ts)
 *   minimise Σ (underWeight·u + overWeight·o) · interval hours
 *
 * 1. Lower bound: the LP relaxation with under-coverage as the only cost. No schedule from these templates and
 *    agents can have less under-coverage.
 * 2. The weighted LP relaxation says how the horizon-wide supply (agent-days, minutes, weekends) is best spread
 *    over the days.
 * 3. One small MIP per day, in order, each within its share of that supply: the whole-week MIP is the same model,
 *    but HiGHS finds good integer solutions for it slowly, while a day's model (a seventh of the size) solves in a
 *    second or two. Each day gets what later days' LP shares (rounded down) leave, so the days together stay
 *    within every limit, and shifts running past midnight count on the next day's curve.
 */
import type { PlanningContext } from './context';
import { buildDesignData, type DesignData, type SupplyLimit } from './designData';
import { solveLinearModel, type LinearSolveStatus, type SolverProgress } from './highsSolver';
import { LinearModelBuilder, type LinearModel } from './linearModel';
import type { LockedWork } from './supply';

export interface DesignedShifts {
  day: number;
  /** Index into the context's concrete shifts. */
  shift: number;
  /** Index into the context's skills. */
  skill: number;
  count: number;
}

export interface ShiftDesign {
  designed: DesignedShifts[];
  /** 'optimal' when every day's MIP finished; 'stopped' when a time limit or cancel cut one short. */
  status: LinearSolveStatus;
  /** Least under-coverage (agent-hours) any schedule can reach, from the LP relaxation; null if it did not solve. */
  lowerBoundUnderHours: number | null;
}

export interface DesignOptions {
  timeLimitSec: number;
  /** `seconds` since the design started; `day` is the day being designed. */
  onProgress?: (progress: { phase: 'bound' | 'design'; seconds: number; day?: number } & SolverProgress) => void;
  shouldCancel?: () => boolean;
}

/** Share of the design time the two LPs may take at most; they usually need far less. */
const LP_SHARE = 0.35;
/** A day's MIP stops at this relative gap: rostering moves the result more than that anyway. */
const DAY_RELATIVE_GAP = 0.001;

export async function designShifts(
  context: PlanningContext,
  lockedCoverage: Float64Array[],
  lockedWork: LockedWork,
  options: DesignOptions,
): Promise<ShiftDesign> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const intervalHours = context.grid.intervalMinutes / 60;
  const data = buildDesignData(context, lockedCoverage, lockedWork);
  const whole = buildModel(data, context);

  const bound = await solveLinearModel(whole.underOnly, {
    relaxIntegrality: true,
    timeLimitSec: (options.timeLimitSec * LP_SHARE) / 2,
    shouldCancel: options.shouldCancel,
  });
  const lowerBoundUnderHours = bound.status === 'optimal' ? bound.objective + data.uncoverableUnder * intervalHours : null;
  options.onProgress?.({ phase: 'bound', seconds: elapsed(), bound: lowerBoundUnderHours ?? undefined });

  const relaxed = await solveLinearModel(whole.weighted, {
    relaxIntegrality: true,
    timeLimitSec: Math.max(0.1, options.timeLimitSec * LP_SHARE - elapsed()),
    shouldCancel: options.shouldCancel,
  });
  // Without the weighted LP (time, cancel) the bound LP's solution still says roughly where supply is needed. A stop
  // or a time limit before either LP finished would leave nothing to design from (the day MIPs are skipped once
  // stopped, and fall back on the LP share when out of time) and so an empty schedule: on a busy machine a 10 s
  // solve saved 0 shifts. The relaxation is quick, so it is then solved once more without the cancel hook.
  const stoppedWithoutGuide = !relaxed.values && !bound.values;
  const guide = stoppedWithoutGuide
    ? (await solveLinearModel(whole.weighted, { relaxIntegrality: true, timeLimitSec: Math.max(5, options.timeLimitSec * LP_SHARE) })).values
    : (relaxed.values ?? bound.values);
  const share = guide ? Float64Array.from(whole.candidateColumns, (column) => guide[column]) : new Float64Array(data.candidates.length);

  const counts = new Int32Array(data.candidates.length);
  const residual = data.residual.map((curve) => Float64Array.from(curve));
  const spent = new Float64Array(data.limits.length);
  const weekendUsed = data.weekends.days.map(() => 0);
  let status: LinearSolveStatus = 'optimal';
  for (let day = 0; day < context.days; day++) {
    const members = data.candidates.map((c, i) => (c.day === day ? i : -1)).filter((i) => i >= 0);
    if (members.length === 0) continue;
    const daysLeft = context.days - day;
    const limits = dayLimits(data, day, members, share, spent, weekendUsed);
    const dayModel = buildModel({ ...data, candidates: members.map((i) => data.candidates[i]), residual, limits, weekends: { days: [], cap: 0 } }, context);
    const solved = options.shouldCancel?.()
      ? null
      : await solveLinearModel(dayModel.weighted, {
          timeLimitSec: Math.max(0.1, (options.timeLimitSec - elapsed()) / daysLeft),
          relativeGap: DAY_RELATIVE_GAP,
          onProgress: options.onProgress && ((progress) => options.onProgress?.({ ...progress, seconds: elapsed(), phase: 'design', day })),
          shouldCancel: options.shouldCancel,
        });
    if (solved?.status !== 'optimal') status = 'stopped';
    members.forEach((i, k) => {
      if (!solved?.values) return;
      counts[i] = Math.max(0, Math.min(data.candidates[i].upper, Math.round(solved.values[dayModel.candidateColumns[k]])));
    });
    // A day that found no integer solution (time, cancel) falls back on its LP share. Rounded down one by one, an LP
    // that spreads a day over many starts (0.4 here, 0.7 there) designed nothing, and a short solve on a busy machine
    // saved an empty week; the day's total is kept instead (largest remainders). Rostering keeps every contract limit.
    if (!solved?.values) roundShares(members, share, counts, data);
    record(data, members, counts, residual, spent, weekendUsed, day);
    options.onProgress?.({ phase: 'design', seconds: elapsed(), day });
  }

  return {
    designed: data.candidates
      .map((c, i) => ({ day: c.day, shift: c.shift, skill: c.skill, count: counts[i] }))
      .filter((d) => d.count > 0),
    status,
    lowerBoundUnderHours,
  };
}

/** Whole shifts for one day from fractional LP shares: the day's total rounded, given to the largest remainders. */
function roundShares(members: number[], share: Float64Array, counts: Int32Array, data: DesignData): void {
  const total = Math.round(members.reduce((sum, i) => sum + share[i], 0));
  members.forEach((i) => (counts[i] = Math.min(data.candidates[i].upper, Math.floor(share[i] + 1e-6))));
  let given = members.reduce((sum, i) => sum + counts[i], 0);
  const byRemainder = [...members].sort((a, b) => share[b] - Math.floor(share[b] + 1e-6) - (share[a] - Math.floor(share[a] + 1e-6)));
  for (const i of byRemainder) {
    if (given >= total) break;
    if (counts[i] >= data.candidates[i].upper || share[i] <= 0) continue;
    counts[i]++;
    given++;
  }
}

/**
 * A day's supply limits: limits within the day keep their cap; horizon-wide ones get what is left after earlier days
 * and after later days' LP shares rounded down. Weekend days are capped by the agent-weekends left the same way.
 */
function dayLimits(
  data: DesignData,
  day: number,
  members: number[],
  share: Float64Array,
  spent: Float64Array,
  weekendUsed: number[],
): SupplyLimit[] {
  const position = new Map(members.map((i, k) => [i, k]));
  const limits: SupplyLimit[] = [];
  data.limits.forEach((limit, l) => {
    const onDay = limit.candidates.map((i, k) => ({ i, k })).filter(({ i }) => position.has(i));
    if (onDay.length === 0) return;
    const laterShares = new Map<number, number>();
    limit.candidates.forEach((i, k) => {
      const candidateDay = data.candidates[i].day;
      if (candidateDay > day) laterShares.set(candidateDay, (laterShares.get(candidateDay) ?? 0) + limit.coefficients[k] * share[i]);
    });
    const reserved = [...laterShares.values()].reduce((sum, value) => sum + Math.floor(value + 1e-6), 0);
    limits.push({
      candidates: onDay.map(({ i }) => position.get(i)!),
      coefficients: onDay.map(({ k }) => limit.coefficients[k]),
      cap: Math.max(0, limit.cap - spent[l] - reserved),
    });
  });

  const weekend = data.weekends.days.findIndex((days) => days.some((candidates) => candidates.some((i) => data.candidates[i].day === day)));
  if (weekend >= 0) {
    const laterWeekends = data.weekends.days.slice(weekend + 1).reduce((sum, days) => sum + Math.floor(weekendShare(days, share) + 1e-6), 0);
    const usedElsewhere = weekendUsed.reduce((sum, used) => sum + used, 0);
    const onDay = members.map((_, k) => k);
    limits.push({
      candidates: onDay,
      coefficients: onDay.map(() => 1),
      cap: Math.max(0, weekendUsed[weekend] + data.weekends.cap - usedElsewhere - laterWeekends),
    });
  }
  return limits;
}

/** Agents a weekend needs in the LP: the busier of its days. */
function weekendShare(days: number[][], share: Float64Array): number {
  return Math.max(0, ...days.map((candidates) => candidates.reduce((sum, i) => sum + share[i], 0)));
}

/** Books a designed day: supply spent, weekend agents used, and coverage spilling past midnight into later days. */
function record(
  data: DesignData,
  members: number[],
  counts: Int32Array,
  residual: Float64Array[],
  spent: Float64Array,
  weekendUsed: number[],
  day: number,
): void {
  const memberSet = new Set(members);
  data.limits.forEach((limit, l) => {
    limit.candidates.forEach((i, k) => {
      if (memberSet.has(i)) spent[l] += limit.coefficients[k] * counts[i];
    });
  });
  data.weekends.days.forEach((days, w) => {
    for (const candidates of days) {
      if (!candidates.some((i) => data.candidates[i].day === day)) continue;
      const total = candidates.reduce((sum, i) => sum + counts[i], 0);
      weekendUsed[w] = Math.max(weekendUsed[w], total);
    }
  });
  for (const i of members) {
    const { skill, averaged } = data.candidates[i];
    averaged.intervals.forEach((t, k) => (residual[skill][t] -= counts[i] * averaged.coefficients[k]));
  }
}

interface BuiltModel {
  weighted: LinearModel;
  /** Same rows, objective = under-coverage in agent-hours. */
  underOnly: LinearModel;
  /** Column of x for each design candidate. */
  candidateColumns: number[];
}

function buildModel(data: DesignData, context: PlanningContext): BuiltModel {
  const { grid, problem } = context;
  const intervalHours = grid.intervalMinutes / 60;
  const builder = new LinearModelBuilder();
  const rowColumns = data.residual.map(() => Array.from({ length: grid.intervalCount }, () => [] as number[]));
  const rowCoefficients = data.residual.map(() => Array.from({ length: grid.intervalCount }, () => [] as number[]));
  const addTerms = (skill: number, column: number, intervals: Int32Array, coefficients: Float64Array, sign: number) => {
    intervals.forEach((t, k) => {
      rowColumns[skill][t].push(column);
      rowCoefficients[skill][t].push(sign * coefficients[k]);
    });
  };

  const candidateColumns = data.candidates.map((candidate) => {
    const column = builder.addColumn({ upper: candidate.upper, integer: true });
    addTerms(candidate.skill, column, candidate.working.intervals, candidate.working.coefficients, 1);
    for (const positions of candidate.breakPositions) {
      const placed = positions.map((position) => {
        const breakColumn = builder.addColumn();
        addTerms(candidate.skill, breakColumn, position.intervals, position.coefficients, -1);
        return breakColumn;
      });
      builder.addRow([...placed, column], [...placed.map(() => 1), -1], 0, 0);
    }
    return column;
  });

  const underColumns: number[] = [];
  data.residual.forEach((residual, s) => {
    for (let t = 0; t < grid.intervalCount; t++) {
      if (rowColumns[s][t].length === 0) continue;
      const columns = rowColumns[s][t];
      const coefficients = rowCoefficients[s][t];
      if (residual[t] > 0) {
        const under = builder.addColumn({ cost: problem.weights.underPerAgentHour * intervalHours });
        underColumns.push(under);
        columns.push(under);
        coefficients.push(1);
      }
      columns.push(builder.addColumn({ cost: problem.weights.overPerAgentHour * intervalHours }));
      coefficients.push(-1);
      builder.addRow(columns, coefficients, residual[t], residual[t]);
    }
  });

  for (const limit of data.limits) {
    builder.addRow(limit.candidates.map((i) => candidateColumns[i]), limit.coefficients, -Infinity, limit.cap);
  }
  const weekendColumns = data.weekends.days.map((days) => {
    const worked = builder.addColumn();
    for (const members of days) {
      if (members.length > 0) builder.addRow([worked, ...members.map((i) => candidateColumns[i])], [1, ...members.map(() => -1)], 0, Infinity);
    }
    return worked;
  });
  if (weekendColumns.length > 0) builder.addRow(weekendColumns, weekendColumns.map(() => 1), -Infinity, data.weekends.cap);

  const weighted = builder.build();
  const underOnlyCost = new Float64Array(weighted.numCols);
  for (const under of underColumns) underOnlyCost[under] = intervalHours;
  return { weighted, underOnly: { ...weighted, colCost: underOnlyCost }, candidateColumns };
}
