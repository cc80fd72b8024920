/**
 * Runs a `LinearModel` through HiGHS (WebAssembly, single-threaded) with a time limit, progress reports and
 * cancellation. A stopped MIP still returns its best incumbent, so callers always get a usable answer when one was
 * found. It shares the roster engine's runtime: one Wasm instance per worker, and one place (`configureHighs`) that
 * says where the .wasm file lives once the app is packaged.
 */
import { discardHighs, getHighs } from '../common/highsRuntime';
import type { LinearModel } from './linearModel';

export interface SolverProgress {
  seconds: number;
  /** Best objective found so far, when the solver has one. */
  objective?: number;
  /** Proven bound on the objective, when the solver has one. */
  bound?: number;
}

export interface LinearSolveOptions {
  /** Solve the LP relaxation: integrality is dropped. */
  relaxIntegrality?: boolean;
  timeLimitSec: number;
  /** Stop when the relative MIP gap falls below this (HiGHS default 1e-4). */
  relativeGap?: number;
  /** A known solution to start from, given for some columns (the solver completes the rest). */
  start?: { indices: Int32Array; values: Float64Array };
  onProgress?: (progress: SolverProgress) => void;
  shouldCancel?: () => boolean;
}

export type LinearSolveStatus = 'optimal' | 'stopped' | 'infeasible' | 'failed';

export interface LinearSolveResult {
  status: LinearSolveStatus;
  /** Column values of the best solution found; null when none was found. */
  values: Float64Array | null;
  objective: number;
  /** Proven lower bound on the objective (minimisation), when known. */
  bound: number | null;
}

const PROGRESS_EVERY_SEC = 0.5;
const FEASIBLE_SOLUTION = 2;

/** Never throws: a runtime that fails to load or breaks mid-solve gives status 'failed', and callers fall back. */
export async function solveLinearModel(model: LinearModel, options: LinearSolveOptions): Promise<LinearSolveResult> {
  try {
    return await solveWithHighs(model, options);
  } catch {
    // A throw from inside WebAssembly leaves the runtime unusable; the next solve loads a fresh one.
    discardHighs();
    return { status: 'failed', values: null, objective: Infinity, bound: null };
  }
}

async function solveWithHighs(model: LinearModel, options: LinearSolveOptions): Promise<LinearSolveResult> {
  const highs = await getHighs();
  const { callbackType, modelStatus } = highs.constants;
  const integral = !options.relaxIntegrality && model.integer.some((flag) => flag === 1);
  let lastIncumbent: { values: Float64Array; objective: number } | null = null;
  let lastReport = -Infinity;

  return highs.withModel(
    {
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: model.colCost,
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower,
      rowUpper: model.rowUpper,
      matrix: {
        format: 'csr',
        numRows: model.numRows,
        numCols: model.numCols,
        starts: model.rowStarts,
        indices: model.rowIndices,
        values: model.rowValues,
      },
      ...(integral ? { integrality: Int32Array.from(model.integer) } : {}),
    },
    (solver): LinearSolveResult => {
      solver.options.set({
        output_flag: false,
        time_limit: Math.max(0.1, options.timeLimitSec),
        ...(options.relativeGap !== undefined ? { mip_rel_gap: options.relativeGap } : {}),
      });
      if (options.start) solver.setSolution(options.start);
      const cancelled = () => options.shouldCancel?.() === true;
      solver.run({
        [callbackType.simplexInterrupt](event) {
          if (cancelled()) event.interrupt();
        },
        [callbackType.mipInterrupt](event) {
          if (cancelled()) event.interrupt();
          const seconds = event.data.running_time ?? 0;
          if (!options.onProgress || seconds - lastReport < PROGRESS_EVERY_SEC) return;
          lastReport = seconds;
          options.onProgress({ seconds, objective: finite(event.data.mip_primal_bound), bound: finite(event.data.mip_dual_bound) });
        },
        [callbackType.mipImprovingSolution](event) {
          if (event.data.mip_solution && event.data.objective_function_value !== undefined) {
            lastIncumbent = { values: event.data.mip_solution, objective: event.data.objective_function_value };
          }
        },
      });

      const status = solver.getModelStatus();
      if (status === modelStatus.infeasible) return { status: 'infeasible', values: null, objective: Infinity, bound: null };
      const hasSolution = solver.info.get('primal_solution_status') === FEASIBLE_SOLUTION;
      const bound = integral ? finite(Number(solver.info.get('mip_dual_bound'))) ?? null : null;
      const finished = status === modelStatus.optimal;
      if (hasSolution) {
        const objective = solver.getObjectiveValue();
        return { status: finished ? 'optimal' : 'stopped', values: solver.getSolution().colValue, objective, bound: finished && !integral ? objective : bound };
      }
      const incumbent = lastIncumbent as { values: Float64Array; objective: number } | null;
      if (incumbent) return { status: 'stopped', values: incumbent.values, objective: incumbent.objective, bound };
      return { status: 'failed', values: null, objective: Infinity, bound };
    },
  );
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}
