import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultStaffing,
  forecastDayIntervals,
  intervalAgentsSolver,
  lastCompleteWeek,
  patternWeekAgents,
  queueStaffing,
  requirementsFor,
  requiredPerInterval,
  volumesOnGrid,
  weekIntervals,
} from '../../../shared/engine/requirements';
import type { ChannelStaffing } from '../../../shared/engine/staffing';
import type { QueueInterval } from '../../../shared/model';

const live: ChannelStaffing = { mode: 'live', intervalMin: 30, ahtSec: 240, targets: { answerSec: 20, serviceLevel: 0.8, maxOccupancy: 0.85 } };
const chatAbandon: ChannelStaffing = { mode: 'live', intervalMin: 15, ahtSec: 400, patienceSec: 120, concurrency: { concurrency: 2, efficiency: 0.9 }, targets: { answerSec: 30, serviceLevel: 0.7 } };
const deferred: ChannelStaffing = { mode: 'deferred', intervalMin: 30, handleSec: 480, responseSec: 4 * 3600, maxOccupancy: 0.9 };
const open = (startLocal: string, volume: number, ahtSec: number | null = null): QueueInterval => ({ startLocal, utcOffsetMin: 0, status: 'open', volume, ahtSec });

describe('requirements pipeline', () => {
  it('more volume never needs fewer agents, interval by interval and in agent-hours (live, Erlang A with chat, deferred)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(live, chatAbandon, deferred),
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (staffing, volumes, extra) => {
          const more = volumes.map((v, i) => v + extra[i]);
          const base = requirementsFor(volumes.map((v, i) => open(`2026-11-16T${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, v)), staffing);
          const grown = requirementsFor(more.map((v, i) => open(base.rows[i].start, v)), staffing);
          grown.rows.forEach((row, i) => expect(row.required!).toBeGreaterThanOrEqual(base.rows[i].required!));
          expect(grown.requiredAgentHours).toBeGreaterThanOrEqual(base.requiredAgentHours);
          expect(grown.peakRequired).toBeGreaterThanOrEqual(base.peakRequired);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it('keeps closed and missing intervals apart: closed need nobody, missing stay unknown', () => {
    const r = requirementsFor(
      [
        { startLocal: '2026-11-16T08:00', utcOffsetMin: 0, status: 'closed', volume: null, ahtSec: null },
        open('2026-11-16T08:30', 100),
        { startLocal: '2026-11-16T09:00', utcOffsetMin: 0, status: 'missing', volume: null, ahtSec: null },
      ],
      live,
    );
    // 100 calls × 240 s ÷ 1800 s = 13.3 Erlangs: the 85% occupancy cap alone needs ⌈13.3 ÷ 0.85⌉ = 16, 80% in 20 s needs 17.
    expect(r.rows.map((row) => row.required)).toEqual([0, 17, null]);
    expect(r.missingIntervals).toBe(1);
    // 17 agents for 30 minutes: 8.5 agent-hours; the peak is the one open interval.
    expect(r.requiredAgentHours).toBe(8.5);
    expect(r.peakRequired).toBe(17);
  });

  it('takes a forecast AHT per interval only when asked, and says which', () => {
    const intervals = [open('2026-11-16T08:00', 100, 480), open('2026-11-16T08:30', 100, null)];
    const typed = requirementsFor(intervals, live);
    const perInterval = requirementsFor(intervals, live, true);
    expect(typed.rows[0].required).toBe(typed.rows[1].required);
    expect(perInterval.rows[0].required).toBeGreaterThan(perInterval.rows[1].required!); // 480 s instead of 240 s
    expect(perInterval.rows[0].ahtSec).toBe(480);
    expect(perInterval.rows[1].ahtSec).toBeUndefined();
  });

  it('solves a plain volume series as open intervals (requiredPerInterval)', () => {
    const week = [open('2026-11-16T08:00', 80), open('2026-11-16T08:30', 0)];
    expect(requiredPerInterval([80, 0], live)).toEqual(requirementsFor(week, live).rows.map((r) => r.required));
  });
});

describe('volumes onto a grid', () => {
  const dates = ['2026-11-16', '2026-11-17'];

  it('spreads a 30-minute forecast evenly over 15-minute intervals, closes forecast days where it has no point, and prefers it to history', () => {
    const week = weekIntervals({
      dates,
      intervalMin: 15,
      forecast: { intervalMin: 30, days: ['2026-11-16'], points: [{ start: '2026-11-16T09:00', volume: 10, ahtSec: 300 }] },
      history: { intervalMin: 15, intervals: [open('2026-11-16T09:00', 999), open('2026-11-17T10:00', 4)] },
    });
    expect(week.intervals).toHaveLength(2 * 96);
    const at = (start: string) => week.intervals.find((p) => p.startLocal === start)!;
    expect([at('2026-11-16T09:00').volume, at('2026-11-16T09:15').volume]).toEqual([5, 5]);
    expect(at('2026-11-16T09:15').ahtSec).toBe(300);
    expect(at('2026-11-16T09:30').status).toBe('closed');
    expect(at('2026-11-17T10:00')).toMatchObject({ status: 'open', volume: 4 });
    expect(at('2026-11-17T11:00').status).toBe('closed');
    expect(week).toMatchObject({ forecastDays: ['2026-11-16'], historyDays: ['2026-11-17'], daysWithoutData: [] });
  });

  it('marks days without forecast or history missing throughout, and sums 15-minute history into 30-minute intervals', () => {
    const week = weekIntervals({ dates, intervalMin: 30, history: { intervalMin: 15, intervals: [open('2026-11-16T09:00', 3), open('2026-11-16T09:15', 4)] } });
    expect(week.intervals.find((p) => p.startLocal === '2026-11-16T09:00')).toMatchObject({ status: 'open', volume: 7 });
    expect(week.daysWithoutData).toEqual(['2026-11-17']);
    expect(week.intervals.filter((p) => p.startLocal.startsWith('2026-11-17')).every((p) => p.status === 'missing')).toBe(true);
  });

  it('gives a forecast its own grid, and plain volumes a flat array', () => {
    const grid = forecastDayIntervals(['2026-11-16'], 60, [{ start: '2026-11-16T08:00', volume: 12, ahtSec: null }]);
    expect(grid.map((p) => p.status).filter((s) => s === 'open')).toHaveLength(1);
    expect(grid).toHaveLength(24);
    const flat = volumesOnGrid(dates, 30, [{ start: '2026-11-17T01:00', volume: 6 }], 60);
    expect([flat[48 + 2], flat[48 + 3]]).toEqual([3, 3]);
  });
});

describe('staffing defaults', () => {
  it('a saved profile of the queue wins, the newest first; one of another channel does not apply', () => {
    const queue = { name: 'Billing', channel: 'phone', meanAhtSec: 300 };
    const profiles = [
      { name: 'old', queueName: 'Billing', channel: 'phone', updatedAt: '2026-01-01T00:00:00Z', settings: { ...live, ahtSec: 100 } },
      { name: 'new', queueName: 'Billing', channel: 'phone', updatedAt: '2026-02-01T00:00:00Z', settings: { ...live, ahtSec: 200 } },
      { name: 'chat', queueName: 'Billing', channel: 'chat', updatedAt: '2026-03-01T00:00:00Z', settings: { ...live, ahtSec: 300 } },
    ];
    const chosen = queueStaffing(profiles, queue, 15);
    expect(chosen.profile?.name).toBe('new');
    expect(chosen.staffing).toMatchObject({ ahtSec: 200, intervalMin: 15 });
    expect(queueStaffing([], queue, 30)).toEqual({ staffing: defaultStaffing(queue, 30), profile: undefined });
  });
});

describe('weeks and many weeks', () => {
  it('staffs the last complete Monday–Sunday week by default', () => {
    expect(lastCompleteWeek('2026-11-21T23:45')).toBe('2026-11-09'); // Saturday → the week before
    expect(lastCompleteWeek('2026-11-22T23:45')).toBe('2026-11-16'); // Sunday → that week
    expect(lastCompleteWeek('2026-11-16T00:00')).toBe('2026-11-09'); // Monday → the week before
    expect(lastCompleteWeek(undefined)).toBeUndefined();
  });

  it('spreads a week over its pattern and solves each interval as requirementsFor does', () => {
    const pattern = [0, 0.25, 0.75];
    const solve = intervalAgentsSolver(live as Extract<ChannelStaffing, { mode: 'live' }>, 30);
    const week = patternWeekAgents(pattern, 400, 240, solve);
    const direct = requiredPerInterval([0, 100, 300], live);
    expect(Array.from(week.agents)).toEqual(direct);
    expect(week.agentIntervals).toBe(direct.reduce((s, a) => s + a, 0));
  });
});
