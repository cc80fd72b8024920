import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { computeCoverage } from '../../../shared/engine/schedule/coverage';
import { idleMinutes, idleReport, moveIdleTime } from '../../../shared/engine/schedule/idleTime';
import type { ShiftAssignment } from '../../../shared/engine/schedule';
import { agents, at, curve } from './fixtures';

// The phone queue opens at 08:00 and needs 2 agents until 16:00.
const problem = parseScheduleInput({
  startDate: '2026-11-09',
  requirements: curve(1, 30, { voice: (_, m) => (m >= at('08:00') && m < at('16:00') ? 2 : 0) }),
  agents: agents(2, ['voice']),
});
const context = buildContext(problem);
const shift = (agentId: string, templateId: string, start: string): ShiftAssignment => ({
  agentId, day: 0, start: at(start), end: at(start) + 480, segments: [{ start: at(start), end: at(start) + 480 }], breaks: [], skill: 'voice', templateId,
});

describe('paid time where no skill of the agent has a requirement', () => {
  it('moves an early shift before the queue opens to where the same day is short, hours unchanged', () => {
    const rostered = [shift('A1', 'early', '06:00'), shift('A2', 'core', '08:00')];
    expect(idleMinutes(context, rostered[0])).toBe(120);
    expect(computeCoverage(problem.requirements, rostered).underHours).toBe(2);

    const moved = moveIdleTime(context, rostered, []);
    expect(moved.map((s) => [s.agentId, s.templateId, s.start])).toEqual([['A1', 'core', at('08:00')], ['A2', 'core', at('08:00')]]);
    expect(computeCoverage(problem.requirements, moved).underHours).toBe(0);
    expect(idleReport(context, moved)).toEqual({ hours: 0, lines: [] });
  });

  it('keeps a locked shift where it is and names the idle hours that remain', () => {
    const locked = { ...shift('A1', 'early', '06:00'), locked: true };
    const moved = moveIdleTime(context, [shift('A2', 'core', '08:00')], [locked]);
    expect(moved[0].start).toBe(at('08:00'));
    const report = idleReport(context, [locked, ...moved]);
    expect(report.hours).toBe(2);
    expect(report.lines[0]).toMatch(/^A1: 2 h with no requirement for their skills \(Monday \(day 1\) 06:00–14:00 voice\)/);
  });

  it('at equal coverage cost, prefers hours when the queue is open to hours before it opens', () => {
    const open = parseScheduleInput({ startDate: '2026-11-09', requirements: curve(1, 30, { voice: (_, m) => (m >= at('08:00') && m < at('18:00') ? 1 : 0) }), agents: agents(2, ['voice']) });
    const openContext = buildContext(open);
    const rostered = [shift('A1', 'early', '06:00'), shift('A2', 'core', '10:00')];
    const before = computeCoverage(open.requirements, rostered);
    const moved = moveIdleTime(openContext, rostered, []);
    const after = computeCoverage(open.requirements, moved);
    expect(after.overHours).toBe(before.overHours); // 6 agent-hours over either way
    expect(after.underHours).toBe(0);
    expect(idleReport(openContext, rostered).hours).toBe(2);
    expect(idleReport(openContext, moved).hours).toBe(0);
  });
});
