import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimisePlanTask } from '../../../electron/workers/planTasks';
import { TaskCancelledError, type TaskContext } from '../../../electron/workers/taskContext';

const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'plan', 'plan.json'), 'utf8'));

function context(cancelled = () => false) {
  const messages: string[] = [];
  const ctx: TaskContext = {
    progress: (_fraction, message) => messages.push(message),
    checkCancelled: () => {
      if (cancelled()) throw new TaskCancelledError();
    },
    isCancelled: cancelled,
  };
  return { ctx, messages };
}

describe('plan.optimise worker task', () => {
  it('optimises the plan and reports progress', async () => {
    const { ctx, messages } = context();
    const result = await optimisePlanTask({ plan: fixture, timeLimitSec: 30 }, ctx);
    expect(result.status).toBe('optimal');
    expect(result.stoppedEarly).toBe(false);
    expect(messages[0]).toBe('Building the hiring model');
    expect(messages.at(-1)).toBe('Optimal hiring plan found');
  });

  it('keeps the best plan so far on Stop', async () => {
    const stopFlag = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(stopFlag), 0, 1);
    const result = await optimisePlanTask({ plan: fixture, timeLimitSec: 30, stopFlag }, context().ctx);
    expect(result.stoppedEarly).toBe(true);
    expect(result.projection.weeks).toHaveLength(26);
  });

  it('throws on cancel and refuses a bad plan with the field named', async () => {
    await expect(optimisePlanTask({ plan: fixture, timeLimitSec: 30 }, context(() => true).ctx)).rejects.toBeInstanceOf(TaskCancelledError);
    await expect(optimisePlanTask({ plan: { ...fixture, hoursPerFte: 0 }, timeLimitSec: 30 }, context().ctx)).rejects.toThrow('hoursPerFte must be greater than 0');
  });
});
