import { describe, expect, it } from 'vitest';
import { parseScheduleInput } from '../../../shared/engine/schedule/context';
import { checkScheduleRules, recheckAgents, type ShiftAssignment } from '../../../shared/engine/schedule';
import { agents, at, curve } from './fixtures';

const problem = parseScheduleInput({
  requirements: curve(14, 30, { voice: () => 1 }),
  agents: agents(1, ['voice'], {
    contract: { maxShiftsPerWeek: 5, maxMinutesPerWeek: 2400, maxConsecutiveWorkingDays: 5, minConsecutiveDaysOff: 2, maxWeekendsPerPeriod: 1 },
    fixedWeekdaysOff: [2],
  }),
});

function shift(day: number, start: string, end: string, templateId?: string, skill = 'voice'): ShiftAssignment {
  return { agentId: 'A1', day, start: at(start), end: at(end), segments: [{ start: at(start), end: at(end) }], breaks: [], skill, ...(templateId ? { templateId } : {}) };
}
const rulesOf = (shifts: ShiftAssignment[]) => checkScheduleRules(problem, shifts).map((v) => v.rule);

describe('rule check', () => {
  it('accepts a legal week', () => {
    expect(checkScheduleRules(problem, [3, 4, 5, 6].map((day) => shift(day, '09:00', '17:00')))).toEqual([]);
  });

  it('flags too little rest and an early after a late', () => {
    const violations = checkScheduleRules(problem, [shift(0, '12:00', '20:00', 'late'), shift(1, '06:00', '14:00', 'early')]);
    expect(violations.map((v) => v.rule)).toEqual(['min-rest', 'cannot-follow']);
    expect(violations[0].message).toBe('A1 rests 10h before Tuesday (day 2) (at least 11h)');
    expect(violations[0].days).toEqual([0, 1]);
  });

  it('flags a fixed day off, a missing skill and two shifts on one day', () => {
    expect(rulesOf([shift(2, '09:00', '17:00')])).toEqual(['day-off']);
    expect(rulesOf([shift(0, '09:00', '17:00', undefined, 'chat')])).toEqual(['skill']);
    expect(rulesOf([shift(0, '06:00', '10:00'), shift(0, '16:00', '20:00')])).toEqual(['one-shift-per-day']);
  });

  it('flags weekly totals, long runs, short breaks between runs and extra weekends', () => {
    // Week 2 (days 7–13, Monday–Sunday): six days in a row but Wednesday (day 9) is a fixed day off, so use days 7–8
    // and 10–13 plus the weekend of week 1.
    const shifts = [5, 6, 7, 8, 10, 11, 12, 13].map((day) => shift(day, '09:00', '17:00'));
    const rules = rulesOf(shifts);
    expect(rules).toContain('max-shifts-per-week');
    expect(rules).toContain('max-minutes-per-week');
    expect(rules).toContain('max-weekends');
    expect(rules).toContain('min-days-off');
    expect(rulesOf([0, 1, 3, 4, 5, 6].map((day) => shift(day + 7, '09:00', '10:00')).filter((s) => s.day !== 9))).toContain('max-shifts-per-week');
  });

  it('flags more consecutive working days than the contract allows', () => {
    const noFixedDayOff = parseScheduleInput({ requirements: curve(7, 30, { voice: () => 1 }), agents: agents(1, ['voice']) });
    const violations = checkScheduleRules(noFixedDayOff, [0, 1, 2, 3, 4, 5].map((day) => shift(day, '09:00', '12:00')));
    expect(violations.map((v) => v.rule)).toEqual(['max-shifts-per-week', 'max-consecutive-days']);
  });
});

describe('rule check of agents without any shift', () => {
  it('flags the weekly minimum of an agent who has no shift at all', () => {
    const withMinimum = parseScheduleInput({
      requirements: curve(7, 30, { voice: () => 1 }),
      agents: [...agents(1, ['voice'], { contract: { minMinutesPerWeek: 36 * 60 } }), ...agents(1, ['voice'], {}, 'B')],
    });
    const violations = checkScheduleRules(withMinimum, [{ agentId: 'B1', day: 0, start: at('09:00'), end: at('17:00'), segments: [{ start: at('09:00'), end: at('17:00') }], breaks: [], skill: 'voice' }]);
    expect(violations).toEqual([expect.objectContaining({ agentId: 'A1', rule: 'min-minutes-per-week', days: [] })]);
    expect(violations[0].message).toMatch(/A1 works 0h in the week from Monday \(day 1\) \(at least 36h\)/);
  });

  it('rechecks only the edited agents after an edit, with the same result as checking everyone', () => {
    const team = parseScheduleInput({ requirements: curve(7, 30, { voice: () => 1 }), agents: agents(3, ['voice'], { contract: { maxShiftsPerWeek: 2 } }) });
    const on = (agentId: string, day: number, start = '09:00', end = '17:00'): ShiftAssignment => ({ ...shift(day, start, end), agentId });
    const before = [on('A1', 0), on('A1', 1), on('A2', 0), on('A2', 1), on('A2', 2), on('A3', 3)];
    const previous = checkScheduleRules(team, before);
    expect(previous.map((v) => `${v.agentId} ${v.rule}`)).toEqual(['A2 max-shifts-per-week']);
    // A2's Wednesday moves to A3 on Tuesday night with too little rest before A3's Thursday.
    const after = [...before.filter((s) => !(s.agentId === 'A2' && s.day === 2)), on('A3', 2, '20:00', '23:59')];
    const rechecked = recheckAgents(team, previous, after, new Set(['A2', 'A3']));
    expect(rechecked).toEqual(checkScheduleRules(team, after));
    expect(rechecked.map((v) => `${v.agentId} ${v.rule}`)).toEqual(['A3 min-rest']);
  });
});
