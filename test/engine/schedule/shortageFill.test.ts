import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { fillShortages } from '../../../shared/engine/schedule/shortageFill';
import { checkScheduleRules, type ScheduleInput, type ShiftAssignment } from '../../../shared/engine/schedule';
import { agents, at, curve, plainTemplate } from './fixtures';

const nineToFive = (agentId: string, day: number): ShiftAssignment => ({
  agentId,
  day,
  start: at('09:00'),
  end: at('17:00'),
  segments: [{ start: at('09:00'), end: at('17:00') }],
  breaks: [],
  skill: 'voice',
  templateId: 'day',
});

describe('fillShortages', () => {
  it('gives a free agent a shift where the week is short, never to one whose rules or days off forbid it', () => {
    // Two agents needed 09–17 on both days; the roster left day 1 with one.
    const input: ScheduleInput = {
      requirements: curve(2, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 2 : 0) }),
      templates: [plainTemplate('day', '09:00', 8)],
      agents: [
        ...agents(1, ['voice'], { contract: { maxShiftsPerWeek: 1, maxMinutesPerWeek: 2400 } }, 'Capped'),
        ...agents(1, ['voice'], { daysOff: [1] }, 'Off'),
        ...agents(2, ['voice']),
      ],
    };
    const context = buildContext(parseScheduleInput(input));
    const rostered = [nineToFive('Capped1', 0), nineToFive('A1', 0), nineToFive('A1', 1)];
    const { shifts, added } = fillShortages(context, rostered, []);
    expect(added).toBe(1);
    expect(shifts.slice(0, 3)).toEqual(rostered);
    expect(shifts[3]).toMatchObject({ agentId: 'A2', day: 1, start: at('09:00'), skill: 'voice' });
    expect(checkScheduleRules(parseScheduleInput(input), shifts).filter((v) => v.rule !== 'min-minutes-per-week')).toEqual([]);
  });

  it('adds nothing when every shortage is covered', () => {
    const input: ScheduleInput = {
      requirements: curve(1, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 1 : 0) }),
      templates: [plainTemplate('day', '09:00', 8)],
      agents: agents(3, ['voice']),
    };
    const context = buildContext(parseScheduleInput(input));
    expect(fillShortages(context, [nineToFive('A1', 0)], []).added).toBe(0);
  });
});
