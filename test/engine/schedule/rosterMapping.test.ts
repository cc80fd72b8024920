import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { buildRosterProblem } from '../../../shared/engine/schedule/rosterMapping';
import type { DesignedShifts } from '../../../shared/engine/schedule/shiftDesign';
import { agents, curve } from './fixtures';

// Three agents over one week: a voice-only agent with Sundays off, a chat-only agent, and a voice agent available
// only in the mornings on Mondays.
const problem = parseScheduleInput({
  requirements: curve(7, 30, { voice: () => 1, chat: () => 1 }),
  agents: [
    ...agents(1, ['voice'], { fixedWeekdaysOff: [6], preferences: [{ kind: 'avoid', templateId: 'late', weight: 3 }] }),
    ...agents(1, ['chat'], {}, 'C'),
    ...agents(1, ['voice'], { availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, from: weekday === 0 ? '06:00' : '00:00', to: weekday === 0 ? '15:00' : '23:59' })) }, 'M'),
  ],
});
const context = buildContext(problem);
const shiftIndex = (id: string) => context.shifts.findIndex((s) => s.id === id);
const skill = (name: string) => context.skills.indexOf(name);
const designed: DesignedShifts[] = [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
  { day, shift: shiftIndex('early@06:00'), skill: skill('voice'), count: 1 },
  { day, shift: shiftIndex('late@12:30'), skill: skill('voice'), count: 1 },
  { day, shift: shiftIndex('late@13:00'), skill: skill('voice'), count: 1 },
  { day, shift: shiftIndex('core@09:00'), skill: skill('chat'), count: 1 },
]);
const { problem: roster } = buildRosterProblem(context, designed, new Map());
const employee = (id: string) => roster.employees.find((e) => e.id === id)!;

describe('mapping designed shifts to a rostering problem', () => {
  it('makes one shift type per template and skill, with cover summed over the designed starts', () => {
    expect(roster.shiftTypes.map((t) => t.id)).toEqual(['core#chat', 'early#voice', 'late#voice']);
    expect(roster.cover.find((c) => c.day === 3 && c.shift === 'late#voice')?.requirement).toBe(2);
    expect(roster.shiftTypes.find((t) => t.id === 'late#voice')?.minutes).toBe(450);
  });

  it('derives "cannot follow" from the templates and the minimum rest', () => {
    // A late ending at 21:00 leaves 9 hours before a 06:00 early; the early template also forbids it outright.
    expect(roster.shiftTypes.find((t) => t.id === 'late#voice')?.cannotFollow).toEqual(['early#voice']);
    expect(roster.shiftTypes.find((t) => t.id === 'early#voice')?.cannotFollow).toEqual([]);
  });

  it('caps types an agent lacks the skill for at zero', () => {
    expect(employee('A1').maxShifts['core#chat']).toBe(0);
    expect(employee('C1').maxShifts['early#voice']).toBe(0);
    expect(employee('C1').maxShifts['core#chat']).toBeGreaterThan(0);
  });

  it('turns fixed days off into days off and partial unavailability into prohibitive off-requests', () => {
    expect(employee('A1').daysOff).toEqual([6]);
    const mondayLate = roster.shiftOffRequests.find((r) => r.employee === 'M1' && r.day === 0 && r.shift === 'late#voice');
    expect(mondayLate?.weight).toBeGreaterThan(Math.max(...roster.cover.map((c) => c.underWeight)));
    expect(roster.shiftOffRequests.some((r) => r.employee === 'M1' && r.day === 0 && r.shift === 'early#voice')).toBe(false);
  });

  it('turns preferences into requests with their weights', () => {
    const avoided = roster.shiftOffRequests.filter((r) => r.employee === 'A1' && r.shift === 'late#voice');
    expect(avoided.map((r) => r.day)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(avoided.every((r) => r.weight === 3)).toBe(true);
  });

  it('caps lates per agent at their even share plus one', () => {
    // Here 14 lates for two agents: the even share (7, +1) is above the contract's 5 a week, which binds.
    expect(employee('A1').maxShifts['late#voice']).toBe(5);
    // Two lates in the week for two agents: one each, plus one of slack.
    const fewLates = designed.filter((d) => context.shifts[d.shift].template.id !== 'late' || (d.day < 2 && context.shifts[d.shift].id === 'late@13:00'));
    const capped = buildRosterProblem(context, fewLates, new Map()).problem.employees;
    expect(capped.find((e) => e.id === 'A1')!.maxShifts['late#voice']).toBe(2);
    expect(capped.find((e) => e.id === 'M1')!.maxShifts['late#voice']).toBe(2);
  });

  it('gives a locked shift’s type to its own agent only, once (locks are fixed cells, not extra shifts to hand out)', () => {
    const locked = { agentId: 'A1', day: 2, start: 420, end: 900, segments: [{ start: 420, end: 900 }], breaks: [], skill: 'voice' };
    const withLock = parseScheduleInput({ ...problem, requirements: curve(7, 30, { voice: () => 1, chat: () => 1 }), locked: [locked] });
    const lockContext = buildContext(withLock);
    const lockedWork = new Map([['A1', { days: new Set([2]), paidMinutes: 480 }]]);
    const mapped = buildRosterProblem(lockContext, designed, lockedWork).problem;
    const holder = mapped.employees.find((e) => e.id === 'A1')!;
    expect(holder.fixed).toEqual([{ day: 2, shift: 'locked#1' }]);
    expect(holder.maxShifts['locked#1']).toBe(1);
    // Before the fix this type had no cap for anyone: the roster handed it to other agents to fill their contract
    // minutes, and those shifts vanished when the roster became shifts.
    for (const other of mapped.employees.filter((e) => e.id !== 'A1')) expect(other.maxShifts['locked#1']).toBe(0);
  });
});
