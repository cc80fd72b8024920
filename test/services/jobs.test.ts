import { describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../shared/api/types';
import type { JobDoneEvent } from '../../shared/api/jobs';
import { useBackends } from '../helpers/backend';
import { EventHub } from '../../electron/services/events';
import { JobRunner, MAX_CONCURRENT_JOBS, resolveWorkerScript } from '../../electron/services/jobs';

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

describe('a limited number of jobs at once', () => {
  it('queues jobs beyond the limit, says so, starts them in order as slots free, and cancels one still waiting', async () => {
    const events = new EventHub();
    const log: string[] = [];
    const progress: JobProgressEvent[] = [];
    events.subscribe((event, payload) => {
      if (event === 'job.progress') {
        const p = payload as JobProgressEvent;
        progress.push(p);
        if (p.message === 'Starting…') log.push(`start ${p.jobId}`);
      } else log.push(`done ${(payload as JobDoneEvent).jobId} ${(payload as JobDoneEvent).status}`);
    });
    const runner = new JobRunner(events, resolveWorkerScript(), 1);
    const complete = (workspace: { agents: unknown[] }) => ({ message: `${workspace.agents.length} agents`, result: undefined });
    try {
      const first = runner.start('demo.reset', 'demo.generate', { endDate: '2026-11-21', weeks: 4 }, complete);
      const second = runner.start('demo.reset', 'demo.generate', { endDate: '2026-11-21', weeks: 4 }, complete);
      const third = runner.start('demo.reset', 'demo.generate', { endDate: '2026-11-21', weeks: 4 }, complete);

      const queuedMessages = (jobId: string) => progress.filter((p) => p.jobId === jobId && p.queued).map((p) => p.message);
      expect(queuedMessages(first.jobId)).toEqual([]);
      expect(queuedMessages(second.jobId).at(-1)).toBe('Queued: next in line; at most 1 jobs run at once.');
      expect(queuedMessages(third.jobId).at(-1)).toBe('Queued: 1 job ahead in line; at most 1 jobs run at once.');

      const waits = [runner.wait(first.jobId), runner.wait(second.jobId), runner.wait(third.jobId)];
      expect(runner.cancel(third.jobId)).toBe(true);
      expect(runner.cancel(third.jobId)).toBe(false);
      const [firstDone, secondDone, thirdDone] = await Promise.all(waits);
      expect(thirdDone).toMatchObject({ status: 'cancelled', message: 'Cancelled before it started; nothing was changed.' });
      expect(firstDone).toMatchObject({ status: 'succeeded', message: '40 agents' });
      expect(secondDone).toMatchObject({ status: 'succeeded', message: '40 agents' });
      // One at a time: the second starts only after the first is done; the cancelled one never starts.
      expect(log).toEqual([`start ${first.jobId}`, `done ${third.jobId} cancelled`, `done ${first.jobId} succeeded`, `start ${second.jobId}`, `done ${second.jobId} succeeded`]);
    } finally {
      await runner.shutdown();
    }
  });

  it('runs up to the limit side by side', async () => {
    const events = new EventHub();
    const progress: JobProgressEvent[] = [];
    events.subscribe((event, payload) => void (event === 'job.progress' && progress.push(payload as JobProgressEvent)));
    const runner = new JobRunner(events, resolveWorkerScript(), MAX_CONCURRENT_JOBS);
    try {
      const handles = Array.from({ length: MAX_CONCURRENT_JOBS + 1 }, () => runner.start('demo.reset', 'demo.generate', { endDate: '2026-11-21', weeks: 4 }, () => ({ message: 'ok', result: undefined })));
      const queued = handles.filter((h) => progress.some((p) => p.jobId === h.jobId && p.queued));
      expect(queued.map((h) => h.jobId)).toEqual([handles.at(-1)!.jobId]);
      await Promise.all(handles.map((h) => runner.wait(h.jobId)));
    } finally {
      await runner.shutdown();
    }
  });
});

describe('a cancel that arrives while a worker commits', () => {
  it('counts the job as done when its worker had committed the result, and as cancelled when it had not', async () => {
    const script = { file: new URL('../fixtures/workers/resultAfterCancel.mjs', import.meta.url), execArgv: [] };
    for (const committed of [true, false]) {
      const runner = new JobRunner(new EventHub(), script, 1);
      try {
        // The stand-in reads only `committed` from its input.
        const input = { committed } as unknown as Parameters<typeof runner.start<'forecast.run', 'forecast.run'>>[2];
        const handle = runner.start('forecast.run', 'forecast.run', input, (output) => ({ message: 'Saved', result: { runId: output.runId } }));
        expect(runner.cancel(handle.jobId)).toBe(true);
        const done = await runner.wait(handle.jobId);
        expect(done).toMatchObject(committed ? { status: 'succeeded', result: { runId: 1 } } : { status: 'cancelled', message: 'Cancelled; nothing was changed.' });
      } finally {
        await runner.shutdown();
      }
    }
  });
});
