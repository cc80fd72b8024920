import { describe, expect, it } from 'vitest';
import { fromAssignment, NO_PREFERENCES, scheduleInputOf, toAssignment, withAgentPreferences, type ScheduleShift } from '../../shared/api/channels/schedule';
import { weekDates } from '../../shared/calendar/days';
import { generateSchedule, type AgentInput, type ScheduleProgress } from '../../shared/engine/schedule';
import { agents, at, curve } from '../engine/schedule/fixtures';

const dates = weekDates('2026-11-16');
const stored: ScheduleShift = {
  id: 7,
  agentId: 12,
  day: 2,
  date: '2026-11-18',
  start: 1320,
  end: 1800, // 22:00 to 06:00 the next morning
  segments: [{ start: 1320, end: 1800 }],
  breaks: [{ start: 1560, end: 1590, kind: 'lunch', paid: false }],
  templateId: 'night',
  skill: 'phone',
  locked: true,
};

describe('schedule flow', () => {
  it('maps engine assignments back with the inverse of toAssignment', () => {
    const { id: _id, ...withoutId } = stored;
    expect(fromAssignment(toAssignment(stored), dates)).toEqual(withoutId);
    const unlockedFree = { ...stored, templateId: null, locked: false };
    const { id: _same, ...expected } = unlockedFree;
    expect(fromAssignment(toAssignment(unlockedFree), dates)).toEqual(expected);
    // The engine names days by index; the date comes from the week.
    expect(fromAssignment({ ...toAssignment(stored), date: undefined }, dates).date).toBe('2026-11-18');
  });

  it('merges saved preferences once: availability replaced, none saved means none', () => {
    const agent: AgentInput = { id: '3', name: 'A', skills: ['phone'], availability: [{ weekday: 0, from: '08:00', to: '12:00' }] };
    const saved = { fixedWeekdaysOff: [5, 6], availability: [], preferences: [] };
    const merged = withAgentPreferences(agent, saved);
    expect(merged).not.toHaveProperty('availability');
    expect(merged).toMatchObject({ id: '3', fixedWeekdaysOff: [5, 6], preferences: [] });
    expect(withAgentPreferences(agent, NO_PREFERENCES).fixedWeekdaysOff).toEqual([]);
    const evenings = withAgentPreferences(agent, { ...saved, availability: [{ weekday: 1, from: '16:00', to: '22:00' }] });
    expect(evenings.availability).toEqual([{ weekday: 1, from: '16:00', to: '22:00' }]);
  });

  it('assembles one schedule input for the solve and the view', () => {
    const input = scheduleInputOf({ weekStart: '2026-11-16', timeZone: 'UTC', agents: [], templates: [], requirements: { intervalMinutes: 30, series: [{ skill: 'phone', required: [1] }] } });
    expect(input).toEqual({ startDate: '2026-11-16', timeZone: 'UTC', agents: [], templates: [], requirements: { intervalMinutes: 30, days: 7, series: [{ skill: 'phone', required: [1] }] } });
    expect(scheduleInputOf({ weekStart: '2026-11-16', timeZone: 'UTC', agents: [], templates: [], requirements: { intervalMinutes: 30, series: [] }, locked: [toAssignment(stored)] }).locked).toHaveLength(1);
  });

  it('reports the best roster objective in its progress, which is what the worker waits for before a Stop', async () => {
    const events: ScheduleProgress[] = [];
    let haveRoster = false;
    const dayCurve = (_: number, minute: number) => (minute < at('08:00') || minute >= at('18:00') ? 0 : 2);
    const result = await generateSchedule(
      { startDate: '2025-03-03', requirements: curve(7, 30, { voice: dayCurve }), agents: agents(8, ['voice']) },
      {
        timeLimitSec: 60,
        onProgress: (progress) => {
          events.push(progress);
          if (progress.stage === 'roster' && progress.bestObjective !== undefined) haveRoster = true;
        },
        // Stop as soon as rostering has a roster, as schedule.stop does: the roster found is kept.
        shouldCancel: () => haveRoster,
      },
    );
    const withObjective = events.filter((e) => e.bestObjective !== undefined);
    expect(withObjective.length).toBeGreaterThan(0);
    expect(withObjective.every((e) => e.stage === 'roster' && Number.isFinite(e.bestObjective))).toBe(true);
    expect(result.assignments.length).toBeGreaterThan(0);
  }, 60_000);
});
