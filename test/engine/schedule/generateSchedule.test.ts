import { describe, expect, it } from 'vitest';
import { computeCoverage, generateSchedule, type ScheduleInput, type ScheduleProgress } from '../../../shared/engine/schedule';
import { agents, at, curve } from './fixtures';

/** A weekday contact-centre curve: 07:00–20:00, busier mid-morning. */
const dayCurve = (scale: number) => (_: number, minute: number) =>
  minute < at('07:00') || minute >= at('20:00') ? 0 : Math.round(scale * (2 + (minute >= at('09:00') && minute < at('13:00') ? 2 : 0)));

describe('generateSchedule', () => {
  it('schedules a week for a small team within every rule, with coverage matching its shifts', async () => {
    const input: ScheduleInput = { startDate: '2025-03-03', requirements: curve(7, 30, { voice: dayCurve(1) }), agents: agents(16, ['voice']) };
    const result = await generateSchedule(input, { timeLimitSec: 20 });
    expect(result.assignments.length).toBeGreaterThan(0);
    expect(result.summary.ruleViolations).toBe(0);
    expect(result.violations).toEqual([]);
    const recomputed = computeCoverage(input.requirements, result.assignments);
    expect(result.summary.underHours).toBeCloseTo(recomputed.underHours, 9);
    expect(result.summary.overHours).toBeCloseTo(recomputed.overHours, 9);
    expect(result.summary.lowerBoundUnderHours).toBeDefined();
    expect(result.summary.lowerBoundUnderHours!).toBeLessThanOrEqual(result.summary.underHours + 1e-6);
    expect(result.assignments.every((a) => a.date?.startsWith('2025-03'))).toBe(true);
    expect(result.assignments.every((a) => a.breaks.length > 0)).toBe(true);
  });

  it('keeps locked shifts as they are and solves the rest around them', async () => {
    const locked = {
      agentId: 'A1',
      day: 2,
      start: at('07:10'),
      end: at('15:10'),
      segments: [{ start: at('07:10'), end: at('15:10') }],
      breaks: [{ start: at('11:00'), end: at('11:30'), kind: 'lunch' as const, paid: false }],
      skill: 'voice',
    };
    const input: ScheduleInput = { requirements: curve(7, 30, { voice: dayCurve(1) }), agents: agents(16, ['voice']), locked: [locked] };
    const result = await generateSchedule(input, { timeLimitSec: 20 });
    const a1Day2 = result.assignments.filter((a) => a.agentId === 'A1' && a.day === 2);
    expect(a1Day2).toEqual([{ ...locked, locked: true }]);
    expect(result.summary.ruleViolations).toBe(0);
  });

  it('returns a schedule and names the missing template when demand falls outside every template', async () => {
    // One agent needed 03:00–04:00 every night: no default template starts before 06:00.
    const requirements = curve(2, 30, {
      voice: (day, minute) => (minute >= at('03:00') && minute < at('04:00') ? 1 : dayCurve(1)(day, minute)),
    });
    const result = await generateSchedule({ requirements, agents: agents(8, ['voice']) }, { timeLimitSec: 10 });
    expect(result.assignments.length).toBeGreaterThan(0);
    const night = result.explanations.find((e) => e.start === '03:00');
    expect(night).toMatchObject({ skill: 'voice', day: 0, end: '04:00', required: 1, scheduled: 0, shortfallHours: 1 });
    expect(night!.causes[0].cause).toBe('no-template');
    expect(night!.causes[0].message).toContain('03:00–04:00');
  });

  it('names the days-off shortage when too few agents are available on a day', async () => {
    // Day 0 is a Sunday; 8 of the 10 agents have Sundays off, and Sunday needs 5 agents.
    const team = [...agents(8, ['voice'], { fixedWeekdaysOff: [6] }), ...agents(2, ['voice'], {}, 'B')];
    const requirements = curve(1, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 5 : 0) });
    const result = await generateSchedule({ startWeekday: 6, requirements, agents: team }, { timeLimitSec: 10 });
    expect(result.assignments).toHaveLength(2);
    const gap = result.explanations[0];
    expect(gap.causes.map((c) => c.cause)).toContain('day-availability');
    expect(gap.causes.find((c) => c.cause === 'day-availability')!.message).toMatch(/only 2 agents with voice can work .* Sunday .*5 needed/);
  });

  it('names the contract cap when max shifts per week limit total supply', async () => {
    const team = agents(5, ['voice'], { contract: { maxShiftsPerWeek: 2, maxMinutesPerWeek: 2400, maxConsecutiveWorkingDays: 5 } });
    const requirements = curve(7, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? 5 : 0) });
    const result = await generateSchedule({ requirements, agents: team }, { timeLimitSec: 10 });
    expect(result.assignments).toHaveLength(10);
    const causes = result.explanations.flatMap((e) => e.causes);
    expect(causes.find((c) => c.cause === 'shift-cap')?.message).toContain('10 agent-days < 35 needed');
    expect(result.summary.ruleViolations).toBe(0);
  });

  it('returns at once with what it has when cancelled', async () => {
    const result = await generateSchedule({ requirements: curve(7, 30, { voice: dayCurve(1) }), agents: agents(16, ['voice']) }, { timeLimitSec: 30, shouldCancel: () => true });
    // How soon it returns, in seconds, is measured by the schedule bench; here: it stopped and still explains.
    expect(result.summary.cancelled).toBe(true);
    expect(result.explanations.length).toBeGreaterThan(0);
    // Stopped before anything was designed, it still hands back a complete schedule that keeps every rule.
    expect(result.assignments.length).toBeGreaterThan(0);
    expect(result.summary.ruleViolations).toBe(0);
  });

  it('keeps a complete, legal schedule with shifts whichever stage Stop lands in', async () => {
    const input: ScheduleInput = { startDate: '2025-03-03', requirements: curve(7, 30, { voice: dayCurve(1), chat: dayCurve(0.5) }), agents: [...agents(12, ['voice']), ...agents(6, ['voice', 'chat'], {}, 'B')] };
    // Stop lands at a landmark every run passes (the start, the lower bound, rostering, breaks), not after seconds.
    const landmarks: ((p: ScheduleProgress) => boolean)[] = [
      (p) => p.stage === 'design',
      (p) => p.message === 'lower bound computed',
      (p) => p.stage === 'roster',
      (p) => p.stage === 'breaks',
    ];
    for (const [n, landmark] of landmarks.entries()) {
      let stageAtStop: string | undefined;
      const stopped = await generateSchedule(input, {
        timeLimitSec: 30,
        onProgress: (p) => {
          if (stageAtStop === undefined && landmark(p)) stageAtStop = p.stage;
        },
        shouldCancel: () => stageAtStop !== undefined,
      });
      const context = `stopped at landmark ${n + 1} (stage ${stageAtStop})`;
      expect(stopped.summary.cancelled, context).toBe(true);
      expect(stopped.assignments.length, context).toBeGreaterThan(0);
      expect(stopped.summary.ruleViolations, context).toBe(0);
      expect(stopped.summary.underHours, context).toBeCloseTo(computeCoverage(input.requirements, stopped.assignments).underHours, 9);
      // Not a token schedule: its shifts cover real demand.
      expect(stopped.summary.underHours, context).toBeLessThan(stopped.coverage.requiredHours * 0.8);
    }
  });
});
