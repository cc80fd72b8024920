/**
 * One HiGHS branch-and-cut run over a roster MIP: starts from a known roster when given one, reports each better
 * roster as it appears, stops at a deadline, on request or once a target is reached, and never lets a WebAssembly
 * failure escape (the best roster seen before it is kept).
 */
import type { Highs } from 'highs';
import type { Cells } from './evaluate';
import { discardHighs } from '../common/highsRuntime';
import type { MipFormulation } from './mipModel';

export type MipRunOptions = {
  timeLimitSec: number;
  /** A roster that satisfies the model, handed to HiGHS as its first incumbent. */
  start?: Cells;
  /** Polled at HiGHS's interrupt checkpoints; true stops the run, keeping the incumbent. */
  shouldStop?: () => boolean;
  /** Stop as soon as a roster this good is found (e.g. a known lower bound). */
  stopAtObjective?: number;
  onImproved?: (cells: Cells, objective: number) => void;
  /** Most branch-and-bound nodes (HiGHS `mip_max_nodes`): a bound on the work that does not depend on the clock. */
  nodeLimit?: number;
  /** HiGHS `mip_heuristic_effort` (its default is 0.05): more of the run spent looking for better rosters than on the bound. */
  heuristicEffort?: number;
  /** When every weight is whole, a roster within 1 of the bound is optimal and HiGHS may stop there. */
  integralObjective: boolean;
};

export type MipRunResult =
  | { kind: 'solved'; optimal: boolean; cells: Cells; objective: number; lowerBound?: number }
  | { kind: 'no-roster'; infeasible: boolean }
  | { kind: 'failed'; message: string; best?: { cells: Cells; objective: number } };

const MODEL_STATUS_OPTIMAL = 7;
const MODEL_STATUS_INFEASIBLE = 8;

export function runMip(highs: Highs, mip: MipFormulation, options: MipRunOptions): MipRunResult {
  let model: ReturnType<Highs['createModel']> | null = null;
  let best: { cells: Cells; objective: number } | null = null;
  try {
    model = highs.createModel(mip.data);
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitSec),
      mip_rel_gap: 0,
      mip_abs_gap: options.integralObjective ? 0.999 : 1e-6,
    });
    if (options.heuristicEffort !== undefined) model.options.set('mip_heuristic_effort', options.heuristicEffort);
    if (options.nodeLimit !== undefined) model.options.set('mip_max_nodes', options.nodeLimit);
    if (options.start) model.setSolution({ colValue: mip.columnsOf(options.start) });
    const types = highs.constants.callbackType;
    const target = options.stopAtObjective ?? -Infinity;
    const status = model.run({
      [types.mipImprovingSolution](event) {
        const columns = event.data.mip_solution;
        const objective = event.data.objective_function_value;
        if (!columns || objective === undefined) return;
        best = { cells: mip.cellsOf(columns), objective };
        options.onImproved?.(best.cells, objective);
      },
      [types.mipInterrupt](event) {
        const incumbent = event.data.mip_primal_bound ?? Infinity;
        if (incumbent <= target + 1e-6 || options.shouldStop?.()) event.interrupt();
      },
    }).modelStatus;

    if (model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible) {
      best = { cells: mip.cellsOf(model.getSolution().colValue), objective: model.getObjectiveValue() };
    }
    if (best === null) return { kind: 'no-roster', infeasible: status === MODEL_STATUS_INFEASIBLE };
    const found: { cells: Cells; objective: number } = best;
    const bound = Number(model.info.get('mip_dual_bound'));
    return {
      kind: 'solved',
      optimal: status === MODEL_STATUS_OPTIMAL,
      cells: found.cells,
      objective: found.objective,
      lowerBound: Number.isFinite(bound) ? bound : undefined,
    };
  } catch (error) {
    // A throw from inside WebAssembly (out of memory, abort) leaves the runtime unusable. Wrapper validation errors
    // would not, but telling them apart is not worth risking a broken runtime on the next solve.
    discardHighs();
    model = null;
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error), best: best ?? undefined };
  } finally {
    try {
      model?.dispose();
    } catch {
      discardHighs();
    }
  }
}
