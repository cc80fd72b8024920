import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { generateSchedule } from '../../../shared/engine/schedule';
import { availabilityWindowIssues } from '../../../shared/engine/schedule/availabilityWindows';
import { agents, at, curve } from './fixtures';

const eligibleShiftIds = (input: Parameters<typeof parseScheduleInput>[0]) => {
  const context = buildContext(parseScheduleInput(input));
  return context.eligible[0][0].map((k) => context.shifts[k].id);
};

describe('agent availability', () => {
  it('allows only shifts inside the day’s windows', () => {
    const ids = eligibleShiftIds({
      requirements: curve(1, 30, { voice: () => 1 }),
      agents: agents(1, ['voice'], { availability: [{ weekday: 0, from: '06:00', to: '14:30' }] }),
    });
    expect(ids).toEqual(['early@06:00', 'early@06:30']);
  });

  it('reads windows in the agent’s own time zone', () => {
    // Berlin is an hour ahead of Lisbon: 08:00–16:00 in Berlin is 07:00–15:00 at a Lisbon site.
    const ids = eligibleShiftIds({
      startDate: '2025-03-03',
      timeZone: 'Europe/Lisbon',
      requirements: curve(1, 30, { voice: () => 1 }),
      agents: agents(1, ['voice'], { timeZone: 'Europe/Berlin', availability: [{ weekday: 0, from: '08:00', to: '16:00' }] }),
    });
    expect(ids).toEqual(['early@07:00']);
  });

  it('rejects an unknown time zone', () => {
    expect(() => parseScheduleInput({ timeZone: 'Mars/Base', requirements: curve(1, 30, { voice: () => 1 }), agents: agents(1, ['voice']) })).toThrow(/IANA/);
  });

  it('the solver keeps every shift of a windowed agent inside a window, and a weekday without one off', async () => {
    // Demand all day every day, so the solver would use A1 on any day at any time if the windows allowed it.
    const windows = [
      { weekday: 0, from: '08:00', to: '16:30' },
      { weekday: 2, from: '12:00', to: '22:00' },
      { weekday: 4, from: '06:00', to: '14:30' },
    ];
    const team = [...agents(1, ['voice'], { availability: windows }), ...agents(9, ['voice'], {}, 'B')];
    const requirements = curve(7, 30, { voice: (_, minute) => (minute >= at('06:00') && minute < at('22:00') ? 4 : 0) });
    const result = await generateSchedule({ startDate: '2025-03-03', requirements, agents: team }, { timeLimitSec: 20 });
    const own = result.assignments.filter((a) => a.agentId === 'A1');
    expect(own.length).toBeGreaterThan(0);
    for (const shift of own) {
      const window = windows.find((w) => w.weekday === shift.day); // 2025-03-03 is a Monday: day = weekday
      expect(window, `A1 works day ${shift.day}, which has no window`).toBeDefined();
      expect(shift.start).toBeGreaterThanOrEqual(at(window!.from));
      expect(shift.end).toBeLessThanOrEqual(at(window!.to));
    }
    expect(result.violations.filter((v) => v.agentId === 'A1')).toEqual([]);
  });

  it('says what is wrong with a window, at the field it is about', () => {
    expect(availabilityWindowIssues([{ weekday: 0, from: '08:00', to: '17:00' }, { weekday: 1, from: '22:00', to: '06:00' }])).toEqual([]);
    expect(availabilityWindowIssues([{ weekday: 0, from: '8am', to: '17:00' }])).toEqual([{ index: 0, field: 'from', message: '“8am” is not a time: use HH:MM, like 08:00' }]);
    expect(availabilityWindowIssues([{ weekday: 0, from: '08:00', to: '25:00' }])[0]).toMatchObject({ index: 0, field: 'to', message: expect.stringContaining('00:00–23:59') });
    expect(availabilityWindowIssues([{ weekday: 0, from: '08:00', to: '08:00' }])[0]).toMatchObject({ field: 'to', message: expect.stringContaining('ends when it starts') });
    expect(availabilityWindowIssues([{ weekday: 3, from: '08:00', to: '12:00' }, { weekday: 3, from: '11:00', to: '15:00' }])).toEqual([
      { index: 1, field: 'from', message: 'overlaps the Thursday window 08:00–12:00: join them into one' },
    ]);
  });
});
