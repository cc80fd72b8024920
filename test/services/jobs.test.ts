import { describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../shared/api/types';
import type { JobDoneEvent } from '../../shared/api/jobs';
import { useBackends } from '../helpers/backend';

const newBackend = useBackends();
const count = (backend: ReturnType<typeof newBackend>, table: string) => backend.db().prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('demo seeding in a worker thread', () => {
  it('seeds an empty workspace on first use, with progress events', async () => {
    const backend = newBackend();
    const progress: JobProgressEvent[] = [];
    const done: JobDoneEvent[] = [];
    backend.events.subscribe((event, payload) => (event === 'job.progress' ? progress.push(payload as JobProgressEvent) : done.push(payload as JobDoneEvent)));
    await backend.ensureWorkspace();
    expect(count(backend, 'agents')).toBe(40);
    expect(count(backend, 'queues')).toBe(3);
    expect(count(backend, 'interval_volumes')).toBe(3 * 26 * 7 * 96 + 3 * 4); // 26 weeks of 15-minute slots, plus the fall-back hour
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(progress.some((p) => p.message.startsWith('Generated week'))).toBe(true);
    expect(done).toMatchObject([{ kind: 'demo.reset', status: 'succeeded' }]);
    expect(done[0].message).toMatch(/40 agents, 3 queues/);
  });

  it('cancels a reset and leaves the current workspace exactly as it was', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const before = count(backend, 'interval_volumes');
    const reply = await backend.dispatch('demo.reset', { weeks: 156 });
    const jobId = reply.ok ? (reply.value as { jobId: string }).jobId : '';
    expect(await backend.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    const done = await backend.waitForJob(jobId);
    expect(done?.status).toBe('cancelled');
    expect(count(backend, 'interval_volumes')).toBe(before);
    expect(await backend.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
