import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleShift, ScheduleView } from '../../shared/api/channels/schedule';
import type { RecordedCall } from '../helpers/apiStandIn';

// The store talks to the services only through `api`; here `api` is a stand-in that records the calls and answers
// every shift edit as saved in place.
const calls: RecordedCall[] = [];
vi.mock('../../renderer/src/api', async () =>
  (await import('../helpers/apiStandIn')).apiStandIn(calls, (_, payload) => {
    const shiftId = (payload as { shiftId?: number }).shiftId;
    return { scheduleId: 1, newDraft: false, shiftIds: shiftId === undefined ? [] : [shiftId] };
  }),
);

const { useSchedule } = await import('../../renderer/src/stores/scheduleStore');

const WEEK = '2027-01-04';
const agent = (id: number, name: string, skills: string[]) => ({ id, name, team: 'T', skills, engine: { id: String(id), name, skills }, preferences: { fixedWeekdaysOff: [], availability: [], preferences: [] } });
const SHIFT: ScheduleShift = { id: 7, agentId: 1, day: 0, date: WEEK, start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [], templateId: null, skill: 'phone', locked: false };
/** Phones need one agent 08:00–16:00 on Monday only, so where the shift sits shows in the under-coverage. */
const VIEW = {
  schedule: { id: 1, weekStart: WEEK, version: 1, status: 'draft', basedOn: null, createdAt: '', updatedAt: '', publishedAt: null, shiftCount: 1, underHours: 0 },
  timeZone: 'UTC',
  agents: [agent(1, 'Ava', ['phone']), agent(2, 'Ben', ['chat'])],
  templates: [],
  requirements: { intervalMinutes: 30, series: [{ skill: 'phone', required: Array.from({ length: 7 * 48 }, (_, i) => (i >= 16 && i < 32 ? 1 : 0)) }] },
  shifts: [SHIFT],
  solve: null,
  versions: [],
} as unknown as ScheduleView;

describe('schedule store: moving a shift to another agent or day', () => {
  beforeEach(() => {
    calls.length = 0;
    useSchedule.setState({ view: VIEW, shifts: [SHIFT], problem: undefined, history: [], undone: [], busy: false, editsSinceSolve: 0 });
  });

  it('saves one edit with the new place, follows it in coverage, and undo/redo replay the move', async () => {
    const times = { start: 540, end: 1020, segments: [{ start: 540, end: 1020 }], breaks: [] };
    await useSchedule.getState().commit(7, times, { agentId: 2, day: 2, skill: 'chat' });
    expect(calls).toEqual([{ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times, moveTo: { agentId: 2, day: 2, skill: 'chat' } } }]);
    expect(useSchedule.getState().shifts[0]).toMatchObject({ id: 7, agentId: 2, day: 2, date: '2027-01-06', skill: 'chat', start: 540 });
    expect(useSchedule.getState().coverage?.underHours).toBe(8); // Monday's phone need is now uncovered
    expect(useSchedule.getState().history.map((e) => e.label)).toEqual(['Moved Ava’s Mon shift to Ben’s Wed 09:00–17:00']);

    await useSchedule.getState().undo();
    expect(calls[1]).toEqual({ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times: { start: 480, end: 960, segments: [{ start: 480, end: 960 }], breaks: [] }, moveTo: { agentId: 1, day: 0, skill: 'phone' } } });
    expect(useSchedule.getState().shifts[0]).toMatchObject({ agentId: 1, day: 0, date: WEEK, skill: 'phone', start: 480 });
    expect(useSchedule.getState().coverage?.underHours).toBe(0);

    await useSchedule.getState().redo();
    expect(useSchedule.getState().shifts[0]).toMatchObject({ agentId: 2, day: 2, skill: 'chat', start: 540 });
    expect(useSchedule.getState().history).toHaveLength(1);
  });

  it('a move to the place the shift already has is a plain time edit', async () => {
    const times = { start: 510, end: 990, segments: [{ start: 510, end: 990 }], breaks: [] };
    await useSchedule.getState().commit(7, times, { agentId: 1, day: 0, skill: 'phone' });
    expect(calls).toEqual([{ channel: 'schedule.updateShift', payload: { scheduleId: 1, shiftId: 7, times } }]);
    expect(useSchedule.getState().history[0]).not.toHaveProperty('to');
  });
});
