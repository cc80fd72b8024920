import { describe, expect, it } from 'vitest';
import { lockConflicts, parseScheduleInput, type ShiftAssignmentInput } from '../../../shared/engine/schedule';
import { agents, at, curve } from './fixtures';

const requirements = curve(7, 30, { voice: (_, minute) => (minute >= at('07:00') && minute < at('20:00') ? 2 : 0) });
const lock = (agentId: string, day: number, start = '09:00', end = '17:00'): ShiftAssignmentInput => ({
  agentId,
  day,
  start: at(start),
  end: at(end),
  segments: [{ start: at(start), end: at(end) }],
  breaks: [{ start: at('12:00'), end: at('12:30'), kind: 'lunch', paid: false }],
  skill: 'voice',
  templateId: 'core',
});

describe('lockConflicts', () => {
  it('finds nothing when the locks leave room for every rule', () => {
    const problem = parseScheduleInput({ startDate: '2026-11-09', requirements, agents: agents(3, ['voice']), locked: [lock('A1', 1)] });
    expect(lockConflicts(problem)).toEqual([]);
  });

  it('names the lock and the rule when the locks break a rule on their own', () => {
    const problem = parseScheduleInput({
      startDate: '2026-11-09',
      requirements,
      agents: agents(1, ['voice'], { fixedWeekdaysOff: [2] }),
      locked: [lock('A1', 2)],
    });
    const [conflict] = lockConflicts(problem);
    expect(conflict).toMatchObject({ agentId: 'A1', rule: 'day-off', locks: ['Wednesday (day 3) 09:00–17:00'] });
    expect(conflict.message).toMatch(/days off/);
  });

  it('names the weekly minimum when the locks sit where the agent’s other hours would have to go', () => {
    // 36 h a week at 7.5 paid hours a shift needs 5 shifts; at most 5 days in a row, and with two locks on Monday
    // and Sunday plus two days off required in a row, no week reaches it.
    const team = agents(1, ['voice'], { contract: { minMinutesPerWeek: 36 * 60, maxMinutesPerWeek: 40 * 60, maxShiftsPerWeek: 5, maxConsecutiveWorkingDays: 5, minConsecutiveDaysOff: 2 }, fixedWeekdaysOff: [2, 4] });
    const problem = parseScheduleInput({ startDate: '2026-11-09', requirements, agents: team, locked: [lock('A1', 0), lock('A1', 6)] });
    const conflicts = lockConflicts(problem);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts[0].locks).toEqual(['Monday (day 1) 09:00–17:00', 'Sunday (day 7) 09:00–17:00']);
    expect(conflicts.map((c) => c.rule)).toContain('min-minutes-per-week');
  });
});
