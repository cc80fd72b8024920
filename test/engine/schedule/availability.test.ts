import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { agents, curve } from './fixtures';

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
});
