import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { Channel, RequestOf, ResponseOf } from '../../shared/api/contract';
import type { ApiErrorShape } from '../../shared/api/errors';
import type { JobHandle, JobKind } from '../../shared/api/types';
import type { JobDoneEvent, JobDoneOf, JobResults } from '../../shared/api/jobs';

/** The channels that start a job and answer with its handle. */
type JobChannel = { [C in Channel]: ResponseOf<C> extends JobHandle ? C : never }[Channel];
import { useTempDirs } from './tempDir';
import { TEST_DEMO_END_DATE } from './constants';

/** A backend over a fresh temporary data folder per test, closed afterwards. */
export function useBackends(): (dataDir?: string) => Backend {
  const tempDir = useTempDirs();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });
  return (dataDir = tempDir()) => {
    const backend = createBackend({ dataDir, demoEndDate: TEST_DEMO_END_DATE, log: () => {} });
    open.push(backend);
    return backend;
  };
}

/** One typed call through the app's dispatcher; an error reply throws with its message. */
export async function call<C extends Channel>(backend: Backend, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const reply = await backend.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as ResponseOf<C>;
}

/** Starts a job through its channel and waits for it to finish. */
export async function runJob<C extends JobChannel>(backend: Backend, channel: C, payload: RequestOf<C>): Promise<JobDoneEvent> {
  const { jobId } = (await call(backend, channel, payload)) as JobHandle;
  const done = await backend.waitForJob(jobId);
  if (!done) throw new Error(`The ${channel} job finished before it could be awaited`);
  return done;
}

/** The result of a job that must have succeeded; anything else fails the test with the job's own message. */
export function resultOf<K extends JobKind>(done: JobDoneEvent | undefined, kind: K): JobResults[K] {
  if (!done || done.kind !== kind || done.status !== 'succeeded') {
    throw new Error(`Expected a successful ${kind} job, got ${done ? `${done.kind} ${done.status}: ${done.message}` : 'none'}`);
  }
  // A generic kind does not narrow the union; the check above is what makes this one cast safe.
  return (done as Extract<JobDoneOf<K>, { status: 'succeeded' }>).result;
}

/** The error of a call that must be refused; a call that succeeds fails the test. */
export async function refusal<C extends Channel>(backend: Backend, channel: C, payload: RequestOf<C>): Promise<ApiErrorShape> {
  const reply = await backend.dispatch(channel, payload);
  if (reply.ok) throw new Error(`${channel} was expected to be refused, and it succeeded`);
  return reply.error;
}
