/** Monte Carlo of a scenario in a worker thread: progress every 50 runs, cancel between runs. */
import { simulatePlan, SimulationCancelledError, type SimulationInput, type SimulationResult } from '../../shared/engine/scenario';
import { TaskCancelledError, type TaskContext } from './taskContext';

export function simulateScenarioTask(input: SimulationInput, ctx: TaskContext): SimulationResult {
  try {
    return simulatePlan(input, { onProgress: ctx.progress, shouldCancel: ctx.isCancelled });
  } catch (error) {
    if (error instanceof SimulationCancelledError) throw new TaskCancelledError();
    throw error;
  }
}
