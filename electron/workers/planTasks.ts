/**
 * The hiring optimiser inside a worker thread, so the app stays responsive while HiGHS searches. Two ways to end it:
 * - the job's cancel flag (jobs.cancel): the run ends at once and the job runner discards the result;
 * - the task's own stop flag (an Int32 set to 1 by the service's Stop): the search ends and the best hiring plan found
 *   so far is returned, with its proven gap, like the optimiser's time limit.
 */
import { optimiseHiring, parseCapacityPlan, type HiringClass, type HiringOptimisation } from '../../shared/engine/plan';
import type { TaskContext } from './taskContext';

export interface PlanOptimiseTaskInput {
  /** The plan in its JSON form (shared/engine/plan/schema.ts); checked again here, as the worker trusts no one. */
  plan: unknown;
  timeLimitSec: number;
  /** Classes already decided, kept as they are. */
  fixedClasses?: HiringClass[];
  /** Int32 flag set to 1 to stop and keep the best plan so far. */
  stopFlag?: SharedArrayBuffer;
}

export async function optimisePlanTask({ plan, timeLimitSec, fixedClasses, stopFlag }: PlanOptimiseTaskInput, ctx: TaskContext): Promise<HiringOptimisation & { stoppedEarly: boolean }> {
  const parsed = parseCapacityPlan(plan);
  if (!parsed.ok) throw new Error(parsed.message);
  const stop = stopFlag ? new Int32Array(stopFlag) : null;
  const stopRequested = () => stop !== null && Atomics.load(stop, 0) === 1;
  ctx.progress(0, 'Building the hiring model');
  const result = await optimiseHiring(parsed.plan, {
    timeLimitSec,
    fixedClasses,
    shouldCancel: () => ctx.isCancelled() || stopRequested(),
    onProgress: (p) => ctx.progress(Math.min(0.99, p.seconds / timeLimitSec), `${stopRequested() ? 'Stopping: ' : ''}${p.message} (${Math.round(p.seconds)} of ${timeLimitSec} s)`),
  });
  ctx.checkCancelled();
  ctx.progress(1, result.status === 'optimal' ? 'Optimal hiring plan found' : 'Stopped with the best hiring plan so far');
  return { ...result, stoppedEarly: stopRequested() };
}
