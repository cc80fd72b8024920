import { describe, expect, it } from 'vitest';
import { optimiseBreaks } from '../../../shared/engine/schedule/breakOptimiser';
import {
  computeCoverage,
  DEFAULT_TEMPLATES,
  placeBreaks,
  ScheduleWeightsSchema,
  ShiftTemplateSchema,
  type ShiftAssignment,
  type ShiftTemplate,
} from '../../../shared/engine/schedule';
import { at, curve } from './fixtures';

const templates = DEFAULT_TEMPLATES.map((t) => ShiftTemplateSchema.parse(t));
const weights = ScheduleWeightsSchema.parse({});
const template = (id: string): ShiftTemplate => templates.find((t) => t.id === id)!;

function shifts(count: number, templateId: string, start: string): ShiftAssignment[] {
  const t = template(templateId);
  const begin = at(start);
  const segments = t.segments.map((s) => ({ start: begin + s.offsetMinutes, end: begin + s.offsetMinutes + s.lengthMinutes }));
  return Array.from({ length: count }, (_, i) => ({
    agentId: `${templateId}${i}`,
    day: 0,
    start: begin,
    end: segments[segments.length - 1].end,
    segments,
    breaks: [],
    skill: 'voice',
    templateId,
  }));
}

function expectBreaksInsideWindows(placed: ShiftAssignment[]): void {
  for (const shift of placed) {
    const rules = template(shift.templateId!).breaks;
    expect(shift.breaks).toHaveLength(rules.length);
    for (const pause of shift.breaks) {
      const rule = rules.find((r) => r.kind === pause.kind && pause.start >= shift.start + r.windowStartMinutes && pause.end <= shift.start + r.windowEndMinutes);
      expect(rule, `break ${pause.start}–${pause.end} of ${shift.agentId} outside every window`).toBeDefined();
      expect(pause.end - pause.start).toBe(rule!.lengthMinutes);
      expect(shift.segments.some((s) => s.start <= pause.start && pause.end <= s.end)).toBe(true);
    }
    const sorted = [...shift.breaks].sort((a, b) => a.start - b.start);
    sorted.forEach((b, i) => i > 0 && expect(b.start).toBeGreaterThanOrEqual(sorted[i - 1].end));
  }
}

/** A flat requirement over Core 09:00–17:00. */
const flat = (agents: number) => curve(1, 15, { voice: (_, minute) => (minute >= at('09:00') && minute < at('17:00') ? agents : 0) });
// Twelve agents on Core against a requirement of eight: four spare at every moment, enough for every break if and
// only if the breaks are staggered (twelve 30-minute lunches in a 2-hour window need at least three start times).
const requirements = flat(8);
const options = { requirements, templates, weights, stepMinutes: 15 };

describe('break placement', () => {
  it('places every break inside its window and its working span', () => {
    const placed = placeBreaks([...shifts(12, 'core', '09:00'), ...shifts(4, 'split', '09:00')], options);
    expectBreaksInsideWindows(placed);
  });

  it('staggers breaks so coverage never drops below the requirement when there is room', () => {
    const placed = placeBreaks(shifts(12, 'core', '09:00'), options);
    expect(computeCoverage(requirements, placed).underHours).toBeCloseTo(0, 9);
    const lunchStarts = new Set(placed.map((s) => s.breaks.find((b) => b.kind === 'lunch')!.start));
    expect(lunchStarts.size).toBeGreaterThanOrEqual(3);
  });

  it('the break MIP tiles breaks exactly when the spare capacity is exactly enough', async () => {
    // Requirement nine: three spare agents, twelve lunches of 30 minutes in a 2-hour window — only a perfect tiling
    // (three lunches at each of four half-hours) avoids a gap.
    const tight = { ...options, requirements: flat(9) };
    const all = shifts(12, 'core', '09:00');
    const optimised = await optimiseBreaks(placeBreaks(all, tight), all.map(() => true), { ...tight, timeLimitSec: 10 });
    expectBreaksInsideWindows(optimised);
    expect(computeCoverage(tight.requirements, optimised).underHours).toBeCloseTo(0, 9);
  });

  it('keeps breaks that are already given', () => {
    const given = shifts(1, 'core', '09:00').map((s) => ({ ...s, breaks: [{ start: at('12:00'), end: at('12:45'), kind: 'lunch' as const, paid: false }] }));
    expect(placeBreaks(given, options)[0].breaks).toEqual(given[0].breaks);
  });

  it('the break MIP keeps breaks in their windows and does no worse than the greedy placement', async () => {
    // A peaked curve where greedy one-at-a-time placement leaves some slack.
    const peaked = curve(1, 15, {
      voice: (_, minute) => (minute < at('07:00') || minute >= at('19:00') ? 0 : 10 + Math.round(4 * Math.sin((minute - at('07:00')) / 90))),
    });
    const peakedOptions = { ...options, requirements: peaked };
    const all = [...shifts(6, 'early', '07:00'), ...shifts(6, 'core', '09:00'), ...shifts(6, 'late', '11:00')];
    const greedy = placeBreaks(all, peakedOptions);
    const optimised = await optimiseBreaks(greedy, all.map(() => true), { ...peakedOptions, timeLimitSec: 10 });
    expectBreaksInsideWindows(optimised);
    const cost = (placed: ShiftAssignment[]) => {
      const coverage = computeCoverage(peaked, placed);
      return weights.underPerAgentHour * coverage.underHours + weights.overPerAgentHour * coverage.overHours;
    };
    expect(cost(optimised)).toBeLessThanOrEqual(cost(greedy) + 1e-9);
  });
});
