import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, type ShiftAssignment } from '../../../shared/engine/schedule';
import { at, curve } from './fixtures';

describe('coverage', () => {
  it('counts working agents per interval, fractions for partial intervals, none on break', () => {
    const requirements = curve(1, 30, { voice: (_, minute) => (minute >= at('09:00') && minute < at('11:00') ? 2 : 0) });
    const shift: ShiftAssignment = {
      agentId: 'a',
      day: 0,
      start: at('09:00'),
      end: at('10:45'),
      segments: [{ start: at('09:00'), end: at('10:45') }],
      breaks: [{ start: at('09:30'), end: at('09:45'), kind: 'break', paid: true }],
      skill: 'voice',
    };
    const report = computeCoverage(requirements, [shift]);
    const voice = report.skills[0];
    const slot = (clock: string) => at(clock) / 30;
    expect(voice.scheduled[slot('09:00')]).toBe(1);
    expect(voice.scheduled[slot('09:30')]).toBe(0.5);
    expect(voice.scheduled[slot('10:00')]).toBe(1);
    expect(voice.scheduled[slot('10:30')]).toBe(0.5);
    // Required 2 × 2 h = 4 agent-hours; worked 1 h 45 less a 15-minute break = 1.5 h.
    expect(report.requiredHours).toBe(4);
    expect(report.scheduledHours).toBe(1.5);
    expect(report.underHours).toBe(2.5);
    expect(report.overHours).toBe(0);
  });

  it('adds a curve for a skill worked without a requirement, all of it over-coverage', () => {
    const requirements = curve(1, 15, { voice: () => 0 });
    const report = computeCoverage(requirements, [{ day: 0, segments: [{ start: 600, end: 660 }], breaks: [], skill: 'chat' }]);
    expect(report.skills.map((s) => s.skill)).toEqual(['voice', 'chat']);
    expect(report.overHours).toBe(1);
  });

  it('is consistent with the assignments it is given (property)', () => {
    const days = 3;
    const shiftArbitrary = fc
      .record({
        day: fc.integer({ min: 0, max: days - 1 }),
        start: fc.integer({ min: 0, max: 20 * 60 }),
        length: fc.integer({ min: 30, max: 10 * 60 }),
        breakOffset: fc.integer({ min: 0, max: 600 }),
        breakLength: fc.integer({ min: 5, max: 45 }),
        skill: fc.constantFrom('voice', 'chat'),
      })
      .map(({ day, start, length, breakOffset, breakLength, skill }) => {
        const breakStart = start + Math.min(breakOffset, Math.max(0, length - breakLength));
        const breaks = breakLength < length ? [{ start: breakStart, end: breakStart + breakLength, kind: 'break' as const, paid: true }] : [];
        return { agentId: 'x', day, start, end: start + length, segments: [{ start, end: start + length }], breaks, skill } satisfies ShiftAssignment;
      });
    const requirementArbitrary = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: days * 96, maxLength: days * 96 });

    fc.assert(
      fc.property(fc.array(shiftArbitrary, { maxLength: 30 }), requirementArbitrary, requirementArbitrary, (shifts, voice, chat) => {
        const requirements = { intervalMinutes: 15 as const, days, series: [{ skill: 'voice', required: voice }, { skill: 'chat', required: chat }] };
        const report = computeCoverage(requirements, shifts);
        const horizon = days * 1440;
        const clipped = (start: number, end: number) => Math.max(0, Math.min(end, horizon) - Math.max(start, 0));
        for (const skill of ['voice', 'chat']) {
          const mine = shifts.filter((s) => s.skill === skill);
          const workedMinutes = mine.reduce(
            (sum, s) => sum + clipped(s.day * 1440 + s.start, s.day * 1440 + s.end) - s.breaks.reduce((b, p) => b + clipped(s.day * 1440 + p.start, s.day * 1440 + p.end), 0),
            0,
          );
          const curves = report.skills.find((c) => c.skill === skill)!;
          // Scheduled agent-hours are exactly the minutes worked inside the horizon.
          expect(curves.scheduledHours).toBeCloseTo(workedMinutes / 60, 6);
          // Scheduled − required = over − under, interval by interval and in total.
          expect(curves.scheduledHours - curves.requiredHours).toBeCloseTo(curves.overHours - curves.underHours, 6);
          for (let t = 0; t < curves.required.length; t++) expect(curves.scheduled[t]).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
