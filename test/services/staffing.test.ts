import { describe, expect, it } from 'vitest';
import { lastCompleteWeek } from '../../shared/engine/requirements';
import { call, useBackends } from '../helpers/backend';

const newBackend = useBackends();
const live = { mode: 'live' as const, intervalMin: 15, ahtSec: 330, targets: { answerSec: 20, serviceLevel: 0.8 }, shrinkage: 0.3 };


describe('staffing service', () => {
  it('solves the published Erlang C case with a service-level curve around the answer', async () => {
    const r = await call(newBackend(), 'staffing.solve', { callsPerInterval: 100, intervalMin: 30, ahtSec: 180, slTarget: 0.8, answerSec: 20, shrinkage: 0.3 });
    expect(r).toMatchObject({ agents: 14, agentsWithShrinkage: 20, traffic: 10 });
    expect(r.curve.map((p) => p.agents)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(r.curve[0].asaSec).toBeNull(); // 10 agents cannot carry 10 Erlangs
    expect(r.curve[1].serviceLevel).toBeCloseTo(0.3896, 3);
  });

  it('turns a week of demo history into requirements, keeping closed and missing apart', async () => {
    const backend = newBackend();
    await backend.ensureWorkspace();
    const phone = 1; // the demo's first queue
    const r = await call(backend, 'staffing.requirements', { staffing: live, source: { kind: 'queue', queueId: phone } });
    expect(r.weekStart).toBe('2026-11-09');
    expect(r.rows).toHaveLength(7 * 96);
    const sunday = r.rows.filter((row) => row.start.startsWith('2026-11-15'));
    expect(sunday.every((row) => row.status === 'closed' && row.required === 0)).toBe(true);
    const open = r.rows.filter((row) => row.status === 'open');
    expect(open.every((row) => row.required! >= row.requiredExact! - 1e-9 && row.rostered! >= row.required!)).toBe(true);
    expect(r.peakRequired).toBe(Math.max(...open.map((row) => row.required!)));
    expect(r.requiredAgentHours).toBeCloseTo(open.reduce((s, row) => s + row.required! / 4, 0), 6);

    // The demo's missing telephony day: 2026-08-25 lies in the week of 2026-08-24.
    const missing = await call(backend, 'staffing.requirements', { staffing: live, source: { kind: 'queue', queueId: phone, weekStart: '2026-08-24' } });
    expect(missing.missingIntervals).toBe(48);
    expect(missing.rows.filter((row) => row.status === 'missing').every((row) => row.required === null && row.volume === null)).toBe(true);
  });

  it('carries deferred backlog across intervals of a pasted series', async () => {
    const r = await call(newBackend(), 'staffing.requirements', {
      staffing: { mode: 'deferred', handleSec: 600, responseSec: 3600, intervalMin: 30 },
      source: { kind: 'series', intervalMin: 30, points: [{ start: '2026-11-16T08:00', volume: 30 }, { start: '2026-11-16T08:30', volume: 0 }, { start: '2026-11-16T09:00', volume: 0 }] },
    });
    // Window of 2 intervals: 15 items worked in each of the first two, 10 min each, 30-minute intervals → 5 agents.
    expect(r.rows.map((row) => row.requiredExact)).toEqual([5, 5, 0]);
    expect(r.rows.map((row) => row.backlog)).toEqual([15, 0, 0]);
  });

  it('saves, applies and deletes staffing profiles', async () => {
    const backend = newBackend();
    const saved = await call(backend, 'staffing.profiles.save', { name: 'Billing 80/20', channel: 'phone', queueName: 'Billing & Accounts (phone)', settings: live });
    expect(saved.settings).toEqual(live);
    expect(await call(backend, 'staffing.profiles.list', {})).toMatchObject([{ name: 'Billing 80/20', channel: 'phone' }]);
    expect(await call(backend, 'staffing.profiles.delete', { id: saved.id })).toEqual({ deleted: true });
  });

  it('says which queue is unknown', async () => {
    const reply = await newBackend().dispatch('staffing.requirements', { staffing: live, source: { kind: 'queue', queueId: 999 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ path: 'source.queueId' }] } });
  });

  it('finds the last complete Monday–Sunday week', () => {
    expect(lastCompleteWeek('2026-11-21T23:45')).toBe('2026-11-09'); // Saturday → the week before
    expect(lastCompleteWeek('2026-11-22T23:45')).toBe('2026-11-16'); // Sunday → that week
    expect(lastCompleteWeek(undefined)).toBeUndefined();
  });
});
