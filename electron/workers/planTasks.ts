/**
 * The hiring optimiser inside a worker thread. Two ways to stop it, as for schedule solves:
 * - the job's cancel flag (jobs.cancel): the run ends and the job runner discards the result;
 * - the task's own stop flag (plan.stop): the solver stops and the best plan found so far is kept and saved.
 */
import { optimiseHiring, type HiringOptimisation } from '../../shared/engine/plan/optimiseHiring';
import type { CapacityPlanInput } from '../../shared/engine/plan/types';
import type { TaskContext } from './tasks';

export interface PlanOptimiseTaskInput {
  plan: CapacityPlanInput;
  timeLimitSec: number;
  /** Int32 flag set to 1 by plan.stop. */
  stopFlag: SharedArrayBuffer;
}

export async function optimisePlanTask({ plan, timeLimitSec, stopFlag }: PlanOptimiseTaskInput, ctx: TaskContext): Promise<HiringOptimisation & { stoppedEarly: boolean }> {
  const stop = new Int32Array(stopFlag);
  const stopRequested = () => Atomics.load(stop, 0) === 1;
  let lastReport = 0;
  const result = await optimiseHiring(plan, {
    timeLimitSec,
    shouldCancel: () => ctx.isCancelled() || stopRequested(),
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastReport < 200) return;
      lastReport = now;
      const best = p.bestCost === undefined ? '' : `; best plan so far costs ${Math.round(p.bestCost).toLocaleString('en-US')}`;
      const bound = p.bound === undefined ? '' : `, none can cost less than ${Math.round(p.bound).toLocaleString('en-US')}`;
      ctx.progress(Math.min(0.99, p.seconds / timeLimitSec), `${stopRequested() ? 'Stopping: ' : ''}${p.message}${best}${bound} (${Math.round(p.seconds)} of ${timeLimitSec} s)`);
    },
  });
  ctx.checkCancelled();
  return { ...result, stoppedEarly: stopRequested() };
}
