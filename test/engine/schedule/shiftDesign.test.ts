import { describe, expect, it } from 'vitest';
import { buildContext, parseScheduleInput } from '../../../shared/engine/schedule/context';
import { designShifts } from '../../../shared/engine/schedule/shiftDesign';
import { computeCoverage, placeBreaks, type ScheduleInput, type ShiftAssignment } from '../../../shared/engine/schedule';
import { agents, at, curve, plainTemplate } from './fixtures';

async function design(input: ScheduleInput, timeLimitSec = 10) {
  const problem = parseScheduleInput(input);
  const context = buildContext(problem);
  const nothingLocked = context.skills.map(() => new Float64Array(context.grid.intervalCount));
  const result = await designShifts(context, nothingLocked, new Map(), { timeLimitSec });
  // The designed shifts as anonymous assignments, breaks placed, to measure what the design really covers.
  const shifts: ShiftAssignment[] = result.designed.flatMap((d) =>
    Array.from({ length: d.count }, (_, n) => {
      const shift = context.shifts[d.shift];
      return { agentId: `${shift.id}#${n}`, day: d.day, start: shift.start, end: shift.end, segments: shift.segments, breaks: [], skill: context.skills[d.skill], templateId: shift.template.id };
    }),
  );
  const placed = placeBreaks(shifts, { requirements: problem.requirements, templates: problem.templates, weights: problem.weights, stepMinutes: 15 });
  return { result, context, coverage: computeCoverage(problem.requirements, placed) };
}

describe('shift design', () => {
  it('covers a simple curve exactly', async () => {
    // 2 agents 06–12, 5 agents 12–14, 3 agents 14–20: exactly 2 earlies (06–14) and 3 lates (12–20).
    const requirements = curve(1, 30, {
      voice: (_, minute) => (minute >= at('06:00') && minute < at('12:00') ? 2 : minute >= at('12:00') && minute < at('14:00') ? 5 : minute >= at('14:00') && minute < at('20:00') ? 3 : 0),
    });
    const { result, context, coverage } = await design({
      requirements,
      agents: agents(10, ['voice']),
      templates: [plainTemplate('early', '06:00', 8), plainTemplate('late', '12:00', 8)],
    });
    const counts = Object.fromEntries(result.designed.map((d) => [context.shifts[d.shift].id, d.count]));
    expect(counts).toEqual({ 'early@06:00': 2, 'late@12:00': 3 });
    expect(coverage.underHours).toBe(0);
    expect(coverage.overHours).toBe(0);
    expect(result.lowerBoundUnderHours).toBeCloseTo(0, 6);
  });

  it('never designs more shifts on a day than agents are available', async () => {
    const requirements = curve(1, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 8 : 0) });
    const { result, coverage } = await design({
      requirements,
      agents: agents(3, ['voice']),
      templates: [plainTemplate('core', '09:00', 8)],
    });
    expect(result.designed.reduce((sum, d) => sum + d.count, 0)).toBe(3);
    expect(coverage.underHours).toBeCloseTo(5 * 8, 6);
    expect(result.lowerBoundUnderHours).toBeCloseTo(5 * 8, 6);
  });

  it('has an LP lower bound on under-coverage no larger than what the design achieves', async () => {
    // Default templates with breaks, a two-peaked curve and too few agents for it: the bound is positive.
    const requirements = curve(2, 15, {
      voice: (_, minute) => {
        const hour = minute / 60;
        if (hour < 7 || hour >= 20) return 0;
        return Math.round(4 + 6 * Math.exp(-(((hour - 10.5) / 1.5) ** 2)) + 5 * Math.exp(-(((hour - 15) / 1.5) ** 2)));
      },
    });
    const { result, coverage } = await design({ requirements, agents: agents(9, ['voice']) });
    expect(result.lowerBoundUnderHours).not.toBeNull();
    expect(result.lowerBoundUnderHours!).toBeGreaterThan(0);
    expect(result.lowerBoundUnderHours!).toBeLessThanOrEqual(coverage.underHours + 1e-6);
  });

  it('respects each agent’s weekly shift cap, also through contract minutes', async () => {
    // One agent, 7 days of demand, at most 2400 minutes: five 7.5-hour shifts, not seven.
    const requirements = curve(7, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 1 : 0) });
    const { result } = await design({
      requirements,
      agents: agents(1, ['voice'], { contract: { maxShiftsPerWeek: 7, maxMinutesPerWeek: 2400, maxConsecutiveWorkingDays: 7 } }),
    });
    expect(result.designed.reduce((sum, d) => sum + d.count, 0)).toBe(5);
  });
});

describe('shift design stopped before any day is solved', () => {
  it('keeps each day’s total from the LP shares instead of rounding every start down to nothing', async () => {
    // 3 agents 07:00–17:00, with starts every 30 minutes: the LP may spread a day over many starts.
    const problem = parseScheduleInput({
      requirements: curve(2, 30, { voice: (_, minute) => (minute >= at('07:00') && minute < at('17:00') ? 3 : 0) }),
      agents: agents(10, ['voice']),
    });
    const context = buildContext(problem);
    // Stopped from the start: the relaxation is solved once without the hook, every day's MIP is skipped.
    const result = await designShifts(context, context.skills.map(() => new Float64Array(context.grid.intervalCount)), new Map(), { timeLimitSec: 10, shouldCancel: () => true });
    expect(result.status).toBe('stopped');
    const perDay = [0, 1].map((day) => result.designed.filter((d) => d.day === day).reduce((sum, d) => sum + d.count, 0));
    expect(perDay.every((n) => n >= 3)).toBe(true);
  });
});
