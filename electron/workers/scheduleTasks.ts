/**
 * The schedule solve inside a worker thread. Two ways to stop it:
 * - the job's cancel flag (jobs.cancel): the run ends at once and the job runner discards the result;
 * - the task's own stop flag (schedule.stop): the best schedule found so far is kept and saved.
 * The engine skips rostering when it is cancelled during shift design, which would leave an empty schedule; a stop
 * during design therefore cuts the design short, lets rostering build its first roster, and stops it there.
 */
import { generateSchedule, type ScheduleInput, type ScheduleResult } from '../../shared/engine/schedule';
import type { TaskContext } from './taskContext';

export interface ScheduleTaskInput {
  input: ScheduleInput;
  timeLimitSec: number;
  /** Int32 flag set to 1 by schedule.stop. */
  stopFlag: SharedArrayBuffer;
}

/**
 * After a stop, rostering gets at most this long to produce its first roster. It usually takes well under a second,
 * but on a busy two-core machine it can take several; stopping before it exists would save an empty schedule.
 */
const ROSTER_GRACE_MS = 15_000;

export async function generateScheduleTask({ input, timeLimitSec, stopFlag }: ScheduleTaskInput, ctx: TaskContext): Promise<ScheduleResult & { stoppedEarly: boolean }> {
  const stop = new Int32Array(stopFlag);
  const stopRequested = () => Atomics.load(stop, 0) === 1;
  let stage = 'design';
  let rosterStartedAt = 0;
  let rosterHasRoster = false;
  let lastReport = 0;

  const shouldCancel = () => {
    if (ctx.isCancelled()) return true;
    if (!stopRequested()) return false;
    if (stage === 'design') return true;
    if (stage === 'roster') return rosterHasRoster || Date.now() - rosterStartedAt > ROSTER_GRACE_MS;
    return true;
  };

  const result = await generateSchedule(input, {
    timeLimitSec,
    shouldCancel,
    onProgress: (progress) => {
      if (progress.stage !== stage) {
        stage = progress.stage;
        if (stage === 'roster') rosterStartedAt = Date.now();
      }
      if (stage === 'roster' && progress.bestObjective !== undefined) rosterHasRoster = true;
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
