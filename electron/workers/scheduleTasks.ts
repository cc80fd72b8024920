/**
 * The schedule solve inside a worker thread. Two ways to stop it:
 * - the job's cancel flag (jobs.cancel): the run ends at once and the job runner discards the result;
 * - the task's own stop flag (schedule.stop): the best schedule found so far is kept and saved.
 * On a stop the engine keeps the best complete schedule so far: at any stage it still lets rostering build its
 * first roster from the design (generateSchedule.ts), so a stopped run saves shifts, not an empty week.
 */
import { generateSchedule, type ScheduleInput, type ScheduleResult } from '../../shared/engine/schedule';
import type { TaskContext } from './taskContext';

export interface ScheduleTaskInput {
  input: ScheduleInput;
  timeLimitSec: number;
  /** Int32 flag set to 1 by schedule.stop. */
  stopFlag: SharedArrayBuffer;
}

export async function generateScheduleTask({ input, timeLimitSec, stopFlag }: ScheduleTaskInput, ctx: TaskContext): Promise<ScheduleResult & { stoppedEarly: boolean }> {
  const stop = new Int32Array(stopFlag);
  const stopRequested = () => Atomics.load(stop, 0) === 1;
  let lastReport = 0;
  const shouldCancel = () => ctx.isCancelled() || stopRequested();

  const result = await generateSchedule(input, {
    timeLimitSec,
    shouldCancel,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - lastReport < 200 && progress.stage !== 'done') return;
      lastReport = now;
      const seconds = Math.round(progress.seconds);
      ctx.progress(progress.fraction, `${stopRequested() ? 'Stopping: ' : ''}${capitalise(progress.message)} (${seconds} of ${timeLimitSec} s)`);
    },
  });
  return { ...result, stoppedEarly: stopRequested() };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
